"""The quarterly workbook (季度统计报表): write a QuarterReport, and read one back.

The whole workbook is written in openpyxl's write-only mode (streamed, so a roster of 100,000
workers costs little memory); write-only sheets still take merged cells, frozen panes, print
setup and charts. Sheets: 封面, 队伍结构, 服务开展, 服务热线, 培训, 需求缺口, 持证与继续教育,
星级志愿者, 花名册, and a hidden
"_meta" sheet with the format, its version, the period and where each table's counts are — the
district roll-up (swdesk/jobs/merge_quarter.py) reads the counts back from there with
`read_report`. The jobs swdesk/jobs/export_quarter.py and merge_quarter.py compute the report and
write it through `write_workbook`.
"""
from __future__ import annotations

import datetime as _dt
import json
import math
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break

from swdesk import jobs, periods
from swdesk.errors import UserError
from swdesk.jobs import Progress
from swdesk.reports.quarter import ROSTER_HEADERS, QuarterReport, period_title
from swdesk.reports.tables import Table
from swdesk.xlsx import common
from swdesk.xlsx.rows import RowStream

FORMAT = "swdesk-quarter"
# 2: the sheets 持证与继续教育 and 星级志愿者 (issue 18); a roll-up refuses to mix versions.
FORMAT_VERSION = 2
META_SHEET = "_meta"
COVER_SHEET = "封面"
ROSTER_SHEET = "花名册"
SHEET_ORDER = ("队伍结构", "服务开展", "服务热线", "培训", "需求缺口", "持证与继续教育", "星级志愿者")
REPORT_TITLE = "社会工作人才队伍建设季度统计报表"

