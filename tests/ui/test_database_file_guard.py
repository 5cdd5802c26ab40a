"""Issue 22's damaged database: a file dialog showing the database's folder + a read-only query
from another program.

Qt's file dialog opens every file of the folder it shows to sniff its type (big.db → "SQLite
format 3" → application/vnd.sqlite3). Closing that handle drops all of this process's POSIX locks
on the file, SQLite's included; the other program's sqlite3 then believes it is the last user,
checkpoints and deletes the WAL our connections still use. swdesk's file guard (an
open-file-description lock, swdesk/connection.py) keeps the WAL where it is."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from swdesk import db as swdb
from swdesk.services import settings

pytestmark = [pytest.mark.usefixtures("sqlite_only"),
              pytest.mark.skipif(not sys.platform.startswith("linux"),
                                 reason="POSIX process locks and their OFD guard are Linux's")]


def other_program_reads(path: Path | str, table: str) -> None:
    code = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            f"c.execute('SELECT COUNT(*) FROM {table}').fetchone(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)


def show_file_dialog(qtbot, folder: Path) -> None:
    """The save dialog of 保存 PDF / 导出季度报表 showing the folder that holds the database."""
    dialog = QFileDialog(None, "保存", str(folder), "所有文件 (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(1500)                     # the folder is listed and its files' types sniffed
    dialog.close()


def test_without_a_guard_the_dialog_and_a_reader_delete_the_live_wal(qtbot, tmp_path):
    path = tmp_path / "big.db"
    con = sqlite3.connect(str(path), isolation_level=None)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (1)")
    job = sqlite3.connect(str(path), isolation_level=None)   # a background job's connection
    job.execute("SELECT COUNT(*) FROM t").fetchone()
    show_file_dialog(qtbot, tmp_path)
    other_program_reads(path, "t")
    assert not Path(f"{path}-wal").exists()
    con.close()
    job.close()


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_swdesk_keeps_its_wal_through_the_dialog_and_the_reader(qtbot, db, db_target):
    path = Path(db_target)
    for i in range(100):
        settings.put(f"before{i}", i)
    worker_thread_reads = threading.Thread(target=lambda: settings.get("before1"))
    worker_thread_reads.start()
    worker_thread_reads.join()
    show_file_dialog(qtbot, path.parent)
    other_program_reads(path, "setting")
    assert Path(f"{path}-wal").exists()
    for i in range(100):
        settings.put(f"after{i}", i)
    seen = {}
    later_job = threading.Thread(target=lambda: seen.update(value=settings.get("after99")))
    later_job.start()
    later_job.join()
    assert seen["value"] == 99
    swdb.close_database()
    con = sqlite3.connect(db_target)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        keys = {r[0] for r in con.execute("SELECT key FROM setting WHERE key LIKE 'after%' OR key LIKE 'before%'")}
        assert len(keys) == 200
    finally:
        con.close()
    assert not Path(f"{path}-wal").exists()          # a clean close still checkpoints and removes it
