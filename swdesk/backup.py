"""Backups of the SQLite file through SQLite's online backup API (safe while the program runs)."""
from __future__ import annotations

import datetime as _dt
import sqlite3
from pathlib import Path

from swdesk import db


class BackupError(Exception):
    """str() is a Chinese message for the clerk."""


def copy_sqlite_online(target: Path) -> Path:
    """Write a consistent copy of the open SQLite database to `target`."""
    source = db.sqlite_path()
    if source is None:
        raise BackupError("当前数据库不是本机文件，无法用此方式备份")
    target = Path(target)
    tmp = target.with_name(target.name + ".part")
    try:
        src = sqlite3.connect(str(source))
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        tmp.replace(target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"备份失败：{exc}") from exc
    return target


def backup_filename(now: _dt.datetime | None = None) -> str:
    now = now or _dt.datetime.now()
    return f"swdesk-{now:%Y%m%d-%H%M%S}.db"


def backup_to_dir(directory: Path | None = None) -> Path:
    """Back the database up into `directory` (default: <data dir>/backups); returns the file."""
    directory = Path(directory) if directory else db.data_dir() / "backups"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"无法创建备份文件夹 {directory}：{exc}") from exc
    return copy_sqlite_online(directory / backup_filename())
