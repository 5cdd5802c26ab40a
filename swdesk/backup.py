"""Backups and restores of one database, by its identity.

SQLite: copies through SQLite's online backup API (safe while the program runs; never a plain file
copy of the live file, see swdesk/db.py). PostgreSQL: pg_dump when it is installed, else a clear
message.

Every database carries an identity (a UUID, swdesk/migrations.py). Backups are named
swdesk-<first 8 hex digits of the identity>-YYYYMMDD-HHMMSS.db, with a sidecar <name>.json saying
whose it is (full identity, the database's path, worker count, time, size); retention, the daily
backup and recovery all go per identity, so a backups folder shared by two databases never offers
one's backup for the other (issue 22). Names without an identity (swdesk-YYYYMMDD-HHMMSS.db, older
versions) are still listed, kept and offered only when the file inside carries the identity.

Automatic backups: at the first start of each day (ui/app.py) into the folder of the setting
"backup_dir" (empty = <data dir>/backups; may be a USB drive), keeping the newest file of each of
the last 7 days, 4 ISO weeks and 12 months (setting "backup_keep") of each database. Retention
goes by the stamp in the name, never by file times.

A restore first verifies the file (readable SQLite, integrity_check, swdesk tables, schema version
not newer than this program, foreign keys, the same identity), then closes every connection in
every thread, makes sure no other program has the file open, moves the current file (damaged or
not) aside beside it — never deleted — and renames the verified copy into place.
"""
from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import peewee

from swdesk import check, connection, db, encryption, files, migrations, models
from swdesk.errors import BackupError, UserError
from swdesk.services import settings
from swdesk.services.base import require_admin

log = logging.getLogger(__name__)

_NAME_RE = re.compile(r"^swdesk-(?:([0-9a-f]{8})-)?(\d{8})-(\d{6})(?:-\d+)?\.(db|dump)$")
DEFAULT_KEEP = {"daily": 7, "weekly": 4, "monthly": 12}
# Remembers where automatic backups go, outside the database, so that the start-up recovery
# dialog finds them even when the database itself cannot be read.
_LOCATION_FILE = "backup-location.txt"
# Remembers each database's identity (and size, workers) outside it, for the same reason.
_IDENTITIES_FILE = "database-identities.json"
SIDECAR_SUFFIX = ".json"

Progress = Callable[[int, int], object]


# --- identity -----------------------------------------------------------------------------------

def short_id(identity: str | None) -> str | None:
    return identity.replace("-", "")[:8] if identity else None


def open_identity() -> str | None:
    """The identity of the open database (None when it has none: a database not yet migrated)."""
    row = models.Setting.get_or_none(models.Setting.key == migrations.IDENTITY_KEY)
    return json.loads(row.value) if row is not None else None


@dataclass(frozen=True)
class Whose:
    """What a database file holds, read from the file itself (a backup or a damaged database)."""

    identity: str | None
    workers: int | None
    size: int


