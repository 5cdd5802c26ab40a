"""人才队伍 → 查重: a planted pair is listed, shown side by side, and 合并 keeps the hours of both."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from swdesk import idcard
from swdesk.models import AuditLog, Worker
from swdesk.services import hours, workers

BIRTH = dt.date(1979, 6, 9)


@pytest.fixture
def window(db, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    win.tab("roster").model.wait()


@pytest.fixture
def pair(db):
    base = {"name": "王娟", "gender": "女", "birth_date": BIRTH, "sector": "企业", "education": "大专",
            "title": "初级"}
    first = workers.create({**base, "phone": "13900002222"})
    second = workers.create({**base, "id_number": idcard.make("350502", BIRTH, 12)}, allow_duplicates=True)
    workers.create({**base, "name": "李明", "id_number": idcard.make("350502", BIRTH, 16)})
    with db.atomic():
        hours.credit("扶老助老", "group_visit", 1, dt.date(2026, 3, 5), 90, [first.id])
        hours.credit("服务热线", "hotline_request", 2, dt.date(2026, 3, 6), 45, [second.id])
    return first, second


def test_find_duplicates_and_merge_keeping_the_hours_of_both(window, pair, qtbot, monkeypatch):
    from ui.dialogs.merge_workers import MergeWorkersDialog

    first, second = pair
    dialog = MergeWorkersDialog(window.switch_to("roster"))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert first.card_no in dialog.table.item(0, 0).text() and "姓名和出生日期相同" in dialog.table.item(0, 2).text()
    dialog.table.selectRow(0)
    # The record with the ID number stays; the phone only the other one has is preset to be kept.
    assert dialog.groups["_survivor"].checkedId() == second.id
    assert dialog.groups["phone"].checkedId() == first.id
    phone_button = dialog.groups["phone"].button(first.id)
    assert phone_button.text() == "13900002222"
    dialog.choose("card_no", first.id)                      # keep the card already printed
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    dialog.merge_button.click()

    assert asked and "并入" in asked[0]
    assert not Worker.select().where(Worker.id == first.id).exists()
    survivor = Worker.get_by_id(second.id)
    assert (survivor.phone, survivor.card_no, survivor.id_number) == ("13900002222", first.card_no, second.id_number)
    assert hours.minutes_by_programme(second.id) == {"扶老助老": 90, "服务热线": 45}
    assert AuditLog.select().where(AuditLog.action == "merge").count() == 1
    assert dialog.table.rowCount() == 0 and "已合并" in dialog.status.text()


def test_the_roster_tab_opens_duplicates_and_a_refused_merge_is_explained(window, pair, qtbot, monkeypatch):
    tab = window.switch_to("roster")
    first, second = pair
    Worker.update(id_number=idcard.make("350502", BIRTH, 14)).where(Worker.id == first.id).execute()
    seen = []

    def look(dialog):
        seen.append(dialog)
        dialog.show_pair(first.id, second.id)
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen.append(a[2]))
        dialog.merge_button.click()
        dialog.reject()

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        look(dialog)

    QTimer.singleShot(0, poll)
    tab.duplicates_button.click()
    assert seen[0].windowTitle() == "查重与合并"
    assert "身份证号不同" in seen[1]
    assert Worker.select().count() == 3
