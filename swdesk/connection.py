"""The bottom of the database layer: the proxy every model is bound to, and an SQLite database that
knows every connection it opened, in every thread.

swdesk/models.py and swdesk/migrations.py import only this (never swdesk/db.py), so that db.py can
migrate on open without an import cycle (db → migrations → models → connection).

Why connections are tracked: peewee keeps one SQLite connection per thread. The window's
background jobs (QThreadPool threads) and the roster's search thread each open their own. A
connection left open on a file that is then replaced (restore) keeps the OLD file open; when it is
finally closed, SQLite checkpoints the old WAL and deletes "<name>-wal" BY NAME — the new
database's live WAL — after which the next connection reads pages from the wrong frames: pages of
one table land in another. So before the file is replaced every connection, in every thread, is
closed (`close_all`).
"""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import peewee
from peewee import DatabaseProxy

proxy = DatabaseProxy()


class DatabaseOpenError(Exception):
    """The database cannot be opened; str() is a Chinese message for the clerk."""


class TrackedSqliteDatabase(peewee.SqliteDatabase):
    """peewee's SqliteDatabase (one connection per thread) that can close all of them at once."""

    def __init__(self, *args, **kwargs):
        # close_all() closes other threads' connections from this one; sqlite3 refuses that with
        # check_same_thread on. Each connection is still used by its own thread only (peewee's
        # per-thread state); SQLite itself is built serialized (threadsafety 3 in Python 3.11).
        kwargs.setdefault("check_same_thread", False)
        super().__init__(*args, **kwargs)
        self._connections: set[sqlite3.Connection] = set()
        self._connections_lock = threading.Lock()

    def _connect(self):
        conn = super()._connect()
        with self._connections_lock:
            self._connections.add(conn)
        return conn

    def _close(self, conn):
        with self._connections_lock:
            self._connections.discard(conn)
        super()._close(conn)

    def open_connections(self) -> int:
        with self._connections_lock:
            return len(self._connections)

    def close_all(self) -> int:
        """Close this thread's connection and every other thread's; returns how many were open.

        Callers make sure no other thread is using its connection (jobs finished, search thread
        idle): a connection closed under a running query makes that query fail, never the file."""
        if not self.is_closed():
            try:
                self.close()
            except peewee.OperationalError:  # a transaction left open by a failed step
                self._state.conn.rollback()
                self.close()
        with self._connections_lock:
            others, self._connections = list(self._connections), set()
        for conn in others:
            try:
                conn.close()
            except sqlite3.Error:
                pass
        return len(others)


def database() -> peewee.Database:
    if proxy.obj is None:
        raise RuntimeError("database not opened")
    return proxy.obj


def is_sqlite() -> bool:
    return isinstance(proxy.obj, peewee.SqliteDatabase)


def is_postgres() -> bool:
    return isinstance(proxy.obj, peewee.PostgresqlDatabase)


def sqlite_path() -> Path | None:
    """The file behind the proxy, or None for a server database or an in-memory one."""
    if not is_sqlite():
        return None
    name = proxy.obj.database
    if name in (":memory:", ""):
        return None
    return Path(name)


def install_append_only_guard(table: str) -> None:
    """Make `table` refuse UPDATE and DELETE in the database itself (the audit log), so that not
    even a tool that bypasses swdesk's services can quietly rewrite history."""
    database_ = database()
    if is_postgres():
        database_.execute_sql(
            "CREATE OR REPLACE FUNCTION swdesk_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION '%% is append-only', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql")
        database_.execute_sql(f'DROP TRIGGER IF EXISTS "{table}_append_only" ON "{table}"')
        database_.execute_sql(
            f'CREATE TRIGGER "{table}_append_only" BEFORE UPDATE OR DELETE ON "{table}" '
            "FOR EACH ROW EXECUTE FUNCTION swdesk_append_only()")
    else:
        for event in ("UPDATE", "DELETE"):
            database_.execute_sql(
                f'CREATE TRIGGER IF NOT EXISTS "{table}_no_{event.lower()}" BEFORE {event} ON "{table}" '
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
