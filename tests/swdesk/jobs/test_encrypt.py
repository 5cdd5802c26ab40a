"""The encrypt job (issue 20): a plain database becomes an encrypted one through a verified copy,
keeps every record, and survives a kill -9 at any moment with the plain original intact."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from swdesk import check, db, encryption, files
from swdesk.jobs import demo as demo_job
from swdesk.jobs import encrypt as encrypt_job
from swdesk.services.base import UserError
from tests.conftest import KILLED_STATUS, hard_kill

pytestmark = pytest.mark.usefixtures("sqlite_only")

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "office-pass-1"


def plain_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return encrypt_job._counts(con)
    finally:
        con.close()


def encrypted_counts(path: Path, key: bytes) -> dict[str, int]:
    con = encryption.connect(path, read_only=True, key=key)
    try:
        return encrypt_job._counts(con)
    finally:
        con.close()


@pytest.fixture
def plain_db(tmp_path) -> Path:
    """A closed plain database with demo records (the trigram index, triggers and all)."""
    path = tmp_path / "office" / "swdesk.db"
    path.parent.mkdir()
    db.open_database(str(path))
    demo_job.fill_demo(1500)
    db.close_database()
    yield path
    encryption.forget()


def test_conversion_keeps_every_record_and_passes_check(plain_db):
    before = plain_counts(plain_db)
    phases = []

    class Progress:
        def __call__(self, done, total):
            return True

        def phase(self, text):
            phases.append(text)

    result = encrypt_job.run(plain_db, PASSWORD, Progress())
    assert encryption.is_encrypted_file(plain_db) and encryption.keys_path(plain_db).is_file()
    assert result.count == sum(before.values()) and "核对一致" in result.message
    assert phases[-1].startswith("正在核对")
    assert encrypted_counts(plain_db, result.data) == before
    assert [p.name for p in plain_db.parent.iterdir() if p.name.startswith(files.TEMP_PREFIX)] == []
    encryption.forget()
    encryption.unlock(plain_db, PASSWORD)
    db.open_database(str(plain_db))
    try:
        assert db.is_encrypted() and check.run_checks() == []
        # The trigram index came across as a working virtual table (its triggers fire on insert).
        found = db.database().execute_sql("SELECT COUNT(*) FROM worker_trigram WHERE worker_trigram MATCH '3505'")
        assert found.fetchone()[0] > 0
    finally:
        db.close_database()


def test_refused_while_another_program_has_the_file_open(plain_db):
    other = sqlite3.connect(str(plain_db))
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("SELECT COUNT(*) FROM worker").fetchone()
    before = plain_db.read_bytes()
    try:
        with pytest.raises(UserError, match="正被其他程序使用"):
            encrypt_job.run(plain_db, PASSWORD)
    finally:
        other.close()
    assert plain_db.read_bytes() == before and not encryption.is_encrypted_file(plain_db)


def test_refused_twice_short_password_and_postgres(plain_db):
    with pytest.raises(UserError, match="密码不符合要求"):
        encrypt_job.run(plain_db, "123")
    encrypt_job.run(plain_db, PASSWORD)
    with pytest.raises(UserError, match="已经加密"):
        encrypt_job.run(plain_db, PASSWORD)
    with pytest.raises(UserError, match="PostgreSQL"):
        encrypt_job.run("postgresql://clerk@127.0.0.1:5432/swdesk", PASSWORD)


def start_encrypt(database: Path) -> subprocess.Popen:
    env = dict(os.environ, SWDESK_NEW_PASSWORD=PASSWORD)
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(database), "encrypt"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def kill_when(proc: subprocess.Popen, ready) -> bool:
    """SIGKILL `proc` as soon as `ready()`; False when it finished first."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if ready():
            hard_kill(proc)
            proc.wait()
            return True
        time.sleep(0.002)
    proc.wait()
    return False


def assert_plain_original(path: Path, counts: dict[str, int]) -> None:
    assert path.read_bytes()[:16] == files.SQLITE_MAGIC
    con = sqlite3.connect(str(path))
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        con.close()
    assert plain_counts(path) == counts


def test_kill_9_midway_leaves_the_plain_original_and_the_next_run_converts(plain_db):
    counts = plain_counts(plain_db)
    folder = plain_db.parent

    def temp_files(pid: int) -> list[Path]:
        return [p for p in folder.iterdir() if p.name.startswith(f"{files.TEMP_PREFIX}{pid}-")]

    def size(path: Path) -> int:
        try:
            return path.stat().st_size
        except FileNotFoundError:   # the copy's -journal comes and goes between listing and stat
            return 0

    # 1. while the encrypted copy is being written
    proc = start_encrypt(plain_db)
    killed = kill_when(proc, lambda: any(size(p) > 64 * 1024 for p in temp_files(proc.pid)))
    assert killed and proc.returncode == KILLED_STATUS, "the conversion ended before it could be killed"
    assert temp_files(proc.pid), "killed midway: its copy is left behind"
    assert_plain_original(plain_db, counts)

    # 2. at the last moment: the key file written, the rename maybe not yet
    proc = start_encrypt(plain_db)
    assert not encryption.keys_path(plain_db).exists()
    kill_when(proc, encryption.keys_path(plain_db).is_file)
    if encryption.is_encrypted_file(plain_db):   # the rename won the race: a whole encrypted file
        encryption.unlock(plain_db, PASSWORD)
        assert encrypted_counts(plain_db, encryption.key_for(plain_db)) == counts
        return
    assert_plain_original(plain_db, counts)

    # 3. a run to the end converts it, and its key file write swept the killed runs' copies
    status = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(plain_db), "encrypt"],
                            cwd=ROOT, env=dict(os.environ, SWDESK_NEW_PASSWORD=PASSWORD),
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert status.returncode == 0, status.stderr
    assert [p for p in folder.iterdir() if p.name.startswith(files.TEMP_PREFIX)] == []
    encryption.unlock(plain_db, PASSWORD)
    assert encrypted_counts(plain_db, encryption.key_for(plain_db)) == counts


def test_command_asks_twice_and_warns_of_plain_backups(plain_db, run_cli, monkeypatch):
    monkeypatch.setenv("SWDESK_DATA_DIR", str(plain_db.parent / "data"))
    status, out, err = run_cli("backup", str(plain_db.parent / "data" / "backups"), db_target=str(plain_db))
    assert status == 0, err
    monkeypatch.setenv("SWDESK_NEW_PASSWORD", PASSWORD)
    status, out, err = run_cli("encrypt", db_target=str(plain_db))
    assert status == 0, err
    assert "数据库已加密" in out and "仍是未加密的" in err
    monkeypatch.setenv("SWDESK_PASSWORD", PASSWORD)
    status, out, err = run_cli("encrypt", db_target=str(plain_db))
    assert status == 1 and "已经加密" in err and "--change-password" in err
