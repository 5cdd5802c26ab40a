"""The roster spreadsheet (花名册): the import template, the import, and the export.

Import reads the first sheet by its header names (order free, extra columns ignored), checks every
row first — ID checksum, dates, vocabulary, duplicates within the file and against the database,
phone numbers, required columns — and then writes all rows in one transaction, or none.

Export (`write_roster`; swdesk/jobs/export_roster.py picks the rows, masks them and records the
export) writes the template's columns, so an exported file imports again. ID numbers are masked
by default (350502********1234); the importer recognises a masked number, ignores it and takes the
birth date and gender from their own columns (which the export always fills), checking the gender
against the masked number's 17th digit. So `export roster` → `import roster` into an empty
database gives the same workers (without their ID numbers unless exported with --full-id).
Text cells that would start a formula are written with the quotePrefix guard of xlsx/common.py.
"""
from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from swdesk import db, idcard, vocab
from swdesk.jobs import Progress, report
from swdesk.models import Worker
from swdesk.services import workers
from swdesk.services.base import UserError, ValidationError
from swdesk.xlsx import common

HEADERS = ("姓名", "性别", "身份证号", "出生日期", "手机号码", "所属领域", "工作单位", "学历", "职称",
           "社工职业水平", "专业特长", "政治面貌", "人员类别", "所属社区", "加入日期", "状态")

_LABEL_TO_FIELD = {label: key for key, label in workers.FIELD_LABELS.items()}
HEADER_FIELDS = {label: _LABEL_TO_FIELD[label] for label in HEADERS}
# Other names clerks give the same columns. 备注 is read too, though the template has no such column.
HEADER_ALIASES = {
    "身份证": "身份证号", "身份证号码": "身份证号", "公民身份号码": "身份证号", "证件号码": "身份证号",
    "手机": "手机号码", "手机号": "手机号码", "联系电话": "手机号码", "电话": "手机号码",
    "领域": "所属领域", "社区": "所属社区", "单位": "工作单位", "特长": "专业特长",
    "人员类型": "人员类别", "类别": "人员类别", "社会工作者职业水平": "社工职业水平", "职业水平": "社工职业水平",
    "出生年月日": "出生日期", "生日": "出生日期", "入队日期": "加入日期", "备注": "备注",
}
REQUIRED_HEADERS = ("姓名", "所属领域", "学历", "职称")
SHEET_TITLE = "花名册"
HELP_TITLE = "填写说明"
HEADER_SEARCH_ROWS = 10          # the header may sit below a title row or two
_MASKED_ID = re.compile(r"^\d{6}\*{8}\d{3}[\dX]$")
_DATE_FIELDS = ("birth_date", "joined_on")


@dataclass
class Problem:
    row: int          # the sheet's row number, as Excel shows it
    column: str       # the column's header
    message: str

    def line(self) -> str:
        """One line, whatever the message quotes from the cell."""
        return " ".join(f"第{self.row}行 〈{self.column}〉 {self.message}".split())


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    bad_rows: list[int] = field(default_factory=list)
    good_rows_count: int = 0
    imported: int = 0


# --- the template -------------------------------------------------------------------------------------

