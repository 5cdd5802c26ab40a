"""The hotline request log of a period (热线工单登记表) as a workbook: its columns and rows.

Also holds the small sheet-writing helpers the training workbook shares (`write_tables`): a bold
frozen header, column widths, date formats, and text guarded against formula injection. Which
requests, the masked phone and the audit line are the job's (swdesk/jobs/export_hotline.py).
"""
from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from swdesk import jobs, vocab
from swdesk.services import hotline
from swdesk.xlsx import common

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")

# (header, width in characters, kind) — kind: text / datetime / date / number / wrap
Column = tuple[str, float, str]


def start_sheet(wb: Workbook, title: str, columns: Sequence[Column]):
    """A sheet with widths set, a bold header row and the header frozen. (Normal mode, not
    write-only: a period's rows are few, and a failed save leaves nothing half-open.)"""
    ws = wb.create_sheet(title)
    for i, (name, width, _kind) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
        c = ws.cell(row=1, column=i, value=name)
        c.font = _HEADER_FONT
        c.fill = _HEADER_FILL
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.freeze_panes = "A2"
    return ws


def append_row(ws, columns: Sequence[Column], values: Iterable[Any]) -> None:
    """One data row: dates formatted, text cleaned of characters Excel refuses and never a formula."""
    row = ws.max_row + 1
    for i, ((_h, _w, kind), value) in enumerate(zip(columns, values, strict=True), start=1):
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        c = ws.cell(row=row, column=i, value=value)
        # A plain string with quotePrefix: shown as typed, never evaluated (see xlsx/common.py).
        common.guard_cell(c)
        if isinstance(value, _dt.datetime):
            c.number_format = DATETIME_FORMAT
        elif isinstance(value, _dt.date):
            c.number_format = DATE_FORMAT
        c.alignment = _WRAP if kind == "wrap" else _TOP


# A sheet to write: (title, columns, rows, number of rows — for progress; 0 = not counted).
SheetRows = tuple[str, Sequence[Column], Iterable[Sequence[Any]], int]


def write_tables(path: str | os.PathLike, sheets: Sequence[SheetRows], progress=None) -> None:
    """A workbook at `path` with one sheet per entry; progress counts the rows of counted sheets."""
    total = sum(n for *_rest, n in sheets)
    done = 0
    wb = Workbook()
    with common.writing(wb, path):
        wb.remove(wb.active)
        for title, columns, rows, counted in sheets:
            ws = start_sheet(wb, title, columns)
            for values in rows:
                append_row(ws, columns, values)
                if counted:
                    done += 1
                    if done % 200 == 0:
                        jobs.report(progress, done, total)
    jobs.report(progress, total, total)


REQUEST_COLUMNS: tuple[Column, ...] = (
    ("编号", 7, "number"), ("受理时间", 18, "datetime"), ("渠道", 6, "text"),
    ("居民姓名", 10, "text"), ("联系电话", 14, "text"), ("社区", 12, "text"), ("类别", 6, "text"),
    ("诉求内容", 40, "wrap"), ("紧急程度", 8, "text"), ("期望服务时间", 14, "text"),
    ("办结时限", 18, "datetime"), ("状态", 8, "text"), ("服务人员", 18, "wrap"),
    ("分派时间", 18, "datetime"), ("完成时间", 18, "datetime"), ("服务时长（分钟）", 10, "number"),
    ("办理情况", 30, "wrap"), ("回访时间", 18, "datetime"), ("满意度", 9, "text"),
    ("回访记录", 30, "wrap"), ("转介/撤销时间", 18, "datetime"), ("转介/撤销原因", 24, "wrap"),
    ("是否超时", 8, "text"),
)


def request_values(r: hotline.RequestDetail) -> list[Any]:
    """A request's row in REQUEST_COLUMNS order; the phone as given (the job masks it)."""
    return [r.id, r.received_at, r.channel, r.resident_name, r.phone, r.community,
            r.category, r.text, r.urgency, r.preferred_time, r.due_at, r.status,
            "、".join(name for _id, name in r.workers), r.assigned_at, r.completed_at,
            r.minutes or None, r.completion_note, r.followed_up_at, r.satisfaction, r.followup_note,
            r.closed_at, r.closed_reason, _late_label(r)]


def _late_label(r: hotline.RequestDetail) -> str:
    """超时 when it was (or still is) done after its due time."""
    if r.due_at is None:
        return ""
    if r.completed_at is not None:
        return "超时" if r.completed_at > r.due_at else ""
    return "超时" if r.overdue else ""


SUMMARY_COLUMNS: tuple[Column, ...] = (
    ("类别", 10, "text"), *((s, 9, "number") for s in vocab.HOTLINE_STATUSES), ("合计", 9, "number"),
    ("满意率", 9, "text"),
)


def summary_rows(requests: list[hotline.RequestDetail]) -> list[list[Any]]:
    rows = []
    for category in (*vocab.HOTLINE_CATEGORIES, "合计"):
        mine = [r for r in requests if category == "合计" or r.category == category]
        counts = [sum(1 for r in mine if r.status == s) for s in vocab.HOTLINE_STATUSES]
        rated = [r for r in mine if r.satisfaction]
        happy = sum(1 for r in rated if r.satisfaction in vocab.SATISFACTIONS[:2])
        rate = f"{happy * 100 / len(rated):.1f}%" if rated else ""
        rows.append([category, *counts, len(mine), rate])
    return rows
