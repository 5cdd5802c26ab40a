"""扶老助老 rules: one group per elder with history, members/elders at the visit date, hours
credited once per member present, missed frequency at a given date."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk import idcard, privacy
from swdesk.models import AuditLog, ElderAssignment, GroupVisit, ServiceHours, Worker
from swdesk.services import eldercare, hours
from swdesk.services.base import ConflictError, UserError, ValidationError, default_office

D = dt.date


def make_worker(name: str) -> Worker:
    return Worker.create(office=default_office(), name=name, gender="男", birth_date=D(1990, 1, 1),
                         sector="企业", education="大专", title="无")


def make_elder(name: str, **changes):
    data = {"name": name, "gender": "女", "birth_date": D(1938, 6, 1), "home": "区福利院", "room": "3-204",
            "living": "孤寡", "needs": "行动不便", "emergency_contact": "侄子", "emergency_phone": "13900001111"}
    data.update(changes)
    return eldercare.create_elder(data)


@pytest.fixture
def team(office):
    leader = make_worker("陈律师")
    nurse = make_worker("林护士")
    student = make_worker("吴同学")
    group = eldercare.create_group({"name": "律师服务队", "leader_id": leader.id, "site": "区福利院",
                                    "visit_every_days": 14, "created_on": D(2026, 1, 1)})
    eldercare.add_member(group.id, {"worker_id": nurse.id, "role": "护士", "joined_on": D(2026, 1, 1)})
    eldercare.add_member(group.id, {"worker_id": student.id, "role": "大学生", "joined_on": D(2026, 3, 1)})
    return group, leader, nurse, student


def test_leader_becomes_member(team):
    group, leader, nurse, student = team
    names = {m.worker.name: m.role for m in eldercare.members(group.id, D(2026, 3, 2))}
    assert names == {"陈律师": "组长", "林护士": "护士", "吴同学": "大学生"}
    assert {m.worker.name for m in eldercare.members(group.id, D(2026, 2, 1))} == {"陈律师", "林护士"}


def test_one_group_per_elder_with_history(team):
    group, leader, *_ = team
    other = eldercare.create_group({"name": "心理慰藉队", "leader_id": None, "visit_every_days": 30,
                                    "created_on": D(2026, 1, 1)})
    elder = make_elder("周桂英", group_id=group.id, assigned_on=D(2026, 1, 10))
    eldercare.assign_elder(elder.id, other.id, D(2026, 5, 1))
    history = eldercare.assignment_history(elder.id)
    assert [(h.group.name, h.start_date, h.end_date) for h in history] == [
        ("心理慰藉队", D(2026, 5, 1), None), ("律师服务队", D(2026, 1, 10), D(2026, 5, 1))]
    assert ElderAssignment.select().where(ElderAssignment.end_date.is_null()).count() == 1
    assert eldercare.current_group(elder.id).id == other.id
    assert [e.id for e in eldercare.elders_of_group(group.id, D(2026, 4, 30))] == [elder.id]
    assert eldercare.elders_of_group(group.id, D(2026, 5, 1)) == []
    with pytest.raises(ValidationError) as err:
        eldercare.assign_elder(elder.id, other.id, D(2026, 6, 1))
    assert "group_id" in err.value.problems
    with pytest.raises(ValidationError) as err:
        eldercare.assign_elder(elder.id, group.id, D(2026, 4, 1))  # before the current start
    assert "on" in err.value.problems
    [row] = eldercare.list_elders(on=D(2026, 4, 1))
    assert row.group == "律师服务队"
    assert eldercare.list_elders(on=D(2026, 5, 2))[0].group == "心理慰藉队"


def test_elder_list_masks_id_and_phone(team):
    number = idcard.make("350502", D(1938, 6, 1), 122)
    make_elder("周桂英", id_number=number)
    [row] = eldercare.list_elders()
    assert row.id_number == privacy.mask_id(number) and number not in repr(row)
    assert row.emergency_phone == "139****1111"


def test_elder_validation_lists_all_problems(office):
    with pytest.raises(ValidationError) as err:
        eldercare.create_elder({"name": "", "gender": "女", "birth_date": D(2000, 1, 1), "living": "富裕",
                                "emergency_phone": "abc", "id_number": "123"})
    assert set(err.value.problems) == {"name", "birth_date", "living", "emergency_phone", "id_number"}


def test_visit_credits_each_member_once_and_edit_does_not_double(team):
    group, leader, nurse, student = team
    elder = make_elder("周桂英", group_id=group.id, assigned_on=D(2026, 1, 10))
    visit = eldercare.add_visit(group.id, D(2026, 3, 5), 120, ["精神慰藉", "健康检查"],
                                [leader.id, nurse.id, nurse.id], [elder.id], "天气好，陪老人晒太阳")
    assert ServiceHours.select().count() == 2
    assert hours.minutes_by_programme(nurse.id) == {"扶老助老": 120}
    eldercare.update_visit(visit.id, D(2026, 3, 5), 90, ["精神慰藉"], [leader.id, nurse.id, student.id],
                           [elder.id], version=visit.version)
    eldercare.update_visit(visit.id, D(2026, 3, 5), 90, ["精神慰藉"], [leader.id, nurse.id, student.id], [elder.id])
    assert ServiceHours.select().count() == 3
    assert hours.minutes_by_programme(nurse.id) == {"扶老助老": 90}
    assert hours.minutes_by_programme(student.id) == {"扶老助老": 90}
    with pytest.raises(ConflictError):
        eldercare.update_visit(visit.id, D(2026, 3, 5), 60, ["精神慰藉"], [leader.id], [], version=1)
    row = eldercare.get_visit(visit.id)
    assert row.members == sorted(["陈律师", "林护士", "吴同学"]) and row.elders == ["周桂英"]
    eldercare.delete_visit(visit.id)
    assert ServiceHours.select().count() == 0 and GroupVisit.select().count() == 0
    assert AuditLog.select().where((AuditLog.table == "group_visit") & (AuditLog.action == "delete")).count() == 1


def test_visit_members_and_elders_must_belong_at_that_date(team):
    group, leader, nurse, student = team
    outsider = make_worker("郑医生")
    elder = make_elder("周桂英", group_id=group.id, assigned_on=D(2026, 2, 1))
    with pytest.raises(ValidationError) as err:
        # student joined on 1 March; elder came on 1 February; outsider never joined; bad service
        eldercare.add_visit(group.id, D(2026, 1, 20), 0, ["唱歌"], [student.id, outsider.id], [elder.id])
    problems = err.value.problems
    assert set(problems) == {"minutes", "services", "member_ids", "elder_ids"}
    assert "吴同学" in problems["member_ids"] and "郑医生" in problems["member_ids"]
    assert "周桂英" in problems["elder_ids"]
    assert GroupVisit.select().count() == 0 and ServiceHours.select().count() == 0


def test_missed_frequency_at_a_given_date(team):
    group, leader, nurse, student = team
    # never visited: counted from the day the group was set up (2026-01-01, every 14 days)
    assert not eldercare.list_groups(D(2026, 1, 15))[0].overdue
    assert eldercare.list_groups(D(2026, 1, 16))[0].overdue
    eldercare.add_visit(group.id, D(2026, 2, 1), 60, "精神慰藉", [leader.id], [])
    assert not eldercare.list_groups(D(2026, 2, 15))[0].overdue
    row = eldercare.list_groups(D(2026, 2, 16))[0]
    assert row.overdue and row.last_visit == D(2026, 2, 1) and row.due == D(2026, 2, 15)
    assert [g.id for g in eldercare.overdue_groups(D(2026, 2, 16))] == [group.id]
    # a visit after the date does not help at that date
    eldercare.add_visit(group.id, D(2026, 2, 20), 60, "精神慰藉", [leader.id], [])
    assert eldercare.list_groups(D(2026, 2, 16))[0].overdue
    assert not eldercare.list_groups(D(2026, 2, 21))[0].overdue


def test_member_leaving_keeps_history(team):
    group, leader, nurse, student = team
    eldercare.add_visit(group.id, D(2026, 3, 10), 60, "健康检查", [nurse.id], [])
    member = next(m for m in eldercare.members(group.id, D(2026, 3, 10)) if m.worker_id == nurse.id)
    with pytest.raises(ValidationError):
        eldercare.end_membership(member.id, D(2026, 3, 1))  # she was at the visit of 10 March
    eldercare.end_membership(member.id, D(2026, 4, 1))
    assert nurse.id not in {m.worker_id for m in eldercare.members(group.id, D(2026, 4, 2))}
    assert nurse.id in {m.worker_id for m in eldercare.members(group.id, include_past=True)}
    with pytest.raises(ValidationError):
        eldercare.add_visit(group.id, D(2026, 4, 5), 60, "健康检查", [nurse.id], [])


def test_group_needs_unique_name_and_stop_needs_reason(team):
    group, *_ = team
    with pytest.raises(ValidationError) as err:
        eldercare.create_group({"name": "律师服务队", "visit_every_days": 0})
    assert set(err.value.problems) == {"name", "visit_every_days"}
    make_elder("周桂英", group_id=group.id, assigned_on=D(2026, 1, 10))
    with pytest.raises(ValidationError):
        eldercare.set_group_active(group.id, False, "")
    with pytest.raises(UserError):
        eldercare.set_group_active(group.id, False, "队伍调整")
