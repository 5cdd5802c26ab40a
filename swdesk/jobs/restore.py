"""The restore job: replace a database file by a verified backup of the same database.

Used by `restore FILE` (swdesk/commands/maintenance.py), 文件 → 恢复 (ui/dialogs/backup.py) and the
start-up recovery dialog (ui/dialogs/recovery.py). The rules live in swdesk/backup.py: verify,
same identity, every connection closed, no other program on the file, the old file moved aside."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from swdesk import backup as core
from swdesk.jobs import JobResult, Progress, phase, report


def run(file: Path | str, target: Path | str | None = None, progress: Progress | None = None,
        allow_other_database: bool = False, now: _dt.datetime | None = None) -> JobResult:
    """Restore `file` over `target` (None: the user's database). `data` = the moved-aside file."""
    phase(progress, "正在检查并恢复备份…")
    replaced, aside = core.restore(file, target, now=now, allow_other_database=allow_other_database,
                                   progress=(lambda d, t: report(progress, d, t)) if progress else None)
    whose = core.read_whose(replaced)
    message = f"已从 {file} 恢复数据库 {replaced}"
    if aside is not None:
        message += f"；恢复前的数据库已另存为 {aside}"
    return JobResult(message, path=replaced, count=whose.workers or 0, data=aside)
