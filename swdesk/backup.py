"""Backups and restores.

SQLite: copies through SQLite's online backup API (safe while the program runs). PostgreSQL:
pg_dump when it is installed, else a clear message.

Automatic backups: at the first start of each day (ui/app.py) into the folder of the setting
"backup_dir" (empty = <data dir>/backups; may be a USB drive), keeping the newest file of each of
the last 7 days, 4 ISO weeks and 12 months (setting "backup_keep"). Backups are named
swdesk-YYYYMMDD-HHMMSS.db, and retention goes by that stamp, never by file times.

A restore first verifies the file (readable SQLite, integrity_check, swdesk tables, schema version
not newer than this program, foreign keys), then backs up the current database, then replaces it.
A damaged file is refused with a Chinese message and the current data is not touched.
"""
from __future__ import annotations

import datetime as _dt
import logging
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from swdesk import db

log = logging.getLogger(__name__)

_NAME_RE = re.compile(r"^swdesk-(\d{8})-(\d{6})\.(db|dump)$")
DEFAULT_KEEP = {"daily": 7, "weekly": 4, "monthly": 12}
# Remembers where automatic backups go, outside the database, so that the start-up recovery
# dialog finds them even when the database itself cannot be read.
_LOCATION_FILE = "backup-location.txt"


class BackupError(Exception):
    """str() is a Chinese message for the clerk."""


# --- making copies --------------------------------------------------------------------------------

def copy_sqlite_online(target: Path, source: Path | None = None) -> Path:
    """Write a consistent copy of the SQLite database `source` (default: the open one) to `target`."""
    source = Path(source) if source is not None else db.sqlite_path()
    if source is None:
        raise BackupError("当前数据库不是本机文件，无法用此方式备份")
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                # A backup is one self-contained file: no -wal beside it.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"备份失败：{_describe(exc)}") from exc
    return target


def _describe(exc: BaseException) -> str:
    text = str(exc).lower()
    if isinstance(exc, OSError) and exc.errno == 28 or "full" in text:
        return "磁盘空间已满"
    if isinstance(exc, PermissionError) or "readonly" in text or "read-only" in text:
        return "没有写入权限"
    if "not a database" in text or "malformed" in text:
        return "数据库文件已损坏"
    return str(exc)


def backup_filename(now: _dt.datetime | None = None, suffix: str = ".db") -> str:
    now = now or _dt.datetime.now()
    return f"swdesk-{now:%Y%m%d-%H%M%S}{suffix}"


def configured_dir() -> Path:
    """The folder of automatic backups (setting "backup_dir", default <data dir>/backups)."""
    value = ""
    if _database_is_open():
        try:
            from swdesk.services import settings

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


def backup_to_dir(directory: Path | str | None = None, now: _dt.datetime | None = None) -> Path:
    """Back the open database up into `directory` (default: the configured folder); returns the file."""
    directory = Path(directory) if directory else configured_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"无法创建备份文件夹 {directory}：{_describe(exc)}") from exc
    if db.is_postgres():
        return dump_postgres(directory / backup_filename(now, ".dump"))
    return copy_sqlite_online(directory / backup_filename(now))


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
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupError(f"pg_dump 运行失败：{exc}") from exc
    if proc.returncode != 0:
        target.unlink(missing_ok=True)
        raise BackupError(f"pg_dump 备份失败：{proc.stderr.strip()[:300]}")
    return target


# --- retention --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: _dt.datetime


def list_backups(directory: Path | str) -> list[BackupFile]:
    """swdesk's backup files in `directory`, newest first (by the time in their names)."""
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
            taken = _dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S")
        except ValueError:
            continue
        found.append(BackupFile(path, taken))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def keep_counts() -> dict[str, int]:
    value = {}
    if _database_is_open():
        try:
            from swdesk.services import settings

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
    """Grandfather-father-son: the newest file of each of the last N days, weeks and months."""
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
        kept.add(backups[0].path)  # never delete the newest backup
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
                removed.append(backup.path)
            except OSError:
                log.warning("cannot delete old backup %s", backup.path)
    return removed


def daily_backup_if_due(now: _dt.datetime | None = None) -> Path | None:
    """At the first start of a day: back up into the configured folder and prune it.

    Returns the new file, or None when today's backup already exists.
    """
    now = now or _dt.datetime.now()
    directory = configured_dir()
    if any(b.taken_at.date() == now.date() for b in list_backups(directory)):
        return None
    path = backup_to_dir(directory, now=now)
    _remember_dir(directory)
    removed = prune(directory)
    log.info("daily backup %s (pruned %d)", path, len(removed))
    return path


# --- verifying and restoring ------------------------------------------------------------------------

def verify_file(path: Path | str) -> int:
    """Check that `path` is an intact swdesk database this program can open; returns its schema
    version. Raises UserError with a Chinese message otherwise."""
    from swdesk import check, migrations
    from swdesk.services.base import UserError

    path = Path(path)
    if not path.is_file():
        raise UserError(f"备份文件不存在：{path}")
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise UserError(f"此文件不是 swdesk 数据库备份（不是 SQLite 数据库文件）：{path.name}")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise UserError(f"无法打开备份文件 {path.name}：{exc}") from exc
    try:
        problems = check.sqlite_file_problems(con)
        damaged = [p for p in problems if p.startswith("数据库文件已损坏")]
        if damaged:
            raise UserError(f"备份文件 {path.name} 已损坏，不能用于恢复（{damaged[0]}）")
        for problem in problems:  # broken links between records: reported, not a reason to refuse
            log.warning("backup %s: %s", path.name, problem)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        from swdesk import models

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
    except sqlite3.DatabaseError as exc:
        raise UserError(f"备份文件 {path.name} 已损坏，不能用于恢复（{exc}）") from exc
    finally:
        con.close()
    if version == migrations.LATEST:
        for problem in consistency_of(path):
            log.warning("backup %s: %s", path.name, problem)
    return version


