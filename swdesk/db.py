"""The database connection: one peewee DatabaseProxy that every model is bound to.

This is the only module that knows which engine is behind the proxy. Everything else asks
`is_sqlite()` / `is_postgres()` or uses the helpers here. The proxy itself and the per-thread
connection bookkeeping live one floor down, in swdesk/connection.py (models and migrations import
that, so that this module may import migrations).

Opening and closing the file (issue 22's damaged database, see docs in swdesk/connection.py):
- `close_database()` closes the caller's connection and those of threads that have ended; running
  threads (jobs, the roster's search thread) close their own, and a restore waits for them;
- a marker "<data dir>/open-<hash>-<pid>.marker" exists while a process has the file open; a
  marker left by a process that is gone means an unclean exit, and the next open runs
  `PRAGMA quick_check` before anything else touches the file (`unclean_exit_checked()`);
- the live file is never read or copied with plain file handles: closing ANY handle on the file
  drops every POSIX lock the process holds on it (SQLite's included), and then another process's
  sqlite3 (e.g. the sqlite3 shell after a read-only query) believes it is the last user,
  checkpoints and deletes the WAL under our open connections. Copies go through `copy_online`.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import logging
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee

from swdesk import encryption, files, migrations
from swdesk.connection import (
    EncryptedSqliteDatabase,
    TrackedSqliteDatabase,
    database,
    install_append_only_guard,
    is_postgres,
    is_sqlite,
    proxy,
    sqlite_path,
)
from swdesk.errors import DatabaseOpenError
from swdesk.locations import APP_NAME, DB_FILENAME, data_dir, default_target, is_url, open_marker_stem

__all__ = ["APP_NAME", "DB_FILENAME", "DatabaseOpenError", "DatabaseLocked", "data_dir", "database", "default_target",
           "install_append_only_guard", "is_postgres", "is_sqlite", "is_url", "proxy", "sqlite_path"]

log = logging.getLogger(__name__)


SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    # FULL: a committed transaction survives a power cut (the clerk's records matter more
    # than the few milliseconds per commit).
    "synchronous": "full",
    "cache_size": -32000,
}


class DatabaseLocked(DatabaseOpenError):
    """The file is encrypted (issue 20) and no password has unlocked it in this process: the
    window asks for one, the command line takes SWDESK_PASSWORD or a prompt (unlock_for_command_line)."""


def make_database(target: str | None = None) -> peewee.Database:
    """Create (not yet connect) the peewee database for a file path or a postgresql:// URL."""
    target = target or default_target()
    if is_url(target):
        return _make_postgres(target)
    path = Path(target).expanduser()
    if path.exists() and path.is_dir():
        raise DatabaseOpenError(f"数据库路径是一个文件夹，不是文件：{path}")
    if not path.parent.exists():
        raise DatabaseOpenError(f"数据库所在的文件夹不存在：{path.parent}")
    pragmas = dict(SQLITE_PRAGMAS)
    remote = network_location(path)
    if remote:
        # SQLite's documentation: WAL needs shared memory, which a network file system does not
        # provide, so two PCs on one file could corrupt it. A rollback journal is safe there.
        logging.getLogger(__name__).warning("database %s is on a network drive (%s): journal_mode=delete", path, remote)
        pragmas["journal_mode"] = "delete"
    key = encryption.key_for(path)
    if encryption.is_encrypted_file(path):
        if key is None and not encryption.keys_path(path).is_file():
            raise DatabaseOpenError(f"文件不是有效的 swdesk 数据库或已损坏：{path}（如果这是加密的数据库，"
                                    f"请把它的密钥文件 {encryption.keys_path(path).name} 放回数据库旁边）")
        if key is None:
            raise DatabaseLocked(f"数据库已加密，需要密码才能打开：{path}")
        return EncryptedSqliteDatabase(str(path), key=key, pragmas=pragmas, timeout=5)
    if key is not None and not _has_content(path):
        # A new database for an office that chose a password (and the test suite's encrypted run).
        return EncryptedSqliteDatabase(str(path), key=key, pragmas=pragmas, timeout=5)
    return TrackedSqliteDatabase(str(path), pragmas=pragmas, timeout=5)


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def is_encrypted() -> bool:
    """Whether the open database is an encrypted SQLite file."""
    return isinstance(proxy.obj, EncryptedSqliteDatabase)


