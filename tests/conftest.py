"""Shared fixtures: a fresh database per test, headless Qt, isolated user folders.

SWDESK_TEST_DB=postgresql://user@127.0.0.1:PORT/postgres runs the suite against PostgreSQL: each
test then gets an emptied database on that server (one database, emptied before each test).
SWDESK_TEST_ENCRYPTED=1 runs it against encrypted SQLite files (issue 20): each test's database is
created encrypted under TEST_PASSWORD, which SWDESK_PASSWORD hands to the command line.
"""
from __future__ import annotations

import contextlib
import datetime
import os
import time
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


TEST_DB = os.environ.get("SWDESK_TEST_DB", "")
TEST_ENCRYPTED = os.environ.get("SWDESK_TEST_ENCRYPTED") == "1" and not TEST_DB
TEST_PASSWORD = "test-office-password"

# Tests compare the dates the program stores ("today") with date.today() read when their module was
# imported, and a CLI test's subprocess reads its own clock. A run that crosses midnight therefore
# fails whole groups of them: CI's encrypted run started at 23:55 and two roster tests failed at
# 00:00 (stored 11-29, expected 11-28). A whole run takes 180-300 s here, up to ~10 min on a loaded
# machine, so a run that would start less than MIDNIGHT_MARGIN before midnight waits for it instead.
# SWDESK_TEST_MIDNIGHT_MARGIN=0 turns the wait off (e.g. for a single quick test).
MIDNIGHT_MARGIN = int(os.environ.get("SWDESK_TEST_MIDNIGHT_MARGIN", "900"))


def seconds_to_midnight(now: datetime.datetime) -> float:
    tomorrow = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time())
    return (tomorrow - now).total_seconds()


