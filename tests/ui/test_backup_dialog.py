"""文件 → 备份/恢复, the daily backup at start, and the start-up recovery dialog."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from swdesk import backup, migrations
from swdesk import db as swdb
from swdesk.services import operators, settings
from ui import opening
from ui.dialogs import backup as backup_dialog
from ui.dialogs import recovery

pytestmark = pytest.mark.usefixtures("sqlite_only")


class Boxes:
    """Answers the modal message boxes that appear, and remembers their texts."""

    def __init__(self, qtbot, answer=None):
        self.texts: list[str] = []
        self.answer = answer
        self.timer = QTimer()
        self.timer.timeout.connect(self.poll)
        self.timer.start(30)
        qtbot.addWidget(QMainWindow())  # keeps qtbot's clean-up happy

    def poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            self.texts.append(widget.text())
            widget.done(0)
        elif widget is not None and self.answer is not None:
            self.answer(widget)

    def stop(self) -> None:
        self.timer.stop()


def marker() -> str | None:
    return settings.get("marker", None)


def test_backup_now_and_settings(qtbot, db, tmp_path):
    dialog = backup_dialog.BackupDialog()
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText(str(tmp_path / "usb"))
    dialog.keep_spins["daily"].setValue(3)
    assert dialog.save_settings()
    assert settings.get("backup_dir") == str(tmp_path / "usb")
    assert settings.get("backup_keep")["daily"] == 3
    dialog.backup_now()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("已备份到"), timeout=10000)
    assert dialog.listing.count() == 1 and len(backup.list_backups(tmp_path / "usb")) == 1


def test_read_only_operator_cannot_change_backup_settings(qtbot, db):
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    operators.create_operator("只读者", "viewer", "只读", "viewer123")
    operators.log_in("viewer", "viewer123")
    dialog = backup_dialog.BackupDialog()
    qtbot.addWidget(dialog)
    dialog.folder_edit.setText("/somewhere")
    assert not dialog.save_settings()
    assert "没有修改数据的权限" in dialog.status.text()


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_restore_damaged_refused_then_good_restored(qtbot, db, db_target, tmp_path):
    settings.put("marker", "old")
    good = backup.backup_to_dir(tmp_path / "bk")
    settings.put("marker", "current")
    bad = tmp_path / "bad.db"
    data = bytearray(good.read_bytes())
    bad.write_bytes(bytes(data[: len(data) // 2]))
    window = QMainWindow()
    qtbot.addWidget(window)
    boxes = Boxes(qtbot)
    try:
        assert backup_dialog.restore_file(window, bad) is None
        qtbot.waitUntil(lambda: len(boxes.texts) == 1)
        assert "损坏" in boxes.texts[0] and marker() == "current"
        replaced, safety = backup_dialog.restore_file(window, good)
        qtbot.waitUntil(lambda: len(boxes.texts) == 2)
    finally:
        boxes.stop()
    assert "已从" in boxes.texts[1] and str(safety) in boxes.texts[1]
    assert marker() == "old" and Path(replaced) == Path(db_target).resolve()


def test_daily_backup_at_start_failure_is_a_warning_not_a_crash(qtbot, db, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.put("backup_dir", str(blocker / "sub"))
    boxes = Boxes(qtbot)
    try:
        assert backup_dialog.daily_backup_at_start() is None
    finally:
        boxes.stop()
    assert "今天的自动备份没有完成" in boxes.texts[0]
    settings.put("backup_dir", str(tmp_path / "ok"))
    assert backup_dialog.daily_backup_at_start() is not None
    assert backup_dialog.daily_backup_at_start() is None  # once a day


# --- start-up ----------------------------------------------------------------------------------

def press(key: str):
    def answer(widget):
        if isinstance(widget, recovery.RecoveryDialog):
            widget.seen = getattr(widget, "seen", None) or widget.message.text()
            answer.texts.append(widget.message.text())
            answer.buttons.append(sorted(widget.buttons))
            widget.choose(key)
    answer.texts, answer.buttons = [], []
    return answer


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_newer_database_shows_refusal_not_crash(qtbot, db_target):
    swdb.open_database(db_target)
    from swdesk.models import SchemaVersion

    SchemaVersion.update(version=migrations.LATEST + 5).execute()
    swdb.close_database()
    answer = press("quit")
    boxes = Boxes(qtbot, answer)
    try:
        assert opening.open_database_interactively(db_target) is False
    finally:
        boxes.stop()
    assert "更新版本" in answer.texts[0] and "数据未作任何改动" in answer.texts[0]
    assert "latest" not in answer.buttons[0]  # no restore offered over a newer database
    con = sqlite3.connect(db_target)
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == migrations.LATEST + 5
    con.close()


def test_damaged_database_offers_latest_good_backup(qtbot, db_target, tmp_path):
    swdb.open_database(db_target)
    settings.put("backup_dir", str(tmp_path / "bk"))
    settings.put("marker", "from backup")
    for i in range(300):
        settings.put(f"filler{i}", "内容" * 100)
    backup.daily_backup_if_due()
    swdb.close_database()
    data = bytearray(Path(db_target).read_bytes())
    data[: 16] = b"garbage garbage!"
    Path(db_target).write_bytes(bytes(data))
    answer = press("latest")
    boxes = Boxes(qtbot, answer)
    try:
        assert opening.open_database_interactively(db_target) is True
    finally:
        boxes.stop()
    assert "损坏" in answer.texts[0] and "latest" in answer.buttons[0]
    assert marker() == "from backup"
    assert list(Path(db_target).parent.glob("*.damaged-*.db"))  # the damaged file was kept aside
    swdb.close_database()


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_locked_database_offers_retry(qtbot, db_target):
    swdb.open_database(db_target)
    swdb.close_database()
    holder = sqlite3.connect(db_target, timeout=0)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")  # another program holding the file (WAL lets readers in otherwise)
    holder.execute("BEGIN EXCLUSIVE")
    calls = {"n": 0}

    def answer(widget):
        if isinstance(widget, recovery.RecoveryDialog):
            calls["n"] += 1
            calls.setdefault("text", widget.message.text())
            calls.setdefault("buttons", sorted(widget.buttons))
            if calls["n"] == 1:
                holder.close()  # the other program lets go
                widget.choose("retry")
            else:
                widget.choose("quit")

    boxes = Boxes(qtbot, answer)
    try:
        opened = opening.open_database_interactively(db_target)
    finally:
        boxes.stop()
        holder.close()
    assert "占用" in calls["text"] and "retry" in calls["buttons"]
    assert opened is True
    swdb.close_database()


def test_restore_says_whose_backup_and_asks_before_another_databases(qtbot, db, db_target, tmp_path):
    from swdesk.models import Worker
    from swdesk.services import demo

    demo.fill(workers=12)
    mine = backup.backup_to_dir(tmp_path / "bk")
    other_target = tmp_path / "other.db"
    swdb.open_database(str(other_target))
    theirs = backup.backup_to_dir(tmp_path / "bk")
    swdb.open_database(db_target)
    assert "12 名人员" in backup_dialog.whose_backup(mine) and "当前数据库的备份" in backup_dialog.whose_backup(mine)
    assert "0 名人员" in backup_dialog.whose_backup(theirs) and "另一个数据库的备份" in backup_dialog.whose_backup(theirs)
    window = QMainWindow()
    qtbot.addWidget(window)
    boxes = Boxes(qtbot)                       # answers the question "仍要用它替换…" with No
    try:
        assert backup_dialog.restore_file(window, theirs) is None
    finally:
        boxes.stop()
    assert "另一个数据库的备份" in boxes.texts[0]
    assert Worker.select().count() == 12       # still the current database, unchanged