def _column_help() -> list[tuple[str, str, str, str]]:
    """(header, 必填, how to fill it, allowed values) for every template column."""
    def values(items) -> str:
        return "、".join(items)

    return [
        ("姓名", "必填", "与身份证一致；少数民族姓名中的间隔号请用“·”", ""),
        ("性别", "无身份证号时必填", "填了身份证号可不填，填写时须与身份证号一致", values(vocab.GENDERS)),
        ("身份证号", "与出生日期+性别二选一", "18位，最后一位可以是X；请把该列设为“文本”格式，否则 Excel 会把号码改掉", ""),
        ("出生日期", "无身份证号时必填", "如 1990-01-05、1990/1/5 或 19900105；填写时须与身份证号一致", ""),
        ("手机号码", "选填", "以1开头的11位数字", ""),
        ("所属领域", "必填", "只能填可选值之一", values(vocab.SECTORS)),
        ("工作单位", "选填", "最多100个字", ""),
        ("学历", "必填", "只能填可选值之一", values(vocab.EDUCATIONS)),
        ("职称", "必填", "只能填可选值之一", values(vocab.TITLES)),
        ("社工职业水平", "选填（默认 无）", "社会工作者职业水平证书等级", values(vocab.SW_LEVELS)),
        ("专业特长", "选填", "可填多个，用 、 , ， 或 ； 分隔", values(_specialties())),
        ("政治面貌", "选填（默认 群众）", "只能填可选值之一", values(vocab.POLITICAL_STATUSES)),
        ("人员类别", "选填（默认 志愿者）", "只能填可选值之一", values(vocab.WORKER_KINDS)),
        ("所属社区", "选填", "本街道的社区名称；表中出现的新社区会在导入时自动添加", ""),
        ("加入日期", "选填", "加入社工队伍的日期，格式同出生日期，不能晚于今天", ""),
        ("状态", "选填（默认 在册）", "只能填可选值之一", values(vocab.WORKER_STATUSES)),
    ]


def _specialties() -> tuple[str, ...]:
    """The office's specialties when a database is open (the template command runs without one)."""
    # Not `is_closed()`: in the window the template is made on a job thread whose connection
    # opens on first use.
    database = db.proxy.obj
    if database is not None:
        try:
            return workers.allowed_specialties()
        except Exception:  # a database without tables yet: the built-in list will do
            return tuple(vocab.SPECIALTIES)
    return tuple(vocab.SPECIALTIES)


_LIST_COLUMNS = {"性别": vocab.GENDERS, "所属领域": vocab.SECTORS, "学历": vocab.EDUCATIONS, "职称": vocab.TITLES,
                 "社工职业水平": vocab.SW_LEVELS, "政治面貌": vocab.POLITICAL_STATUSES,
                 "人员类别": vocab.WORKER_KINDS, "状态": vocab.WORKER_STATUSES}
_WIDTHS = {"姓名": 10, "性别": 6, "身份证号": 21, "出生日期": 12, "手机号码": 14, "所属领域": 16, "工作单位": 24,
           "学历": 14, "职称": 7, "社工职业水平": 14, "专业特长": 22, "政治面貌": 12, "人员类别": 9,
           "所属社区": 14, "加入日期": 12, "状态": 7}
_TEMPLATE_ROWS = 5000  # rows given the drop-down lists


def write_template(path: str | os.PathLike) -> None:
    """The import template at `path`: the header row (drop-down lists on vocabulary columns, text
    format on the ID and phone columns) and a second sheet 填写说明 explaining each column and its
    allowed values (the office's specialties when a database is open)."""
    wb = Workbook()
    with common.writing(wb, path):
        _fill_template(wb)


