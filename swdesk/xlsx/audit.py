"""The audit log (操作日志) as a workbook: one row per changed field of each log line
(swdesk/jobs/export_audit.py picks the lines, masks them and records the export)."""
from __future__ import annotations

import os
from collections.abc import Iterable

from openpyxl import Workbook

from swdesk import jobs
from swdesk.services import audit_log
from swdesk.xlsx.common import safe_cell, writing

HEADERS = ("时间", "操作员", "操作员姓名", "操作", "对象", "记录编号", "摘要", "字段", "修改前", "修改后")
COLUMN_WIDTHS = (20, 12, 12, 8, 12, 10, 40, 18, 30, 30)


def write_log(path: str | os.PathLike, entries: Iterable[audit_log.Entry], total: int,
              progress: jobs.Progress | None = None) -> int:
    """Write `entries` (as shown: masked or not) to `path`; returns the number of log lines."""
    wb = Workbook(write_only=True)
    done = 0
    with writing(wb, path):
        ws = wb.create_sheet("操作日志")
        for i, width in enumerate(COLUMN_WIDTHS):
            ws.column_dimensions[chr(ord("A") + i)].width = width
        ws.freeze_panes = "A2"
        ws.append(list(HEADERS))
        for entry in entries:
            head = [entry.at, entry.operator, entry.operator_name, entry.action_label, entry.table_label,
                    entry.record_id, entry.summary]
            for change in entry.changes or [None]:
                tail = ["", "", ""] if change is None else [change.label, change.before_text, change.after_text]
                ws.append([safe_cell(ws, v, "yyyy-mm-dd hh:mm:ss") for v in head + tail])
            done += 1
            if done % 500 == 0:
                jobs.report(progress, done, max(total, done))
    jobs.report(progress, done, max(total, done))
    return done