def read_whose(path: Path | str) -> Whose:
    """Identity and worker count of the SQLite file at `path`, read-only; None where unreadable."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    identity = workers = None
    try:
        con = encryption.connect(path, read_only=True)
    except (*encryption.ERRORS, UserError):  # unreadable, or encrypted with a key not unlocked here
        return Whose(None, None, size)
    try:
        try:
            row = con.execute("SELECT value FROM setting WHERE key = ?", (migrations.IDENTITY_KEY,)).fetchone()
            identity = json.loads(row[0]) if row else None
        except (*encryption.ERRORS, ValueError, TypeError):
            identity = None
        try:
            workers = int(con.execute("SELECT COUNT(*) FROM worker").fetchone()[0])
        except encryption.ERRORS:
            workers = None
    finally:
        con.close()
    return Whose(identity if isinstance(identity, str) else None, workers, size)


def _remembered_identities() -> dict:
    try:
        data = json.loads((db.data_dir() / _IDENTITIES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def remember_identity(path: Path, identity: str, workers: int | None) -> None:
    """Note outside the database whose file `path` is, for a recovery when it cannot be read."""
    known = _remembered_identities()
    known[str(Path(path).resolve())] = {"id": identity, "workers": workers,
                                        "seen": _dt.datetime.now().isoformat(timespec="seconds")}
    try:
        files.write_bytes(db.data_dir() / _IDENTITIES_FILE,
                          json.dumps(known, ensure_ascii=False, indent=1).encode("utf-8"), (".json",))
    except UserError:
        log.warning("cannot remember the identity of %s", path)


def identity_of_target(target: Path | str) -> str | None:
    """The identity of the database file `target`: from inside it, else remembered."""
    inside = read_whose(target).identity if Path(target).exists() else None
    if inside:
        return inside
    entry = _remembered_identities().get(str(Path(target).expanduser().resolve()))
    return entry.get("id") if isinstance(entry, dict) else None


# --- making copies --------------------------------------------------------------------------------

def copy_sqlite_online(target: Path, source: Path | None = None, progress: Progress | None = None) -> Path:
    """Write a consistent copy of the SQLite database `source` (default: the open one) to `target`,
    whole or not at all (temporary file in the target folder, fsync, rename)."""
    target = Path(target)
    try:
        with files.write_atomically(target, (target.suffix,), "备份文件") as tmp:
            db.copy_online(tmp, source, progress)
    except encryption.ERRORS as exc:
        raise BackupError(f"备份失败：{_describe(exc)}") from exc
    except db.DatabaseOpenError as exc:
        raise BackupError(str(exc)) from exc
    return target


def _describe(exc: BaseException) -> str:
    """The reason in Chinese: an OS error through files.os_error_reason (its English text, e.g.
    "[Errno 20] Not a directory", had reached the clerk), SQLite's known messages mapped."""
    if isinstance(exc, OSError):
        return files.os_error_reason(exc)
    text = str(exc).lower()
    if "full" in text:
        return "磁盘空间已满"
    if "readonly" in text or "read-only" in text:
        return "没有写入权限"
    if "not a database" in text or "malformed" in text:
        return "数据库文件已损坏"
    if "locked" in text or "busy" in text:
        return "数据库正被其他程序占用，请稍后再试"
    if "disk i/o" in text:
        return "读写磁盘出错（磁盘或 U 盘可能有故障）"
    return f"数据库错误：{exc}"


def backup_filename(now: _dt.datetime | None = None, suffix: str = ".db", identity: str | None = None) -> str:
    now = now or _dt.datetime.now()
    tag = f"{short_id(identity)}-" if identity else ""
    return f"swdesk-{tag}{now:%Y%m%d-%H%M%S}{suffix}"


def configured_dir() -> Path:
    """The folder of automatic backups (setting "backup_dir", default <data dir>/backups)."""
    value = ""
    if _database_is_open():
        try:
            value = settings.get("backup_dir") or ""
        except Exception:  # no readable database: fall back to what we remembered
            value = _remembered_dir() or ""
    else:
        value = _remembered_dir() or ""
    return Path(value) if value else db.data_dir() / "backups"


def _database_is_open() -> bool:
    """Whether the proxy has an open connection (peewee would otherwise silently reconnect)."""
    return db.proxy.obj is not None and not db.proxy.obj.is_closed()


def _remembered_dir() -> str | None:
    path = db.data_dir() / _LOCATION_FILE
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def _remember_dir(directory: Path) -> None:
    try:
        (db.data_dir() / _LOCATION_FILE).write_text(str(directory), encoding="utf-8")
    except OSError:
        log.warning("cannot remember backup folder %s", directory)


