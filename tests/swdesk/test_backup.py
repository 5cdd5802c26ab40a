"""Backups: online copy, daily backup with retention (fake clock), verified restore."""
from __future__ import annotations

import datetime as _dt
import sqlite3
from pathlib import Path

import pytest

from swdesk import backup, db, migrations, models
from swdesk.services import settings
from swdesk.services.base import UserError

pytestmark = pytest.mark.usefixtures("sqlite_only")


def add_marker(text: str) -> None:
    settings.put("marker", text)


def marker_in(path: Path) -> str | None:
    con = sqlite3.connect(str(path))
    try:
        row = con.execute("SELECT value FROM setting WHERE key='marker'").fetchone()
        return row[0].strip('"') if row else None
    finally:
        con.close()


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_backup_is_a_consistent_standalone_copy(db, tmp_path):
    add_marker("v1")
    path = backup.backup_to_dir(tmp_path / "bk")
    assert path.parent == tmp_path / "bk" and backup.list_backups(tmp_path / "bk")[0].path == path
    assert not Path(str(path) + "-wal").exists()
    assert backup.verify_file(path) == migrations.LATEST
    assert marker_in(path) == "v1"


def test_daily_backup_once_a_day_into_configured_folder(db, tmp_path):
    folder = tmp_path / "usb"
    settings.put("backup_dir", str(folder))
    day = _dt.datetime(2026, 11, 27, 8, 0, 0)
    first = backup.daily_backup_if_due(now=day)
    assert first is not None and first.parent == folder
    assert backup.daily_backup_if_due(now=day.replace(hour=15)) is None
    second = backup.daily_backup_if_due(now=day + _dt.timedelta(days=1))
    assert second is not None and len(backup.list_backups(folder)) == 2


