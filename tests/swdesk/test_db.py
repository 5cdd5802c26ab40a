"""swdesk/db.py: opening databases, pragmas, and the messages a clerk sees when it fails."""
from __future__ import annotations

from pathlib import Path

import peewee
import pytest

from swdesk import db, migrations
from swdesk.models import SchemaVersion
from tests.conftest import read_only_file


def test_default_target_is_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("SWDESK_DATA_DIR", str(tmp_path / "data"))
    assert db.default_target() == str(tmp_path / "data" / "swdesk.db")
    assert (tmp_path / "data").is_dir()


def test_sqlite_file_gets_wal_foreign_keys_and_busy_timeout(tmp_path, sqlite_only):
    database = db.open_database(str(tmp_path / "a.db"))
    try:
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert migrations.current_version() == migrations.LATEST
    finally:
        db.close_database()


def test_open_creates_schema_once(db_target):
    db.open_database(db_target)
    db.close_database()
    db.open_database(db_target)  # second open: nothing to create, nothing to migrate
    try:
        assert SchemaVersion.select().count() == 1
        assert migrations.current_version() == migrations.LATEST
    finally:
        db.close_database()


def test_foreign_keys_are_enforced(db):
    from swdesk.models import Community

    with pytest.raises(peewee.IntegrityError):
        with db.atomic():
            Community.create(office=999, name="不存在的街道的社区")


def test_not_a_database_file_gives_a_chinese_message(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is not an sqlite file at all" * 100)
    with pytest.raises(db.DatabaseOpenError, match="不是有效的 swdesk 数据库"):
        db.open_database(str(bogus))


def test_missing_folder_gives_a_chinese_message(tmp_path):
    with pytest.raises(db.DatabaseOpenError, match="文件夹不存在"):
        db.open_database(str(tmp_path / "nope" / "x.db"))


def test_directory_instead_of_file_is_refused(tmp_path):
    with pytest.raises(db.DatabaseOpenError, match="文件夹"):
        db.open_database(str(tmp_path))


def test_postgres_url_without_database_name_is_refused():
    with pytest.raises(db.DatabaseOpenError, match="缺少数据库名"):
        db.make_database("postgresql://user:pw@localhost:5432/")


def test_postgres_url_is_parsed_into_connection_parameters():
    database = db.make_database("postgresql://clerk:p%40ss@db.example:6543/district")
    assert isinstance(database, peewee.PostgresqlDatabase)
    assert database.database == "district"
    assert database.connect_params["user"] == "clerk"
    assert database.connect_params["password"] == "p@ss"
    assert database.connect_params["port"] == 6543


def test_read_only_file_is_reported(tmp_path, sqlite_only):
    path = tmp_path / "ro.db"
    db.open_database(str(path))
    db.close_database()
    with read_only_file(path), read_only_file(tmp_path):
        with pytest.raises(db.DatabaseOpenError, match="只读"):
            db.open_database(str(path))
            db.database().execute_sql("CREATE TABLE probe (x)")


def test_unc_path_is_a_network_location(tmp_path):
    assert db.network_location(Path("//server/share/swdesk.db")) == "UNC 路径"
    assert db.network_location(tmp_path / "local.db") is None


def test_database_on_a_network_path_uses_a_rollback_journal(tmp_path, sqlite_only):
    """WAL needs shared memory, which network file systems do not give. On Linux "//tmp/…" is
    the same folder as "/tmp/…" but reads as a UNC path \\\\server\\share, as on Windows."""
    target = "/" + str(tmp_path / "shared.db")
    assert db.network_location(Path(target)) == "UNC 路径"
    db.open_database(target)
    try:
        assert db.database().execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        db.close_database()
    assert (tmp_path / "shared.db").exists() and not (tmp_path / "shared.db-wal").exists()