# File systems that live on another machine (Linux /proc/mounts names).
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "ncpfs", "fuse.sshfs", "davfs", "glusterfs", "ceph"}


def network_location(path: Path) -> str | None:
    """Why `path` is on a network drive ("UNC 路径", "网络驱动器 Z:", "nfs"), or None when local."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "UNC 路径"
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0]
        if drive and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4:  # DRIVE_REMOTE
            return f"网络驱动器 {drive}"
        return None
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    resolved = str(path.resolve().parent)
    best, kind = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and (resolved == parts[1] or resolved.startswith(parts[1].rstrip("/") + "/")):
            if len(parts[1]) > len(best):
                best, kind = parts[1], parts[2]
    return kind if kind in _NETWORK_FS else None


def load_postgres_driver() -> None:
    """Give peewee the psycopg 3 driver that swdesk/__init__.py kept it from importing at start."""
    if getattr(peewee, "psycopg", None) is not None:
        return
    # Imported here, not at the top: psycopg costs ~0.5 s at start and a single-PC office never
    # uses it (bench/startup.py). It is pinned in requirements.txt, so it is always installed.
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    peewee.psycopg, peewee.TransactionStatus = psycopg, TransactionStatus
    peewee.Json_pg3, peewee.Jsonb_pg3 = Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN


def _make_postgres(url: str) -> peewee.Database:
    load_postgres_driver()
    parts = urlparse(url)
    if not parts.path.strip("/"):
        raise DatabaseOpenError("数据库地址缺少数据库名，例如 postgresql://用户:密码@主机:5432/swdesk")
    kwargs = {
        "host": parts.hostname or "localhost",
        "port": parts.port or 5432,
        "user": unquote(parts.username) if parts.username else None,
        "password": unquote(parts.password) if parts.password else None,
    }
    kwargs = {k: v for k, v in kwargs.items() if v is not None}
    return peewee.PostgresqlDatabase(parts.path.strip("/"), **kwargs)


def open_database(target: str | None = None, *, migrate: bool = True) -> peewee.Database:
    """Bind the proxy to the database at `target`, connect, and bring its schema up to date.

    After an unclean exit (a marker of a process that is gone) the file is quick-checked first.
    Raises DatabaseOpenError with a Chinese message when the file cannot be used.
    """
    global _unclean_checked
    database_ = make_database(target)
    proxy.initialize(database_)
    files.protect_database(sqlite_path())
    if sqlite_path() is not None:
        encryption.note_open(sqlite_path(), is_encrypted())
    _unclean_checked = False
    try:
        database_.connect(reuse_if_open=True)
        if is_sqlite():
            # Touch the file so that "not a database" and "read-only" show up here, not later.
            database_.execute_sql("PRAGMA schema_version").fetchone()
            database_.hold_file()
            _check_after_unclean_exit(database_)
    except peewee.DatabaseError as exc:
        close_database()
        raise DatabaseOpenError(describe_error(exc, target or default_target())) from exc
    except DatabaseOpenError:
        close_database()
        raise
    if migrate:
        migrations.migrate_to_latest(backup_step=backup_before_migration)
        ensure_trigram_indexes()
    return database_


def close_database() -> int:
    """Close the connections to the open database (see TrackedSqliteDatabase.close_all) and, when
    none is left, say the exit was clean. Returns how many stay open in running threads.

    Callers stop background work first (ui/jobs.stop_all, RosterModel.shutdown)."""
    database_ = proxy.obj
    if database_ is None:
        return 0
    if isinstance(database_, TrackedSqliteDatabase):
        left = database_.close_all()
        if not left:
            _remove_own_marker(database_.database)
            _note_closed(database_.database)
        return left
    if not database_.is_closed():
        database_.close()
    return 0


def close_other(database_: peewee.Database) -> None:
    """Close a database the proxy no longer points at (the window switched to another one)."""
    if isinstance(database_, TrackedSqliteDatabase):
        if not database_.close_all():
            _note_closed(database_.database)
        _remove_own_marker(database_.database)
    elif not database_.is_closed():
        database_.close()


def _note_closed(path: str) -> None:
    if path not in (":memory:", ""):
        encryption.note_open(path, None)


# --- unclean exits ------------------------------------------------------------------------------

# Whether the last open_database() found an unclean exit and quick-checked the file.
_unclean_checked = False


def unclean_exit_checked() -> bool:
    """True when the last open followed an unclean exit (and the file passed its quick check)."""
    return _unclean_checked


def _marker(path: str | os.PathLike, pid: int | None = None) -> Path:
    return data_dir() / f"{open_marker_stem(path)}{pid or os.getpid()}.marker"


def stale_markers(path: str | os.PathLike) -> list[Path]:
    """Markers of processes that had `path` open and are gone without closing it."""
    found = []
    for marker in data_dir().glob(open_marker_stem(path) + "*.marker"):
        try:
            pid = int(marker.stem.rsplit("-", 1)[1])
        except ValueError:
            continue
        if pid != os.getpid() and not files.pid_alive(pid):
            found.append(marker)
    return found


def _check_after_unclean_exit(database_: peewee.Database) -> None:
    global _unclean_checked
    path = database_.database
    if path in (":memory:", ""):
        return
    stale = stale_markers(path)
    if stale:
        # An unclean exit (power cut, kill, crash): quick_check (~0.1 s per 100 MB) before use.
        rows = [r[0] for r in database_.execute_sql("PRAGMA quick_check").fetchall()]
        if rows != ["ok"]:
            log.error("quick_check after an unclean exit of %s: %s", path, rows[:5])
            raise DatabaseOpenError(
                f"数据库文件已损坏（完整性检查发现 {len(rows)} 处问题）：{rows[0]}（{path}）")
        log.warning("%s was not closed cleanly; quick_check passed", path)
        _unclean_checked = True
        for marker in stale:
            marker.unlink(missing_ok=True)
    try:
        _marker(path).write_text(str(Path(path).resolve()), encoding="utf-8")
    except OSError:
        log.warning("cannot write the open marker for %s", path)


def _remove_own_marker(path: str) -> None:
    if path in (":memory:", ""):
        return
    with contextlib.suppress(OSError):
        _marker(path).unlink(missing_ok=True)


# --- copies of the live file --------------------------------------------------------------------

def copy_online(target: Path, source: Path | None = None,
                progress: Callable[[int, int], None] | None = None) -> Path:
    """Write a consistent copy of the SQLite file `source` (default: the open one) to `target`
    (which must not exist yet) through SQLite's online backup API; `progress(done, total)` in pages.

    The only way swdesk copies a database: SQLite's own locks stay in force (see the module doc).
    Raises one of encryption.ERRORS, OSError or (an encrypted file not unlocked) KeyNeeded."""
    source = Path(source) if source is not None else sqlite_path()
    if source is None:
        raise DatabaseOpenError("当前数据库不是本机文件，无法用此方式备份")
    # An encrypted source gives an encrypted copy under the same key (SQLCipher's backup API
    # copies pages as they are and needs the same key on both sides).
    src = encryption.connect(source, read_only=True)
    try:
        key = encryption.key_for(source) if encryption.is_encrypted_file(source) else None
        dst = encryption.sqlcipher.connect(str(target)) if key else sqlite3.connect(str(target))
        if key:
            dst.execute(encryption.pragma_key(key))
        try:
            # 1024 pages (4 MB) per step: the copy lets writers in between steps and reports.
            src.backup(dst, pages=1024,
                       progress=(lambda _status, left, total: progress(total - left, total)) if progress else None)
            # A copy is one self-contained file: no -wal beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    return Path(target)


def backup_before_migration(version: int) -> Path | None:
    """Copy the SQLite file to '<name>.v<version>-<timestamp>.bak' beside it, online."""
    path = sqlite_path()
    if path is None:
        return None
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak")
    tmp = files.temp_name(path.parent, ".bak")
    try:
        copy_online(tmp, path)
        files.replace(tmp, target)
    except (*encryption.ERRORS, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseOpenError(f"升级数据结构前无法备份数据库，数据未作任何改动：{exc}") from exc
    log.info("backup before migration: %s", target)
    return target


def _read_only_place(target: str) -> bool:
    """SQLite says only "unable to open" when WAL cannot create its -shm/-wal files beside a
    read-only (or immutable) file or folder: tell the clerk that, not a riddle."""
    if not target or is_url(target):
        return False
    path = Path(target).expanduser()
    folder = path.parent if str(path.parent) else Path(".")
    return (path.exists() and not os.access(path, os.W_OK)) or (folder.exists() and not os.access(folder, os.W_OK))


def describe_error(exc: Exception, target: str) -> str:
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return f"文件不是有效的 swdesk 数据库或已损坏：{target}"
    if "readonly" in text or "read-only" in text:
        return f"数据库文件是只读的，无法写入：{target}"
    if "locked" in text:
        return f"数据库正被其他程序占用，请稍后再试：{target}"
    if "unable to open" in text:
        if _read_only_place(target):
            return f"数据库文件或其所在文件夹是只读的，无法写入：{target}"
        return f"无法打开数据库文件：{target}"
    if "connection" in text or "could not connect" in text or "password" in text:
        return f"无法连接数据库服务器：{exc}"
    if "disk" in text and "full" in text:
        return "磁盘空间已满，请清理磁盘后再试"
    return f"数据库错误：{exc}"


def describe_target() -> str:
    """What the window's title bar and the about box show as the current database."""
    if is_sqlite():
        return str(sqlite_path() or ":memory:")
    obj = proxy.obj
    params = getattr(obj, "connect_params", {})
    return f"postgresql://{params.get('host', 'localhost')}:{params.get('port', 5432)}/{obj.database}"


