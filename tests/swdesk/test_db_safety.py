"""The database file is never damaged by how swdesk opens, copies, replaces or closes it (issue 22).

The damage seen (audit_log rows replaced by copies of the setting table's rows, "row 1 missing
from index", NULLs in every column) is what SQLite produces when pages of one WAL are read or
checkpointed against the wrong file: a WAL deleted or replaced under open connections. These tests
show the mechanism and that swdesk's paths no longer allow it."""
from __future__ import annotations

import gc
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from swdesk import backup, files
from swdesk import db as swdb
from swdesk.errors import UserError
from swdesk.services import settings

pytestmark = pytest.mark.usefixtures("sqlite_only")

READER = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
          "print(c.execute('SELECT COUNT(*) FROM t').fetchone()[0]); c.close()")


def other_process_reads(path: Path | str, code: str = READER) -> None:
    """Another program runs one read-only query and closes (like the sqlite3 shell did)."""
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, timeout=60)


def count_rows(path: Path, table: str) -> int:
    con = sqlite3.connect(str(path))
    try:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX advisory locks: Windows locks differ")
def test_a_plain_file_handle_on_a_live_database_lets_another_process_delete_its_wal(tmp_path):
    """The cause: closing any plain handle on the file drops every POSIX lock of the process,
    SQLite's included; another process's sqlite3 then thinks it is the last user, checkpoints and
    deletes the WAL that our connections still write to. Commits after that are lost."""
    path = tmp_path / "t.db"
    con = sqlite3.connect(str(path), isolation_level=None)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE t (x)")
    con.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(50)])
    job = sqlite3.connect(str(path), isolation_level=None)   # a background job's connection
    job.execute("SELECT COUNT(*) FROM t").fetchone()
    with open(path, "rb") as fh:     # what is_sqlite_file / shutil.copy on the live file did
        fh.read(16)
    other_process_reads(path)
    assert not Path(f"{path}-wal").exists()          # deleted under our open connections
    con.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(50)])   # "committed"
    later = sqlite3.connect(str(path), isolation_level=None)  # the next job's connection
    with pytest.raises(sqlite3.OperationalError):    # disk I/O error: the WAL and its index disagree
        later.execute("SELECT COUNT(*) FROM t").fetchone()
    for each in (con, job, later):
        each.close()
    assert count_rows(path, "t") == 50               # the second 50 committed rows are lost


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_swdesk_never_opens_the_live_file_with_a_plain_handle(db, db_target):
    path = Path(db_target)
    for i in range(50):
        settings.put(f"k{i}", i)
    with pytest.raises(UserError, match="正在使用的数据库"):
        files.check_target(path, (".db",))
    assert files.is_sqlite_file(path)                # answered without opening the file
    other_process_reads(path, READER.replace("FROM t", "FROM setting"))
    assert Path(f"{path}-wal").exists()              # our locks held: the WAL stayed
    for i in range(50, 100):
        settings.put(f"k{i}", i)
    swdb.close_database()
    swdb.open_database(db_target)
    assert settings.get("k99") == 99 and settings.get("k0") == 0


def _reader_threads(n: int, release: threading.Event) -> list[threading.Thread]:
    """Threads that each open their own connection (peewee: one per thread) and stay alive."""
    opened = threading.Barrier(n + 1)

    def work() -> None:
        settings.get("x")
        opened.wait()
        release.wait(30)

    threads = [threading.Thread(target=work) for _ in range(n)]
    for thread in threads:
        thread.start()
    opened.wait()
    return threads


def test_close_database_leaves_running_threads_alone_and_closes_ended_ones(db):
    """A running thread's connection is never closed under it (CPython's sqlite3 would free the
    handle under its query: a segfault); once the thread has ended, its connection is closed."""
    release = threading.Event()
    threads = _reader_threads(3, release)
    database = db  # the fixture: the opened database object
    assert database.open_connections() == 4          # ours + 3 threads
    assert swdb.close_database() == 3                 # left to their threads
    assert swdb.stale_markers(database.database) == [] and list(swdb.data_dir().glob("open-*.marker"))
    release.set()
    for thread in threads:
        thread.join()
    assert swdb.close_database() == 0
    assert database.open_connections() == 0
    assert not list(swdb.data_dir().glob("open-*.marker"))   # now a clean close


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_restore_waits_for_threads_that_hold_the_file(db, db_target, tmp_path):
    settings.put("marker", "backup")
    good = backup.backup_to_dir(tmp_path / "bk")
    settings.put("marker", "current")
    release = threading.Event()
    threads = _reader_threads(2, release)             # a job's thread and the search thread
    with pytest.raises(UserError, match="后台任务仍在使用数据库"):
        backup.restore(good, db_target)
    assert settings.get("marker") == "current"        # reopened, unchanged
    release.set()
    for thread in threads:
        thread.join()
    backup.restore(good, db_target)                   # their connections closed with them
    assert settings.get("marker") == "backup"
    gc.collect()                                      # any leftover connection object is finalised
    settings.put("marker", "after restore")
    assert Path(f"{db_target}-wal").exists()          # nobody deleted the new file's WAL
    swdb.close_database()
    con = sqlite3.connect(db_target)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT value FROM setting WHERE key='marker'").fetchone()[0] == '"after restore"'
    con.close()


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_restore_is_refused_while_another_program_has_the_file_open(db, db_target, tmp_path):
    settings.put("marker", "backup")
    good = backup.backup_to_dir(tmp_path / "bk")
    settings.put("marker", "current")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('SELECT COUNT(*) FROM setting').fetchone(); print('open', flush=True); time.sleep(60)",
         db_target], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(UserError, match="正被其他程序使用"):
            backup.restore(good, db_target)
    finally:
        holder.kill()
        holder.wait()
    assert settings.get("marker") == "current"        # reopened, unchanged
    assert not list(Path(db_target).parent.glob("*.before-restore-*"))


def _open_and_die(target: str) -> None:
    """A process that opens the database through swdesk and dies without closing it."""
    code = ("import os, sys; sys.path.insert(0, os.getcwd()); from swdesk import db; "
            "db.open_database(sys.argv[1]); os._exit(0)")
    subprocess.run([sys.executable, "-c", code, target], check=True, cwd=Path(__file__).resolve().parents[2],
                   env=dict(os.environ), timeout=120)


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_clean_close_leaves_no_marker_and_an_unclean_exit_is_quick_checked(db_target):
    swdb.open_database(db_target)
    assert swdb.unclean_exit_checked() is False
    swdb.close_database()
    assert not list(swdb.data_dir().glob("open-*.marker"))
    _open_and_die(db_target)
    assert len(swdb.stale_markers(db_target)) == 1
    swdb.open_database(db_target)
    try:
        assert swdb.unclean_exit_checked() is True
        assert swdb.stale_markers(db_target) == []
    finally:
        swdb.close_database()
    swdb.open_database(db_target)
    assert swdb.unclean_exit_checked() is False
    swdb.close_database()


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_damage_found_by_the_quick_check_after_an_unclean_exit(db_target):
    swdb.open_database(db_target)
    for i in range(300):
        settings.put(f"filler{i}", "内容" * 100)
    swdb.close_database()
    _open_and_die(db_target)
    path = Path(db_target)
    data = bytearray(path.read_bytes())
    page = 4096
    for i in range(page * 3, page * 3 + 2000):      # a b-tree page of a table, not the header
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    with pytest.raises(swdb.DatabaseOpenError, match="损坏"):
        swdb.open_database(db_target)
    swdb.close_database()
    assert swdb.stale_markers(db_target)                # checked again at the next start
