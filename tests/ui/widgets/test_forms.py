"""Form behaviour shared by the dialogs (ui/widgets/forms.py FormGuard, ErrorLine), through the
real dialogs: nothing red before anything is typed, a field's problem shows when the clerk leaves
it, a fixed problem clears and stays cleared, error lines never move the fields, and closing
asks before typed data is thrown away."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from swdesk.models import HotlineRequest, Worker
from swdesk.services.base import default_office


@pytest.fixture
def window(db, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    return win


@pytest.fixture(autouse=True)
def _discard_at_teardown(monkeypatch):
    """pytest-qt closes the dialogs a test leaves open: typed data is then discarded unasked."""
    answer_close_question(monkeypatch, QMessageBox.StandardButton.Discard)


def shown(dialog, qtbot):
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)


def red(dialog) -> dict[str, str]:
    return {key: label.text() for key, label in dialog.errors.items() if label.text()}


def answer_close_question(monkeypatch, answer):
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return answer
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_hotline_request_checks_a_field_when_it_is_left_and_clears_it_when_fixed(window, qtbot):
    from ui.dialogs.hotline import RequestDialog

    dialog = RequestDialog(window.switch_to("hotline"))
    qtbot.addWidget(dialog)
    shown(dialog, qtbot)
    assert red(dialog) == {}                                   # nothing red before anything is typed
    text_y = dialog.text.mapTo(dialog, dialog.text.rect().topLeft()).y()
    dialog.phone.setFocus()
    qtbot.keyClicks(dialog.phone, "abc")
    dialog.name.setFocus()                                     # leaving 联系电话
    assert set(red(dialog)) == {"phone"}                       # only the field left, not 居民姓名
    dialog.accept()                                            # 确定: every problem at once
    assert set(red(dialog)) == {"phone", "resident_name", "text"}
    assert dialog.text.mapTo(dialog, dialog.text.rect().topLeft()).y() == text_y   # no field moved
    dialog.name.insert("林秀英")
    assert "resident_name" not in red(dialog)                  # cleared as soon as it is filled …
    dialog.text.insertPlainText("家中水管漏水")
    dialog.phone.setFocus()
    assert set(red(dialog)) == {"phone"}                       # … and stays cleared
    dialog.phone.clear()
    qtbot.keyClicks(dialog.phone, "13812345678")
    assert red(dialog) == {}
    dialog.accept()
    assert HotlineRequest.get().resident_name == "林秀英"


def test_closing_a_form_with_typed_data_asks_first(window, qtbot, monkeypatch):
    from ui.dialogs.hotline import RequestDialog

    tab = window.switch_to("hotline")
    untouched = RequestDialog(tab)
    qtbot.addWidget(untouched)
    shown(untouched, qtbot)
    asked = answer_close_question(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert asked == [] and not untouched.isVisible()           # nothing typed: closes at once

    dialog = RequestDialog(tab)
    qtbot.addWidget(dialog)
    shown(dialog, qtbot)
    dialog.name.insert("林秀英")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dialog.isVisible()              # 取消 in the question: still there
    assert dialog.name.text() == "林秀英"
    answer_close_question(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible()


def make_worker(name: str, political_status: str, kind: str) -> Worker:
    return Worker.create(office=default_office(), name=name, gender="女", birth_date=dt.date(1985, 3, 1),
                         sector="企业", education="大专", title="无", political_status=political_status,
                         kind=kind)


def test_new_worker_starts_from_the_office_usual_values_without_red(window, qtbot, monkeypatch):
    from ui.dialogs.worker import WorkerDialog

    make_worker("甲", "群众", "志愿者")
    make_worker("乙", "群众", "志愿者")
    make_worker("丙", "中共党员", "专职")
    dialog = WorkerDialog(window.switch_to("roster"), None)
    qtbot.addWidget(dialog)
    shown(dialog, qtbot)
    assert dialog.problems_shown_now() == {}
    assert dialog.fields["political_status"].currentData() == "群众"       # 2 of 3: most of them
    assert dialog.fields["kind"].currentData() == "志愿者"
    make_worker("丁", "中共党员", "专职")                                   # 2 of 4: no majority
    other = WorkerDialog(window.switch_to("roster"), None)
    qtbot.addWidget(other)
    assert other.fields["political_status"].currentData() == ""           # left to the clerk
    id_y = dialog.fields["id_number"].mapTo(dialog, dialog.fields["id_number"].rect().topLeft()).y()
    gender_y = dialog.fields["gender"].mapTo(dialog, dialog.fields["gender"].rect().topLeft()).y()
    dialog.fields["name"].setFocus()
    dialog.fields["name"].insert("欧阳玥")
    dialog.fields["id_number"].setFocus()
    qtbot.keyClicks(dialog.fields["id_number"], "35050219950203005")
    dialog.fields["phone"].setFocus()                          # leaving 身份证号 with 17 digits
    assert "id_number" in dialog.problems_shown_now()
    assert "sector" not in dialog.problems_shown_now()         # not left yet: not red
    qtbot.wait(10)
    assert dialog.fields["id_number"].mapTo(dialog, dialog.fields["id_number"].rect().topLeft()).y() == id_y
    assert dialog.fields["gender"].mapTo(dialog, dialog.fields["gender"].rect().topLeft()).y() == gender_y
    asked = answer_close_question(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dialog.isVisible()
    answer_close_question(monkeypatch, QMessageBox.StandardButton.Discard)


def test_programme_form_keeps_unfixed_problems_and_clears_fixed_ones(window, qtbot):
    from ui.dialogs.mentoring import PairDialog

    dialog = PairDialog(window.switch_to("mentoring"))
    qtbot.addWidget(dialog)
    shown(dialog, qtbot)
    assert dialog.problems_shown() == {}
    dialog.save()
    before = dialog.problems_shown()
    assert "youth_name" in before and len(before) >= 2
    dialog.field("youth_name").insert("张晓明")
    after = dialog.problems_shown()
    assert "youth_name" not in after
    assert set(after) == set(before) - {"youth_name"}
