"""The start-up recovery dialog offers only the damaged database's own backups, says whose they
are, and never makes a smaller backup the default (issue 22)."""
from __future__ import annotations

import datetime as _dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from swdesk import backup
from swdesk import db as swdb
from swdesk.services import demo, settings
from ui import opening
from ui.dialogs import recovery

pytestmark = pytest.mark.usefixtures("sqlite_only")

DAY = _dt.datetime(2026, 11, 28, 9, 0)


def make_database(path: Path, folder: Path, workers: int, when: _dt.datetime) -> None:
    swdb.open_database(str(path))
    try:
        settings.put("backup_dir", str(folder))
        if workers:
            demo.fill(workers=workers)
        backup.daily_backup_if_due(now=when)
    finally:
        swdb.close_database()


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))


def workers_in(path: Path) -> int:
    con = sqlite3.connect(str(path))
    try:
        return con.execute("SELECT COUNT(*) FROM worker").fetchone()[0]
    finally:
        con.close()


class Answer:
    """Presses `key` in the recovery dialog (and `question` in any message box); records both."""

    def __init__(self, qtbot, key: str, question=QMessageBox.StandardButton.No):
        self.key, self.question = key, question
        self.dialogs: list[dict] = []
        self.boxes: list[str] = []
        self.busy = False
        self.timer = QTimer()
        self.timer.timeout.connect(self.poll)
        self.timer.start(30)
        qtbot.addWidget(QMainWindow())

    def poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            self.boxes.append(widget.text())
            button = widget.button(self.question)
            (button.click() if button is not None else widget.done(0))
        elif isinstance(widget, recovery.RecoveryDialog):
            if not self.dialogs or self.dialogs[-1]["widget"] is not widget:
                self.dialogs.append({"widget": widget, "text": widget.message.text(),
                                     "buttons": {k: b.text() for k, b in widget.buttons.items()},
                                     "default": widget.default_key})
            key = self.key
            if key == "latest" and self.question != QMessageBox.StandardButton.Yes:
                self.key = "quit"           # the smaller backup declined: leave the dialog next
            if self.busy:
                return
            self.busy = True
            # Clicked from its own event, not from this timer's: the click may open a message box
            # with its own event loop, and Qt does not re-enter a timer that is still running.
            QTimer.singleShot(0, lambda: self.press(widget, key))

    def press(self, widget: recovery.RecoveryDialog, key: str) -> None:
        try:
            widget.buttons[key].click() if key in widget.buttons else widget.choose("quit")
        finally:
            self.busy = False

    def stop(self) -> None:
        self.timer.stop()


def test_recovery_offers_only_the_damaged_databases_backup(qtbot, tmp_path):
    folder = tmp_path / "shared"
    big, empty = tmp_path / "big.db", tmp_path / "empty.db"
    make_database(big, folder, 60, DAY)
    make_database(empty, folder, 0, DAY + _dt.timedelta(hours=7, minutes=36))  # newer, other database
    damage(big)
    answer = Answer(qtbot, "latest")
    try:
        assert opening.open_database_interactively(str(big)) is True
    finally:
        answer.stop()
    shown = answer.dialogs[0]
    assert shown["default"] == "latest"
    assert "2026-11-28 09:00" in shown["buttons"]["latest"] and "60 名人员" in shown["buttons"]["latest"]
    assert "16:36" not in shown["buttons"]["latest"]          # never the other database's backup
    assert swdb.sqlite_path().resolve() == big.resolve()
    from swdesk.models import Worker

    assert Worker.select().count() == 60
    swdb.close_database()
    assert list(tmp_path.glob("big.damaged-*.db"))           # the damaged file kept aside
    assert workers_in(empty) == 0                             # the other database untouched


def test_no_own_backup_means_no_restore_button(qtbot, tmp_path):
    folder = tmp_path / "shared"
    make_database(tmp_path / "other.db", folder, 0, DAY)
    lonely = tmp_path / "lonely.db"
    swdb.open_database(str(lonely))
    swdb.close_database()
    damage(lonely)
    answer = Answer(qtbot, "quit")
    try:
        assert opening.open_database_interactively(str(lonely)) is False
    finally:
        answer.stop()
    shown = answer.dialogs[0]
    assert "latest" not in shown["buttons"] and "choose_backup" in shown["buttons"]
    assert "没有找到这个数据库自己的备份" in shown["text"]
    assert lonely.exists()


