"""家庭病床 tab: overdue households first, a visit through the real form, masked list."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk.models import Community, HomeVisit, Worker
from swdesk.services import homebed, hours
from swdesk.services.base import default_office

TODAY = dt.date.today()


@pytest.fixture
def window(db, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    return win


def make_worker(name: str) -> Worker:
    return Worker.create(office=default_office(), name=name, gender="女", birth_date=dt.date(1980, 1, 1),
                         sector="事业单位", education="本科及以上", title="中级")


def test_home_bed_visit(window, qtbot):
    from PySide6.QtCore import Qt

    from ui.dialogs.homebed import HomeVisitDialog

    doctor = make_worker("许医生")
    place = Community.create(office=default_office(), name="东湖社区")
    common = {"address": "东湖路1号", "community_id": place.id, "conditions": "高血压", "visit_every_days": 14,
              "worker_ids": [doctor.id]}
    fresh = homebed.create_household({**common, "head_name": "吴玉兰", "phone": "13705950001", "dibao_no": "DB-1",
                                      "added_on": TODAY})
    late = homebed.create_household({**common, "head_name": "黄德昇", "phone": "13705950002", "dibao_no": "DB-2",
                                     "added_on": TODAY - dt.timedelta(days=30)})
    tab = window.switch_to("homebed")
    assert [r.id for r in tab.master_model.rows()] == [late.id, fresh.id]  # overdue first
    assert tab.master_model.data(tab.master_model.index(0, 6)) == "137****0002"
    tab.select_id(late.id)
    assert "13705950002" in tab.detail.text()

    nurse = Worker.create(office=default_office(), name="郑护士", name_pinyin="zhenghushi", name_initials="zhs",
                          gender="女", birth_date=dt.date(1992, 1, 1), sector="事业单位", education="大专",
                          title="初级")
    dialog = HomeVisitDialog(tab, late.id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.workers.checked_ids() == [doctor.id]  # the assigned volunteer, ticked
    # a nurse who came along is added by search
    qtbot.keyClicks(dialog.workers.search.edit, "zhs")
    qtbot.waitUntil(dialog.workers.search.popup.isVisible, timeout=3000)
    qtbot.keyClick(dialog.workers.search.edit, Qt.Key.Key_Return)
    assert sorted(dialog.workers.checked_ids()) == sorted([doctor.id, nurse.id])
    dialog.services.boxes["测血压"].setChecked(True)
    dialog.save()
    assert dialog.problems_shown() == {}
    tab.changed("home_visit")
    assert HomeVisit.select().count() == 1
    assert tab.visits_model.rowCount() == 1
    assert tab.visits_model.row_at(0).workers == ["许医生", "郑护士"]
    assert not any(r.overdue for r in tab.master_model.rows())
    assert hours.minutes_by_programme(doctor.id) == hours.minutes_by_programme(nurse.id) == {"家庭病床": 45}


def test_visit_form_shows_problems(window, qtbot):
    from ui.dialogs.homebed import HomeVisitDialog

    place = Community.create(office=default_office(), name="东湖社区")
    home = homebed.create_household({"head_name": "黄德昇", "phone": "13705950002", "dibao_no": "DB-2",
                                     "address": "东湖路1号", "community_id": place.id, "conditions": "卧床"})
    tab = window.switch_to("homebed")
    dialog = HomeVisitDialog(tab, home.id)
    qtbot.addWidget(dialog)
    dialog.field("minutes").setValue(0)
    dialog.save()
    assert set(dialog.problems_shown()) == {"minutes", "services", "worker_ids"}
    assert HomeVisit.select().count() == 0
