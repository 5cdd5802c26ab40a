"""证明出具登记簿（公示）: the register of volunteer-service certificates as a printable table
(swdesk/jobs/export_register.py picks the lines and records the export).

民发〔2015〕149号 asks that the certificates issued be made known within the unit (公示) for at
least 7 days; this is the list to post: number, name, period, hours, who issued it and when.
"""
from __future__ import annotations

import os
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from swdesk import jobs
from swdesk.services.certificates import RegisterRow
from swdesk.xlsx import quarter
from swdesk.xlsx.common import writing

SHEET = "证明登记簿"
TITLE = "志愿服务记录证明出具登记（公示）"
HEADERS = ("序号", "证明编号", "姓名", "服务期间", "服务时长（小时）", "经办人", "出具日期", "备注")
WIDTHS = (6, 24, 10, 30, 10, 10, 12, 22)
NOTE = ("公示期不少于 7 日（民发〔2015〕149号）。对所列证明有异议的，请在公示期内向出具单位反映。")
_WRAP = Alignment(vertical="center", wrap_text=True)


def write_register(path: str | os.PathLike, rows: Sequence[RegisterRow], office: str, span: str,
                   progress: jobs.Progress | None = None) -> int:
    """Write the register lines `rows` of `office` for `span` (e.g. 2026年第四季度…) to `path`."""
    wb = Workbook(write_only=True)
    quarter.use_font(wb)
    with writing(wb, path):
        ws = wb.create_sheet(SHEET)
        for col, width in enumerate(WIDTHS, 1):
            ws.column_dimensions[get_column_letter(col)].width = width
        ws.freeze_panes = "A4"
        quarter.page_setup(ws, "1:3", quarter.orientation_for(quarter.columns_points(WIDTHS)))
        last = get_column_letter(len(HEADERS))
        # Heights set before the rows are streamed: a 16 pt title and a two-line header
        # (服务时长（小时）) overlapped the rows below them at the default height.
        ws.row_dimensions[1].height = 30
        ws.row_dimensions[3].height = 2 * quarter.LINE_POINTS
        ws.append([quarter.cell(ws, TITLE, font=quarter.TITLE_FONT, alignment=quarter.CENTER)])
        ws.merged_cells.add(f"A1:{last}1")
        ws.append([quarter.cell(ws, f"出具单位：{office}　　出具期间：{span}")])
        ws.merged_cells.add(f"A2:{last}2")
        ws.append([quarter.cell(ws, h, font=quarter.BOLD, fill=quarter.HEADER_FILL, border=True,
                                alignment=quarter.CENTER) for h in HEADERS])
        for n, row in enumerate(rows, 1):
            note = f"补打，原证明 {row.reprint_of}" if row.reprint_of else ""
            values = [n, row.number, row.name, row.period, float(row.hours), row.issued_by,
                      row.issued_on, note]
            formats = [None, None, None, None, "0.0", None, "yyyy-mm-dd", None]
            ws.append([quarter.cell(ws, v, border=True, number_format=f,
                                    alignment=_WRAP if isinstance(v, str) else None)
                       for v, f in zip(values, formats, strict=True)])
            if n % 500 == 0:
                jobs.report(progress, n, len(rows))
        ws.append([])
        ws.append([quarter.cell(ws, f"说明：{NOTE}")])
    jobs.report(progress, len(rows), len(rows))
    return len(rows)
