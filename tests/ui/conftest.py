"""Fixtures of the window tests: the demo street office in a main window that is shown and in
front (keys and dialogs go to it)."""
from __future__ import annotations

import shutil

import pytest

from swdesk import db as swdb
from swdesk.jobs import demo
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