def pytest_sessionstart(session):
    left = seconds_to_midnight(datetime.datetime.now())
    if left < MIDNIGHT_MARGIN:
        print(f"\n{left:.0f} s to midnight: waiting for it, so that the date does not change during the run "
              "(SWDESK_TEST_MIDNIGHT_MARGIN=0 skips the wait)", flush=True)
        time.sleep(left + 1)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep data, logs and QSettings of tests out of the real user folders."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("SWDESK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("SWDESK_LOG_DIR", str(base / "logs"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(base / "runtime"))
    (base / "runtime").mkdir(mode=0o700)
    from swdesk.services import base as services_base

    services_base.reset_session()
    yield
    services_base.reset_session()
    from swdesk import encryption

    encryption.forget()


_PG_DATABASE: str | None = None


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(TEST_DB, autocommit=True) as conn:
        conn.execute(sql)


def _pg_url(name: str) -> str:
    from urllib.parse import urlparse, urlunparse

    return urlunparse(urlparse(TEST_DB)._replace(path="/" + name))


def _postgres_target() -> str:
    """One migrated database per test run, emptied before each test (far faster than creating a
    database per test)."""
    global _PG_DATABASE
    import psycopg

    if _PG_DATABASE is None:
        from swdesk import db as swdb

        name = f"swdesk_t_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        _pg_admin(f'CREATE DATABASE "{name}"')
        swdb.open_database(_pg_url(name))
        swdb.close_database()
        _PG_DATABASE = name
    with psycopg.connect(_pg_url(_PG_DATABASE), autocommit=True) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_version'")]
        if tables:
            # DELETE with foreign-key triggers off, then reset the id sequences: ~15 ms, where
            # TRUNCATE … CASCADE of thirty tables takes ~250 ms.
            conn.execute("SET session_replication_role = replica; "
                         + " ".join(f'DELETE FROM "{t}";' for t in tables)
                         + " SET session_replication_role = DEFAULT;"
                         " SELECT setval(c.oid, 1, false) FROM pg_class c WHERE c.relkind = 'S';")
    return _pg_url(_PG_DATABASE)


def pytest_sessionfinish(session, exitstatus):
    if _PG_DATABASE is not None:
        _pg_admin(f'DROP DATABASE IF EXISTS "{_PG_DATABASE}" WITH (FORCE)')


@pytest.fixture
def db_target(tmp_path) -> str:
    """A database location (file path or URL) for a test, not yet opened; empty and migrated on
    PostgreSQL, not yet created on SQLite."""
    if TEST_DB:
        yield _postgres_target()
        from swdesk import db as swdb

        wait_for_background_work()
        swdb.close_database()
    elif TEST_ENCRYPTED:
        yield _encrypted_target(tmp_path / "swdesk.db")
    else:
        yield str(tmp_path / "swdesk.db")


def _encrypted_target(path: Path) -> str:
    """A database to be created encrypted (issue 20); the command line gets the password from
    SWDESK_PASSWORD unless a test sets another (an operator's also opens it)."""
    from swdesk import encryption

    # The slot's scrypt cost is stored in it: a cheaper one for the test databases only saves
    # ~0.1 s per test (and per command-line run) and opens the same way.
    encryption.SCRYPT_N = 2 ** 10
    encryption.prepare_new(path, TEST_PASSWORD)
    os.environ.setdefault("SWDESK_PASSWORD", TEST_PASSWORD)
    return str(path)


@pytest.fixture
def plain_sqlite_only():
    """For tests that read the database file's bytes with sqlite3 itself (meaningless encrypted)."""
    if TEST_DB or TEST_ENCRYPTED:
        pytest.skip("meaningful only on a plain SQLite file database")


@pytest.fixture
def db(db_target):
    """An opened, migrated, empty database bound to the proxy."""
    from swdesk import db as swdb

    database = swdb.open_database(db_target)
    yield database
    wait_for_background_work()
    swdb.close_database()


def wait_for_background_work() -> None:
    """close_database closes every thread's connection; its contract is that no other thread is
    using one (the window stops its jobs first). A test whose window left a job running (the
    statistics tab computing) waits for it here, or the connection would close under its query."""
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(60000)


@pytest.fixture
def sqlite_only():
    if TEST_DB:
        pytest.skip("meaningful only on an SQLite file database")


@pytest.fixture
def office(db):
    from swdesk.services.base import default_office

    return default_office()


def run_cli(*args: str, db_target: str | None = None) -> tuple[int, str, str]:
    """Run the command line in a subprocess like a user would: (exit status, stdout, stderr)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    cmd = [sys.executable, str(root / "main.py")]
    if db_target:
        cmd += ["--db", db_target]
    cmd += list(args)
    env = dict(os.environ)
    proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env, cwd=root, timeout=600)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(name="run_cli")
def _run_cli_fixture():
    """The same helper as a fixture: `def test_x(run_cli, db_target): run_cli("check", db_target=…)`."""
    return run_cli


def require_programs(*names: str) -> None:
    """Fail (never skip) when a program a test checks with is missing: scripts/setup.sh --dev
    (run by `bash test.sh`) installs every one of them, so a missing one is a set-up bug."""
    import shutil

    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        pytest.fail(f"{', '.join(missing)} not found: `bash test.sh` (scripts/setup.sh --dev) installs it")


def is_root() -> bool:
    """Root on Linux (no geteuid on Windows, where the read-only attribute binds everyone)."""
    return getattr(os, "geteuid", lambda: -1)() == 0


@contextlib.contextmanager
def read_only_file(path: Path):
    """Make `path` unwritable even for root (chattr +i; e2fsprogs is in every Debian), or by its
    mode bits / read-only attribute for anyone else (Windows included). Never skips."""
    import shutil
    import subprocess

    if is_root():
        assert shutil.which("chattr"), "chattr (e2fsprogs) not found"
        subprocess.run(["chattr", "+i", str(path)], check=True, capture_output=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)


@pytest.fixture
def poppler() -> None:
    """For tests that read PDFs back: pdftotext, pdffonts and pdftoppm must be there."""
    require_programs("pdftotext", "pdffonts", "pdftoppm")


@pytest.fixture
def printing_office(office):
    """An office with real values (printing refuses an office still holding its placeholders)."""
    from swdesk.models import Community

    office.street = "东湖街道"
    office.street_code = "350502001"
    office.centre_name = "东湖街道社会工作服务中心"
    office.card_issuer = "鼓楼区民政局"
    office.hotlines = '[{"name": "生活", "number": "0591-87001234"}, {"name": "法律", "number": "12348"}]'
    office.contact_phone = "0591-87001230"
    office.person_in_charge = "陈主任"
    office.save()
    Community.create(office=office, name="东湖社区")
    return office


# A hard kill as the operating system does it: SIGKILL on Linux, TerminateProcess on Windows
# (Popen.kill does either; Windows has no signal.SIGKILL). The status a killed child reports:
KILLED_STATUS = -9 if os.name != "nt" else 1


def hard_kill(proc) -> None:
    """Kill `proc` with no chance to clean up (SIGKILL / TerminateProcess)."""
    proc.kill()


def load_quarter_factory():
    """tests/swdesk/reports/quarter_factory.py, loaded once under the name "quarter_factory" (a
    module under tests/swdesk/ cannot be imported by its dotted name beside the real package)."""
    import importlib.util
    import sys

    if "quarter_factory" not in sys.modules:
        path = Path(__file__).resolve().parent / "swdesk" / "reports" / "quarter_factory.py"
        spec = importlib.util.spec_from_file_location("quarter_factory", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules["quarter_factory"] = module
        spec.loader.exec_module(module)
    return sys.modules["quarter_factory"]
