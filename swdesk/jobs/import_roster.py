"""The roster import job (`main.py import roster FILE`, 文件 → 导入花名册): read the file once, check
every row, then write all rows or none (or only the good rows when the clerk says so).

Phases, each counted in its own units: 正在读取… (rows read), 正在检查… (rows checked),
正在导入… (rows imported). The window first runs the job with check_only=True and shows the
report; for 导入 it hands the RosterCheck back (`checked=`), so the file is not read again unless
it changed meanwhile. What the database may have changed since the check (an ID number saved by
another clerk, a community deleted) is checked again inside the write transaction.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from swdesk.errors import ValidationError
from swdesk.jobs import JobResult, Progress, phase
from swdesk.services import workers
from swdesk.xlsx import roster
from swdesk.xlsx.roster import ImportReport, Problem, RosterCheck, SheetChoiceNeeded

__all__ = ["ImportReport", "Problem", "RosterCheck", "SheetChoiceNeeded", "import_roster"]


def import_roster(path: str | os.PathLike, *, skip_bad: bool = False, allow_duplicates: bool = False,
                  sheet: str | None = None, check_only: bool = False, checked: RosterCheck | None = None,
                  progress: Progress | None = None) -> JobResult:
    """Import a roster file (xlsx, xlsm, xls, ods, csv). `data` is an ImportReport: problems
    (row, column, message), notes (merged cells filled, synonyms applied), counts, and the
    RosterCheck the window keeps. Possible duplicates stop the import unless `allow_duplicates`."""
    path = Path(path)
    if checked is None or not checked.is_current(path, sheet):
        checked = roster.check_file(path, sheet=sheet, progress=progress)
    rows, problems = checked.decide(allow_duplicates)
    result = ImportReport(problems=problems, notes=list(checked.notes), bad_rows=_rows_of(problems),
                          good_rows_count=len(rows), rows_read=checked.rows_read, sheet=checked.sheet,
                          checked=checked)
    if check_only or (problems and not skip_bad) or not rows:
        return _result(result, check_only, path)
    phase(progress, "正在导入…", len(rows))
    try:
        result.imported = workers.bulk_create(rows, progress=progress, source=path.name)
    except ValidationError as exc:  # the database changed between the check and the write
        result.problems = problems + _problems_of(exc)
        result.bad_rows = _rows_of(result.problems)
        result.imported = 0
    return _result(result, check_only, path)


def _rows_of(problems: list[Problem]) -> list[int]:
    return sorted({p.row for p in problems})


def _problems_of(exc: ValidationError) -> list[Problem]:
    out = []
    for key, message in exc.problems.items():
        match = re.match(r"^第(\d+)行 (.+)$", key)
        row, column = (int(match.group(1)), match.group(2)) if match else (0, key)
        out.append(Problem(row, column, message))
    return out


def _result(report: ImportReport, check_only: bool, path: Path) -> JobResult:
    bad = len(report.bad_rows)
    duplicates = sum(1 for p in report.problems if p.duplicate)
    if check_only:
        message = (f"共 {report.rows_read} 行：{report.good_rows_count} 行无误，{bad} 行有问题。" if bad
                   else f"共 {report.rows_read} 行，全部无误，可以导入。")
    elif report.imported:
        message = f"已导入 {report.imported} 人" + (f"，跳过有错误的 {bad} 行" if bad else "") + "。"
    elif bad:
        message = f"{bad} 行有问题，未导入任何数据。"
        if duplicates:
            message += f"其中 {duplicates} 行可能与他人重复；确认不是同一人时可选择“仍然导入”（命令行加 --allow-duplicates）。"
    else:
        message = "表格中没有可导入的人员。"
    warnings = [note.line() for note in report.notes]
    return JobResult(message=message, path=path, warnings=warnings, count=report.imported, data=report)

