"""导出操作日志: the audit log lines matching the viewer's filters, one row per changed field.

Rules: personal data inside the lines masked unless `reveal` (管理员 only); the export is itself
a line of the log, naming the saved file and the filters.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from swdesk.jobs import JobResult, Progress, phase
from swdesk.jobs.output import output_file
from swdesk.services import audit_log
from swdesk.xlsx import audit as audit_xlsx

PAGE = 2000  # log lines read per query: memory stays flat for a log of any length


def export_audit(out: Path, *, reveal: bool = False, filters: dict[str, Any] | None = None,
                 progress: Progress | None = None) -> JobResult:
    """Write the log lines matching `filters` (audit_log.query's: table, record_id, operator,
    start, end, text) to `out`; JobResult.count is the number of log lines."""
    audit_log._check_reveal(reveal)
    given = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
    with output_file(out) as written:
        phase(progress, "正在统计…")
        total = audit_log.count(**given)
        phase(progress, f"正在写入文件（{total} 条）…", total)
        done = audit_xlsx.write_log(written.tmp, _entries(total, reveal, given), total, progress)
        described = audit_log.describe_filters(given)
        written.record("audit_log", done,
                       f"导出操作日志 {done} 条{'（完整信息）' if reveal else ''}"
                       + (f"（筛选：{described}）" if described else ""),
                       {"reveal": reveal, "filters": {k: str(v) for k, v in given.items()}})
    warnings = [] if done else ["没有符合筛选条件的操作日志，导出的表格只有表头"]
    return JobResult(f"已导出操作日志 {done} 条：{out}", path=Path(out), warnings=warnings, count=done)


def _entries(total: int, reveal: bool, filters: dict[str, Any]) -> Iterator[audit_log.Entry]:
    done = 0
    while done < total:
        page = audit_log.query(limit=PAGE, offset=done, reveal=reveal, **filters)
        if not page:
            return
        yield from page
        done += len(page)


def default_filename(today: _dt.date | None = None) -> str:
    """What the window proposes: 操作日志-20261128.xlsx."""
    return f"操作日志-{(today or _dt.date.today()):%Y%m%d}.xlsx"