def consistency_of(path: Path) -> list[str]:
    """swdesk's own consistency checks run on the file at `path` (read-only, current schema).

    A file whose tables cannot even be read this way is damaged: UserError. Other findings are
    returned (a backup with, say, hours of a deleted visit is still the clerk's best copy)."""
    import peewee

    from swdesk import check
    from swdesk.services.base import UserError

    previous = db.proxy.obj
    candidate = peewee.SqliteDatabase(f"file:{path}?mode=ro", uri=True, pragmas={"query_only": 1})
    db.proxy.initialize(candidate)
    try:
        return check.consistency_problems()
    except peewee.DatabaseError as exc:
        raise UserError(f"备份文件 {path.name} 的数据无法读取，不能用于恢复（{exc}）") from exc
    finally:
        candidate.close()
        db.proxy.initialize(previous)


def _safety_copy(target: Path, now: _dt.datetime, directory: Path) -> Path | None:
    """Back up the database about to be replaced (online; a raw copy if it is itself damaged)."""
    if not target.exists():
        return None
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        directory = target.parent
    safety = directory / f"swdesk-{now:%Y%m%d-%H%M%S}-before-restore.db"
    try:
        return copy_sqlite_online(safety, source=target)
    except BackupError:
        damaged = directory / f"swdesk-{now:%Y%m%d-%H%M%S}-damaged.db"
        try:
            shutil.copy2(target, damaged)
            for suffix in ("-wal", "-shm"):
                side = Path(str(target) + suffix)
                if side.exists():
                    shutil.copy2(side, Path(str(damaged) + suffix))
        except OSError as exc:
            raise BackupError(f"恢复前无法备份当前数据库，已停止恢复：{_describe(exc)}") from exc
        return damaged


def restore(file: Path | str, target: Path | str | None = None,
            now: _dt.datetime | None = None) -> tuple[Path, Path | None]:
    """Replace the database `target` (default: the user's database) by the backup `file`.

    Returns (the replaced database's path, the safety backup of what it held, or None if there was
    no database yet). If the proxy is open on `target`, it is closed and reopened on the result.
    """
    from swdesk.services.base import UserError, require_admin

    require_admin()  # replacing every record is an administrator's decision
    target = str(target) if target else db.default_target()
    if db.is_url(target):
        raise UserError("PostgreSQL 数据库请用 pg_restore 在服务器上恢复；本程序只能恢复本机数据库文件")
    file = Path(file).expanduser()
    target_path = Path(target).expanduser().resolve()
    if file.resolve() == target_path:
        raise UserError("不能用当前数据库文件自身来恢复")
    try:
        verify_file(file)
    except UserError as exc:
        raise UserError(f"{exc}。当前数据库未作任何改动。") from exc
    now = now or _dt.datetime.now()
    open_path = db.sqlite_path() if _database_is_open() else None
    was_open = open_path is not None and Path(open_path).resolve() == target_path
    directory = configured_dir()
    if was_open:
        db.close_database()
    staged = target_path.with_name(target_path.name + ".restoring")
    try:
        safety = _safety_copy(target_path, now, directory)
        # Copy onto the same disk first, so the final step is one atomic rename.
        copy_sqlite_online(staged, source=file)
        for suffix in ("-wal", "-shm"):
            Path(str(target_path) + suffix).unlink(missing_ok=True)
        os.replace(staged, target_path)
    except (BackupError, OSError) as exc:
        staged.unlink(missing_ok=True)
        message = str(exc) if isinstance(exc, BackupError) else f"恢复失败：{_describe(exc)}"
        raise UserError(message + "；当前数据库未改动") from exc
    finally:
        if was_open:
            db.open_database(str(target_path))
    log.info("restored %s from %s (safety copy %s)", target_path, file, safety)
    return target_path, safety


def latest_good_backup(target: Path | str | None = None) -> Path | None:
    """The newest backup that passes verify_file, from the known backup folders."""
    from swdesk.services.base import UserError

    folders: list[Path] = []
    for folder in (_remembered_dir(), str(db.data_dir() / "backups")):
        if folder and Path(folder) not in folders:
            folders.append(Path(folder))
    candidates: list[BackupFile] = []
    for folder in folders:
        candidates.extend(list_backups(folder))
    if target and not db.is_url(str(target)):
        # Backups made before a migration lie beside the database: <name>.v<N>-<stamp>.bak
        parent = Path(target).expanduser().parent
        for path in parent.glob(Path(target).stem + ".v*-*.bak"):
            candidates.append(BackupFile(path, _dt.datetime.fromtimestamp(path.stat().st_mtime)))
    for backup in sorted(candidates, key=lambda b: b.taken_at, reverse=True):
        try:
            verify_file(backup.path)
        except UserError:
            log.warning("backup %s does not verify", backup.path)
            continue
        return backup.path
    return None
