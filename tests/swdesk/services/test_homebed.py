"""社区家庭病床 rules: overdue at a given date and listed first, hours per worker, masking."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk import idcard
from swdesk.models import AuditLog, Community, HomeVisit, Household, ServiceHours, Worker
from swdesk.services import homebed, hours
from swdesk.services.base import ConflictError, ValidationError, default_office

D = dt.date


def make_worker(name: str) -> Worker:
    return Worker.create(office=default_office(), name=name, gender="女", birth_date=D(1980, 1, 1),
                         sector="事业单位", education="本科及以上", title="中级")


@pytest.fixture
def place(office):
    return Community.create(office=office, name="东湖社区")


def household(place, head: str, dibao: str, added_on: D, **changes) -> Household:
    data = {"head_name": head, "phone": "13705951234", "address": "东湖路12号3单元502",
            "community_id": place.id, "dibao_no": dibao, "members": 2, "conditions": "高血压、糖尿病，卧床",
            "visit_every_days": 14, "added_on": added_on}
    data.update(changes)
    return homebed.create_household(data)


def test_household_validation_lists_all_problems(place):
    with pytest.raises(ValidationError) as err:
        homebed.create_household({"head_name": "", "phone": "", "address": "", "community_id": None,
                                  "dibao_no": "", "members": 0, "conditions": "", "visit_every_days": 500,
                                  "head_id_number": "35050219500101001"})
    assert set(err.value.problems) == {"head_name", "phone", "address", "community_id", "dibao_no",
                                       "members", "conditions", "visit_every_days", "head_id_number"}
    assert Household.select().count() == 0


def test_overdue_at_a_given_date_and_listed_first(place):
    early = household(place, "黄德昇", "DB-001", D(2026, 1, 1))
    late = household(place, "吴玉兰", "DB-002", D(2026, 1, 10))
    nurse = make_worker("郑护士")
    # never visited: due 14 days after being added
    assert not homebed.list_households(on=D(2026, 1, 15))[0].overdue  # due that very day
    rows = homebed.list_households(on=D(2026, 1, 16))
    assert rows[0].id == early.id and rows[0].overdue and rows[0].days_overdue == 1
    assert not rows[1].overdue and rows[1].due == D(2026, 1, 24)
    assert [r.id for r in homebed.overdue_households(D(2026, 1, 16))] == [early.id]
    # a visit with an explicit next due date
    homebed.add_visit(early.id, D(2026, 1, 16), 40, ["测血压", "送药"], [nurse.id], "血压偏高", D(2026, 2, 20))
    rows = homebed.list_households(on=D(2026, 2, 1))
    assert rows[0].id == late.id and rows[0].overdue
    assert rows[1].id == early.id and not rows[1].overdue and rows[1].due == D(2026, 2, 20)
    # without a next due date, the household's frequency sets it
    visit = homebed.add_visit(late.id, D(2026, 2, 2), 30, "测血糖", [nurse.id])
    assert visit.next_due == D(2026, 2, 16)
    assert homebed.overdue_households(D(2026, 2, 16)) == []
    assert [r.id for r in homebed.overdue_households(D(2026, 2, 17))] == [late.id]
    assert [r.id for r in homebed.overdue_households(D(2026, 2, 21))] == [late.id, early.id]
    # at a date before the visit, the visit does not count
    assert homebed.list_households(on=D(2026, 1, 15))[0].last_visit is None


def test_visit_credits_each_worker_once_and_edit_does_not_double(place):
    home = household(place, "黄德昇", "DB-001", D(2026, 1, 1))
    doctor, nurse = make_worker("许医生"), make_worker("郑护士")
    visit = homebed.add_visit(home.id, D(2026, 1, 20), 45, ["诊疗"], [doctor.id, nurse.id], "", None)
    assert ServiceHours.select().count() == 2
    homebed.update_visit(visit.id, D(2026, 1, 20), 60, ["诊疗", "康复指导"], [doctor.id, nurse.id],
                         "恢复良好", None, version=visit.version)
    homebed.update_visit(visit.id, D(2026, 1, 20), 60, ["诊疗"], [doctor.id], "恢复良好")
    assert hours.minutes_by_programme(doctor.id) == {"家庭病床": 60}
    assert hours.minutes_by_programme(nurse.id) == {}
    with pytest.raises(ConflictError):
        homebed.update_visit(visit.id, D(2026, 1, 20), 60, ["诊疗"], [doctor.id], version=1)
    homebed.delete_visit(visit.id)
    assert ServiceHours.select().count() == 0 and HomeVisit.select().count() == 0
    assert AuditLog.select().where((AuditLog.table == "home_visit") & (AuditLog.action == "delete")).count() == 1


def test_visit_validation_lists_all_problems(place):
    home = household(place, "黄德昇", "DB-001", D(2026, 1, 1))
    with pytest.raises(ValidationError) as err:
        homebed.add_visit(home.id, D(2025, 12, 1), 0, ["跳舞"], [], "", D(2025, 11, 1))
    assert set(err.value.problems) == {"date", "minutes", "services", "worker_ids", "next_due"}


def test_list_masks_id_number_and_phone_detail_is_full(place):
    number = idcard.make("350502", D(1950, 1, 1), 11)
    home = household(place, "黄德昇", "DB-001", D(2026, 1, 1), head_id_number=number)
    [row] = homebed.list_households()
    assert row.id_number == "350502********" + number[-4:]
    assert row.phone == "137****1234"
    assert number not in repr(row) and "13705951234" not in repr(row)
    full = homebed.get_household(home.id)
    assert full.head_id_number == number and full.phone == "13705951234"


def test_assigned_workers_and_closing(place):
    doctor, nurse = make_worker("许医生"), make_worker("郑护士")
    home = household(place, "黄德昇", "DB-001", D(2026, 1, 1), worker_ids=[doctor.id])
    homebed.update_household(home.id, {"worker_ids": [doctor.id, nurse.id]}, version=1)
    assert homebed.list_households()[0].workers == "许医生、郑护士"
    with pytest.raises(ValidationError):
        household(place, "吴玉兰", "DB-001", D(2026, 1, 1))  # same 低保证号
    with pytest.raises(ValidationError):
        homebed.set_household_active(home.id, False, " ")
    homebed.set_household_active(home.id, False, "已康复")
    assert homebed.list_households(on=D(2026, 6, 1)) == []
    assert homebed.list_households({"include_inactive": True}, on=D(2026, 6, 1))[0].overdue is False


def test_hours_by_quarter_sums_months_into_quarters(place):
    nurse = make_worker("郑护士")
    home = household(place, "黄德昇", "DB-001", D(2025, 9, 1))
    for day, minutes in ((D(2025, 10, 3), 30), (D(2025, 12, 30), 45), (D(2026, 1, 2), 60), (D(2026, 3, 31), 15)):
        homebed.add_visit(home.id, day, minutes, "测血压", [nurse.id])
    assert hours.minutes_by_quarter(nurse.id) == [("2026Q1", "家庭病床", 75), ("2025Q4", "家庭病床", 75)]