# A text starting with one of these would be taken for a formula by a spreadsheet program.
_FORMULA_START = common.FORMULA_STARTS
_CHART_ROWS = 13          # rows from a structure block's header: its 7 cm chart (13.2 rows), anchored a row above
_DATE_FORMAT = "yyyy-mm-dd"
# Each column as wide as its longest usual value (开元街道 8 units, 350502********0412 18,
# 社区/群团/离退休 16, 2026-01-05 10): 166 units print at 83 % of A4 landscape, where the former
# 197 printed at 70 % (about 7.7 pt text).
ROSTER_WIDTHS = (5, 9, 9, 8, 5, 19, 10, 16, 13, 6, 14, 22, 12, 9, 10)

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
# One named font for every cell, plain and bold: 宋体 is on every Chinese Windows; a cell without
# a name made LibreOffice draw bold digits in DejaVu Serif beside DejaVu Sans ones (issue 14).
FONT_NAME = "宋体"
_PLAIN = Font(name=FONT_NAME, size=11)
TITLE_FONT = Font(name=FONT_NAME, bold=True, size=16)
_BLOCK_FONT = Font(name=FONT_NAME, bold=True, size=12)
BOLD = Font(name=FONT_NAME, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


# --- cells --------------------------------------------------------------------------------------

def safe_text(value: str) -> str:
    """Drop the control characters an xlsx file cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def cell(ws, value: Any, *, font: Font | None = None, fill: PatternFill | None = None,
         number_format: str | None = None, border: bool = False,
         alignment: Alignment | None = None) -> WriteOnlyCell:
    """A styled write-only cell; text is kept as text even when it looks like a formula."""
    c = WriteOnlyCell(ws)
    if isinstance(value, str):
        value = safe_text(value)
        c.value = value
        if value.startswith(_FORMULA_START):
            c.data_type = "s"
            c.quotePrefix = True
    else:
        c.value = value
    if font is not None:
        c.font = font
    if fill is not None:
        c.fill = fill
    if number_format:
        c.number_format = number_format
    if border:
        c.border = _BORDER
    if alignment is not None:
        c.alignment = alignment
    return c


def guarded_row(ws, values: list[Any]) -> list[Any]:
    """A roster row: plain values where safe (fast path), a guarded cell where not."""
    out = values
    for i, value in enumerate(values):
        if isinstance(value, str):
            if value.startswith(_FORMULA_START) or not value.isprintable():
                if out is values:
                    out = list(values)
                out[i] = cell(ws, value)
        elif isinstance(value, _dt.date):
            if out is values:
                out = list(values)
            out[i] = cell(ws, value, number_format=_DATE_FORMAT)
    return out


# --- print layout -------------------------------------------------------------------------------

FOOTER = "&A　第 &P 页，共 &N 页"
# A4 less the margins below, in points: 523 × 770 portrait, 770 × 523 landscape (inches × 72).
_MARGINS = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.75, header=0.3, footer=0.3)
_PRINT_WIDTH = {"portrait": (8.27 - 1.0) * 72, "landscape": (11.69 - 1.0) * 72}
_PRINT_HEIGHT = {"portrait": (11.69 - 1.35) * 72, "landscape": (8.27 - 1.35) * 72}
_ROW_POINTS = 15.0        # a row of 11 pt 宋体: LibreOffice draws 15.0 pt (measured), Excel 14.25
LINE_POINTS = 16.5       # a wrapped line: LibreOffice draws 宋体 with Noto Sans CJK, 1.45 em a line
_TITLE_POINTS = 36.0      # the repeated rows 1–2 of a table sheet (a 16 pt title and the period)


def columns_points(widths: Iterable[float]) -> float:
    """The printed width of columns of these Excel widths (characters): 7 px a character + 5 px
    padding, at 96 px an inch."""
    return sum(w * 7 + 5 for w in widths) * 0.75


def orientation_for(width_points: float) -> str:
    """Portrait while the content fits the portrait width at 90 % or more, else landscape."""
    return "portrait" if width_points <= _PRINT_WIDTH["portrait"] / 0.9 else "landscape"


def page_points(orientation: str, width_points: float) -> float:
    """The height (points, at the sheet's own scale) a page holds below the repeated title rows,
    counting the fit-to-width scale (a sheet wider than the paper is printed smaller, so more
    rows fit)."""
    scale = min(1.0, _PRINT_WIDTH[orientation] / max(width_points, 1.0))
    return _PRINT_HEIGHT[orientation] / scale - _TITLE_POINTS


def page_setup(ws, title_rows: str, orientation: str = "landscape") -> None:
    """A4, fit to the page width, the title rows repeated on every page, the sheet's name and
    page number in the footer."""
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.page_margins = _MARGINS
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.font = FONT_NAME


def use_font(wb: Workbook) -> None:
    """Make FONT_NAME the workbook's default font (the roster's plain rows and every unstyled
    cell use font 0); openpyxl's default is Calibri of the theme, which has no Chinese."""
    wb._fonts = IndexedList([_PLAIN])
    wb._named_styles["Normal"].font = _PLAIN


def text_units(text: str) -> int:
    """Width of `text` in Excel character units: a Chinese character takes two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _lines_needed(text: str, width: float) -> int:
    """Lines `text` wraps to in a cell `width` characters wide."""
    return max(1, math.ceil(text_units(text) / max(width, 1)))


# --- sheets -------------------------------------------------------------------------------------

def _write_cover(wb: Workbook, report: QuarterReport) -> None:
    ws = wb.create_sheet(COVER_SHEET)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 60
    page_setup(ws, "1:1", "portrait")
    ws.append([cell(ws, REPORT_TITLE, font=TITLE_FONT, alignment=CENTER)])
    ws.merged_cells.add("A1:B1")
    ws.row_dimensions[1].height = 36
    ws.append([])
    lines = [
        ("填报单位", report.office),
        ("所属区", report.district),
        ("报告期", period_title(report.period)),
        ("街道", "、".join(report.streets)),
        ("制表日期", report.prepared_on),
        ("制表人", report.prepared_by),
    ]
    for label, value in lines:
        fmt = _DATE_FORMAT if isinstance(value, _dt.date) else None
        ws.append([cell(ws, label, font=BOLD, border=True, fill=HEADER_FILL),
                   cell(ws, value, border=True, number_format=fmt,
                        alignment=Alignment(horizontal="left", wrap_text=True))])
    ws.append([])
    ws.append([cell(ws, "说明：占比为占合计的百分比（保留一位小数）；年龄按报告期末日计算；"
                        "花名册中的身份证号已打码。", alignment=_WRAP)])
    ws.merged_cells.add(f"A{len(lines) + 4}:B{len(lines) + 4}")
    ws.row_dimensions[len(lines) + 4].height = 2 * LINE_POINTS


def _sheet_width(tables: list[Table]) -> int:
    return max(len(t.display().header) for t in tables)


_LABEL_WIDTH = 24
_COUNT_WIDTH = 12
_CHART_CM = (13, 7)       # a structure chart's width and height
_CHART_POINTS = 48 + _CHART_CM[0] / 2.54 * 72   # the empty column before it, then the chart
_WRAP = Alignment(vertical="top", wrap_text=True)
_NUMERALS = "一二三四五六七八九十"


def _block_points(table: Table, header: list[str]) -> float:
    """The height a block takes: blank, heading, header, rows, note; a chart's block at least
    _CHART_ROWS from its header."""
    lines = _header_lines(header)
    body = (lines * LINE_POINTS if lines > 1 else _ROW_POINTS) + _ROW_POINTS * (
        len(table.rows) + table.display().total_rows)
    if table.note:
        body += _note_lines(table.note, len(header)) * LINE_POINTS
    if table.chart:
        body = max(body, _CHART_ROWS * _ROW_POINTS)
    return 2 * _ROW_POINTS + body


def _header_lines(header: list[str]) -> int:
    return max(_lines_needed(h, _LABEL_WIDTH if i == 0 else _COUNT_WIDTH - 1)
               for i, h in enumerate(header))


def _note_lines(note: str, ncols: int) -> int:
    """Lines a note wraps to over its table's width. A Chinese character is drawn 15 % wider than
    two width units (LibreOffice cut the third line of the 需求缺口 notes counted exactly)."""
    width = _LABEL_WIDTH + (ncols - 1) * _COUNT_WIDTH - 2
    return _lines_needed(f"注：{note}", width / 1.15)


def _write_table_sheet(wb: Workbook, sheet: str, report: QuarterReport,
                       metas: list[dict[str, Any]]) -> None:
    """One sheet of blocks: a merged block title, a header row, the rows, the 合计 row, a note;
    structure blocks get a chart beside them. On paper: portrait unless the charts make it wide,
    the sheet title repeated on every page, and a page break before a block that would not fit
    on the rest of the page (a table never starts on one page and ends on the next)."""
    tables = report.tables_on(sheet)
    ws = wb.create_sheet(sheet)
    width = _sheet_width(tables)
    widths = [_LABEL_WIDTH] + [_COUNT_WIDTH] * (width - 1)
    for col, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = w
    charts = any(t.chart for t in tables)
    printed = columns_points(widths) + (_CHART_POINTS if charts else 0)
    orientation = orientation_for(printed)
    capacity = page_points(orientation, printed)
    ws.freeze_panes = "A3"
    page_setup(ws, "1:2", orientation)
    # The titles span the charts too where there are charts (they stand right of the tables).
    last = get_column_letter(width + 8 if charts else width)
    ws.append([cell(ws, f"{sheet}（{report.office}）", font=TITLE_FONT, alignment=CENTER)])
    ws.merged_cells.add(f"A1:{last}1")
    ws.append([cell(ws, f"报告期：{period_title(report.period)}", alignment=CENTER)])
    ws.merged_cells.add(f"A2:{last}2")
    row, on_page = 3, 0
    for index, table in enumerate(tables):
        display = table.display()
        height = _block_points(table, display.header)
        if on_page and on_page + height > capacity:
            ws.row_breaks.append(Break(id=row - 1))   # a break below row - 1
            on_page = 0
        on_page += height
        row = _write_block(ws, table, index, row, metas)


def _write_block(ws, table: Table, index: int, row: int, metas: list[dict[str, Any]]) -> int:
    """Write one block from `row` (its blank line); the next free row."""
    ws.append([])
    row += 1
    display = table.display()
    heading = f"{_NUMERALS[index] if index < len(_NUMERALS) else index + 1}、{table.title}"
    ncols = len(display.header)
    ws.append([cell(ws, heading, font=_BLOCK_FONT)])
    ws.merged_cells.add(f"A{row}:{get_column_letter(ncols)}{row}")
    row += 1
    header_row = row
    lines = _header_lines(display.header)
    if lines > 1:
        ws.row_dimensions[row].height = lines * LINE_POINTS
    ws.append([cell(ws, h, font=BOLD, fill=HEADER_FILL, border=True, alignment=CENTER)
               for h in display.header])
    row += 1
    first_data = row
    for i, values in enumerate(display.rows):
        is_total = i >= len(display.rows) - display.total_rows
        ws.append([cell(ws, v, number_format=fmt or None, border=True,
                        font=BOLD if is_total else None, fill=_TOTAL_FILL if is_total else None)
                   for v, fmt in zip(values, display.formats, strict=True)])
        row += 1
    metas.append({**table.meta(), "row": first_data, "nrows": len(table.rows)})
    if table.note:
        # Merged over the table and wrapped: a long note no longer runs past the printed width.
        ws.row_dimensions[row].height = _note_lines(table.note, ncols) * LINE_POINTS
        ws.append([cell(ws, f"注：{table.note}", alignment=_WRAP)])
        ws.merged_cells.add(f"A{row}:{get_column_letter(ncols)}{row}")
        row += 1
    if table.chart:
        _add_chart(ws, table, header_row, first_data, ncols)
        while row - header_row < _CHART_ROWS:
            ws.append([])
            row += 1
    return row


def horizontal_bars(labels: list[str]) -> bool:
    """Bars lie down when the category names would not fit side by side under vertical bars:
    about 300 pt of axis shared by the names, 4.5 pt a width unit at the chart's 9 pt (the
    政治面貌 names of 7–22 units ran together under 7 columns)."""
    return max(text_units(label) for label in labels) * 4.5 > 300 / max(len(labels), 1)


def _add_chart(ws, table: Table, header_row: int, first_data: int, ncols: int) -> None:
    last_data = first_data + len(table.rows) - 1
    labels = Reference(ws, min_col=1, min_row=first_data, max_row=last_data)
    data = Reference(ws, min_col=2, min_row=header_row, max_row=last_data)
    if table.chart == "pie":
        chart = PieChart()
        # Only the percentage on the slices; the legend names them.
        chart.dataLabels = DataLabelList(showPercent=True, showVal=False, showCatName=False,
                                         showSerName=False, showLegendKey=False)
    else:
        chart = BarChart()
        chart.type = "col"
        if horizontal_bars([str(r[0]) for r in table.rows]):
            chart.type = "bar"
            chart.x_axis.scaling.orientation = "maxMin"   # the table's order, top down
        chart.legend = None
        chart.y_axis.title = "人数"
        chart.y_axis.majorGridlines = None
    chart.title = table.title
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.width, chart.height = _CHART_CM
    ws.add_chart(chart, f"{get_column_letter(ncols + 2)}{header_row - 1}")


def _write_roster(wb: Workbook, rows: Iterable[list[Any]], total: int,
                  progress: Progress | None) -> int:
    ws = wb.create_sheet(ROSTER_SHEET)
    for col, w in enumerate(ROSTER_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(col)].width = w
    ws.freeze_panes = "A3"
    page_setup(ws, "2:2", orientation_for(columns_points(ROSTER_WIDTHS)))
    last = get_column_letter(len(ROSTER_HEADERS))
    ws.merged_cells.add(f"A1:{last}1")
    n = 0
    with RowStream(ws, _DATE_FORMAT) as out:  # plain rows as ready XML (swdesk/xlsx/rows.py)
        out.styled([cell(ws, f"花名册（报告期末在册人员，共 {total} 人）", font=TITLE_FONT)])
        out.styled([cell(ws, h, font=BOLD, fill=HEADER_FILL, border=True, alignment=CENTER)
                    for h in ROSTER_HEADERS])
        for values in rows:
            if not out.append_plain(values):
                out.styled(guarded_row(ws, values))
            n += 1
            if n % 2000 == 0:
                jobs.report(progress, n, max(total, n))
    return n


def _write_meta(wb: Workbook, report: QuarterReport, metas: list[dict[str, Any]],
                roster_rows: int) -> None:
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "hidden"
    for key, value in (("format", FORMAT), ("format_version", FORMAT_VERSION),
                       ("period", report.period.label), ("office", report.office),
                       ("district", report.district),
                       ("streets", json.dumps(report.streets, ensure_ascii=False)),
                       ("prepared_by", report.prepared_by),
                       ("prepared_on", report.prepared_on.isoformat()),
                       ("roster_rows", roster_rows)):
        ws.append([key, cell(ws, value) if isinstance(value, str) else value])
    for meta in metas:
        ws.append(["table", cell(ws, json.dumps(meta, ensure_ascii=False))])


def write_workbook(path: str | os.PathLike, report: QuarterReport, roster: Iterable[list[Any]],
                   roster_total: int, progress: Progress | None = None) -> int:
    """Write the workbook of `report` and the `roster` rows (ROSTER_HEADERS order) to `path`;
    returns the roster rows written. Progress counts roster rows (0 … roster_total)."""
    wb = Workbook(write_only=True)
    use_font(wb)
    with common.writing(wb, path):
        _write_cover(wb, report)
        metas: list[dict[str, Any]] = []
        for sheet in [s for s in SHEET_ORDER if s in report.sheets()] + [
                s for s in report.sheets() if s not in SHEET_ORDER]:
            _write_table_sheet(wb, sheet, report, metas)
        n = _write_roster(wb, roster, roster_total, progress)
        _write_meta(wb, report, metas, n)
    jobs.report(progress, n, max(roster_total, n))
    return n


# --- reading back ---------------------------------------------------------------------------------

def _open(path: Path):
    """Open a workbook someone handed us (checked by xlsx.common before openpyxl parses it)."""
    return common.open_workbook_safely(path)


def read_meta(path: str | os.PathLike) -> dict[str, Any]:
    """The hidden _meta sheet as a dict (tables as a list); refuses files swdesk did not write."""
    path = Path(path)
    wb = _open(path)
    try:
        return _meta_of(wb, path.name)
    finally:
        common.close_workbook(wb)


def _meta_of(wb, name: str) -> dict[str, Any]:
    if META_SHEET not in wb.sheetnames:
        raise UserError(f"“{name}”不是社工服务台导出的季度报表（缺少格式信息），不能汇总")
    meta: dict[str, Any] = {"tables": []}
    for row in wb[META_SHEET].iter_rows(max_col=2, values_only=True):
        key, value = (tuple(row) + (None, None))[:2]
        if key == "table":
            try:
                table = json.loads(value)
                table["row"], table["nrows"] = int(table["row"]), int(table["nrows"])
                if not (table["key"] and table["sheet"] and table["columns"]):
                    raise ValueError
            except (TypeError, ValueError, KeyError):
                raise UserError(f"“{name}”的格式信息已损坏，不能汇总，请重新导出") from None
            meta["tables"].append(table)
        elif key:
            meta[key] = value
    if meta.get("format") != FORMAT:
        raise UserError(f"“{name}”不是社工服务台导出的季度报表，不能汇总")
    if meta.get("format_version") != FORMAT_VERSION:
        raise UserError(f"“{name}”的报表格式版本为 {meta.get('format_version')}，本程序为 "
                        f"{FORMAT_VERSION}，请用同一版本的社工服务台重新导出后再汇总")
    return meta


def read_report(path: str | os.PathLike) -> tuple[QuarterReport, dict[str, Any]]:
    """The report a workbook was written from: every table's counts read from its cells."""
    path = Path(path)
    wb = _open(path)
    try:
        meta = _meta_of(wb, path.name)
        tables = [_read_table(wb, m, path.name) for m in meta["tables"]]
    finally:
        common.close_workbook(wb)
    try:
        period = periods.parse(str(meta.get("period") or ""))
        streets = json.loads(meta.get("streets") or "[]")
        prepared_on = _dt.date.fromisoformat(str(meta.get("prepared_on")))
    except (UserError, ValueError, TypeError):
        raise UserError(f"“{path.name}”的格式信息已损坏，不能汇总，请重新导出") from None
    report = QuarterReport(
        period=period, office=str(meta.get("office") or ""),
        district=str(meta.get("district") or ""), streets=[str(s) for s in streets],
        prepared_by=str(meta.get("prepared_by") or ""), prepared_on=prepared_on, tables=tables)
    return report, meta


