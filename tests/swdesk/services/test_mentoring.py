"""一对一帮教 rules: validation, masking in lists, closing with an outcome, stale pairs, hours."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk import idcard
from swdesk.models import AuditLog, MentoringPair, ServiceHours, Worker
from swdesk.services import hours, mentoring, settings
from swdesk.services.base import ConflictError, ValidationError, default_office

TODAY = dt.date.today()


def make_worker(name: str) -> Worker:
    return Worker.create(office=default_office(), name=name, gender="女", birth_date=dt.date(1985, 3, 1),
                         sector="事业单位", education="本科及以上", title="中级")


def pair_data(mentor: Worker, **changes) -> dict:
    data = {
        "mentor_id": mentor.id, "youth_name": "张晓明", "youth_gender": "男",
        "youth_birth_date": TODAY.replace(year=TODAY.year - 15) - dt.timedelta(days=3),
        "youth_school": "第二中学初三", "guardian_name": "张建国", "guardian_phone": "13812345678",
        "concern": "学业", "unit": "教育局", "start_date": TODAY - dt.timedelta(days=90),
    }
    data.update(changes)
    return data


@pytest.fixture
def mentor(office):
    return make_worker("李玥")


def test_create_pair_reports_all_problems_at_once(mentor):
    bad = pair_data(mentor, youth_name=" ", youth_gender="未知", concern="其他", unit="",
                    guardian_phone="12ab", start_date=TODAY + dt.timedelta(days=5),
                    planned_end=TODAY - dt.timedelta(days=400), mentor_id=None)
    with pytest.raises(ValidationError) as err:
        mentoring.create_pair(bad)
    assert set(err.value.problems) >= {"youth_name", "youth_gender", "concern", "unit", "guardian_phone",
                                       "start_date", "planned_end", "mentor_id"}
    assert MentoringPair.select().count() == 0
    assert AuditLog.select().count() == 0


def test_id_number_must_agree_with_birth_date(mentor):
    birth = dt.date(TODAY.year - 14, 5, 6)
    number = idcard.make("350502", birth, 123)  # odd → 男
    with pytest.raises(ValidationError) as err:
        mentoring.create_pair(pair_data(mentor, youth_id_number=number, youth_birth_date=dt.date(TODAY.year - 14, 5, 7),
                                        youth_gender="女"))
    assert set(err.value.problems) == {"youth_birth_date", "youth_gender"}
    pair = mentoring.create_pair(pair_data(mentor, youth_id_number=number, youth_birth_date=birth))
    assert pair.youth_id_number == number


def test_list_masks_minor_but_detail_is_full(mentor):
    pair = mentoring.create_pair(pair_data(mentor))
    [row] = mentoring.list_pairs()
    assert row.youth == "张*明"
    assert row.guardian_phone == "138****5678"
    assert "张晓明" not in repr(row) and "13812345678" not in repr(row)
    detail = mentoring.get_pair(pair.id)
    assert detail.youth_name == "张晓明" and detail.guardian_phone == "13812345678"
    # searching by the full name still finds the masked row
    assert [r.id for r in mentoring.list_pairs({"text": "晓明"})] == [pair.id]
    audit = AuditLog.get(AuditLog.table == "mentoring_pair")
    assert "张晓明" not in audit.summary


def test_session_credits_mentor_once_and_edit_does_not_double(mentor):
    pair = mentoring.create_pair(pair_data(mentor))
    session = mentoring.add_session(pair.id, {"date": TODAY - dt.timedelta(days=10), "minutes": 60,
                                              "kind": "面谈", "place": "社工站"})
    assert hours.minutes_by_programme(mentor.id) == {"一对一帮教": 60}
    mentoring.update_session(session.id, {"minutes": 90}, version=session.version)
    mentoring.update_session(session.id, {"notes": "谈学习计划"})
    assert hours.minutes_by_programme(mentor.id) == {"一对一帮教": 90}
    assert ServiceHours.select().count() == 1
    with pytest.raises(ConflictError):
        mentoring.update_session(session.id, {"minutes": 30}, version=1)
    mentoring.delete_session(session.id)
    assert ServiceHours.select().count() == 0
    assert AuditLog.select().where((AuditLog.table == "mentoring_session") & (AuditLog.action == "delete")).count() == 1


def test_session_validation_lists_all_problems(mentor):
    pair = mentoring.create_pair(pair_data(mentor))
    with pytest.raises(ValidationError) as err:
        mentoring.add_session(pair.id, {"date": pair.start_date - dt.timedelta(days=1), "minutes": 0, "kind": "聊天"})
    assert set(err.value.problems) == {"date", "minutes", "kind"}


def test_closing_needs_an_outcome_and_counts_helped(mentor):
    pair = mentoring.create_pair(pair_data(mentor))
    with pytest.raises(ValidationError) as err:
        mentoring.close_pair(pair.id, "已结对完成", "  ", True, TODAY)
    assert "outcome" in err.value.problems
    with pytest.raises(ValidationError) as err:
        mentoring.close_pair(pair.id, "进行中", "好转", True, TODAY)
    assert "status" in err.value.problems
    mentoring.close_pair(pair.id, "已结对完成", "学习成绩明显提高，已返校正常上课", True, TODAY, version=pair.version)
    assert mentoring.helped_count() == 1
    other = mentoring.create_pair(pair_data(mentor, youth_name="王小燚"))
    mentoring.close_pair(other.id, "转介", "转至区心理咨询中心", True, TODAY)
    assert MentoringPair.get_by_id(other.id).positive_outcome is False
    assert mentoring.helped_count() == 1
    assert mentoring.helped_count(TODAY + dt.timedelta(days=1)) == 0
    with pytest.raises(ValidationError):
        mentoring.add_session(pair.id, {"date": TODAY + dt.timedelta(days=1), "minutes": 30, "kind": "电话"})


def test_stale_pair_at_a_given_date(mentor):
    start = dt.date(2026, 1, 5)
    pair = mentoring.create_pair(pair_data(mentor, start_date=start))
    # no session: stale counted from the start
    assert not mentoring.list_pairs(on=start + dt.timedelta(days=30))[0].stale
    assert mentoring.list_pairs(on=start + dt.timedelta(days=31))[0].stale
    mentoring.add_session(pair.id, {"date": dt.date(2026, 2, 1), "minutes": 45, "kind": "家访"})
    assert not mentoring.list_pairs(on=dt.date(2026, 3, 3))[0].stale
    assert mentoring.list_pairs(on=dt.date(2026, 3, 4))[0].stale
    # sessions after the date do not count at that date
    assert mentoring.list_pairs(on=dt.date(2026, 1, 31))[0].last_session is None
    settings.put("mentoring_stale_days", 60)
    assert not mentoring.list_pairs(on=dt.date(2026, 3, 4))[0].stale
    assert [r.id for r in mentoring.stale_pairs(dt.date(2026, 4, 3))] == [pair.id]


def test_update_pair_checks_version_and_audits(mentor):
    pair = mentoring.create_pair(pair_data(mentor))
    updated = mentoring.update_pair(pair.id, {"youth_school": "职业中专"}, version=1)
    assert updated.version == 2 and updated.youth_school == "职业中专"
    with pytest.raises(ConflictError):
        mentoring.update_pair(pair.id, {"youth_school": "第一中学"}, version=1)
    assert AuditLog.select().where(AuditLog.table == "mentoring_pair").count() == 2


def test_hours_stay_with_the_mentor_who_held_the_session(mentor):
    pair = mentoring.create_pair(pair_data(mentor))
    session = mentoring.add_session(pair.id, {"date": TODAY - dt.timedelta(days=20), "minutes": 60, "kind": "面谈"})
    successor = make_worker("王喆")
    mentor.status = "离队"
    mentor.save()
    mentoring.update_pair(pair.id, {"youth_school": "职业中专"})  # a mentor who left may stay on
    mentoring.update_pair(pair.id, {"mentor_id": successor.id})
    mentoring.update_session(session.id, {"minutes": 75})
    mentoring.add_session(pair.id, {"date": TODAY - dt.timedelta(days=5), "minutes": 30, "kind": "电话"})
    assert hours.minutes_by_programme(mentor.id) == {"一对一帮教": 75}
    assert hours.minutes_by_programme(successor.id) == {"一对一帮教": 30}
    with pytest.raises(ValidationError) as err:
        mentoring.update_pair(pair.id, {"mentor_id": mentor.id})  # but cannot be chosen anew
    assert "mentor_id" in err.value.problems


def test_office_added_unit_is_accepted_and_builtins_stay(mentor):
    from swdesk.services import vocabulary
    from swdesk.services.base import UserError

    with pytest.raises(ValidationError):
        mentoring.create_pair(pair_data(mentor, unit="区检察院"))
    vocabulary.add_item("mentoring_unit", "区检察院")
    assert vocabulary.items("mentoring_unit")[-1] == "区检察院"
    assert mentoring.create_pair(pair_data(mentor, unit="区检察院")).unit == "区检察院"
    with pytest.raises(ValidationError):
        vocabulary.add_item("mentoring_unit", "教育局")  # already there
    with pytest.raises(UserError):
        vocabulary.remove_item("mentoring_unit", "教育局")  # built in
    vocabulary.remove_item("mentoring_unit", "区检察院")
    assert "区检察院" not in vocabulary.items("mentoring_unit")
    assert AuditLog.select().where(AuditLog.table == "vocab_item").count() == 2
