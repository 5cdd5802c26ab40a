"""导出季度报表: the quarterly workbook of one period (the report's tables from live data, and the
roster of workers active at the period's end, ID numbers masked).

Scope: a street clerk's workbook counts the own street; a district user's counts every street
(swdesk/reports/quarter.py). The audit line names the saved file.
"""
from __future__ import annotations

from pathlib import Path

from swdesk.jobs import JobResult, Progress, phase
from swdesk.jobs.output import output_file
from swdesk.periods import Period
from swdesk.reports import quarter as report_data
from swdesk.xlsx import quarter as quarter_xlsx

STATISTICS_STEPS = 5  # report_data.build reports 0 … 5


def export_quarter(period: Period, out: Path, *, progress: Progress | None = None) -> JobResult:
    """Write the quarterly workbook of `period` to `out`; JobResult.count is the roster rows."""
    with output_file(out) as written:
        phase(progress, "正在统计…", STATISTICS_STEPS)
        report = report_data.build(period, progress)
        total = report_data.roster_count(period.end)
        phase(progress, f"正在写入文件（花名册 {total} 人）…", total)
        count = quarter_xlsx.write_workbook(written.tmp, report, report_data.roster_rows(period.end),
                                            total, progress)
        written.record("quarter", count, f"导出 {period.label} 季度统计报表（花名册 {count} 人）",
                       {"period": period.label})
    warnings = [] if count else [f"{period.label} 期末没有在册人员：各表人数均为 0，花名册为空"]
    return JobResult(f"已导出 {period.label} 季度统计报表：{out}", path=Path(out), warnings=warnings,
                     count=count)
