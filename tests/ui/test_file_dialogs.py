"""The window's file dialogs list a folder without opening its files (ui/file_dialogs.py): the
live database beside an export keeps its locks (issue 22)."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from ui import file_dialogs


@pytest.fixture
def installed():
    file_dialogs.install()
    yield
    file_dialogs.uninstall()


def answer_dialog(qtbot, name: str | None, seen: list):
    """Accept the next file dialog with `name` typed in (None: cancel), after it listed the folder."""
    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QFileDialog) and not seen:
            seen.append(widget)
            def finish() -> None:
                if name is None:
                    widget.reject()
                else:
                    widget.selectFile(name)
                    widget.accept()
            QTimer.singleShot(1500, finish)        # long enough for the folder to be listed
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(30)
    return timer


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX process locks")
def test_a_save_dialog_beside_a_live_database_leaves_its_locks(qtbot, installed, tmp_path):
    path = tmp_path / "big.db"
    con = sqlite3.connect(str(path), isolation_level=None)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (1)")
    (tmp_path / "old.xlsx").write_bytes(b"PK")
    seen: list = []
    timer = answer_dialog(qtbot, str(tmp_path / "季度报表.xlsx"), seen)
    try:
        chosen, chosen_filter = QFileDialog.getSaveFileName(None, "导出", str(tmp_path / "季度报表.xlsx"),
                                                            "Excel 工作簿 (*.xlsx);;所有文件 (*)")
    finally:
        timer.stop()
    assert Path(chosen) == tmp_path / "季度报表.xlsx" and chosen_filter.startswith("Excel")
    assert isinstance(seen[0].iconProvider(), file_dialogs.NameOnlyIconProvider)
    subprocess.run([sys.executable, "-c", "import sqlite3, sys; sqlite3.connect(sys.argv[1])"
                    ".execute('SELECT COUNT(*) FROM t').fetchone()", str(path)], check=True, timeout=60)
    assert Path(f"{path}-wal").exists()               # nobody dropped our locks
    con.close()


def test_a_cancelled_open_dialog_answers_like_qt(qtbot, installed, tmp_path):
    (tmp_path / "a.db").write_bytes(b"x")
    seen: list = []
    timer = answer_dialog(qtbot, None, seen)
    try:
        assert QFileDialog.getOpenFileName(None, "打开", str(tmp_path), "数据库 (*.db)") == ("", "")
    finally:
        timer.stop()