def _writable_folder(directory: Path) -> None:
    """Create `directory` if needed and prove it can take a file; BackupError naming the folder."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"无法创建备份文件夹 {directory}：{_describe(exc)}") from exc
    probe = files.temp_name(directory, ".probe")
    try:
        probe.open("xb").close()
    except OSError as exc:
        raise BackupError(f"无法写入备份文件夹：{files.os_error_text(exc, directory)}") from exc
    probe.unlink(missing_ok=True)


def backup_to_dir(directory: Path | str | None = None, now: _dt.datetime | None = None,
                  progress: Progress | None = None) -> Path:
    """Back the open database up into `directory` (default: the configured folder); returns the
    file. SQLite: <name>.db named after the identity, with its sidecar <name>.db.json."""
    directory = Path(directory) if directory else configured_dir()
    _writable_folder(directory)
    if db.is_postgres():
        return dump_postgres(directory / backup_filename(now, ".dump", open_identity()))
    identity = open_identity()
    target = _free_name(directory, backup_filename(now, identity=identity))
    copy_sqlite_online(target, progress=progress)
    copy_keys(db.sqlite_path(), target)
    whose = read_whose(target)
    _write_sidecar(target, whose, now)
    source = db.sqlite_path()
    if identity and source is not None:
        remember_identity(source, identity, whose.workers)
    return target


def copy_keys(source: Path | None, target: Path) -> None:
    """An encrypted copy carries its database's key file ("<copy>.keys", issue 20): it then opens
    with the same passwords or recovery key wherever it goes, and only with them."""
    if source is None or not encryption.is_encrypted_file(target):
        return
    try:
        data = encryption.keys_path(source).read_bytes()
    except OSError as exc:
        raise BackupError(f"无法复制密钥文件：{files.os_error_text(exc, encryption.keys_path(source))}") from exc
    files.write_bytes(encryption.keys_path(target), data, (encryption.KEYS_SUFFIX,), "密钥文件")


def _free_name(directory: Path, name: str) -> Path:
    """`name` in `directory`, or name-2, name-3 … when a backup of the same second exists (the
    window's and the command line's backup side by side)."""
    target = directory / name
    n = 2
    while target.exists():
        target = directory / f"{Path(name).stem}-{n}{Path(name).suffix}"
        n += 1
    return target


def _write_sidecar(target: Path, whose: Whose, now: _dt.datetime | None) -> None:
    info = {"database_id": whose.identity, "database": str(db.sqlite_path() or ""),
            "workers": whose.workers, "size": whose.size,
            "taken_at": (now or _dt.datetime.now()).isoformat(timespec="seconds")}
    try:
        files.write_bytes(sidecar_of(target), json.dumps(info, ensure_ascii=False, indent=1).encode("utf-8"),
                          (SIDECAR_SUFFIX,), "备份说明文件")
    except UserError:  # the backup itself is whole: its sidecar only saves reading it
        log.warning("cannot write the sidecar of %s", target)


def sidecar_of(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


# --- PostgreSQL -------------------------------------------------------------------------------------

def pg_dump_program() -> str | None:
    return shutil.which("pg_dump")


def dump_postgres(target: Path) -> Path:
    """pg_dump the open PostgreSQL database (custom format) to `target`."""
    program = pg_dump_program()
    if program is None:
        raise BackupError("未找到 pg_dump 程序，无法备份 PostgreSQL 数据库。请安装 PostgreSQL 客户端工具"
                          "（并加入 PATH），或请数据库管理员在服务器上备份。")
    params = dict(getattr(db.database(), "connect_params", {}))
    cmd = [program, "--format=custom", "--no-owner", f"--file={target}",
           f"--host={params.get('host', 'localhost')}", f"--port={params.get('port', 5432)}"]
    if params.get("user"):
        cmd.append(f"--username={params['user']}")
    cmd.append(db.database().database)
    env = dict(os.environ)
    if params.get("password"):
        env["PGPASSWORD"] = str(params["password"])
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=3600)
    except subprocess.TimeoutExpired as exc:
        raise BackupError("pg_dump 运行超过一小时仍未完成，备份已放弃") from exc
    except OSError as exc:
        raise BackupError(f"pg_dump 运行失败：{files.os_error_reason(exc)}（{cmd[0]}）") from exc
    if proc.returncode != 0:
        target.unlink(missing_ok=True)
        raise BackupError(f"pg_dump 备份失败：{proc.stderr.strip()[:300]}")
    return target


# --- retention --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: _dt.datetime
    short_id: str | None = None   # from the name: the first 8 hex digits of the identity

    def sidecar(self) -> dict:
        try:
            data = json.loads(sidecar_of(self.path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}


def list_backups(directory: Path | str, identity: str | None = None) -> list[BackupFile]:
    """swdesk's backup files in `directory`, newest first (by the time in their names); with
    `identity`, only those named after it."""
    directory = Path(directory)
    found: list[BackupFile] = []
    try:
        entries = list(directory.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _NAME_RE.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            taken = _dt.datetime.strptime(match.group(2) + match.group(3), "%Y%m%d%H%M%S")
        except ValueError:
            continue
        found.append(BackupFile(path, taken, match.group(1)))
    if identity is not None:
        found = [b for b in found if b.short_id == short_id(identity)]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def keep_counts() -> dict[str, int]:
    value = {}
    if _database_is_open():
        try:
            value = settings.get("backup_keep") or {}
        except Exception:
            value = {}
    counts = dict(DEFAULT_KEEP)
    for key in counts:
        try:
            counts[key] = max(0, int(value.get(key, counts[key])))
        except (TypeError, ValueError, AttributeError):
            pass
    return counts


def files_to_keep(backups: list[BackupFile], keep: dict[str, int]) -> set[Path]:
    """Grandfather-father-son, per database: the newest file of each of the last N days, weeks and
    months of each identity (files without one count as one more database)."""
    kept: set[Path] = set()
    by_identity: dict[str | None, list[BackupFile]] = {}
    for backup in backups:
        by_identity.setdefault(backup.short_id, []).append(backup)
    for group in by_identity.values():
        group.sort(key=lambda b: b.taken_at, reverse=True)
        kept |= _keep_of_one(group, keep)
    return kept


def _keep_of_one(backups: list[BackupFile], keep: dict[str, int]) -> set[Path]:
    kept: set[Path] = set()
    for period, key in (("daily", lambda t: t.date()),
                        ("weekly", lambda t: t.isocalendar()[:2]),
                        ("monthly", lambda t: (t.year, t.month))):
        seen: list = []
        for backup in backups:  # newest first
            bucket = key(backup.taken_at)
            if bucket in seen:
                continue
            if len(seen) >= keep.get(period, 0):
                break
            seen.append(bucket)
            kept.add(backup.path)
    if backups:
        kept.add(backups[0].path)  # never delete the newest backup of a database
    return kept


def prune(directory: Path | str, keep: dict[str, int] | None = None) -> list[Path]:
    """Delete swdesk backups in `directory` beyond the retention; returns the deleted files."""
    backups = list_backups(directory)
    kept = files_to_keep(backups, keep or keep_counts())
    removed = []
    for backup in backups:
        if backup.path not in kept:
            try:
                backup.path.unlink()
                sidecar_of(backup.path).unlink(missing_ok=True)
                encryption.keys_path(backup.path).unlink(missing_ok=True)
                removed.append(backup.path)
            except OSError:
                log.warning("cannot delete old backup %s", backup.path)
    return removed


def daily_backup_if_due(now: _dt.datetime | None = None, progress: Progress | None = None) -> Path | None:
    """At the first start of a day: back up into the configured folder and prune it.

    Returns the new file, or None when today's backup of this database already exists."""
    now = now or _dt.datetime.now()
    directory = configured_dir()
    identity = open_identity()
    if any(b.taken_at.date() == now.date() for b in list_backups(directory, identity)):
        return None
    path = backup_to_dir(directory, now=now, progress=progress)
    _remember_dir(directory)
    removed = prune(directory)
    log.info("daily backup %s (pruned %d)", path, len(removed))
    return path


