"""Shared fixtures: a fresh database per test, headless Qt, isolated user folders.

SWDESK_TEST_DB=postgresql://user@127.0.0.1:PORT/postgres runs the suite against PostgreSQL: each
test then gets a freshly created database on that server.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TEST_DB = os.environ.get("SWDESK_TEST_DB", "")


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


def _postgres_target() -> tuple[str, str]:
    """Create a fresh database on the test server; returns (url, name)."""
    from urllib.parse import urlparse, urlunparse

    import psycopg

    name = "swdesk_t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(TEST_DB, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlparse(TEST_DB)
    return urlunparse(parts._replace(path="/" + name)), name


def _drop_postgres(name: str) -> None:
    import psycopg

    with psycopg.connect(TEST_DB, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def db_target(tmp_path) -> str:
    """A database location (file path or URL) for a test, not yet opened."""
    if TEST_DB:
        url, name = _postgres_target()
        yield url
        from swdesk import db as swdb

        swdb.close_database()
        _drop_postgres(name)
    else:
        yield str(tmp_path / "swdesk.db")


@pytest.fixture
def db(db_target):
    """An opened, migrated, empty database bound to the proxy."""
    from swdesk import db as swdb

    database = swdb.open_database(db_target)
    yield database
    swdb.close_database()


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
