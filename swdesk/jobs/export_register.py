"""导出证明登记簿（公示） (`export register 2026Q4 OUT.xlsx`): the certificates issued in a period,
as the list to post in the unit for at least 7 days (民发〔2015〕149号).

Rules: the session's street only (a district user: every street); names only, no ID numbers
(a list posted on a wall); the export is a line of the audit log naming the file.
"""
from __future__ import annotations

from pathlib import Path

from swdesk import periods
from swdesk.jobs import JobResult, Progress, phase
from swdesk.jobs.output import output_file
from swdesk.reports.quarter import offices, period_title
from swdesk.services import certificates
from swdesk.xlsx import register as register_xlsx


def export_register(period: periods.Period, out: Path, *,
                    progress: Progress | None = None) -> JobResult:
    """Write the register lines issued within `period` to `out`; JobResult.count is the lines."""
    with output_file(out) as written:
        phase(progress, "正在统计…")
        rows = certificates.register_rows(period.start, period.end)
        phase(progress, f"正在写入文件（{len(rows)} 条）…", len(rows))
        done = register_xlsx.write_register(written.tmp, rows, _issuer(), period_title(period),
                                            progress)
        written.record("certificate", done, f"导出证明登记簿（公示）{period.label} {done} 条",
                       {"period": period.label})
    warnings = [] if done else [f"{period.label} 没有出具过服务证明，导出的登记簿只有表头"]
    return JobResult(f"已导出 {period.label} 证明登记簿（公示）{done} 条：{out}", path=Path(out),
                     warnings=warnings, count=done)


def _issuer() -> str:
    found = offices()
    if len(found) == 1:
        return found[0].centre_name
    return "、".join(o.centre_name for o in found)


def default_filename(period: periods.Period) -> str:
    """What the window proposes: 证明登记簿公示-2026Q4.xlsx."""
    return f"证明登记簿公示-{period.label}.xlsx"
