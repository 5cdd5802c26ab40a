"""Export of the audit log (操作日志) to xlsx; the export itself is recorded in the log."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from swdesk import db, jobs
from swdesk.services import audit_log
from swdesk.services.base import audit
from swdesk.xlsx.common import safe_cell, save_atomically

HEADERS = ("时间", "操作员", "操作员姓名", "操作", "对象", "记录编号", "摘要", "字段", "修改前", "修改后")
COLUMN_WIDTHS = (20, 12, 12, 8, 12, 10, 40, 18, 30, 30)
PAGE = 2000


def export_audit(out: str | Path, *, reveal: bool = False, progress: jobs.Progress | None = None,
                 **filters: Any) -> int:
    """Write the log lines matching `filters` (see audit_log.query) to `out`, one sheet row per
    changed field; returns the number of log lines. Full personal data only with `reveal` (管理员)."""
    audit_log._check_reveal(reveal)
    out = Path(out)
    total = audit_log.count(**filters)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("操作日志")
    for i, width in enumerate(COLUMN_WIDTHS):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A2"
    ws.append(list(HEADERS))
    done = 0
    while done < total:
        entries = audit_log.query(limit=PAGE, offset=done, reveal=reveal, **filters)
        if not entries:
            break
        for entry in entries:
            head = [entry.at, entry.operator, entry.operator_name, entry.action_label, entry.table_label,
                    entry.record_id, entry.summary]
            for change in entry.changes or [None]:
                tail = ["", "", ""] if change is None else [
                    change.label, "" if change.created else audit_log._show(change.before),
                    audit_log._show(change.after)]
                ws.append([safe_cell(ws, v, "yyyy-mm-dd hh:mm:ss") for v in head + tail])
        done += len(entries)
        jobs.report(progress, done, total)
    save_atomically(wb, out)
    described = "，".join(f"{k}={v}" for k, v in filters.items() if v not in (None, ""))
    with db.database().atomic():
        audit("export", table="audit_log",
              summary=f"导出操作日志 {done} 条{'（完整信息）' if reveal else ''}到 {out.name}"
                      + (f"（筛选：{described}）" if described else ""),
              after={"file": out.name, "rows": done, "reveal": reveal,
                     "filters": {k: str(v) for k, v in filters.items() if v not in (None, "")}})
    return done


def default_filename(today: _dt.date | None = None) -> str:
    return f"操作日志-{(today or _dt.date.today()):%Y%m%d}.xlsx"
