"""Keyboard only (ui/keyboard.py and the window's shortcuts): a hotline request is logged without
the mouse — Ctrl+6 to 服务热线, Ctrl+N, Tab from field to field, Enter — and afterwards the focus
is back in the tab, so the next Ctrl+N works too."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from swdesk.models import HotlineRequest


@pytest.fixture
def window(db, front_window):
    win = front_window()
    yield win
    roster = win._built.get(win.tab_index("roster"))
    if roster is not None:
        roster.model.wait()


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def tab_to(qtbot, wanted, limit: int = 12) -> None:
    """Press Tab until `wanted` has the focus (as a clerk does, watching the form)."""
    for _ in range(limit):
        if focused() is wanted:
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is wanted, focused()


def test_focus_is_in_the_first_field_at_start_and_on_each_tab(window, qtbot):
    roster = window.tab("roster")
    qtbot.waitUntil(lambda: focused() is roster.search, timeout=3000)
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)      # Ctrl+3: 一对一帮教
    mentoring = window.tab("mentoring")
    qtbot.waitUntil(lambda: focused() is not None and mentoring.isAncestorOf(focused()), timeout=3000)
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: focused() is roster.search, timeout=3000)
    # Tab leaves the roster table instead of walking its cells.
    roster.table.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is not roster.table


def test_log_a_hotline_request_with_keys_only(window, qtbot):
    press(qtbot, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)      # Ctrl+6: 服务热线
    tab = window.tab("hotline")
    assert window.tabs.currentWidget().isAncestorOf(tab)
    qtbot.waitUntil(lambda: focused() is not None and tab.isAncestorOf(focused()), timeout=3000)
    assert focused().isEnabled() and focused().isVisible()
    done = []

    def fill_in():
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow():
            QTimer.singleShot(20, fill_in)
            return
        try:
            keys_into(dialog)
        except AssertionError as exc:     # never leave a modal dialog behind: the test would hang
            done.append(exc)
            dialog.done(0)

    def keys_into(dialog):
        # The first field has the focus (not 确定); every other is reached by Tab.
        assert focused() is dialog.received
        tab_to(qtbot, dialog.name)
        qtbot.keyClicks(focused(), "Lin Xiuying")
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is dialog.phone
        qtbot.keyClicks(focused(), "13812345678")
        tab_to(qtbot, dialog.category)
        assert isinstance(focused(), QComboBox)
        press(qtbot, Qt.Key.Key_Down)                                     # the next category
        tab_to(qtbot, dialog.text)
        assert isinstance(focused(), QPlainTextEdit)
        qtbot.keyClicks(focused(), "The water pipe leaks")
        press(qtbot, Qt.Key.Key_Tab)                                      # Tab leaves the text
        assert not isinstance(focused(), QPlainTextEdit)
        tab_to(qtbot, dialog.preferred)
        assert isinstance(focused(), QLineEdit)
        press(qtbot, Qt.Key.Key_Return)                                   # Enter = 确定
        done.append(dialog.result())

    QTimer.singleShot(0, fill_in)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)      # Ctrl+N: 受理新工单
    assert done == [1], done
    request = HotlineRequest.get()
    assert (request.resident_name, request.phone, request.text) == (
        "Lin Xiuying", "13812345678", "The water pipe leaks")
    assert tab.current is not None and tab.current.id == request.id
    # The focus is back in the tab when the window is active again (the offscreen platform does
    # not reactivate it by itself, a desktop does): the keyboard goes on without a click.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.waitUntil(lambda: focused() is not None and tab.isAncestorOf(focused()), timeout=3000)
    assert focused().isEnabled() and focused().isVisible()


def tabs_between(qtbot, start, wanted, key=Qt.Key.Key_Tab, limit: int = 8) -> int:
    """How many presses of `key` take the focus from `start` to `wanted`."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert focused() is start
    for count in range(1, limit + 1):
        press(qtbot, key)
        if focused() is wanted:
            return count
    raise AssertionError(f"{wanted} not reached in {limit} presses; at {focused()}")


def test_received_time_is_one_tab_stop_with_now_as_default(db, qtbot):
    import datetime as dt

    from ui.dialogs.hotline import RequestDialog

    dialog = RequestDialog(None)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.done(0))   # done(): nothing to ask
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    received = dialog.received.dateTime().toPython()
    assert abs(received - dt.datetime.now()) < dt.timedelta(minutes=2)     # now, typed over if not
    # Qt's date-time field took a Tab for each of its five parts; one leaves it now, either way.
    assert tabs_between(qtbot, dialog.received, dialog.channel) == 1
    assert tabs_between(qtbot, dialog.channel, dialog.received, Qt.Key.Key_Backtab) == 1
    # Inside the field the arrows still edit the selected part. A time in the middle of every
    # part first: at 02:59 the minutes' Up did nothing (59 is their top), and the test failed.
    middle = dt.datetime(2026, 6, 15, 10, 30)
    dialog.received.setDateTime(middle)
    press(qtbot, Qt.Key.Key_Up)
    assert dialog.received.dateTime().toPython() > middle


def test_every_date_field_of_a_form_is_one_tab_stop(db, qtbot):
    from ui.widgets.forms import date_edit

    holder = QWidget()
    qtbot.addWidget(holder)
    before, day = QLineEdit(holder), date_edit()
    day.setParent(holder)                 # in the focus chain between the two lines
    after = QLineEdit(holder)
    layout = QVBoxLayout(holder)
    for widget in (before, day, after):
        layout.addWidget(widget)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow, timeout=3000)
    assert tabs_between(qtbot, before, after) == 2          # into the date, out of it
