"""The window shell: title, every tab builds and switches, every menu entry is a real callable and
every menu action runs (no "不可用"), geometry remembered between runs."""
from __future__ import annotations

import inspect

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

import ui.tabs.roster  # noqa: F401  (its print action is an OnFirstUse entry, checked below)
from ui.first_use import OnFirstUse
from ui.main_window import MENUS, TABS, MainWindow, PlaceholderTab, action_key


@pytest.fixture
def window(db, qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    roster = win._built.get(win.tab_index("roster"))
    if roster is not None and hasattr(roster, "model"):
        roster.model.wait()


def menu_entries():
    return [item for _title, items in MENUS for item in items if item is not None]


def test_title_names_the_office(window, office):
    window.update_title()
    assert window.windowTitle() == f"{office.centre_name} — 社工服务台"


def test_every_tab_and_menu_entry_resolves_to_a_real_callable():
    """Tab classes and dialog actions are imported on first use: import every one of them now."""
    for key, tab_class, _title in TABS:
        cls = tab_class.resolve()
        assert inspect.isclass(cls) and issubclass(cls, QWidget), key
    for _text, action, _shortcut in menu_entries():
        target = action.resolve() if isinstance(action, OnFirstUse) else action
        assert callable(target), action_key(action)
        assert len(inspect.signature(target).parameters) >= 1, action_key(action)  # takes the window
    for entry in OnFirstUse.CREATED:  # menus, tabs and any other deferred import
        assert callable(entry.resolve()), entry


def test_opens_on_the_roster_and_every_tab_switches(window, qtbot):
    assert window.tabs.count() == len(TABS)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [t[2] for t in TABS]
    assert window.tabs.currentIndex() == window.tab_index("roster")
    for index, (key, tab_class, _title) in enumerate(TABS):
        window.tabs.setCurrentIndex(index)
        widget = window._built[index]
        assert not isinstance(widget, PlaceholderTab), f"tab {key} failed to build"
        assert type(widget).__name__ == tab_class.name
        assert window.tab(key) is widget
    # data_changed reaches every built tab without error.
    window.data_changed.emit("worker")


def test_menus_and_their_targets(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == [title for title, _items in MENUS]
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    for wanted in ("打开数据库(&O)…", "导入花名册(&I)…", "导出花名册(&E)…", "备份(&B)…", "恢复(&R)…", "退出(&X)"):
        assert wanted in texts
    # Every entry has an accelerator letter, none used twice in one menu.
    for menu_action in window.menuBar().actions():
        entries = [a.text() for a in menu_action.menu().actions() if not a.isSeparator()]
        letters = [text[text.index("&") + 1].upper() for text in entries]
        assert len(set(letters)) == len(letters), entries
    assert sorted(window.menu_actions) == sorted(action_key(a) for _t, a, _s in menu_entries())


def _close_dialogs(seen: list[tuple[str, str]], current: list[str]) -> None:
    """Close every dialog, message box and file chooser an action opened; note what each was."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            text = widget.text() + widget.informativeText() if isinstance(widget, QMessageBox) else ""
            seen.append((current[0], text))
            widget.done(0)


def test_every_menu_action_runs(window, qtbot):
    """Each menu entry opens its dialog (or box): no "不可用", no 程序错误 box, nothing raised."""
    seen: list[tuple[str, str]] = []
    current = [""]
    closer = QTimer()
    closer.timeout.connect(lambda: _close_dialogs(seen, current))
    closer.start(30)
    errors: list[tuple[str, BaseException]] = []
    try:
        for key, action in window.menu_actions.items():
            if key.endswith(":quit_window"):
                continue
            current[0] = key
            with qtbot.captureExceptions() as raised:
                action.trigger()
                qtbot.wait(60)
            errors += [(key, exc) for _t, exc, _tb in raised]
            _close_dialogs(seen, current)
        assert not errors, errors
        assert not [text for _key, text in seen if "不可用" in text or "意外问题" in text], seen
        opened = {key for key, _text in seen}
        assert opened == set(window.menu_actions) - {"ui.main_window:quit_window"}
        window.show()
        window.menu_actions["ui.main_window:quit_window"].trigger()
        assert not window.isVisible()
    finally:
        closer.stop()


def test_geometry_is_remembered(db, qtbot):
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(701, 503)
    first.show()
    qtbot.waitExposed(first)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (701, 503)
    for win in (first, second):
        win.tab("roster").model.wait()


def test_roster_tab_lists_workers_at_once(db, qtbot):
    """The shell's roster tab shows the workers as soon as the window opens."""
    import datetime as _dt

    from swdesk.services import workers

    for i in range(3):
        workers.create({"name": f"测试{i}", "gender": "男", "birth_date": _dt.date(1980, 1, 1 + i),
                        "sector": "企业", "education": "大专", "title": "无"})
    win = MainWindow()
    qtbot.addWidget(win)
    tab = win.tab("roster")
    assert tab.model.rowCount() == 3
    assert tab.count_label.text() == "共 3 人 / 筛选 3 人"
    tab.model.wait()


def test_street_scope_in_title_roster_column_and_filter(db, qtbot):
    """A single user of a two-street database sees the centre's street (no 街道 column); widening
    to the district shows the 街道 column and filter and names the scope in the title."""
    import datetime as dt

    from swdesk.models import Office, Worker
    from swdesk.services import base, scope, search

    kaiyuan = Office.create(district="鲤城区", street="开元街道", street_code="350502001",
                            centre_name="开元街道社会工作服务中心")
    lizhong = Office.create(district="鲤城区", street="鲤中街道", street_code="350502002",
                            centre_name="鲤中街道社会工作服务中心")
    for office, name in ((kaiyuan, "开元甲"), (lizhong, "鲤中甲")):
        Worker.create(office=office, name=name, gender="女", birth_date=dt.date(1985, 1, 1),
                      sector="企业", education="大专", title="无")
    base.set_session(scope.single_user_session())
    try:
        win = MainWindow()
        qtbot.addWidget(win)
        roster = win.tab("roster")
        qtbot.waitUntil(lambda: roster.model.rowCount() == 1, timeout=5000)
        street_column = search.COLUMN_KEYS.index("street")
        assert win.windowTitle() == "开元街道社会工作服务中心 — 社工服务台"
        assert roster.table.isColumnHidden(street_column)
        assert roster.filter_combos["office"].isHidden()
        assert not win.scope_combo.isHidden() and win.scope_combo.currentText() == "范围：开元街道"

        win.scope_combo.setCurrentIndex(win.scope_combo.findData(None))
        win.scope_combo.activated.emit(win.scope_combo.currentIndex())
        qtbot.waitUntil(lambda: roster.model.rowCount() == 2, timeout=5000)
        assert win.windowTitle() == "鲤城区（2个街道） — 社工服务台"
        assert not roster.table.isColumnHidden(street_column)
        assert not roster.filter_combos["office"].isHidden()
        assert roster.model.headerData(street_column, Qt.Orientation.Horizontal) == "街道"
        combo = roster.filter_combos["office"]
        combo.setCurrentIndex(combo.findData(lizhong.id))
        qtbot.waitUntil(lambda: roster.model.rowCount() == 1, timeout=5000)
        assert roster.model.row_at(0).name == "鲤中甲"
        roster.model.wait()
    finally:
        base.reset_session()
