"""The bottom of the database layer: the proxy every model is bound to, and an SQLite database that
knows every connection it opened, in every thread.

swdesk/models.py and swdesk/migrations.py import only this (never swdesk/db.py), so that db.py can
migrate on open without an import cycle (db → migrations → models → connection).

Why connections are tracked: peewee keeps one SQLite connection per thread. The window's
background jobs (QThreadPool threads) and the roster's search thread each open their own. A
connection left open on a file that is then replaced (restore) keeps the OLD file open; when it is
finally closed, SQLite checkpoints the old WAL and deletes "<name>-wal" BY NAME — the new
database's live WAL — after which the next connection reads pages from the wrong frames: pages of
one table land in another. So no connection may be open in any thread when the file is replaced:
`close_all` closes the caller's and those of threads that have ended, running threads close their
own, and swdesk.backup.restore refuses while any is left.
"""
from __future__ import annotations

import datetime
import decimal
import os
import sqlite3
import struct
import sys
import threading
import weakref
from pathlib import Path

import peewee
from peewee import DatabaseProxy
from sqlcipher3 import dbapi2 as sqlcipher

if sys.platform.startswith("linux"):  # open-file-description locks: Linux only
    import fcntl

proxy = DatabaseProxy()

# The values peewee adapts for sqlite3 at import, adapted alike for SQLCipher's module (as
# playhouse/sqlcipher_ext.py does): a Decimal or a time must not be refused on an encrypted file.
sqlcipher.register_adapter(decimal.Decimal, str)
sqlcipher.register_adapter(datetime.date, str)
sqlcipher.register_adapter(datetime.time, str)


class TrackedSqliteDatabase(peewee.SqliteDatabase):
    """peewee's SqliteDatabase (one connection per thread) that can close all of them at once."""

    def __init__(self, *args, **kwargs):
        # close_all() closes the connections of threads that have ended from this one; sqlite3
        # refuses that with check_same_thread on. A connection is used by its own thread only.
        kwargs.setdefault("check_same_thread", False)
        # Every transaction takes the write lock at BEGIN. A deferred one that reads first (a
        # versioned save reads the old row, a setting its old value) and then writes after another
        # connection committed gets SQLITE_BUSY at once in WAL mode, without waiting busy_timeout:
        # seen as "数据库正被其他程序占用" on a settings save beside a demo fill in the soak test.
        kwargs.setdefault("lock_type", "IMMEDIATE")
        super().__init__(*args, **kwargs)
        # Each connection with the thread that opened (and alone uses) it.
        self._connections: dict[sqlite3.Connection, threading.Thread] = {}
        self._connections_lock = threading.Lock()
        self.guard: FileGuard | None = None
        _tracked.add(self)

    def hold_file(self) -> None:
        """Take the file guard (see FileGuard) once the file exists. Only in WAL mode: with a
        rollback journal (a database on a network drive) the guard's read lock would block this
        process's own commits, and there is no WAL to protect."""
        if self.guard is None and self.database not in (":memory:", "") and self._journal_is_wal():
            self.guard = FileGuard(self.database)

    def _journal_is_wal(self) -> bool:
        return str(dict(self._pragmas).get("journal_mode", "")).lower() == "wal"

    def _connect(self):
        conn = self._open_connection()
        with self._connections_lock:
            self._connections[conn] = threading.current_thread()
        return conn

    def _open_connection(self):
        return super()._connect()

    def _close(self, conn):
        with self._connections_lock:
            self._connections.pop(conn, None)
        super()._close(conn)

    def open_connections(self) -> int:
        with self._connections_lock:
            return len(self._connections)

    def close_ended(self) -> None:
        """Close the connections of threads that have ended (nobody else can ever use them)."""
        with self._connections_lock:
            ended = [c for c, t in self._connections.items() if not t.is_alive()]
            for conn in ended:
                del self._connections[conn]
        for conn in ended:
            try:
                conn.close()
            except (sqlite3.Error, sqlcipher.Error):
                pass

    def close_all(self) -> int:
        """Close this thread's connection and those of threads that have ended; returns how many
        stay open (threads still running: a background job, the roster's search thread).

        A connection of a running thread is never closed from here: CPython's sqlite3 frees the
        handle under a query running in that thread (a segfault, seen in the test suite). Those
        threads close their own (ui/jobs.Job.run, RosterModel.shutdown); callers that replace the
        file require none left (swdesk.backup.restore). The file guard is released first when
        nothing stays open, so that the last connection may checkpoint and remove the WAL."""
        me = threading.current_thread()
        with self._connections_lock:
            running = [c for c, t in self._connections.items() if t is not me and t.is_alive()]
            ended = [c for c, t in self._connections.items() if t is not me and not t.is_alive()]
            for conn in ended:
                del self._connections[conn]
        if not running and self.guard is not None:
            self.guard.release()
            self.guard = None
        if not self.is_closed():
            try:
                self.close()
            except peewee.OperationalError:  # a transaction left open by a failed step
                self._state.conn.rollback()
                self.close()
        for conn in ended:
            try:
                conn.close()
            except (sqlite3.Error, sqlcipher.Error):
                pass
        return len(running)


