"""职业水平 and continuing education: registration periods, hours counted once, external hours,
shortfall at a date, reminders."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk.models import AuditLog, Worker
from swdesk.services import education, reminders, training
from swdesk.services.base import ValidationError


def make_worker(office, name="周琳", level="社会工作师"):
    return Worker.create(office=office, name=name, gender="女", birth_date=dt.date(1985, 5, 5), sector="企业",
                         education="本科及以上", title="初级", sw_level=level)


def course(day, hours, ce=True, title="社会工作伦理"):
    c = training.create_course(dict(title=title, start_date=day, hours=hours))
    if ce:
        education.mark_continuing_education(c.id, True)
    return c


def test_period_is_three_years_less_a_day():
    assert education.period_end(dt.date(2024, 3, 1)) == dt.date(2027, 2, 28)
    assert education.period_end(dt.date(2024, 2, 29)) == dt.date(2027, 2, 27)


def test_required_hours_by_level_are_office_settings(office):
    assert (education.required_hours("助理社会工作师"), education.required_hours("社会工作师"),
            education.required_hours("高级社会工作师"), education.required_hours("无")) == (72, 90, 90, 0)


def test_hours_in_period_counted_once_and_only_continuing_education(office):
    w = make_worker(office)
    education.add_registration(w.id, dt.date(2024, 1, 10))
    ce = course(dt.date(2024, 5, 1), 12)
    plain = course(dt.date(2024, 6, 1), 30, ce=False, title="消防演练")
    before = course(dt.date(2023, 12, 1), 40, title="登记前的课")
    for c in (ce, plain, before):
        training.add_attendance(c.id, [w.id])
    training.add_attendance(ce.id, [w.id])  # a repeated scan adds nothing
    education.add_external(w.id, dict(institution="市社工协会", date=dt.date(2025, 3, 2), hours=20.5,
                                      note="督导培训"))
    status = education.period_status(w.id, dt.date(2026, 1, 1))
    assert (status.start, status.end, status.required) == (dt.date(2024, 1, 10), dt.date(2027, 1, 9), 90)
    assert (status.internal, status.external, status.done, status.missing) == (12, 20.5, 32.5, 57.5)
    assert status.due == dt.date(2027, 1, 10)


def test_shortfall_at_a_date_counts_only_hours_up_to_it(office):
    w = make_worker(office, level="助理社会工作师")
    education.add_registration(w.id, dt.date(2023, 6, 1))
    training.add_attendance(course(dt.date(2024, 2, 1), 40).id, [w.id])
    training.add_attendance(course(dt.date(2025, 8, 1), 40, title="第二期").id, [w.id])
    assert education.period_status(w.id, dt.date(2024, 12, 31)).missing == 32
    assert education.period_status(w.id, dt.date(2025, 8, 1)).missing == 0
    # the period ran out on 2026-05-31: no running registration after it
    assert education.period_status(w.id, dt.date(2026, 6, 1)) is None


def test_renewal_opens_a_new_period(office):
    w = make_worker(office)
    education.add_registration(w.id, dt.date(2020, 4, 1))
    training.add_attendance(course(dt.date(2021, 4, 1), 90).id, [w.id])
    education.add_registration(w.id, dt.date(2023, 4, 1))
    status = education.period_status(w.id, dt.date(2024, 1, 1))
    assert (status.start, status.done, status.missing) == (dt.date(2023, 4, 1), 0, 90)


def test_external_hours_validation_reports_every_problem(office):
    w = make_worker(office)
    with pytest.raises(ValidationError) as info:
        education.add_external(w.id, dict(institution="", date="2026-13-01", hours=0))
    assert set(info.value.problems) == {"institution", "date", "hours"}
    row = education.add_external(w.id, dict(institution="区民政局", date=dt.date(2025, 1, 1), hours=6,
                                            scan=b"%PDF-1.4 proof", scan_name="证明.pdf"))
    education.update_external(row.id, {"hours": 8}, version=1)
    assert [r.hours for r in education.external_rows(w.id)] == [8]
    actions = [a for (a,) in AuditLog.select(AuditLog.action).where(AuditLog.table == "external_education")
               .order_by(AuditLog.id).tuples()]
    assert actions == ["create", "update"]


def test_qualification_saves_level_and_certificate(office):
    w = make_worker(office, level="无")
    with pytest.raises(ValidationError) as info:
        education.save_qualification(w.id, {"sw_level": "社会工作师", "certificate_no": ""})
    assert set(info.value.problems) == {"certificate_no"}
    q = education.save_qualification(w.id, {"sw_level": "社会工作师", "certificate_no": "2019-350000-0123",
                                            "obtained_on": "2019-06-20"})
    assert (q.level, q.certificate_no, q.obtained_on, q.version) == ("社会工作师", "2019-350000-0123",
                                                                     dt.date(2019, 6, 20), 1)
    assert Worker.get_by_id(w.id).sw_level == "社会工作师" and Worker.get_by_id(w.id).version == 1


def test_reminder_while_hours_missing_within_90_days(office):
    w = make_worker(office)
    education.add_registration(w.id, dt.date(2023, 12, 20))   # due 2026-12-20
    on = dt.date(2026, 11, 28)
    items = [r for r in reminders.reminders(on) if r.kind == "roster"]
    assert [(r.record_id, r.since) for r in items] == [(w.id, dt.date(2026, 12, 20))]
    assert "还差90学时" in items[0].detail
    assert not [r for r in reminders.reminders(dt.date(2026, 9, 1)) if r.kind == "roster"]  # 110 days ahead
    education.add_external(w.id, dict(institution="省社工联合会", date=dt.date(2026, 11, 1), hours=90))
    assert not [r for r in reminders.reminders(on) if r.kind == "roster"]


def test_required_hours_setting_changes_the_shortfall(office):
    w = make_worker(office, level="助理社会工作师")
    education.add_registration(w.id, dt.date(2025, 1, 1))
    with pytest.raises(ValidationError) as info:
        education.set_required_hours({"助理社会工作师": 0, "社会工作师": "x"})
    assert set(info.value.problems) == {"助理社会工作师", "社会工作师", "高级社会工作师"}
    education.set_required_hours({"助理社会工作师": 60, "社会工作师": 80, "高级社会工作师": 80})
    assert education.period_status(w.id, dt.date(2026, 1, 1)).missing == 60
