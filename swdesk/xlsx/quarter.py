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
_CHART_ROWS = 15          # rows a structure block takes at least, so its chart fits beside it
_DATE_FORMAT = "yyyy-mm-dd"

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_TITLE_FONT = Font(bold=True, size=16)
_BLOCK_FONT = Font(bold=True, size=12)
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


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


def _page_setup(ws, title_rows: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True


# --- sheets -------------------------------------------------------------------------------------

def _write_cover(wb: Workbook, report: QuarterReport) -> None:
    ws = wb.create_sheet(COVER_SHEET)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 60
    _page_setup(ws, "1:1")
    ws.page_setup.orientation = "portrait"
    ws.append([cell(ws, REPORT_TITLE, font=_TITLE_FONT, alignment=_CENTER)])
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
        ws.append([cell(ws, label, font=_BOLD, border=True, fill=_HEADER_FILL),
                   cell(ws, value, border=True, number_format=fmt,
                        alignment=Alignment(horizontal="left", wrap_text=True))])
    ws.append([])
    ws.append([cell(ws, "说明：占比为占合计的百分比（保留一位小数）；年龄按报告期末日计算；"
                        "花名册中的身份证号已打码。")])
    ws.merged_cells.add(f"A{len(lines) + 4}:B{len(lines) + 4}")


def _sheet_width(tables: list[Table]) -> int:
    return max(len(t.display().header) for t in tables)


def _write_table_sheet(wb: Workbook, sheet: str, report: QuarterReport,
                       metas: list[dict[str, Any]]) -> None:
    """One sheet of blocks: a merged block title, a header row, the rows, the 合计 row, a note;
    structure blocks get a chart beside them."""
    tables = report.tables_on(sheet)
    ws = wb.create_sheet(sheet)
    width = _sheet_width(tables)
    ws.column_dimensions["A"].width = 24
    for col in range(2, width + 1):
        ws.column_dimensions[get_column_letter(col)].width = 12
    ws.freeze_panes = "A3"
    _page_setup(ws, "1:2")
    # The titles span the charts too where there are charts (they stand right of the tables).
    last = get_column_letter(width + 8 if any(t.chart for t in tables) else width)
    ws.append([cell(ws, f"{sheet}（{report.office}）", font=_TITLE_FONT, alignment=_CENTER)])
    ws.merged_cells.add(f"A1:{last}1")
    ws.append([cell(ws, f"报告期：{period_title(report.period)}", alignment=_CENTER)])
    ws.merged_cells.add(f"A2:{last}2")
    row = 3
    numerals = "一二三四五六七八九十"
    for index, table in enumerate(tables):
        ws.append([])
        row += 1
        display = table.display()
        heading = f"{numerals[index] if index < len(numerals) else index + 1}、{table.title}"
        ncols = len(display.header)
        ws.append([cell(ws, heading, font=_BLOCK_FONT)])
        ws.merged_cells.add(f"A{row}:{get_column_letter(ncols)}{row}")
        row += 1
        header_row = row
        ws.append([cell(ws, h, font=_BOLD, fill=_HEADER_FILL, border=True, alignment=_CENTER)
                   for h in display.header])
        row += 1
        first_data = row
        for i, values in enumerate(display.rows):
            is_total = i >= len(display.rows) - display.total_rows
            ws.append([cell(ws, v, number_format=fmt or None, border=True,
                            font=_BOLD if is_total else None, fill=_TOTAL_FILL if is_total else None)
                       for v, fmt in zip(values, display.formats, strict=True)])
            row += 1
        metas.append({**table.meta(), "row": first_data, "nrows": len(table.rows)})
        used = row - header_row + 1
        if table.note:
            ws.append([cell(ws, f"注：{table.note}")])
            row += 1
        if table.chart:
            _add_chart(ws, table, header_row, first_data, ncols)
            while used < _CHART_ROWS:
                ws.append([])
                row += 1
                used += 1


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
        chart.legend = None
        chart.y_axis.title = "人数"
        chart.y_axis.majorGridlines = None
    chart.title = table.title
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    chart.height = 7
    chart.width = 13
    ws.add_chart(chart, f"{get_column_letter(ncols + 2)}{header_row - 1}")


def _write_roster(wb: Workbook, rows: Iterable[list[Any]], total: int,
                  progress: Progress | None) -> int:
    ws = wb.create_sheet(ROSTER_SHEET)
    widths = (7, 12, 14, 10, 6, 22, 12, 18, 14, 10, 14, 24, 12, 10, 12)
    for col, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = w
    ws.freeze_panes = "A3"
    _page_setup(ws, "2:2")
    last = get_column_letter(len(ROSTER_HEADERS))
    ws.merged_cells.add(f"A1:{last}1")
    n = 0
    with RowStream(ws, _DATE_FORMAT) as out:  # plain rows as ready XML (swdesk/xlsx/rows.py)
        out.styled([cell(ws, f"花名册（报告期末在册人员，共 {total} 人）", font=_TITLE_FONT)])
        out.styled([cell(ws, h, font=_BOLD, fill=_HEADER_FILL, border=True, alignment=_CENTER)
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
    rows = []
    for r, values in enumerate(wb[sheet].iter_rows(min_row=first, max_row=first + nrows - 1,
                                                   max_col=1 + ncols, values_only=True), first):
        values = list(values) + [None] * (1 + ncols - len(values))
        for c, v in enumerate(values[1:], 2):
            if v is not None and not isinstance(v, (int, float)):
                raise UserError(f"“{name}”工作表“{sheet}”{get_column_letter(c)}{r} 单元格应为数字，"
                                f"现为“{v}”，不能汇总")
        rows.append([str(values[0] or ""), *(v or 0 for v in values[1:])])
    fields = {k: v for k, v in meta.items() if k not in ("row", "nrows")}
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
