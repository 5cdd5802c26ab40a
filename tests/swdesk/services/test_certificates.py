"""The certificate register: numbering, reprints (补打, logged), hours from the ledger only."""
from __future__ import annotations

import datetime as _dt
import json

import pytest

from swdesk.models import AuditLog, Certificate
from swdesk.services import certificates, hours
from swdesk.services.base import PermissionDenied, Session, UserError, set_session
from tests.swdesk.pdf.printing_helpers import add_worker


@pytest.fixture
def worker(office):
    office.street_code = "350502001"
    office.save()
    return add_worker(office, "文赟")


def test_numbers_run_per_street_and_year(office, worker):
    other = add_worker(office, "林玥")
    for i, day in enumerate((_dt.date(2026, 10, 2), _dt.date(2027, 1, 1))):
        hours.credit("扶老助老", "group_visit", i + 1, day, 60, [worker.id, other.id])
    first = certificates.issue(worker.id, "2026Q4", today=_dt.date(2026, 12, 1))
    second = certificates.issue(other.id, "2026Q4", today=_dt.date(2026, 12, 1))
    assert first.record.number == "350502001-2026-00001"
    assert second.record.number == "350502001-2026-00002"
    nxt = certificates.issue(worker.id, "2027Q1", today=_dt.date(2027, 1, 2))
    assert nxt.record.number == "350502001-2027-00001"
    assert AuditLog.select().where(AuditLog.table == "certificate", AuditLog.action == "create").count() == 3


def test_hours_come_from_the_ledger(worker):
    hours.credit("一对一帮教", "mentoring_session", 1, _dt.date(2026, 10, 2), 45, [worker.id])
    hours.credit("一对一帮教", "mentoring_session", 2, _dt.date(2026, 12, 31), 75, [worker.id])
    hours.credit("服务热线", "hotline_request", 3, _dt.date(2027, 1, 1), 30, [worker.id])
    issued = certificates.issue(worker.id, "2026Q4", today=_dt.date(2027, 1, 5))
    assert issued.minutes == hours.minutes_by_programme(worker.id, _dt.date(2026, 10, 1), _dt.date(2026, 12, 31))
    assert issued.total_minutes == 120
    assert json.loads(issued.record.content)["total_minutes"] == 120
    assert issued.times == {"一对一帮教": 2} and not issued.cut


def test_a_period_without_hours_a_future_one_and_year_9999_take_no_number(worker):
    today = _dt.date(2026, 11, 28)
    for period, fragment in (("2026Q3", "没有服务时长记录"), ("2027Q1", "尚未到来"), ("2099", "尚未到来"),
                             ("9999", "超出范围"), ("0026", "超出范围")):
        with pytest.raises(UserError, match=fragment):
            certificates.issue(worker.id, period, today=today)
    assert Certificate.select().count() == 0
    hours.credit("扶老助老", "group_visit", 1, _dt.date(2026, 11, 2), 60, [worker.id])
    hours.credit("扶老助老", "group_visit", 2, _dt.date(2026, 12, 2), 60, [worker.id])  # after the issue day
    issued = certificates.issue(worker.id, "2026Q4", today=today)
    assert issued.cut and issued.period.end == today and issued.total_minutes == 60
    assert issued.record.number.endswith("-2026-00001")


def test_same_hours_again_is_a_reprint_changed_hours_a_new_certificate(worker):
    hours.credit("扶老助老", "group_visit", 1, _dt.date(2026, 10, 2), 60, [worker.id])
    first = certificates.issue(worker.id, "2026Q4")
    again = certificates.issue(worker.id, "2026Q4")
    assert again.reprint and again.record.reprint_of_id == first.record.id
    assert again.record.number == first.record.number + "-B1"
    assert AuditLog.select().where(AuditLog.action == "reprint").count() == 1
    hours.credit("扶老助老", "group_visit", 2, _dt.date(2026, 11, 2), 30, [worker.id])
    fresh = certificates.issue(worker.id, "2026Q4")
    assert not fresh.reprint and fresh.record.number.endswith("-00002")
    assert [c.id for c in certificates.history(worker.id)] == [fresh.record.id, again.record.id, first.record.id]


def test_bad_period_and_unknown_worker_and_read_only(worker):
    with pytest.raises(UserError, match="无法识别的期间"):
        certificates.issue(worker.id, "2026Q5")
    with pytest.raises(UserError, match="找不到"):
        certificates.issue(999999, "2026Q4")
    set_session(Session(role="只读", operator_name="查看员"))
    with pytest.raises(PermissionDenied):
        certificates.issue(worker.id, "2026Q4")
    assert Certificate.select().count() == 0


def test_the_register_lists_what_a_notice_shows(worker):
    hours.credit("扶老助老", "group_visit", 1, _dt.date(2026, 10, 2), 100, [worker.id])
    first = certificates.issue(worker.id, "2026Q4", today=_dt.date(2026, 11, 28))
    again = certificates.issue(worker.id, "2026Q4", today=_dt.date(2026, 11, 28))
    rows = certificates.register_rows()
    assert [r.number for r in rows] == [first.record.number, again.record.number]
    row = rows[0]
    assert (row.name, row.period, row.hours, row.issued_by) == ("文赟", "2026年10月1日至2026年11月28日", "1.7", "本机用户")
    assert row.issued_on == _dt.date.today() and rows[1].reprint_of == first.record.number
    assert certificates.register_rows(_dt.date.today() + _dt.timedelta(days=1)) == []
