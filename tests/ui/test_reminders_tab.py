"""待办提醒 tab: reminders change after writes elsewhere; double-click opens the record."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk.models import Community, Worker
from swdesk.services import eldercare, homebed, mentoring
from swdesk.services.base import default_office

TODAY = dt.date.today()


@pytest.fixture
def window(db, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    return win


@pytest.fixture
def late_records(db):
    worker = Worker.create(office=default_office(), name="李玥", gender="女", birth_date=dt.date(1985, 1, 1),
                           sector="事业单位", education="本科及以上", title="中级")
    long_ago = TODAY - dt.timedelta(days=45)
    pair = mentoring.create_pair({
        "mentor_id": worker.id, "youth_name": "张晓明", "youth_gender": "男",
        "youth_birth_date": TODAY.replace(year=TODAY.year - 15), "concern": "家庭", "unit": "团区委",
        "start_date": long_ago})
    group = eldercare.create_group({"name": "护士服务队", "leader_id": worker.id, "visit_every_days": 14,
                                    "created_on": long_ago})
    place = Community.create(office=default_office(), name="西园社区")
    home = homebed.create_household({
        "head_name": "黄德昇", "phone": "13705951234", "address": "西园路1号", "community_id": place.id,
        "dibao_no": "DB-9", "conditions": "中风后遗症", "visit_every_days": 10, "added_on": long_ago,
        "worker_ids": [worker.id]})
    return worker, pair, group, home


def test_reminders_change_after_a_visit(window, qtbot, late_records):
    from ui.dialogs.homebed import HomeVisitDialog
    from ui.dialogs.mentoring import SessionDialog

    worker, pair, group, home = late_records
    tab = window.switch_to("reminders")
    assert tab.counts()["mentoring"] == 1 and tab.counts()["eldercare"] == 1 and tab.counts()["homebed"] == 1
    assert tab.model.rowCount() == 3
    titles = [tab.model.data(tab.model.index(r, 1)) for r in range(3)]
    assert any("张*明" in t for t in titles) and not any("张晓明" in t for t in titles)

    session = SessionDialog(window, pair.id)
    qtbot.addWidget(session)
    session.save()
    assert session.problems_shown() == {}
    window.data_changed.emit("mentoring_session")
    assert tab.counts()["mentoring"] == 0 and tab.model.rowCount() == 2

    visit = HomeVisitDialog(window, home.id)
    qtbot.addWidget(visit)
    visit.services.boxes["送药"].setChecked(True)
    visit.save()
    assert visit.problems_shown() == {}
    window.data_changed.emit("home_visit")
    assert tab.counts()["homebed"] == 0
    assert [tab.model.row_at(r).kind for r in range(tab.model.rowCount())] == ["eldercare"]


def test_double_click_opens_the_record(window, qtbot, late_records):
    from PySide6.QtCore import Qt

    worker, pair, group, home = late_records
    window.show()
    qtbot.waitExposed(window)
    tab = window.switch_to("reminders")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).kind == "homebed")
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    rect = tab.table.visualRect(tab.model.index(row, 1))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentIndex() == window.tab_index("homebed")
    homebed_tab = window.tab("homebed")
    assert homebed_tab.current_id() == home.id
    assert "黄德昇" in homebed_tab.detail.text()
    # the mentoring pair opens even when the tab's filter would hide it
    mentoring_tab = window.tab("mentoring")
    mentoring_tab.status_filter.setCurrentIndex(3)  # 转介
    window.switch_to("mentoring", pair.id)
    assert mentoring_tab.current_id() == pair.id


def test_clicking_a_continuing_education_reminder_opens_the_worker_on_that_page(window, qtbot, late_records):
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from swdesk.services import education
    from ui.dialogs.worker import WorkerDialog

    worker = late_records[0]
    worker.sw_level = "社会工作师"
    worker.save()
    education.add_registration(worker.id, TODAY.replace(year=TODAY.year - 3) + dt.timedelta(days=30))
    window.show()
    qtbot.waitExposed(window)
    tab = window.switch_to("reminders")
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).kind == "roster")
    rect = tab.table.visualRect(tab.model.index(row, 1))
    seen = []

    def look_and_close():  # the dialog is modal: read it, then close it (never leave it waiting)
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, WorkerDialog):
            seen.append((dialog.worker_id, dialog.tabs.tabText(dialog.tabs.currentIndex()),
                         dialog.record_pages.education_label.text()))
        if dialog is not None:
            dialog.reject()
        else:
            QTimer.singleShot(50, look_and_close)

    QTimer.singleShot(0, look_and_close)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    (worker_id, page, text), = seen
    assert (worker_id, page) == (worker.id, "职业水平与继续教育") and "还差 90 学时" in text
    assert window.tabs.currentIndex() == window.tab_index("roster")
