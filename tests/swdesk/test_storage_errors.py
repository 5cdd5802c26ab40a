"""A full disk, a read-only file, a locked file, a newer database: a Chinese message, nothing
half-written, never a traceback."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from swdesk import db as swdb
from swdesk import migrations, models
from swdesk.services import base, settings
from swdesk.services.base import StorageError, writes
from tests.conftest import read_only_file, run_cli

pytestmark = pytest.mark.usefixtures("sqlite_only")


@writes("worker")
def write_many_settings(n: int) -> None:
    """A test writer: many rows in one transaction."""
    for i in range(n):
        settings.put(f"bulk{i}", "长" * 2000)


def test_full_disk_gives_chinese_message_and_writes_nothing(db):
    settings.put("before", 1)
    count = models.Setting.select().count()
    pages = db.execute_sql("PRAGMA page_count").fetchone()[0]
    db.execute_sql(f"PRAGMA max_page_count = {pages + 20}")  # SQLite then reports SQLITE_FULL
    with pytest.raises(StorageError) as info:
        write_many_settings(500)
    assert "磁盘空间已满" in str(info.value) and "没有保存" in str(info.value)
    db.execute_sql("PRAGMA max_page_count = 1073741823")
    assert models.Setting.select().count() == count  # rolled back entirely
    settings.put("after", 2)  # and the database still works


def test_read_only_database_file(db_target):
    swdb.open_database(db_target)
    settings.put("marker", "kept")
    swdb.close_database()
    with read_only_file(Path(db_target)):
        swdb.open_database(db_target)
        try:
            assert settings.get("marker") == "kept"  # reading still works
            with pytest.raises(StorageError, match="数据库文件是只读的"):
                settings.put("marker", "changed")
        finally:
            swdb.close_database()
        code, out, err = run_cli("demo", "--workers", "3", db_target=db_target)
        assert code == 1 and "只读" in err and "Traceback" not in err, err


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_locked_database_write(db, db_target):
    holder = sqlite3.connect(db_target, timeout=0)
    holder.execute("BEGIN IMMEDIATE")  # another program is in the middle of a write
    db.execute_sql("PRAGMA busy_timeout = 100")
    try:
        with pytest.raises(StorageError, match="正被其他程序占用"):
            settings.put("x", 1)
    finally:
        holder.rollback()
        holder.close()
    settings.put("x", 2)
    assert settings.get("x") == 2


def test_newer_database_refused_on_command_line(db_target):
    swdb.open_database(db_target)
    models.SchemaVersion.update(version=migrations.LATEST + 1).execute()
    swdb.close_database()
    code, out, err = run_cli("check", db_target=db_target)
    assert code == 1 and "更新版本" in err and "Traceback" not in err


def test_not_a_database_on_command_line(tmp_path):
    fake = tmp_path / "photo.db"
    fake.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(5000))
    code, out, err = run_cli("check", db_target=str(fake))
    assert code == 1 and "不是有效的 swdesk 数据库或已损坏" in err


def test_other_operational_errors_are_not_disguised(db):
    @writes("setting")
    def broken() -> None:
        db.execute_sql("SELECT no_such_column FROM setting")

    with pytest.raises(Exception) as info:
        broken()
    assert not isinstance(info.value, base.UserError)  # a bug stays a bug (logged, error dialog)