def _read_table(wb, meta: dict[str, Any], name: str) -> Table:
    sheet, first, nrows = meta["sheet"], int(meta["row"]), int(meta["nrows"])
    if sheet not in wb.sheetnames:
        raise UserError(f"“{name}”缺少工作表“{sheet}”，不能汇总")
    ncols = len(meta["columns"])
    # A gap table's 缺口 column (after 需求, 现有) is read too: a district's is the sum of its
    # streets' gaps, which its 需求 and 现有 alone do not give.
    width = 1 + ncols + (1 if meta.get("kind") == "gap" else 0)
    rows = []
    for r, values in enumerate(wb[sheet].iter_rows(min_row=first, max_row=first + nrows - 1,
                                                   max_col=width, values_only=True), first):
        values = list(values) + [None] * (width - len(values))
        for c, v in enumerate(values[1:], 2):
            if v is not None and not isinstance(v, (int, float)):
                raise UserError(f"“{name}”工作表“{sheet}”{get_column_letter(c)}{r} 单元格应为数字，"
                                f"现为“{v}”，不能汇总")
        rows.append([str(values[0] or ""), *(v or 0 for v in values[1:])])
    fields = {k: v for k, v in meta.items() if k not in ("row", "nrows")}
    if width > 1 + ncols:
        return Table(**fields, rows=[row[:-1] for row in rows], gaps=[row[-1] for row in rows])
    return Table(**fields, rows=rows)


def iter_roster(path: str | os.PathLike) -> Iterator[list[Any]]:
    """The roster rows of a workbook (without 序号), streamed in read-only mode."""
    path = Path(path)
    wb = _open(path)
    try:
        if ROSTER_SHEET not in wb.sheetnames:
            raise UserError(f"“{path.name}”缺少工作表“{ROSTER_SHEET}”，不能汇总")
        ws = wb[ROSTER_SHEET]
        for values in ws.iter_rows(min_row=3, max_col=len(ROSTER_HEADERS), values_only=True):
            if all(v is None for v in values):
                continue
            row = [_as_date(v) for v in values[1:]]
            yield [("" if v is None else v) if i < len(row) - 1 else v for i, v in enumerate(row)]
    finally:
        common.close_workbook(wb)


def _as_date(value: Any) -> Any:
    if isinstance(value, _dt.datetime) and value.time() == _dt.time():
        return value.date()
    return value
