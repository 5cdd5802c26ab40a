"""The roster spreadsheet (花名册): the import template, the import, and the export.

Import reads the first sheet by its header names (order free, extra columns ignored), checks every
row first — ID checksum, dates, vocabulary, duplicates within the file and against the database,
phone numbers, required columns — and then writes all rows in one transaction, or none.

Export (`write_roster`; swdesk/jobs/export_roster.py picks the rows, masks them and records the
export) writes the template's columns, so an exported file imports again. ID numbers are masked
by default (350502********1234); the importer recognises a masked number, ignores it and takes the
birth date and gender from their own columns (which the export always fills), checking the gender
against the masked number's 17th digit. So `export roster` → `import roster` into an empty
database gives the same workers (without their ID numbers unless exported with --full-id), with
their record columns (职业水平证书编号, 证书取得日期, 表彰奖励, 年度评价: swdesk/xlsx/roster_record.py);
星级, computed from hours, is exported only.
Text cells that would start a formula are written with the quotePrefix guard of xlsx/common.py.
"""
from __future__ import annotations

import os
import re
import unicodedata
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
from swdesk.jobs import Progress, phase, report
from swdesk.models import Worker
from swdesk.services import settings, workers
from swdesk.services.base import UserError
from swdesk.xlsx import common, roster_record, table
from swdesk.xlsx.rows import RowStream

WORKER_HEADERS = ("姓名", "性别", "身份证号", "出生日期", "手机号码", "所属领域", "工作单位", "学历", "职称",
                  "社工职业水平", "专业特长", "政治面貌", "人员类别", "所属社区", "加入日期", "状态")
# The template's and the import's columns: the worker's own, then the record's (roster_record.py).
HEADERS = WORKER_HEADERS + roster_record.HEADERS
# An export adds what is computed (星级), which an import ignores.
EXPORT_HEADERS = HEADERS + roster_record.EXPORT_ONLY

_LABEL_TO_FIELD = {label: key for key, label in workers.FIELD_LABELS.items()} | roster_record.FIELDS
HEADER_FIELDS = {label: _LABEL_TO_FIELD[label] for label in HEADERS}
# Other names clerks give the same columns. 备注 is read too, though the template has no such column.
HEADER_ALIASES = {
    "身份证": "身份证号", "身份证号码": "身份证号", "公民身份号码": "身份证号", "证件号码": "身份证号",
    "手机": "手机号码", "手机号": "手机号码", "联系电话": "手机号码", "电话": "手机号码",
    "领域": "所属领域", "社区": "所属社区", "单位": "工作单位", "特长": "专业特长",
    "人员类型": "人员类别", "类别": "人员类别", "社会工作者职业水平": "社工职业水平", "职业水平": "社工职业水平",
    "出生年月日": "出生日期", "生日": "出生日期", "入队日期": "加入日期", "备注": "备注",
} | roster_record.ALIASES
REQUIRED_HEADERS = ("姓名", "所属领域", "学历", "职称")
SHEET_TITLE = "花名册"
HELP_TITLE = "填写说明"
HEADER_SEARCH_ROWS = 10          # the header may sit below a title row or two
_MASKED_ID = re.compile(r"^\d{6}\*{8}\d{3}[\dX]$")
_DATE_FIELDS = ("birth_date", "joined_on")


@dataclass
class Problem:
    row: int          # the sheet's row number, as Excel shows it (0: the file as a whole)
    column: str       # the column's header
    message: str
    last_row: int | None = None    # a note about a block of rows (merged cells, synonyms)
    duplicate: bool = False        # a possible duplicate: the clerk may import it all the same

    def line(self) -> str:
        """One line, whatever the message quotes from the cell."""
        if self.row == 0:
            where = ""
        elif self.last_row and self.last_row != self.row:
            where = f"第{self.row}–{self.last_row}行 "
        else:
            where = f"第{self.row}行 "
        return " ".join(f"{where}〈{self.column}〉 {self.message}".split())


