"""The window shell: title, every tab builds and switches, the menus and their targets, geometry
remembered between runs."""
from __future__ import annotations

import importlib
import importlib.util

import pytest

from ui.main_window import MENUS, TABS, MainWindow, PlaceholderTab


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


@pytest.fixture
def window(db, qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    yield win
    roster = win._built.get(win.tab_index("roster"))
    if roster is not None and hasattr(roster, "model"):
        roster.model.wait()


def test_title_names_the_office(window, office):
    window.update_title()
    assert window.windowTitle() == f"{office.centre_name} — 社工服务台"


def test_opens_on_the_roster_and_every_tab_switches(window, qtbot):
    assert window.tabs.count() == len(TABS)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [t[3] for t in TABS]
    assert window.tabs.currentIndex() == window.tab_index("roster")
    for index, (key, module, class_name, _title) in enumerate(TABS):
        window.tabs.setCurrentIndex(index)
        widget = window._built[index]
        if _module_exists(module):
            # A tab whose module exists must build; the placeholder means it raised.
            assert not isinstance(widget, PlaceholderTab), f"tab {key} failed to build"
            assert type(widget).__name__ == class_name
        else:
            assert isinstance(widget, PlaceholderTab)
        assert window.tab(key) is widget
    # data_changed reaches every built tab without error.
    window.data_changed.emit("worker")


def test_menus_and_their_targets(window):
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == [title for title, _items in MENUS]
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    for wanted in ("打开数据库…", "导入花名册…", "导出花名册…", "备份…", "恢复…", "退出"):
        assert wanted in texts
    for _title, items in MENUS:
        for item in items:
            if item is None:
                continue
            _text, target, _shortcut = item
            assert target in window.menu_actions
            module_name, func_name = target.split(":")
            if _module_exists(module_name):
                module = importlib.import_module(module_name)
                assert callable(getattr(module, func_name, None)), target


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
