"""Fixtures of the window tests: the demo street office in a main window that is shown and in
front (keys and dialogs go to it), and a database file with an account (the start's login)."""
from __future__ import annotations

import shutil

import pytest

from swdesk import db as swdb
from swdesk.jobs import demo
from swdesk.services import base, operators, scope
from tests.conftest import wait_for_background_work
from ui.main_window import MainWindow


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """A small demo database (120 workers), made once per test module and copied by each test."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    swdb.open_database(str(path))
    demo.fill_demo(workers=120)
    swdb.close_database()
    return path


@pytest.fixture
def front_window(qtbot):
    """Builds the main window on the open database, shown and in front."""
    def build():
        win = MainWindow()
        qtbot.addWidget(win)
        win.show()
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=3000)
        return win

    return build


@pytest.fixture
def demo_window(demo_file, tmp_path, front_window):
    path = tmp_path / "swdesk.db"
    shutil.copy(demo_file, path)
    swdb.open_database(str(path))
    win = front_window()
    yield win
    win.tab("roster").model.wait()
    wait_for_background_work()
    swdb.close_database()


@pytest.fixture
def account_file(tmp_path):
    """A closed SQLite file with one account, admin / geheim123: the program asks for a login."""
    target = tmp_path / "office.db"
    swdb.open_database(str(target))
    base.set_session(scope.single_user_session())
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    swdb.close_database()
    base.reset_session()
    return target
