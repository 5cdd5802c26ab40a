"""Each database has an identity; backups are named, kept and offered per identity (issue 22: the
recovery once offered the backup of another, empty database sharing the backups folder)."""
from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from pathlib import Path

import pytest

from swdesk import backup, migrations, models
from swdesk import db as swdb
from swdesk.errors import UserError
from swdesk.jobs import backup as backup_job
from swdesk.jobs import restore as restore_job
from swdesk.services import settings

pytestmark = pytest.mark.usefixtures("sqlite_only")

DAY = _dt.datetime(2026, 11, 28, 9, 0)


def add_workers(n: int) -> None:
    from swdesk.services import demo

    demo.fill(workers=n, force=True)


def make_database(path: Path, folder: Path, workers: int, when: _dt.datetime) -> str:
    """A database at `path` with `workers` workers and its daily backup in `folder` at `when`."""
    swdb.open_database(str(path))
    try:
        settings.put("backup_dir", str(folder))
        if workers:
            add_workers(workers)
        backup.daily_backup_if_due(now=when)
        return backup.open_identity()
    finally:
        swdb.close_database()


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))


def test_a_fresh_database_has_an_identity_and_a_migrated_one_gets_one(db_target):
    swdb.open_database(db_target)
    first = backup.open_identity()
    assert first and len(first) == 36
    models.Setting.delete().where(models.Setting.key == migrations.IDENTITY_KEY).execute()
    models.SchemaVersion.update(version=1).execute()
    swdb.close_database()
    swdb.open_database(db_target)                      # migration 2 gives it one
    try:
        second = backup.open_identity()
        assert second and second != first
        assert migrations.current_version() == migrations.LATEST
    finally:
        swdb.close_database()
    swdb.open_database(db_target)
    try:
        assert backup.open_identity() == second         # stable once given
    finally:
        swdb.close_database()


def test_backups_are_named_after_the_identity_with_a_sidecar(db, tmp_path):
    add_workers(30)
    result = backup_job.run(tmp_path / "bk")
    identity = backup.open_identity()
    assert result.path.name.startswith(f"swdesk-{identity.replace('-', '')[:8]}-")
    assert result.count == 30 and result.message == f"已备份到：{result.path}"
    sidecar = json.loads(backup.sidecar_of(result.path).read_text(encoding="utf-8"))
    assert sidecar["database_id"] == identity and sidecar["workers"] == 30
    assert backup.read_whose(result.path).identity == identity
    assert not list((tmp_path / "bk").glob(".swdesk-tmp-*"))


def test_two_databases_sharing_a_folder_recovery_offers_only_its_own(tmp_path):
    folder = tmp_path / "shared-backups"
    big, empty = tmp_path / "big.db", tmp_path / "empty.db"
    big_id = make_database(big, folder, 40, DAY)
    empty_id = make_database(empty, folder, 0, DAY + _dt.timedelta(hours=7))  # newer, another database
    assert big_id != empty_id and len(backup.list_backups(folder)) == 2
    damage(big)
    found = backup.recovery_candidates(big)
    assert [c.whose.identity for c in found] == [big_id]
    assert found[0].whose.workers == 40 and found[0].taken_at == DAY
    assert "40 名人员" in found[0].label() and "2026-11-28 09:00" in found[0].label()
    assert backup.latest_good_backup(big) == found[0].path
    assert [c.whose.identity for c in backup.recovery_candidates(empty)] == [empty_id]


def test_unknown_identity_gets_no_default_backup(tmp_path):
    folder = tmp_path / "bk"
    other = tmp_path / "other.db"
    make_database(other, folder, 0, DAY)
    never_backed_up = tmp_path / "never.db"
    swdb.open_database(str(never_backed_up))
    swdb.close_database()
    damage(never_backed_up)
    assert backup.recovery_candidates(never_backed_up) == []


def test_a_backup_smaller_than_the_damaged_file_is_flagged(tmp_path):
    folder = tmp_path / "bk"
    path = tmp_path / "grown.db"
    make_database(path, folder, 0, DAY)
    swdb.open_database(str(path))
    add_workers(300)                                    # the file grows after its backup
    swdb.close_database()
    damage(path)
    (candidate,) = backup.recovery_candidates(path)
    assert candidate.smaller_than_current and candidate.whose.workers == 0


def test_restore_refuses_another_databases_backup_unless_asked(tmp_path):
    folder = tmp_path / "bk"
    mine, theirs = tmp_path / "mine.db", tmp_path / "theirs.db"
    make_database(mine, folder, 20, DAY)
    make_database(theirs, folder, 0, DAY)
    their_backup = next(b.path for b in backup.list_backups(folder)
                        if backup.read_whose(b.path).workers == 0)
    with pytest.raises(backup.OtherDatabaseError, match="另一个数据库的备份"):
        restore_job.run(their_backup, str(mine))
    con = sqlite3.connect(str(mine))
    assert con.execute("SELECT COUNT(*) FROM worker").fetchone()[0] == 20   # untouched
    con.close()
    result = restore_job.run(their_backup, str(mine), allow_other_database=True)
    assert result.count == 0 and result.data is not None and Path(result.data).exists()  # kept aside


def test_retention_is_per_identity(tmp_path):
    folder = tmp_path / "bk"
    folder.mkdir()
    for day in range(1, 21):                            # database A: 20 daily backups
        (folder / f"swdesk-aaaaaaaa-202611{day:02d}-090000.db").write_bytes(b"x")
    (folder / "swdesk-bbbbbbbb-20260101-090000.db").write_bytes(b"x")   # B: one old backup
    removed = backup.prune(folder, {"daily": 7, "weekly": 0, "monthly": 0})
    left = {p.name for p in folder.iterdir()}
    assert "swdesk-bbbbbbbb-20260101-090000.db" in left  # the other database's only backup stays
    assert len(removed) == 13 and len(left) == 8


def test_daily_backup_is_due_per_database(tmp_path):
    folder = tmp_path / "bk"
    make_database(tmp_path / "a.db", folder, 0, DAY)
    # b's first start of the day: a's backup of today does not count for b
    swdb.open_database(str(tmp_path / "b.db"))
    try:
        settings.put("backup_dir", str(folder))
        assert backup.daily_backup_if_due(now=DAY + _dt.timedelta(hours=1)) is not None
        assert backup.daily_backup_if_due(now=DAY + _dt.timedelta(hours=2)) is None
    finally:
        swdb.close_database()


def test_backup_into_an_unwritable_folder_names_the_folder(db, tmp_path):
    from tests.swdesk.test_storage_errors import read_only_file

    folder = tmp_path / "只读文件夹"
    folder.mkdir()
    with read_only_file(folder):
        with pytest.raises(UserError) as info:
            backup_job.run(folder)
    text = str(info.value)
    assert str(folder) in text and "权限" in text and "数据库" not in text.replace("备份", "")
    assert list(folder.iterdir()) == []


def test_backup_command_into_an_unwritable_folder_prints_one_chinese_line(db_target, tmp_path):
    from conftest import run_cli

    from tests.swdesk.test_storage_errors import read_only_file

    swdb.open_database(db_target)
    swdb.close_database()
    folder = tmp_path / "usb"
    folder.mkdir()
    with read_only_file(folder):
        code, out, err = run_cli("backup", str(folder), db_target=db_target)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("错误：无法写入备份文件夹：") and str(folder) in err, err
    assert "Traceback" not in err and "无法打开数据库文件" not in err