def make_dated_files(folder: Path, start: _dt.datetime, days: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(days):
        for hour in (9, 17):  # two backups a day: only the newer one of a day is kept
            stamp = start + _dt.timedelta(days=i, hours=hour)
            path = folder / backup.backup_filename(stamp)
            path.write_bytes(b"x")
            paths.append(path)
    (folder / "notes.txt").write_text("not a backup")
    return paths


def test_retention_keeps_7_daily_4_weekly_12_monthly(tmp_path):
    folder = tmp_path / "bk"
    make_dated_files(folder, _dt.datetime(2025, 1, 1), 500)  # 2025-01-01 … 2026-05-15
    removed = backup.prune(folder, {"daily": 7, "weekly": 4, "monthly": 12})
    kept = sorted(b.taken_at for b in backup.list_backups(folder))
    assert removed and (folder / "notes.txt").exists()
    last = _dt.datetime(2026, 5, 15, 17)
    days = {t.date() for t in kept}
    # the 7 newest days, each by its 17:00 backup
    for i in range(7):
        assert last.date() - _dt.timedelta(days=i) in days
    assert all(t.hour == 17 for t in kept)
    # newest of each of the last 4 ISO weeks (Sundays), newest of each of the last 12 months
    weeks = {t.isocalendar()[:2] for t in kept}
    assert len(weeks & {(2026, w) for w in (17, 18, 19, 20)}) == 4
    months = {(t.year, t.month) for t in kept}
    assert months >= {(2025, m) for m in range(6, 13)} | {(2026, m) for m in range(1, 6)}
    assert (2025, 5) not in months
    assert _dt.datetime(2025, 6, 30, 17) in kept and _dt.datetime(2025, 6, 29, 17) not in kept
    assert len(kept) <= 7 + 4 + 12


def test_retention_setting_is_read(db, tmp_path):
    folder = tmp_path / "bk"
    settings.put("backup_keep", {"daily": 2, "weekly": 0, "monthly": 0})
    make_dated_files(folder, _dt.datetime(2026, 3, 1), 10)
    backup.prune(folder)
    assert [b.taken_at.day for b in backup.list_backups(folder)] == [10, 9]


def damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncate":
        path.write_bytes(bytes(data[: len(data) // 2 + 100]))
    elif how == "garbage-pages":
        for i in range(4096, len(data)):
            data[i] = (i * 7919) % 251
        path.write_bytes(bytes(data))
    elif how == "header":
        data[0:16] = b"NOT A DATABASE!!"
        path.write_bytes(bytes(data))
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "zip":
        path.write_bytes(b"PK\x03\x04" + bytes(data[4:]))


@pytest.mark.parametrize("how", ["truncate", "garbage-pages", "header", "empty", "zip"])
def test_damaged_backup_is_refused_and_current_data_intact(db, db_target, tmp_path, how):
    add_marker("old")
    good = backup.backup_to_dir(tmp_path / "bk")
    for i in range(200):  # make the file span many pages
        settings.put(f"filler{i}", "长文本" * 50)
    bad = tmp_path / "bad.db"
    bad.write_bytes(good.read_bytes())
    damage(bad, how)
    add_marker("current")
    with pytest.raises(UserError) as info:
        backup.restore(bad, db_target)
    assert any(word in str(info.value) for word in ("损坏", "不是")), str(info.value)
    assert "Traceback" not in str(info.value)
    assert settings.get("marker") == "current"  # still open and unchanged
    assert not list(Path(db_target).parent.glob("*.restoring"))


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_restore_of_non_swdesk_and_newer_files_is_refused(db, db_target, tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(str(other))
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="不是 swdesk 数据库"):
        backup.restore(other, db_target)
    newer = backup.backup_to_dir(tmp_path / "bk")
    con = sqlite3.connect(str(newer))
    con.execute("UPDATE schema_version SET version = ?", (migrations.LATEST + 1,))
    con.commit()
    con.close()
    with pytest.raises(UserError, match="更新版本"):
        backup.restore(newer, db_target)
    with pytest.raises(UserError, match="不存在"):
        backup.restore(tmp_path / "missing.db", db_target)


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_restore_good_backup_backs_up_current_first(db, db_target, tmp_path):
    settings.put("backup_dir", str(tmp_path / "bk"))
    add_marker("monday")
    monday = backup.backup_to_dir()
    add_marker("tuesday")
    replaced, safety = backup.restore(monday, db_target, now=_dt.datetime(2026, 11, 27, 12))
    assert replaced == Path(db_target).resolve()
    assert settings.get("marker") == "monday"   # the proxy was reopened on the restored file
    assert safety is not None and marker_in(safety) == "tuesday"
    assert "before-restore" in safety.name


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_restore_when_database_is_closed(db_target, tmp_path):
    db.open_database(db_target)
    add_marker("a")
    good = backup.backup_to_dir(tmp_path / "bk")
    add_marker("b")
    db.close_database()
    replaced, safety = backup.restore(good, db_target)
    assert marker_in(replaced) == "a" and marker_in(safety) == "b"
    assert db.proxy.obj is None or db.database().is_closed()


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_restore_onto_damaged_database_keeps_a_raw_copy(db_target, tmp_path):
    db.open_database(db_target)
    add_marker("good")
    good = backup.backup_to_dir(tmp_path / "bk")
    db.close_database()
    damage(Path(db_target), "header")
    replaced, safety = backup.restore(good, db_target)
    assert marker_in(replaced) == "good"
    assert safety is not None and safety.read_bytes()[:16] == b"NOT A DATABASE!!"


def test_latest_good_backup_skips_damaged_ones(db, db_target, tmp_path):
    settings.put("backup_dir", str(tmp_path / "bk"))
    older = backup.backup_to_dir(now=_dt.datetime(2026, 11, 1))
    newer = backup.backup_to_dir(now=_dt.datetime(2026, 11, 2))
    damage(newer, "truncate")
    backup._remember_dir(tmp_path / "bk")
    assert backup.latest_good_backup(db_target) == older


def test_postgres_backup_without_pg_dump_says_so(monkeypatch, tmp_path):
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    with pytest.raises(backup.BackupError, match="pg_dump"):
        backup.dump_postgres(tmp_path / "x.dump")


def test_backup_to_unwritable_folder_is_a_clear_error(db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(backup.BackupError, match="无法创建备份文件夹") as refused:
        backup.backup_to_dir(blocker / "sub")
    assert "路径中有一段不是文件夹" in str(refused.value)
    assert "Errno" not in str(refused.value) and "directory" not in str(refused.value)  # no OS English


def test_backup_before_migration(db_target, tmp_path):
    db.open_database(db_target)
    models.SchemaVersion.update(version=0).execute()
    db.close_database()
    db.open_database(db_target)  # migrates 0 → LATEST after a backup beside the file
    baks = list(Path(db_target).parent.glob("*.v0-*.bak"))
    assert len(baks) == 1 and backup.verify_file(baks[0]) == 0


def test_backup_and_restore_commands(db_target, tmp_path, monkeypatch):
    from swdesk.services import operators
    from tests.conftest import run_cli

    code, out, err = run_cli("backup", str(tmp_path / "bk"), db_target=db_target)
    assert code == 0 and "已备份到" in out, out + err
    good = backup.list_backups(tmp_path / "bk")[0].path
    bad = tmp_path / "bad.db"
    bad.write_bytes(good.read_bytes()[:3000])
    code, out, err = run_cli("restore", str(bad), db_target=db_target)
    assert code == 1 and err.startswith("错误：") and "损坏" in err and "Traceback" not in err
    code, out, err = run_cli("restore", str(good), db_target=db_target)
    assert code == 0 and "恢复前的数据库已另存为" in out, out + err
    # once accounts exist, only a 管理员 may restore
    db.open_database(db_target)
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    operators.log_in("admin", "geheim123")
    operators.create_operator("录入", "clerk", "录入员", "clerk1234")
    db.close_database()
    monkeypatch.setenv("SWDESK_PASSWORD", "clerk1234")
    code, out, err = run_cli("--user", "clerk", "restore", str(good), db_target=db_target)
    assert code == 1 and "仅限管理员" in err
    monkeypatch.setenv("SWDESK_PASSWORD", "geheim123")
    code, out, err = run_cli("--user", "admin", "restore", str(good), db_target=db_target)
    assert code == 0, out + err


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_backup_with_unreadable_tables_is_refused(db, db_target, tmp_path):
    settings.put("marker", "current")
    odd = backup.backup_to_dir(tmp_path / "bk")
    con = sqlite3.connect(str(odd))
    con.execute("DROP TABLE service_hours")
    con.execute("CREATE TABLE service_hours (x)")  # right name, wrong columns
    con.commit()
    con.close()
    with pytest.raises(UserError, match="数据无法读取"):
        backup.restore(odd, db_target)
    assert settings.get("marker") == "current"


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_consistency_findings_do_not_block_a_restore(db, db_target, tmp_path, caplog):
    settings.put("marker", "in backup")
    path = backup.backup_to_dir(tmp_path / "bk")
    con = sqlite3.connect(str(path))
    con.execute("INSERT INTO service_hours (worker_id, programme, date, minutes, source, source_id)"
                " VALUES (999, '扶老助老', '2026-01-01', 60, 'group_visit', 999)")
    con.commit()
    con.close()
    settings.put("marker", "current")
    backup.restore(path, db_target)
    assert settings.get("marker") == "in backup"
    assert "已不存在" in caplog.text and "外键失效" in caplog.text
