"""Backups of a PostgreSQL database go through pg_dump (run with SWDESK_TEST_DB=postgresql://…)."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from swdesk import backup
from swdesk.services import settings
from swdesk.services.base import UserError

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(db):
    from swdesk import db as swdb

    if not swdb.is_postgres():
        pytest.skip("needs SWDESK_TEST_DB=postgresql://…")
    return db


def test_pg_dump_backup(pg, tmp_path):
    assert backup.pg_dump_program() is not None, "pg_dump not found: scripts/setup.sh --dev installs postgresql-client"
    settings.put("marker", "in the dump")
    path = backup.backup_to_dir(tmp_path / "bk")
    assert path.suffix == ".dump" and backup.list_backups(tmp_path / "bk")[0].path == path
    listing = subprocess.run([shutil.which("pg_restore") or "pg_restore", "--list", str(path)],
                             capture_output=True, text=True)
    assert listing.returncode == 0 and "TABLE DATA public setting" in listing.stdout


def test_without_pg_dump_a_clear_message(pg, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(backup.BackupError, match="未找到 pg_dump"):
        backup.backup_to_dir(tmp_path / "bk")


def test_restore_refers_to_pg_restore(pg, tmp_path):
    from swdesk import db as swdb

    with pytest.raises(UserError, match="pg_restore"):
        backup.restore(tmp_path / "x.db", swdb.describe_target())