# --- trigram search indexes (SQLite FTS5) ------------------------------------------------------
# table -> columns: an FTS5 trigram index "<table>_trigram" over these columns, kept in sync by
# triggers, so that "contains these 4 digits" (ID number, phone, card number) is an index lookup
# instead of a scan of every row. SQLite only: callers ask has_trigram_index() and fall back to
# LIKE (PostgreSQL, or an SQLite built without FTS5).
TRIGRAM_INDEXES = {"worker": ("id_number", "phone", "card_no")}


def trigram_table(table: str) -> str:
    return f"{table}_trigram"


def ensure_trigram_indexes() -> None:
    """Create the missing trigram indexes with their triggers and fill them (idempotent)."""
    if not is_sqlite():
        return
    database = proxy.obj
    for table, columns in TRIGRAM_INDEXES.items():
        name = trigram_table(table)
        if not database.table_exists(table) or database.table_exists(name):
            continue
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        delete_old = f"INSERT INTO {name}({name}, rowid, {cols}) VALUES ('delete', old.id, {old});"
        insert_new = f"INSERT INTO {name}(rowid, {cols}) VALUES (new.id, {new});"
        statements = (
            f"CREATE VIRTUAL TABLE {name} USING fts5({cols}, content='{table}', content_rowid='id', "
            "tokenize='trigram')",
            f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN {insert_new} END",
            f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN {delete_old} END",
            f"CREATE TRIGGER {name}_au AFTER UPDATE OF {cols} ON {table} BEGIN {delete_old} {insert_new} END",
            f"INSERT INTO {name}({name}) VALUES ('rebuild')",
        )
        try:
            with database.atomic():
                for sql in statements:
                    database.execute_sql(sql)
        except peewee.OperationalError:  # no FTS5 or no trigram tokenizer: LIKE fallback
            log.warning("no FTS5 trigram index for %s", table, exc_info=True)


def has_trigram_index(table: str) -> bool:
    if not is_sqlite():
        return False
    # One indexed lookup in sqlite_master (table_exists() would list every table each time).
    found = proxy.obj.execute_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                  (trigram_table(table),)).fetchone()
    return found is not None


@contextlib.contextmanager
def trigram_bulk_load(table: str):
    """For a bulk insert into `table` inside the caller's transaction: the per-row insert trigger
    of its trigram index is dropped meanwhile and the index rebuilt once at the end, tens of times
    faster than the trigger for 100,000 rows (the demo data). No-op without a trigram index; a
    rollback of the caller's transaction restores the trigger (SQLite DDL is transactional)."""
    if not has_trigram_index(table):
        yield
        return
    database = proxy.obj
    name = trigram_table(table)
    row = database.execute_sql("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                               (f"{name}_ai",)).fetchone()
    if row is None:  # pragma: no cover - index without its trigger: leave it alone
        yield
        return
    database.execute_sql(f"DROP TRIGGER {name}_ai")
    try:
        yield
    finally:
        database.execute_sql(row[0])
    database.execute_sql(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
