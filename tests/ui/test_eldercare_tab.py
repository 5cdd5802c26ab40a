"""扶老助老 tab: a group visit with two members through the real form; hours once each."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk.models import GroupVisit, ServiceHours, Worker
from swdesk.services import eldercare, hours
from swdesk.services.base import default_office

TODAY = dt.date.today()


@pytest.fixture
def window(db, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    return win


def make_worker(name: str) -> Worker:
    return Worker.create(office=default_office(), name=name, gender="男", birth_date=dt.date(1990, 1, 1),
                         sector="企业", education="大专", title="无")


@pytest.fixture
def group(db):
    leader, nurse = make_worker("陈律师"), make_worker("林护士")
    group = eldercare.create_group({"name": "律师服务队", "leader_id": leader.id, "site": "区福利院",
                                    "visit_every_days": 14, "created_on": TODAY - dt.timedelta(days=60)})
    eldercare.add_member(group.id, {"worker_id": nurse.id, "role": "护士",
                                    "joined_on": TODAY - dt.timedelta(days=60)})
    eldercare.create_elder({"name": "周桂英", "gender": "女", "birth_date": dt.date(1938, 6, 1), "living": "孤寡",
                            "group_id": group.id, "assigned_on": TODAY - dt.timedelta(days=50)})
    return group, leader, nurse


def test_group_visit_with_two_members(window, qtbot, group):
    from ui.dialogs.eldercare import GroupVisitDialog

    group, leader, nurse = group
    tab = window.switch_to("eldercare")
    assert tab.master_model.rowCount() == 1 and tab.master_model.row_at(0).overdue  # never visited in 60 days
    tab.select_id(group.id)
    assert tab.members_model.rowCount() == 2 and tab.elders_model.rowCount() == 1

    dialog = GroupVisitDialog(tab, group.id)
    qtbot.addWidget(dialog)
    assert sorted(dialog.members.checked_ids()) == sorted([leader.id, nurse.id])  # all ticked by default
    dialog.save()
    assert "services" in dialog.problems_shown()  # nothing chosen yet
    assert GroupVisit.select().count() == 0
    dialog.services.boxes["精神慰藉"].setChecked(True)
    dialog.services.boxes["健康检查"].setChecked(True)
    dialog.field("minutes").setValue(90)
    dialog.save()
    assert dialog.problems_shown() == {}
    tab.changed("group_visit")

    assert tab.visits_model.rowCount() == 1
    visit = tab.visits_model.row_at(0)
    assert sorted(visit.members) == ["林护士", "陈律师"] and visit.elders == ["周桂英"]
    assert not tab.master_model.row_at(0).overdue
    assert ServiceHours.select().count() == 2
    assert hours.minutes_by_programme(leader.id) == hours.minutes_by_programme(nurse.id) == {"扶老助老": 90}

    # re-editing the visit does not credit twice
    edit = GroupVisitDialog(tab, group.id, visit.id)
    qtbot.addWidget(edit)
    edit.field("minutes").setValue(120)
    edit.save()
    assert edit.problems_shown() == {}
    assert ServiceHours.select().count() == 2
    assert hours.minutes_by_programme(nurse.id) == {"扶老助老": 120}


def test_group_form_lists_all_problems(window, qtbot, group):
    from ui.dialogs.eldercare import GroupDialog

    tab = window.switch_to("eldercare")
    dialog = GroupDialog(tab)
    qtbot.addWidget(dialog)
    dialog.field("name").setText("律师服务队")
    dialog.field("visit_every_days").setValue(0)
    dialog.save()
    assert set(dialog.problems_shown()) == {"name", "visit_every_days"}