def _fill_template(wb: Workbook) -> None:
    ws = wb.active
    ws.title = SHEET_TITLE
    ws.append(list(HEADERS))
    helps = {h[0]: h for h in _column_help()}
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for index, header in enumerate(HEADERS, start=1):
        cell = ws.cell(row=1, column=index)
        required = header in REQUIRED_HEADERS
        cell.font = Font(bold=True, color="C00000" if required else "000000")
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center")
        cell.comment = Comment(f"{helps[header][1]}。{helps[header][2]}", "swdesk")
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = _WIDTHS.get(header, 12)
        # A column style applies to every cell the clerk types into: ID numbers stay text.
        if header in ("身份证号", "手机号码"):
            ws.column_dimensions[letter].number_format = "@"
        elif header in ("出生日期", "加入日期"):
            ws.column_dimensions[letter].number_format = "yyyy-mm-dd"
        if header in _LIST_COLUMNS:
            dv = DataValidation(type="list", formula1='"' + ",".join(_LIST_COLUMNS[header]) + '"',
                                allow_blank=True, showErrorMessage=True,
                                errorTitle="不是可选值", error=f"请从下拉列表中选择{header}")
            dv.add(f"{letter}2:{letter}{_TEMPLATE_ROWS + 1}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"

    help_ws = wb.create_sheet(HELP_TITLE)
    notes = [
        "花名册导入说明",
        "1. 在“花名册”工作表中每行填写一人；第一行是表头，请勿修改列名。列的顺序可以调整，多出的列会被忽略。",
        "2. 导入前会先检查全部行；只要有一处问题，就列出“第N行 〈列名〉 问题”，不导入任何数据。改正后重新导入即可。",
        "3. 必填：姓名、所属领域、学历、职称，以及身份证号（或者出生日期和性别两项）。",
        "4. 身份证号与已有人员或表内其他行重复的，视为重复录入。",
        "5. 日期可写成 2026-01-05、2026/1/5、2026年1月5日 或 20260105，也可以是 Excel 日期。",
        "6. 单元格中的公式不会被执行，只读取 Excel 保存的计算结果。连续1000个空行之后的内容不会读取。",
        "",
    ]
    for line in notes:
        help_ws.append([line])
    help_ws["A1"].font = Font(bold=True, size=14)
    table_start = help_ws.max_row + 1
    help_ws.append(["列名", "是否必填", "填写说明", "可选值"])
    for cell in help_ws[table_start]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    for row in _column_help():
        help_ws.append(list(row))
    for row in help_ws.iter_rows(min_row=table_start + 1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCD", (14, 22, 72, 64), strict=True):
        help_ws.column_dimensions[letter].width = width
    # Printed, the explanation fits the width of one landscape page.
    help_ws.page_setup.orientation = "landscape"
    help_ws.page_setup.fitToWidth, help_ws.page_setup.fitToHeight = 1, 0
    help_ws.sheet_properties.pageSetUpPr.fitToPage = True


# --- reading --------------------------------------------------------------------------------------------

def _normalise_header(value: Any) -> str:
    text = common.parse_text(value)
    text = re.sub(r"[\s*＊:：]", "", text)
    text = re.split(r"[(（\[【]", text, maxsplit=1)[0]
    return HEADER_ALIASES.get(text, text)


def _header_columns(values: tuple) -> dict[str, int]:
    """{header label: column index} of a row, for the labels the importer knows (first one wins)."""
    columns: dict[str, int] = {}
    known = set(HEADERS) | {"备注"}
    for index, value in enumerate(values):
        label = _normalise_header(value)
        if label in known and label not in columns:
            columns[label] = index
    return columns


def _is_header(columns: dict[str, int]) -> bool:
    return "姓名" in columns and len(columns) >= 3


def _scaled(progress: Progress | None, start: int, span: int) -> Progress | None:
    """A progress callback mapping (done, total) to start..start+span per cent of `progress`."""
    if progress is None:
        return None

    def inner(done: int, total: int) -> bool:
        fraction = min(1.0, done / total) if total else 1.0
        return progress(int((start + fraction * span) * 10), 1000)

    return inner


def read_roster(path: str | os.PathLike, progress: Progress | None = None
                ) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Read and check every row of a roster workbook; nothing is written.

    Returns (the good rows, the problems). A good row is a dict of Worker field names as
    workers.bulk_create() takes them, plus '_row' (its row number in the sheet). A file that is not
    a readable workbook raises UserError.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = common.open_workbook_safely(path)
        try:
            return _read_sheet(common.first_worksheet(wb), progress)
        except UserError:
            raise
        except Exception as exc:  # a damaged sheet part: openpyxl/lxml errors of many kinds
            raise UserError(f"{common.NOT_XLSX}（工作表内容无法读取：{type(exc).__name__}）："
                            f"{Path(path).name}") from exc
        finally:
            common.close_workbook(wb)


def _read_sheet(ws, progress: Progress | None) -> tuple[list[dict[str, Any]], list[Problem]]:
    estimate = ws.max_row or 0  # from the sheet's declared dimension: only for the progress bar
    rows = common.iter_sheet_rows(ws)
    header_row, columns = _find_header(rows)
    problems = _missing_headers(header_row, columns)
    if problems:
        return [], problems
    checker = _RowChecker(columns)
    good: list[dict[str, Any]] = []
    done = 0
    for number, values in rows:
        data, row_problems = checker.check_row(number, values)
        if row_problems:
            problems.extend(row_problems)
        else:
            good.append(data)
        done += 1
        if done % 200 == 0:
            report(progress, number, max(estimate, number + 1))
    report(progress, 1, 1)
    if not good and not problems:
        raise UserError("表格中没有人员数据：第一个工作表的表头下面是空的")
    return good, problems


def _find_header(rows) -> tuple[int, dict[str, int]]:
    seen = 0
    for number, values in rows:
        columns = _header_columns(values)
        if _is_header(columns):
            return number, columns
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    raise UserError("第一个工作表中找不到表头（应有 姓名、所属领域、学历、职称 等列）；"
                    "请用 template roster 生成的模板填写")


def _missing_headers(header_row: int, columns: dict[str, int]) -> list[Problem]:
    problems = [Problem(header_row, label, "表头缺少此列") for label in REQUIRED_HEADERS if label not in columns]
    if "身份证号" not in columns:
        for label in ("出生日期", "性别"):
            if label not in columns:
                problems.append(Problem(header_row, label, "表头缺少此列（没有身份证号列时，出生日期和性别两列必须有）"))
    return problems


def _column_order(label: str) -> int:
    return HEADERS.index(label) if label in HEADERS else len(HEADERS)


class _RowChecker:
    """Parses and checks rows against what was loaded once: no query per row."""

    def __init__(self, columns: dict[str, int]):
        self.columns = {(_LABEL_TO_FIELD[label] if label in _LABEL_TO_FIELD else "notes"): index
                        for label, index in columns.items()}
        self.ctx = workers.load_context(create_communities=True, preload_ids=True)
        self.seen_ids: dict[str, int] = {}
        # Rows without a full ID number are matched on name + birth date + gender instead.
        self.existing_people = {(name, birth, gender) for name, birth, gender in
                                Worker.select(Worker.name, Worker.birth_date, Worker.gender).tuples()}
        self.seen_people: dict[tuple, int] = {}

    def check_row(self, number: int, values: tuple) -> tuple[dict[str, Any], list[Problem]]:
        data, found = self._parse_cells(values)
        number_text = data.get("id_number") or ""
        masked = "*" in number_text
        if masked:
            data["id_number"] = ""
            self._check_masked_id(number_text, data, found)
        clean, problems = workers.check(data, self.ctx)
        if "id_number" in found:
            # The ID cell itself is unreadable: "no ID, so fill in birth date and gender" would mislead.
            problems = {k: m for k, m in problems.items() if not m.startswith("没有身份证号时")}
        elif masked:
            problems = {k: m.replace("没有身份证号时", "身份证号已打码时") for k, m in problems.items()}
        for key, message in problems.items():
            found.setdefault(key, message)
        self._check_duplicates(number, clean, found)
        data["_row"] = number
        if not found:
            # bulk_create then re-checks only what the database may change before the write.
            clean["_office"] = self.ctx.office.id
            data["_checked"] = clean
        columns = [workers.FIELD_LABELS.get(key, key) for key in found]
        listed = sorted(zip(columns, found.values(), strict=True), key=lambda p: _column_order(p[0]))
        return data, [Problem(number, column, message) for column, message in listed]

    def _parse_cells(self, values: tuple) -> tuple[dict[str, Any], dict[str, str]]:
        data: dict[str, Any] = {}
        found: dict[str, str] = {}
        for key, index in self.columns.items():
            value = values[index] if index < len(values) else None
            try:
                if key in _DATE_FIELDS:
                    data[key] = common.parse_date(value)
                elif key == "id_number":
                    data[key] = idcard.normalise(common.parse_id_number(value))
                elif key == "phone":
                    data[key] = common.parse_phone(value)
                else:
                    data[key] = common.parse_text(value)
            except common.CellError as exc:
                found[key] = str(exc)
        return data, found

    @staticmethod
    def _check_masked_id(masked: str, data: dict[str, Any], found: dict[str, str]) -> None:
        """An exported, masked number: not stored, but its 17th digit must match the gender."""
        if not _MASKED_ID.match(masked):
            found.setdefault("id_number", "身份证号不完整（含 * 号）")
            return
        gender = "男" if int(masked[16]) % 2 else "女"
        if data.get("gender") and data["gender"] != gender:
            found.setdefault("gender", f"性别与身份证号（已打码）不一致（身份证号为{gender}）")

    def _check_duplicates(self, number: int, clean: dict[str, Any], found: dict[str, str]) -> None:
        id_number = clean.get("id_number")
        if id_number and "id_number" not in found:
            first = self.seen_ids.setdefault(id_number, number)
            if first != number:
                found["id_number"] = f"身份证号与第{first}行重复"
            return
        if id_number or not clean.get("name") or clean.get("birth_date") is None:
            return
        person = (clean["name"], clean["birth_date"], clean["gender"])
        if person in self.existing_people:
            found.setdefault("name", "与已有人员重复（姓名、出生日期、性别都相同，且没有身份证号可区分）")
            return
        first = self.seen_people.setdefault(person, number)
        if first != number:
            found.setdefault("name", f"与第{first}行重复（姓名、出生日期、性别都相同，且没有身份证号可区分）")


def import_roster(path: str | os.PathLike, skip_bad: bool = False,
                  progress: Progress | None = None) -> ImportReport:
    """Check every row, then import all of them in one transaction — or none, if any row has a
    problem and not `skip_bad` (then only the good rows are imported). Progress: reading is the
    first 30 %, writing the rest."""
    rows, problems = read_roster(path, progress=_scaled(progress, 0, 30))
    result = ImportReport(problems=problems, bad_rows=sorted({p.row for p in problems}),
                          good_rows_count=len(rows))
    if (problems and not skip_bad) or not rows:
        return result
    try:
        result.imported = workers.bulk_create(rows, progress=_scaled(progress, 30, 70),
                                              source=Path(path).name)
    except ValidationError as exc:  # the database changed between reading and writing
        for key, message in exc.problems.items():
            match = re.match(r"^第(\d+)行 (.+)$", key)
            row, column = (int(match.group(1)), match.group(2)) if match else (0, key)
            result.problems.append(Problem(row, column, message))
        result.bad_rows = sorted({p.row for p in result.problems})
        result.imported = 0
    return result


# --- export ---------------------------------------------------------------------------------------------

def export_columns(community):
    """The Worker columns of an exported row, in HEADERS order (`community`: an alias of Community
    joined to the query)."""
    return (Worker.name, Worker.gender, Worker.id_number, Worker.birth_date, Worker.phone, Worker.sector,
            Worker.employer, Worker.education, Worker.title, Worker.sw_level, Worker.specialties,
            Worker.political_status, Worker.kind, community.name, Worker.joined_on, Worker.status)


ID_COLUMN = HEADERS.index("身份证号")


def write_roster(path: str | os.PathLike, rows: Iterable[Sequence[Any]], total: int,
                 progress: Progress | None = None) -> int:
    """Write `rows` (values in HEADERS order, ID numbers as they are to appear) to a roster
    workbook at `path` with the template's columns; returns the count. Streamed into a write-only
    workbook: memory stays flat for any roster size."""
    wb = Workbook(write_only=True)
    with common.writing(wb, path):
        ws = wb.create_sheet(SHEET_TITLE)
        for index, header in enumerate(HEADERS, start=1):
            ws.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(header, 12)
        ws.freeze_panes = "A2"
        bold = Font(bold=True)
        header_cells = []
        for header in HEADERS:
            cell = WriteOnlyCell(ws, header)
            cell.font = bold
            header_cells.append(cell)
        ws.append(header_cells)
        count = 0
        for values in rows:
            ws.append([_export_value(ws, v) for v in values])
            count += 1
            if count % 500 == 0:
                report(progress, count, total)
        report(progress, count, max(total, count))
    return count


def _export_value(ws, value: Any) -> Any:
    # A date is written as an Excel date; openpyxl gives date values the format yyyy-mm-dd itself.
    if isinstance(value, str) and common.needs_guard(value):
        return common.safe_cell(ws, value)
    return value


def problem_lines(problems: list[Problem]) -> list[str]:
    return [p.line() for p in problems]