def test_a_smaller_backup_is_not_the_default_and_asks_first(qtbot, tmp_path):
    folder = tmp_path / "bk"
    grown = tmp_path / "grown.db"
    make_database(grown, folder, 0, DAY)
    swdb.open_database(str(grown))
    demo.fill(workers=200)
    swdb.close_database()
    damage(grown)
    size_before = grown.stat().st_size
    answer = Answer(qtbot, "latest", question=QMessageBox.StandardButton.No)
    try:
        assert opening.open_database_interactively(str(grown)) is False
    finally:
        answer.stop()
    shown = answer.dialogs[0]
    assert shown["default"] == "choose_backup"
    assert "比损坏的文件小" in shown["buttons"]["latest"] and "0 名人员" in shown["buttons"]["latest"]
    assert "可能缺少最近录入的数据" in shown["text"]
    assert answer.boxes and "仍要用它恢复吗" in answer.boxes[0]
    assert grown.stat().st_size == size_before               # declined: nothing replaced



def test_the_start_s_early_check_finds_the_damage_and_lets_go_of_the_file(qtbot, tmp_path, monkeypatch):
    """main.py quick-checks the file on a thread of its own from the start (swdesk/peek.py). Damage
    the header does not show is found by that check, and its connection is closed before the
    recovery moves the file aside: Windows refuses to rename a file a connection holds open."""
    import os

    from swdesk import peek

    folder = tmp_path / "shared"
    big = tmp_path / "big.db"
    make_database(big, folder, 60, DAY)
    data = bytearray(big.read_bytes())
    data[len(data) // 2:len(data) // 2 + 8192] = b"\xa5" * 8192    # the header intact
    big.write_bytes(bytes(data))
    checks: list[peek.QuickCheck] = []
    start = peek.QuickCheck.__init__

    def started(self, path):
        checks.append(self)
        start(self, path)

    monkeypatch.setattr(peek.QuickCheck, "__init__", started)
    rename = os.replace

    def held_open(src, dst):   # what Windows does while the check's connection is open
        if any(check._con is not None for check in checks) and big.name in (Path(src).name, Path(dst).name):
            error = PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")
            error.winerror = 32
            raise error
        rename(src, dst)

    monkeypatch.setattr(os, "replace", held_open)
    peek.start_quick_check(str(big), peek.first_step(str(big)))
    assert len(checks) == 1
    answer = Answer(qtbot, "latest")
    try:
        assert opening.open_database_interactively(str(big)) is True
    finally:
        answer.stop()
    assert "损坏" in answer.dialogs[0]["text"]
    assert checks[0]._con is None and peek._started is None
    from swdesk.models import Worker

    assert Worker.select().count() == 60                      # the backup restored
    swdb.close_database()
    assert list(tmp_path.glob("big.damaged-*.db"))


def test_a_file_that_does_not_open_ends_the_early_check_before_recovery_is_offered(tmp_path, monkeypatch):
    """The check (still running here: it waits until stopped) must not keep the file open while
    the recovery offer may replace it."""
    import time

    from swdesk import migrations, peek
    from swdesk.models import SchemaVersion

    newer = tmp_path / "newer.db"
    make_database(newer, tmp_path / "shared", 0, DAY)
    swdb.open_database(str(newer))
    SchemaVersion.update(version=migrations.LATEST + 1).execute()   # a newer program's file
    swdb.close_database()
    run = peek.QuickCheck._run

    def slow(self):
        deadline = time.monotonic() + 30
        while not self._stopped and time.monotonic() < deadline:
            time.sleep(0.01)
        run(self)

    monkeypatch.setattr(peek.QuickCheck, "_run", slow)
    peek.start_quick_check(str(newer), peek.first_step(str(newer)))
    check = peek._started
    assert check is not None and check._thread.is_alive()
    with pytest.raises(swdb.DatabaseOpenError, match="更新版本"):
        opening.open_and_check(str(newer))
    swdb.close_database()
    assert peek._started is None and not check._thread.is_alive() and check._con is None