# --- verifying and restoring ------------------------------------------------------------------------

def verify_file(path: Path | str) -> int:
    """Check that `path` is an intact swdesk database this program can open; returns its schema
    version. Raises UserError with a Chinese message otherwise."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"备份文件不存在：{path}")
    # A backup, never the open database (restore refuses that first): its header may be read.
    if encryption.is_encrypted_file(path) and encryption.known_key_for(path) is None:
        if encryption.keys_path(path).is_file():
            raise encryption.KeyNeeded(f"备份文件 {path.name} 已加密，需要密码或恢复密钥才能打开")
        raise UserError(f"此文件不是 swdesk 数据库备份（不是 SQLite 数据库文件，也没有可用的密钥文件）：{path.name}")
    try:
        con = encryption.connect(path, read_only=True)
    except encryption.ERRORS as exc:
        raise UserError(f"无法打开备份文件 {path.name}：{exc}") from exc
    try:
        version = _verify_tables(con, path)
    except encryption.DATABASE_ERRORS as exc:
        raise UserError(f"备份文件 {path.name} 已损坏，不能用于恢复（{exc}）") from exc
    finally:
        con.close()
    if version == migrations.LATEST:
        for problem in consistency_of(path):
            log.warning("backup %s: %s", path.name, problem)
    return version


def _verify_tables(con: sqlite3.Connection, path: Path) -> int:
    problems = check.sqlite_file_problems(con)
    damaged = [p for p in problems if p.startswith("数据库文件已损坏")]
    if damaged:
        raise UserError(f"备份文件 {path.name} 已损坏，不能用于恢复（{damaged[0]}）")
    for problem in problems:  # broken links between records: reported, not a reason to refuse
        log.warning("backup %s: %s", path.name, problem)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = [m._meta.table_name for m in models.ALL_MODELS if m._meta.table_name not in tables]
    if "schema_version" in missing:
        raise UserError(f"此文件不是 swdesk 数据库（缺少数据结构版本表）：{path.name}")
    row = con.execute("SELECT MAX(version) FROM schema_version").fetchone()
    version = int(row[0]) if row and row[0] is not None else 0
    if version > migrations.LATEST:
        raise UserError(f"此备份由更新版本的社工服务台创建（数据结构版本 {version}，本程序支持到 "
                        f"{migrations.LATEST}），请升级程序后再恢复")
    if version == migrations.LATEST and missing:
        raise UserError(f"此文件不是完整的 swdesk 数据库（缺少表：{'、'.join(missing[:5])}）：{path.name}")
    return version


def consistency_of(path: Path) -> list[str]:
    """swdesk's own consistency checks run on the file at `path` (read-only, current schema).

    The models are bound to one global proxy: it points at the file for the duration. Callers run
    this with no other thread using the database (start-up recovery; restore, after close_all).
    A file whose tables cannot even be read this way is damaged: UserError. Other findings are
    returned (a backup with, say, hours of a deleted visit is still the clerk's best copy)."""
    previous = db.proxy.obj
    key = encryption.known_key_for(path) if encryption.is_encrypted_file(path) else None
    if key is not None:
        candidate = connection.EncryptedSqliteDatabase(f"file:{path}?mode=ro", uri=True, key=key,
                                                      pragmas={"query_only": 1})
    else:
        candidate = peewee.SqliteDatabase(f"file:{path}?mode=ro", uri=True, pragmas={"query_only": 1})
    db.proxy.initialize(candidate)
    try:
        return check.consistency_problems()
    except peewee.DatabaseError as exc:
        raise UserError(f"备份文件 {path.name} 的数据无法读取，不能用于恢复（{exc}）") from exc
    finally:
        candidate.close()
        db.proxy.initialize(previous)


def describe(info_path: Path, whose: Whose, taken_at: _dt.datetime | None) -> str:
    """"2026-11-28 16:36，100,000 名人员，85.2 MB" — whose a backup is, for the clerk."""
    parts = []
    if taken_at is not None:
        parts.append(f"{taken_at:%Y-%m-%d %H:%M}")
    parts.append(f"{whose.workers:,} 名人员" if whose.workers is not None else "人员数未知")
    parts.append(f"{whose.size / 1024 / 1024:.1f} MB")
    return "，".join(parts)


@dataclass(frozen=True)
class Candidate:
    """A verified backup of the damaged/current database, with what it holds."""

    path: Path
    taken_at: _dt.datetime
    whose: Whose
    smaller_than_current: bool   # smaller than the file it would replace: warn before using it

    def label(self) -> str:
        return describe(self.path, self.whose, self.taken_at)


def _backup_folders() -> list[Path]:
    folders: list[Path] = []
    for folder in (_remembered_dir(), str(db.data_dir() / "backups")):
        if folder and Path(folder) not in folders:
            folders.append(Path(folder))
    return folders


def recovery_candidates(target: Path | str) -> list[Candidate]:
    """The verified backups of the database `target` (same identity), newest first.

    The identity comes from the file itself or, when it cannot be read, from what swdesk
    remembered the last time it backed it up. A database of unknown identity gets no candidates:
    the clerk chooses a file (and is told whose it is)."""
    target = Path(target).expanduser()
    identity = identity_of_target(target)
    if identity is None:
        return []
    current_size = _size_with_wal(target)
    found: list[Candidate] = []
    for item in _same_database_files(target, identity):
        try:
            verify_file(item.path)
        except UserError:
            log.warning("backup %s does not verify", item.path)
            continue
        whose = read_whose(item.path)
        if whose.identity != identity:  # the name said so, the file does not: not offered
            continue
        found.append(Candidate(item.path, item.taken_at, whose, whose.size < current_size))
    return found


def _same_database_files(target: Path, identity: str) -> list[BackupFile]:
    candidates: list[BackupFile] = []
    for folder in _backup_folders():
        candidates.extend(list_backups(folder, identity))
    # Backups made before a migration lie beside the database: <name>.v<N>-<stamp>.bak
    for path in target.parent.glob(target.stem + ".v*-*.bak"):
        candidates.append(BackupFile(path, _dt.datetime.fromtimestamp(path.stat().st_mtime)))
    return sorted(candidates, key=lambda b: b.taken_at, reverse=True)


def _size_with_wal(path: Path) -> int:
    total = 0
    for part in (path, Path(f"{path}-wal")):
        try:
            total += part.stat().st_size
        except OSError:
            pass
    return total


def latest_good_backup(target: Path | str | None = None) -> Path | None:
    """The newest verified backup of the database `target` (same identity)."""
    found = recovery_candidates(target or db.default_target())
    return found[0].path if found else None


# --- restoring ---------------------------------------------------------------------------------------

class OtherDatabaseError(UserError):
    """The backup belongs to another database (another identity)."""


def restore(file: Path | str, target: Path | str | None = None, now: _dt.datetime | None = None,
            progress: Progress | None = None, allow_other_database: bool = False) -> tuple[Path, Path | None]:
    """Replace the database `target` (default: the user's database) by the backup `file`.

    Returns (the replaced database's path, the file the old database was moved aside to, or None
    if there was no database yet). The old file is never deleted. If the proxy is open on
    `target`, every connection (all threads) is closed first and the result reopened after.
    A backup of another database is refused unless `allow_other_database`."""
    require_admin()  # replacing every record is an administrator's decision
    target = str(target) if target else db.default_target()
    if db.is_url(target):
        raise UserError("PostgreSQL 数据库请用 pg_restore 在服务器上恢复；本程序只能恢复本机数据库文件")
    file = Path(file).expanduser()
    target_path = Path(target).expanduser().resolve()
    if file.resolve() == target_path:
        raise UserError("不能用当前数据库文件自身来恢复")
    open_path = db.sqlite_path() if db.proxy.obj is not None else None
    on_target = open_path is not None and Path(open_path).resolve() == target_path
    was_open = _database_is_open() and on_target
    if on_target and db.close_database():
        # A job or the search thread still has the file open: replacing it now would let that
        # connection delete the new file's WAL later (swdesk/connection.py). Nothing changed; the
        # proxy stays on the database (this thread reconnects on its next query).
        raise UserError("后台任务仍在使用数据库，请等它结束后再恢复；当前数据库未改动")
    connection.close_ended_connections()
    try:
        return _restore_closed(file, target_path, now or _dt.datetime.now(), progress, allow_other_database)
    finally:
        if was_open:
            db.open_database(str(target_path))


def _restore_closed(file: Path, target: Path, now: _dt.datetime, progress: Progress | None,
                    allow_other: bool) -> tuple[Path, Path | None]:
    try:
        verify_file(file)
    except encryption.KeyNeeded:
        raise
    except UserError as exc:
        raise UserError(f"{exc}。当前数据库未作任何改动。") from exc
    _refuse_other_database(file, target, allow_other)
    kind = _kind_of_current(target)
    staged = files.temp_name(target.parent, ".db")
    try:
        db.copy_online(staged, file, progress)
        files._fsync_file(staged)
        # Checked right before the file moves (not before the copy, which may take minutes).
        _refuse_if_in_use(target)
    except (*encryption.ERRORS, OSError) as exc:
        staged.unlink(missing_ok=True)
        raise UserError(f"恢复失败：{_describe(exc)}；当前数据库未改动") from exc
    except UserError:
        staged.unlink(missing_ok=True)
        raise
    aside = _move_aside(target, now, kind) if target.exists() else None
    try:
        _keys_for_restored(file, staged, target, aside)
        files.replace(staged, target)
        files._fsync_dir(target.parent)
    except (OSError, UserError) as exc:
        staged.unlink(missing_ok=True)
        if aside is not None:
            _move_back(aside, target)
        why = files.os_error_text(exc, target) if isinstance(exc, OSError) else str(exc)
        raise UserError(f"恢复失败：{why}；当前数据库未改动") from exc
    log.info("restored %s from %s (old file kept as %s)", target, file, aside)
    return target, aside


def _refuse_other_database(file: Path, target: Path, allow_other: bool) -> None:
    if allow_other or not target.exists():
        return
    mine = identity_of_target(target)
    theirs = read_whose(file)
    if mine is not None and theirs.identity is not None and theirs.identity != mine:
        raise OtherDatabaseError(
            f"备份文件 {file.name} 是另一个数据库的备份（{describe(file, theirs, None)}），"
            "不是当前数据库的备份；当前数据库未改动")


def _refuse_if_in_use(target: Path) -> None:
    """No other connection may have the file open while it is replaced: switching it out of WAL
    needs the only connection (SQLite checkpoints the WAL and removes it itself). A damaged file
    cannot switch: it is moved aside with its -wal and -shm as they are."""
    if not target.exists():
        return
    try:
        con = encryption.connect(target, timeout=1)
    except (*encryption.ERRORS, UserError):  # unreadable, or encrypted under an unknown key
        return
    try:
        con.execute("PRAGMA journal_mode=DELETE").fetchone()
    except encryption.OPERATIONAL_ERRORS as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise UserError("数据库正被其他程序使用（例如另一个社工服务台窗口、命令行或 sqlite3），"
                            f"请关闭后再恢复；当前数据库未改动：{target}") from exc
        log.warning("cannot switch %s out of WAL before restore: %s", target, exc)
    except encryption.DATABASE_ERRORS as exc:  # damaged: moved aside as it is
        log.warning("damaged %s before restore: %s", target, exc)
    finally:
        con.close()


_SIDE_FILES = ("-wal", "-shm", "-journal", encryption.KEYS_SUFFIX)


def _keys_for_restored(file: Path, staged: Path, target: Path, aside: Path | None) -> None:
    """An encrypted backup brings its key file (else the one of the file moved aside: the same
    database, the same key); the key stays unlocked for the reopen. A plain one leaves none."""
    if not encryption.is_encrypted_file(staged):
        encryption.forget(target)
        return
    source = encryption.keys_path(file)
    if not source.is_file() and aside is not None:
        source = encryption.keys_path(aside)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise UserError(f"找不到备份的密钥文件：{files.os_error_text(exc, source)}") from exc
    files.write_bytes(encryption.keys_path(target), data, (encryption.KEYS_SUFFIX,), "密钥文件")
    encryption.remember(target, encryption.key_for(file))


def _kind_of_current(target: Path) -> str:
    """"before-restore" for an intact current file, "damaged" otherwise (names the file aside)."""
    if not target.exists():
        return "before-restore"
    try:
        verify_file(target)
    except UserError:
        return "damaged"
    return "before-restore"


def _move_aside(target: Path, now: _dt.datetime, kind: str) -> Path:
    """Rename the current file (and its side files) to '<stem>.<kind>-<stamp><suffix>' beside it.
    Never deleted: the clerk may need it."""
    aside = target.with_name(f"{target.stem}.{kind}-{now:%Y%m%d-%H%M%S}{target.suffix}")
    n = 1
    while aside.exists():
        aside = target.with_name(f"{target.stem}.{kind}-{now:%Y%m%d-%H%M%S}-{n}{target.suffix}")
        n += 1
    try:
        for suffix in _SIDE_FILES:
            side = Path(f"{target}{suffix}")
            if side.exists():
                files.replace(side, Path(f"{aside}{suffix}"))
        files.replace(target, aside)
    except OSError as exc:
        _move_back(aside, target)
        raise UserError(f"恢复前无法把当前数据库移到一旁，已停止恢复：{files.os_error_text(exc, target)}") from exc
    return aside


def _move_back(aside: Path, target: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        moved = Path(f"{aside}{suffix}")
        if moved.exists():
            try:
                files.replace(moved, Path(f"{target}{suffix}"))
            except OSError:
                log.error("could not move %s back to %s", moved, target)