class EncryptedSqliteDatabase(TrackedSqliteDatabase):
    """The same database on an SQLCipher-encrypted file (issue 20, swdesk/encryption.py): every
    connection is SQLCipher's and gets the raw key before anything else touches the file."""

    def __init__(self, *args, key: bytes, **kwargs):
        self._key = key
        super().__init__(*args, **kwargs)

    def _open_connection(self):
        # peewee's SqliteDatabase._connect with sqlcipher3's module instead of sqlite3's.
        conn = sqlcipher.connect(self.database, timeout=self._timeout, isolation_level=None, **self.connect_params)
        try:
            conn.execute(f"PRAGMA key = \"x'{self._key.hex()}'\"")
            self._add_conn_hooks(conn)
        except BaseException:
            conn.close()
            raise
        return conn


# --- the file guard -------------------------------------------------------------------------------
# SQLite (unix VFS) marks "a connection is open" with POSIX advisory locks, which belong to the
# PROCESS: closing ANY file handle on the database in this process drops all of them. Qt does that
# whenever a file dialog shows the folder of the database (it opens big.db to sniff its type:
# "SQLite format 3" → application/vnd.sqlite3, measured with QMimeDatabase in PySide6 6.11). If
# another program's sqlite3 (the sqlite3 shell after a read-only query) closes at such a moment,
# it finds no lock, takes the file as its own, checkpoints and DELETES the WAL our connections
# still write to; the next connection opens a new WAL with the old index: committed rows vanish
# and pages are read from the wrong frames (issue 22's damaged audit_log).
# The guard is an open-file-description lock (Linux F_OFD_SETLK): a read lock on SQLite's SHARED
# byte range held on a handle of our own. It is not dropped by other handles closing, and it
# blocks what the other program needs before it deletes a WAL (its EXCLUSIVE lock).
# The same happens to "<name>-shm" (Qt sniffs it too): the other program then takes the "dead
# man switch" byte for itself, believes it is the only user, and truncates the -shm file that this
# process has mapped into memory: the next access is SIGBUS (seen in the soak test). The guard also
# holds a read lock on that byte.
_SHARED_FIRST = 0x40000000 + 2       # SQLite's PENDING_BYTE + 2 (os_unix.c)
_SHARED_SIZE = 510
_SHM_DMS = (22 + 8) * 4 + 8          # UNIX_SHM_BASE + SQLITE_SHM_NLOCK: the -shm "DMS" byte


class FileGuard:
    """Holds the guard lock on `path` until release(); a no-op where OFD locks do not exist
    (Windows locks belong to handles anyway; macOS has no OFD locks)."""

    def __init__(self, path: str | os.PathLike):
        self.fds: list[int] = []
        if not sys.platform.startswith("linux"):
            return
        for name, start, length in ((str(path), _SHARED_FIRST, _SHARED_SIZE),
                                    (f"{path}-shm", _SHM_DMS, 1)):
            fd = _read_lock(name, start, length)
            if fd is not None:
                self.fds.append(fd)

    def release(self) -> None:
        """Drop the guard. Closing these handles also drops this process's SQLite locks on the
        files: callers close the connections right after (close_database does both)."""
        fds, self.fds = self.fds, []
        for fd in fds:
            os.close(fd)


def _read_lock(name: str, start: int, length: int) -> int | None:
    """An open handle on `name` holding an OFD read lock on [start, start + length) (without the
    lock when another program holds the range exclusively: SQLite reports that itself); None when
    the file is missing."""
    try:
        fd = os.open(name, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, struct.pack("hhqqi4x", fcntl.F_RDLCK, os.SEEK_SET, start, length, 0))
    except OSError:
        # Not closed: closing it would drop this process's SQLite locks on the file (the very
        # thing guarded against). Kept, unlocked, until release().
        pass
    return fd


# Every TrackedSqliteDatabase alive, also those the proxy has moved away from (a restore, a
# switch to another file): their ended threads' connections are closed before a file is replaced.
_tracked: weakref.WeakSet[TrackedSqliteDatabase] = weakref.WeakSet()


def close_ended_connections() -> None:
    for tracked in list(_tracked):
        tracked.close_ended()


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