@dataclass
class ImportReport:
    """What an import found and did (JobResult.data of jobs.import_roster)."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    bad_rows: list[int] = field(default_factory=list)
    good_rows_count: int = 0
    rows_read: int = 0
    imported: int = 0
    sheet: str = ""
    checked: RosterCheck | None = None     # kept by the window between 检查 and 导入


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
        *roster_record.HELP,
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
           "所属社区": 14, "加入日期": 12, "状态": 7} | roster_record.WIDTHS
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
        # A column style applies to every cell the clerk types into: ID numbers stay text. The
        # offered rows' own cells are Text too, so that a program honouring only cell formats
        # does not make 350502198001010011 into 3.50502E+17 (its last digits lost); calamine
        # skips such value-less cells, and the file grows by 34 KB.
        if header in ("身份证号", "手机号码", roster_record.CERTIFICATE):
            ws.column_dimensions[letter].number_format = "@"
            for row in range(2, _TEMPLATE_ROWS + 2):
                ws.cell(row=row, column=index).number_format = "@"
        elif header in ("出生日期", "加入日期", roster_record.OBTAINED):
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

class SheetChoiceNeeded(UserError):
    """Several sheets hold a roster header: the clerk picks one (the window asks, the command line
    takes --sheet NAME)."""

    def __init__(self, names: list[str]):
        self.names = names
        super().__init__(f"有多个工作表都有花名册表头：{'、'.join(names)}；请指定要导入的工作表"
                         "（命令行用 --sheet 工作表名）")


@dataclass
class RosterCheck:
    """A roster file read and checked once: what the import writes, and what the clerk is told.
    The window keeps it between 检查 and 导入, so that the file is not read a second time."""

    path: Path
    stamp: tuple[int, int]                 # (size, mtime_ns) when read: a changed file is read again
    sheet: str
    rows_read: int = 0
    good: list[dict[str, Any]] = field(default_factory=list)        # rows without any problem
    doubtful: list[dict[str, Any]] = field(default_factory=list)    # good but for a possible duplicate
    problems: list[Problem] = field(default_factory=list)           # possible duplicates included
    notes: list[Problem] = field(default_factory=list)              # merged cells filled, synonyms

    def is_current(self, path: str | os.PathLike, sheet: str | None) -> bool:
        path = Path(path)
        return (path == self.path and file_stamp(path) == self.stamp
                and (sheet is None or sheet == self.sheet))

    def decide(self, allow_duplicates: bool) -> tuple[list[dict[str, Any]], list[Problem]]:
        """(rows that may be written, problems that stop them): possible duplicates are problems
        unless the clerk allowed them."""
        if allow_duplicates:
            rows = sorted(self.good + self.doubtful, key=lambda r: r["_row"])
            return rows, [p for p in self.problems if not p.duplicate]
        return self.good, list(self.problems)


def file_stamp(path: Path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_size, stat.st_mtime_ns)


def check_file(path: str | os.PathLike, sheet: str | None = None,
               progress: Progress | None = None) -> RosterCheck:
    """Open the file once (table.open_table), find the roster's sheet and header (phase 正在读取…,
    rows read), then check every row as it is converted (phase 正在检查…, rows checked). Nothing is
    written. A file that is not a readable table raises UserError."""
    path = Path(path)
    stamp = file_stamp(path)
    phase(progress, "正在读取…")
    with table.open_table(path) as opened:
        found, header_row, columns = find_roster_sheet(opened, sheet, progress)
        result = RosterCheck(path=path, stamp=stamp, sheet=found.name)
        result.problems = _missing_headers(header_row, columns)
        if result.problems:
            return result
        _check_rows(result, found, header_row, columns, progress)
        if opened.kind == "csv" and opened.encoding != "UTF-8":
            result.notes.append(Problem(0, "文件", f"按 {opened.encoding} 编码读取"))
    return result


def _check_rows(result: RosterCheck, found: table.Sheet, header_row: int, columns: dict[str, int],
                progress: Progress | None) -> None:
    checker = _RowChecker(columns)
    filler = _MergedFill(found.merged, header_row, columns)
    total = max(found.last_row - header_row, 0)     # rows below the header, empty ones included
    phase(progress, "正在检查…", total)
    for number, values in found.rows():
        if number <= header_row:
            continue
        data, row_problems = checker.check_row(number, filler.apply(number, values))
        if not row_problems:
            result.good.append(data)
        elif all(p.duplicate for p in row_problems):
            result.doubtful.append(data)
        result.problems.extend(row_problems)
        result.rows_read += 1
        if result.rows_read % 100 == 0:
            report(progress, min(number - header_row, total), total)
    report(progress, total, total)
    if not result.rows_read:
        raise UserError(f"表格中没有人员数据：工作表“{found.name}”的表头下面是空的")
    result.notes = filler.notes + result.notes + checker.synonym_notes()


def find_roster_sheet(opened: table.Table, wanted: str | None, progress: Progress | None = None
                      ) -> tuple[table.Sheet, int, dict[str, int]]:
    """The sheet holding the roster header (whichever it is), its header row and columns.

    `wanted` names the sheet; otherwise a visible sheet with a header is taken (a hidden one only
    if no visible sheet has one), and several visible ones raise SheetChoiceNeeded."""
    names = opened.sheet_names
    if wanted is not None and wanted not in names:
        raise UserError(f"找不到工作表“{wanted}”（工作表：{'、'.join(names)}）")
    found: list[tuple[table.Sheet, int, dict[str, int]]] = []
    for name in [wanted] if wanted is not None else names:
        sheet = opened.sheet(name, progress)
        header = _find_header(sheet.head(HEADER_SEARCH_ROWS))
        if header is not None:
            found.append((sheet, *header))
    visible = [f for f in found if not f[0].hidden] or found
    if len(visible) > 1:
        raise SheetChoiceNeeded([f[0].name for f in visible])
    if not visible:
        where = f"工作表“{wanted}”" if wanted else ("第一个工作表" if len(names) == 1 else "各工作表")
        raise UserError(f"{where}中找不到表头（应有 姓名、所属领域、学历、职称 等列）；"
                        "请用 template roster 生成的模板填写")
    return visible[0]


def _normalise_header(value: Any) -> str:
    text = unicodedata.normalize("NFKC", common.parse_text(value))
    text = re.sub(r"[\s*:]", "", text)
    text = re.split(r"[(\[【]", text, maxsplit=1)[0]
    return HEADER_ALIASES.get(text, text)


def _header_columns(values) -> dict[str, int]:
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


def _find_header(rows: list[tuple[int, list[Any]]]) -> tuple[int, dict[str, int]] | None:
    for number, values in rows[:HEADER_SEARCH_ROWS]:
        columns = _header_columns(values)
        if _is_header(columns):
            return number, columns
    return None


def _missing_headers(header_row: int, columns: dict[str, int]) -> list[Problem]:
    problems = [Problem(header_row, label, "表头缺少此列") for label in REQUIRED_HEADERS if label not in columns]
    if "身份证号" not in columns:
        for label in ("出生日期", "性别"):
            if label not in columns:
                problems.append(Problem(header_row, label, "表头缺少此列（没有身份证号列时，出生日期和性别两列必须有）"))
    return problems


class _MergedFill:
    """Merged cells of data rows filled down from their first cell (what the clerk sees in every
    row of the block), as the rows go by; a note per block. Only a block's first column holds a
    value."""

    def __init__(self, merged: list[tuple[int, int, int, int]], header_row: int, columns: dict[str, int]):
        self.labels = {index: label for label, index in columns.items()}
        self.pending = sorted((r1, c1, r2) for r1, c1, r2, _c2 in merged
                              if r1 > header_row and r2 > r1 and c1 in self.labels)
        self.active: dict[int, tuple[int, Any]] = {}     # column → (last row, value)
        self.notes: list[Problem] = []

    def apply(self, number: int, values: list[Any]) -> list[Any]:
        while self.pending and self.pending[0][0] <= number:
            first, column, last = self.pending.pop(0)
            value = values[column] if first == number and column < len(values) else None
            if value is not None:
                self.active[column] = (last, value)
                self.notes.append(Problem(first, self.labels[column],
                                          f"合并单元格，已按“{common.parse_text(value)}”填入", last_row=last))
        for column, (last, value) in list(self.active.items()):
            if number > last:
                del self.active[column]
            elif column < len(values):
                values[column] = value
        return values


def _column_order(label: str) -> int:
    return HEADERS.index(label) if label in HEADERS else len(HEADERS)


_FIELD_LABELS = workers.FIELD_LABELS | roster_record.LABELS
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u2060"), None)
# Characters clerks type around numbers: apostrophes that force text, quotes, blanks.
_NUMBER_JUNK = dict.fromkeys(map(ord, "'‘’`\"“” \t"), None)
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
# Full-width ASCII (Ａ１！…) and the ideographic space: what NFKC changes in a name, and no more
# (NFKC would also rewrite compatibility ideographs, which some names use on purpose).
_NAME_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def normalise_text(value: Any) -> str:
    """A text cell as checked: NFKC (full-width digits, letters, brackets and spaces → ASCII; it
    also turns the ideographic and no-break spaces into plain ones), zero-width characters gone."""
    if isinstance(value, str):
        return unicodedata.normalize("NFKC", value.translate(_INVISIBLE)).strip()
    return unicodedata.normalize("NFKC", common.parse_text(value)).strip()


def normalise_name(value: Any) -> str:
    return " ".join(common.parse_text(value).translate(_NAME_WIDTH).split())


def normalise_number(value: Any, label: str) -> str:
    """An ID-number or phone cell as text: full-width digits made ASCII, apostrophes, quotes and
    blanks dropped; a number Excel turned into scientific notation is refused saying why."""
    if isinstance(value, float) and not value.is_integer():
        raise common.CellError(f"{label}被存成了小数 {value}，请核对")
    text = normalise_text(value).translate(_NUMBER_JUNK)
    if _SCIENTIFIC.match(text) or (isinstance(value, float) and abs(value) >= 1e15):
        # A number cell is quoted as Excel shows it (3.50502E+17), typed text as it was typed.
        shown = f"{value:.5E}" if isinstance(value, float) else text
        raise common.CellError(f"{label}被写成科学计数法 {shown}，末几位已丢失，请把该列设为文本后重新填写")
    return text


class _RowChecker:
    """Parses and checks rows against what was loaded once: no query per row."""

    def __init__(self, columns: dict[str, int]):
        self.columns = {(_LABEL_TO_FIELD[label] if label in _LABEL_TO_FIELD else "notes"): index
                        for label, index in columns.items()}
        self.record_columns = {key: self.columns.pop(key) for key in roster_record.LABELS if key in self.columns}
        self.ctx = workers.load_context(create_communities=True, preload_ids=True)
        self.synonyms = import_synonyms()
        self.replaced: dict[tuple[str, str, str], list[int]] = {}    # (column, from, to) → rows
        self.seen_ids: dict[str, int] = {}
        self.people = _People()
        # Per text column: cell text → (normalised text, synonym or None); see _text_cell. Not for
        # free text (工作单位, 备注): mostly distinct, the cache would only hold memory.
        self.texts: dict[str, dict[str, tuple[str, str | None]]] = {
            key: {} for key in self.columns if key not in ("employer", "notes")}

    def check_row(self, number: int, values: list[Any]) -> tuple[dict[str, Any], list[Problem]]:
        """(the row, its problems): a row without problems comes back as check()'s clean values
        with '_row' and '_office' (what bulk_create takes), otherwise as the parsed cells."""
        data, found = self._parse_cells(number, values)
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
        record, record_problems = roster_record.parse(
            {key: values[i] if i < len(values) else None for key, i in self.record_columns.items()},
            clean.get("sw_level") if "sw_level" not in found else None)
        found.update(record_problems)
        self._check_id_twice(number, clean, found)
        listed = sorted(((_FIELD_LABELS.get(k, k), m) for k, m in found.items()),
                        key=lambda p: _column_order(p[0]))
        out = [Problem(number, column, message) for column, message in listed]
        if found:
            data["_row"] = number
            return data, out
        duplicate = self.people.match(number, clean)
        if duplicate:
            out.append(Problem(number, "姓名", duplicate, duplicate=True))
        # The clean values are what is written: bulk_create re-checks only what the database
        # may change before the write (see workers.bulk_create).
        clean["_row"], clean["_office"] = number, self.ctx.office.id
        if record:
            clean["_record"] = record
        return workers.CheckedRow(clean), out

    def _parse_cells(self, number: int, values: list[Any]) -> tuple[dict[str, Any], dict[str, str]]:
        data: dict[str, Any] = {}
        found: dict[str, str] = {}
        size = len(values)
        for key, index in self.columns.items():
            value = values[index] if index < size else None
            try:
                if key in _DATE_FIELDS:
                    data[key] = common.parse_date(normalise_text(value) if isinstance(value, str) else value)
                elif key == "id_number":
                    data[key] = idcard.normalise(normalise_number(value, "身份证号"))
                elif key == "phone":
                    data[key] = common.parse_phone(normalise_number(value, "手机号码"))
                elif key == "name":
                    data[key] = normalise_name(value)
                else:
                    data[key] = self._text_cell(number, key, value)
            except common.CellError as exc:
                found[key] = str(exc)
        return data, found

    def _text_cell(self, number: int, key: str, value: Any) -> str:
        """A text column's cell normalised and, for a synonym, replaced (and noted). A column's
        texts repeat (a few vocabulary words, a few dozen communities): the result of each text
        is kept, which cut the import's cell conversion by ~40 % (NFKC and the synonym lookup
        were 1.3 million calls each on 100,000 rows)."""
        known = self.texts.get(key)
        if known is not None and type(value) is str and value in known:
            text, target = known[value]
        else:
            text = normalise_text(value)
            target = self.synonyms.get(_FIELD_LABELS.get(key, key), {}).get(text)
            if known is not None and type(value) is str:
                known[value] = (text, target)
        if target is None:
            return text
        self.replaced.setdefault((_FIELD_LABELS.get(key, key), text, target), []).append(number)
        return target

    def synonym_notes(self) -> list[Problem]:
        """One note per column and word replaced: never silently."""
        return [Problem(rows[0], label, f"“{old}”按“{new}”导入（共{len(rows)}行）", last_row=rows[-1])
                for (label, old, new), rows in sorted(self.replaced.items(),
                                                      key=lambda i: (i[1][0], _column_order(i[0][0])))]

    @staticmethod
    def _check_masked_id(masked: str, data: dict[str, Any], found: dict[str, str]) -> None:
        """An exported, masked number: not stored, but its 17th digit must match the gender."""
        if not _MASKED_ID.match(masked):
            found.setdefault("id_number", "身份证号不完整（含 * 号）")
            return
        gender = "男" if int(masked[16]) % 2 else "女"
        if data.get("gender") and data["gender"] != gender:
            found.setdefault("gender", f"性别与身份证号（已打码）不一致（身份证号为{gender}）")

    def _check_id_twice(self, number: int, clean: dict[str, Any], found: dict[str, str]) -> None:
        id_number = clean.get("id_number")
        if id_number and "id_number" not in found:
            first = self.seen_ids.setdefault(id_number, number)
            if first != number:
                found["id_number"] = f"身份证号与第{first}行重复"


def import_synonyms() -> dict[str, dict[str, str]]:
    """{column label: {word clerks write: the official value}} — the office's setting
    (settings key import_synonyms, editable), defaults in settings.DEFAULTS."""
    value = settings.get("import_synonyms")
    return {str(k): {str(a): str(b) for a, b in v.items()} for k, v in (value or {}).items() if isinstance(v, dict)}


class _People:
    """Possible duplicates: the same name and birth date (or the same name and mobile number) where
    at least one of the two has no ID number — within the file and against the roster."""

    def __init__(self):
        self.by_name: dict[str, list[tuple[bool, Any, str, str]]] = {}   # name → (has ID, birth, phone, who)
        query = Worker.select(Worker.name, Worker.id_number, Worker.birth_date, Worker.phone, Worker.card_no)
        for name, number, birth, phone, card_no in query.tuples().iterator():
            who = f"已有人员 {name}（服务证号 {card_no}）" if card_no else f"已有人员 {name}"
            self.by_name.setdefault(name, []).append((bool(number), birth, phone or "", who))

    def match(self, number: int, clean: dict[str, Any]) -> str:
        name, has_id = clean.get("name"), bool(clean.get("id_number"))
        birth, phone = clean.get("birth_date"), clean.get("phone") or ""
        if not name:
            return ""
        found = ""
        for other_has_id, other_birth, other_phone, who in self.by_name.get(name, ()):
            reason = workers.duplicate_reason(has_id, birth, phone, other_has_id, other_birth, other_phone)
            if reason:
                found = f"可能与{who}是同一人（{reason}）"
                break
        self.by_name.setdefault(name, []).append((has_id, birth, phone, f"第{number}行"))
        return found


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
    """Write `rows` (values in EXPORT_HEADERS order, ID numbers as they are to appear) to a roster
    workbook at `path` with the template's columns; returns the count. Streamed into a write-only
    workbook, plain rows as ready XML (xlsx/rows.py): memory stays flat for any roster size."""
    wb = Workbook(write_only=True)
    with common.writing(wb, path):
        ws = wb.create_sheet(SHEET_TITLE)
        for index, header in enumerate(EXPORT_HEADERS, start=1):
            ws.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(header, 12)
        ws.freeze_panes = "A2"
        bold = Font(bold=True)
        count = 0
        with RowStream(ws, "yyyy-mm-dd") as out:
            header_cells = []
            for header in EXPORT_HEADERS:
                cell = WriteOnlyCell(ws, header)
                cell.font = bold
                header_cells.append(cell)
            out.styled(header_cells)
            for values in rows:
                if not out.append_plain(values):
                    out.styled([_export_value(ws, v) for v in values])
                count += 1
                if count % 500 == 0:
                    report(progress, count, total)
        report(progress, count, max(total, count))
    return count


_WRAP = Alignment(wrap_text=True, vertical="top")


def _export_value(ws, value: Any) -> Any:
    """A value of a row that is not plain (xlsx/rows.py): text that would start a formula guarded,
    several lines (awards, evaluations) shown as lines."""
    if isinstance(value, str) and common.needs_guard(value):
        return common.safe_cell(ws, value)
    if isinstance(value, str) and "\n" in value:
        cell = WriteOnlyCell(ws, value)
        cell.alignment = _WRAP
        return cell
    return value


def problem_lines(problems: list[Problem]) -> list[str]:
    return [p.line() for p in problems]
