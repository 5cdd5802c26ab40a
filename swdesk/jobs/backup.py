"""The backup job: one online copy of the open database into a folder, named after its identity.

Used by `backup [DIR]` (swdesk/commands/maintenance.py), 文件 → 备份 → 立即备份 and the daily
backup at start (ui/dialogs/backup.py)."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from swdesk import backup as core
from swdesk.jobs import JobResult, Progress, phase, report


def run(directory: Path | str | None = None, progress: Progress | None = None,
        now: _dt.datetime | None = None) -> JobResult:
    """Back the open database up into `directory` (None: the configured backups folder).

    Progress counts SQLite pages copied. A folder that cannot be written gives one Chinese line
    naming the folder (BackupError, a UserError)."""
    phase(progress, "正在备份…")
    path = core.backup_to_dir(directory, now=now,
                              progress=(lambda done, total: report(progress, done, total)) if progress else None)
    whose = core.read_whose(path) if path.suffix == ".db" else None
    workers = whose.workers if whose and whose.workers is not None else 0
    return JobResult(f"已备份到：{path}", path=path, count=workers,
                     data=whose)


def daily(progress: Progress | None = None, now: _dt.datetime | None = None) -> JobResult | None:
    """The day's first start: back up into the configured folder and prune it; None when this
    database already has today's backup."""
    path = core.daily_backup_if_due(now=now, progress=(lambda d, t: report(progress, d, t)) if progress else None)
    if path is None:
        return None
    return JobResult(f"已自动备份到：{path}", path=path)
