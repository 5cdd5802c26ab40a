"""xlsx/rows.RowStream: plain rows written as ready XML read back exactly as openpyxl's own
writing of the same values does; rows that need a guard or a style go through openpyxl, mixed in
one sheet; a build failing half-way leaves no temporary file."""
from __future__ import annotations

import datetime as _dt

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from swdesk.xlsx import common
from swdesk.xlsx.quarter import cell, guarded_row
from swdesk.xlsx.rows import RowStream

ROWS = [
    [1, "王喆", "东湖社区", _dt.date(2024, 3, 15), 2.5],
    [2, "A&B <公司> \"x\" 'y'", "", None, 0],
    [3, "  前后有空格  ", "𠮷野家", _dt.date(1950, 1, 1), -7],
    [4, "=SUM(A1:A2)", "+86 123", _dt.date(2026, 12, 31), 10**12],   # formula-like: guarded
    [5, "带\t制表符", "中\u3000间", _dt.date(2000, 2, 29), True],          # not plain: openpyxl
]


def _write(path, rows, fail_after=None) -> list[bool]:
    wb = Workbook(write_only=True)
    plain = []
    with common.writing(wb, path):
        ws = wb.create_sheet("表")
        with RowStream(ws, "yyyy-mm-dd") as out:
            out.styled([cell(ws, "标题", font=Font(bold=True))])
            for n, values in enumerate(rows):
                if n == fail_after:
                    raise RuntimeError("half-way")
                written = out.append_plain(values)
                if not written:
                    out.styled(guarded_row(ws, values))
                plain.append(written)
        wb.create_sheet("后一张").append(["在后面"])
    return plain


def test_plain_and_guarded_rows_read_back_as_written(tmp_path):
    path = tmp_path / "rows.xlsx"
    plain = _write(path, ROWS)
    assert plain == [True, True, True, False, False]
    wb = load_workbook(path)
    ws = wb["表"]
    assert ws["A1"].value == "标题" and ws["A1"].font.b
    for r, values in enumerate(ROWS, 2):
        for c, value in enumerate(values, 1):
            got = ws.cell(r, c)
            if isinstance(value, _dt.date):
                assert got.value == _dt.datetime.combine(value, _dt.time()) and got.number_format == "yyyy-mm-dd"
            else:
                assert got.value == (None if value == "" else value), (r, c)
    assert ws["B5"].data_type == "s" and ws["B5"].quotePrefix  # the formula-like text stays text
    assert wb["后一张"]["A1"].value == "在后面"


def test_failure_half_way_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "rows.xlsx"
    with pytest.raises(RuntimeError):
        _write(path, ROWS * 10, fail_after=25)
    assert [p.name for p in tmp_path.iterdir()] in ([], ["rows.xlsx"])
