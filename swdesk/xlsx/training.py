"""Export the training courses and sign-in lists of a period (培训签到表) with openpyxl."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from swdesk import jobs, periods
from swdesk.services import training
from swdesk.xlsx.hotline import (
    Column,
    append_row,
    audit_export,
    new_workbook,
    save_workbook,
    start_sheet,
)

ATTENDANCE_COLUMNS: tuple[Column, ...] = (
    ("序号", 6, "number"), ("培训日期", 12, "date"), ("课程名称", 28, "wrap"), ("主题", 12, "text"),
    ("主讲人", 18, "wrap"), ("地点", 22, "wrap"), ("学时", 7, "number"), ("姓名", 10, "text"),
    ("服务证号", 20, "text"), ("所属领域", 16, "text"), ("工作单位", 24, "wrap"), ("社区", 12, "text"),
)

COURSE_COLUMNS: tuple[Column, ...] = (
    ("培训日期", 12, "date"), ("课程名称", 28, "wrap"), ("主题", 12, "text"), ("主讲人", 18, "wrap"),
    ("地点", 20, "wrap"), ("学时", 7, "number"), ("人次", 7, "number"), ("总学时", 9, "number"),
)

WORKER_COLUMNS: tuple[Column, ...] = (
    ("姓名", 10, "text"), ("服务证号", 20, "text"), ("参训人次", 9, "number"), ("学时", 9, "number"),
)


def export_attendance(period: str, out: str | Path,
                      progress: Callable[[int, int], bool] | None = None) -> int:
    """Write the courses of `period` and who attended them to `out`; returns the person-times."""
    p = periods.parse(period)
    lines = training.attendance_lines(p.start, p.end)
    wb = new_workbook()
    ws = start_sheet(wb, "培训签到", ATTENDANCE_COLUMNS)
    total = len(lines)
    for i, a in enumerate(lines, start=1):
        append_row(ws, ATTENDANCE_COLUMNS, [
            i, a.start_date, a.title, a.topic, a.lecturer, a.place, a.hours, a.name, a.card_no,
            a.sector, a.employer, a.community])
        if i % 500 == 0:
            jobs.report(progress, i, total)

    courses = list(reversed(training.list_courses(p.start, p.end)))
    ws = start_sheet(wb, "课程汇总", COURSE_COLUMNS)
    for c in courses:
        append_row(ws, COURSE_COLUMNS, [c.start_date, c.title, c.topic, c.lecturer, c.place, c.hours,
                                        c.attendees, round(c.person_hours, 1)])
    append_row(ws, COURSE_COLUMNS, [None, f"合计 {len(courses)} 期", None, None, None,
                                    round(sum(c.hours for c in courses), 1),
                                    sum(c.attendees for c in courses),
                                    round(sum(c.person_hours for c in courses), 1)])

    ws = start_sheet(wb, "人员汇总", WORKER_COLUMNS)
    for s in training.summary_by_worker(p.start, p.end):
        append_row(ws, WORKER_COLUMNS, [s.name, s.card_no, s.person_times, round(s.hours, 1)])

    save_workbook(wb, out)
    jobs.report(progress, total, total)
    audit_export("training_attendance", f"导出 {p.label} 培训签到 {total} 人次")
    return total
