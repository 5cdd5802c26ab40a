"""导出热线工单: the hotline requests received in a period, with a summary by category.

Rules: the session's scope (services.hotline), callers' phone numbers masked (138****5678), the
audit line naming the saved file.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from swdesk.jobs import JobResult, Progress, phase
from swdesk.jobs.output import output_file
from swdesk.periods import Period
from swdesk.privacy import mask_phone
from swdesk.services import hotline
from swdesk.xlsx import hotline as hotline_xlsx


def export_hotline(period: Period, out: Path, *, progress: Progress | None = None) -> JobResult:
    """Write the requests received in `period` to `out`; JobResult.count is the requests."""
    with output_file(out) as written:
        phase(progress, "正在统计…")
        requests = [dataclasses.replace(r, phone=mask_phone(r.phone))
                    for r in hotline.request_details(period.start, period.end)]
        total = len(requests)
        phase(progress, f"正在写入文件（{total} 条工单）…", total)
        hotline_xlsx.write_tables(written.tmp, [
            ("热线工单", hotline_xlsx.REQUEST_COLUMNS, map(hotline_xlsx.request_values, requests), total),
            ("分类统计", hotline_xlsx.SUMMARY_COLUMNS, hotline_xlsx.summary_rows(requests), 0),
        ], progress)
        written.record("hotline_request", total, f"导出 {period.label} 热线工单 {total} 条",
                       {"period": period.label})
    warnings = [] if total else [f"{period.label} 没有受理的热线工单，导出的工单表只有表头"]
    return JobResult(f"已导出 {period.label} 热线工单 {total} 条：{out}", path=Path(out), warnings=warnings,
                     count=total)
