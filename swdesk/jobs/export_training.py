"""导出培训签到表: the training courses of a period, who attended them, and totals per person.

Rules: the session's scope (services.training), the audit line naming the saved file.
"""
from __future__ import annotations

from pathlib import Path

from swdesk.jobs import JobResult, Progress, phase
from swdesk.jobs.output import output_file
from swdesk.periods import Period
from swdesk.services import training
from swdesk.xlsx import training as training_xlsx


def export_training(period: Period, out: Path, *, progress: Progress | None = None) -> JobResult:
    """Write the courses of `period` and their sign-in lists to `out`; JobResult.count is the
    person-times."""
    with output_file(out) as written:
        phase(progress, "正在统计…")
        lines = training.attendance_lines(period.start, period.end)
        courses = list(reversed(training.list_courses(period.start, period.end)))
        by_worker = training.summary_by_worker(period.start, period.end)
        total = len(lines)
        phase(progress, f"正在写入文件（{total} 人次）…", total)
        training_xlsx.write_attendance(written.tmp, lines, courses, by_worker, progress)
        written.record("training_attendance", total, f"导出 {period.label} 培训签到 {total} 人次",
                       {"period": period.label})
    warnings = [] if total else [f"{period.label} 没有培训签到记录，导出的签到表只有表头"]
    return JobResult(f"已导出 {period.label} 培训签到 {total} 人次：{out}", path=Path(out), warnings=warnings,
                     count=total)
