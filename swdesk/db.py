"""The database connection: one peewee DatabaseProxy that every model is bound to.

This is the only module that knows which engine is behind the proxy. Everything else asks
`is_sqlite()` / `is_postgres()` or uses the helpers here.
"""
from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee
from peewee import DatabaseProxy

from swdesk import files

proxy = DatabaseProxy()

APP_NAME = "swdesk"
DB_FILENAME = "swdesk.db"

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    # FULL: a committed transaction survives a power cut (the clerk's records matter more
    # than the few milliseconds per commit).
    "synchronous": "full",
    "cache_size": -32000,
}


class DatabaseOpenError(Exception):
    """The database cannot be opened; str() is a Chinese message for the clerk."""


def data_dir() -> Path:
    """The user's data folder for swdesk (created on demand). SWDESK_DATA_DIR overrides it."""
    override = os.environ.get("SWDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_target() -> str:
    return str(data_dir() / DB_FILENAME)


def is_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


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
    return peewee.SqliteDatabase(str(path), pragmas=pragmas, timeout=5)


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

    Raises DatabaseOpenError with a Chinese message when the file cannot be used.
    """
    database = make_database(target)
    proxy.initialize(database)
    files.protect_database(sqlite_path())
    try:
        database.connect(reuse_if_open=True)
        if is_sqlite():
            # Touch the file so that "not a database" and "read-only" show up here, not later.
            database.execute_sql("PRAGMA schema_version").fetchone()
    except peewee.DatabaseError as exc:
        close_database()
        raise DatabaseOpenError(describe_error(exc, target or default_target())) from exc
    except peewee.OperationalError as exc:  # pragma: no cover - subclass of DatabaseError
        close_database()
        raise DatabaseOpenError(describe_error(exc, target or default_target())) from exc
    if migrate:
        from swdesk import migrations

        migrations.migrate_to_latest()
        ensure_trigram_indexes()
    return database


def close_database() -> None:
    database = proxy.obj
    if database is not None and not database.is_closed():
        database.close()


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
            import logging

            logging.getLogger(__name__).warning("no FTS5 trigram index for %s", table, exc_info=True)


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
