"""The training courses and sign-in lists of a period (培训签到表) as a workbook: its columns and
rows (swdesk/jobs/export_training.py picks the courses and records the export)."""
from __future__ import annotations

import os
from typing import Any

from swdesk.jobs import Progress
from swdesk.services import training
from swdesk.xlsx.hotline import Column, write_tables

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


def write_attendance(path: str | os.PathLike, lines: list[training.AttendanceLine],
                     courses: list[training.CourseRow], by_worker: list[training.WorkerTrainingSummary],
                     progress: Progress | None = None) -> None:
    """Sheets 培训签到 (one row per person-time), 课程汇总 (with a 合计 row), 人员汇总."""
    attendance = ([i, a.start_date, a.title, a.topic, a.lecturer, a.place, a.hours, a.name, a.card_no,
                   a.sector, a.employer, a.community] for i, a in enumerate(lines, start=1))
    write_tables(path, [
        ("培训签到", ATTENDANCE_COLUMNS, attendance, len(lines)),
        ("课程汇总", COURSE_COLUMNS, _course_rows(courses), 0),
        ("人员汇总", WORKER_COLUMNS,
         ([s.name, s.card_no, s.person_times, round(s.hours, 1)] for s in by_worker), 0),
    ], progress)


def _course_rows(courses: list[training.CourseRow]) -> list[list[Any]]:
    rows: list[list[Any]] = [[c.start_date, c.title, c.topic, c.lecturer, c.place, c.hours, c.attendees,
                              round(c.person_hours, 1)] for c in courses]
    rows.append([None, f"合计 {len(courses)} 期", None, None, None,
                 round(sum(c.hours for c in courses), 1), sum(c.attendees for c in courses),
                 round(sum(c.person_hours for c in courses), 1)])
    return rows
