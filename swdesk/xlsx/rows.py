"""The rows of one write-only sheet, plain ones written as ready XML.

openpyxl's write-only `append` makes a cell object for every value and runs some twenty Python
calls on it (coordinate, type, style, then lxml's element context per cell): profiled on the
quarterly roster (100,000 workers × 15 values, 1.47 M cells) that was 35 s of the export's 52 s
under cProfile, ~12 µs a cell. A row whose values are all plain — numbers, printable text that
is not taken for a formula, dates — is written here as one string parsed into one element; any
other row (a styled title or header, a guarded text, a control character) goes through openpyxl's
own writer, so both kinds may be mixed in one sheet. The XML is what openpyxl writes for the
same values (inline strings, dates as serial numbers with one date style), so readers — Excel,
LibreOffice, openpyxl (the district roll-up reads the roster back) — see the same workbook.
Only openpyxl 3.1.5's write-only internals are used (pinned in requirements).

    with RowStream(ws, "yyyy-mm-dd") as rows:
        rows.styled([cell(ws, "标题", font=...)])
        for values in data:
            if not rows.append_plain(values):
                rows.styled(guarded(values))
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from lxml import etree
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from swdesk.xlsx.common import FORMULA_STARTS

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _finished():
    yield  # pragma: no cover - never resumed


class RowStream:
    """Writes the rows of the write-only sheet `ws` (which must have none yet), numbered from 1."""

    def __init__(self, ws, date_format: str):
        self.ws = ws
        probe = WriteOnlyCell(ws, _dt.date(2000, 1, 1))
        probe.number_format = date_format
        self._date_style = probe.style_id  # registers the style with the workbook
        self._epoch = ws.parent.epoch
        self._letters: list[str] = []
        self.row = 0
        ws._get_writer()
        self._xf = ws._writer.xf.send(True)
        self._sheet_data = self._xf.element("sheetData")

    def __enter__(self) -> RowStream:
        self._sheet_data.__enter__()
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if kind is not None:
            return  # the workbook is discarded (xlsx.common.writing closes the streams)
        self._sheet_data.__exit__(None, None, None)
        self.ws._writer.xf.send(None)
        # The sheet's rows are written: ws.close() would otherwise write a second sheetData.
        done = _finished()
        done.close()
        self.ws._rows = done

    def styled(self, values: list[Any]) -> None:
        """A row through openpyxl's own writer (styled cells, guarded texts)."""
        self.row += 1
        self.ws._writer.write_row(self._xf, self.ws._values_to_row(values, self.row), self.row)

    def append_plain(self, values: list[Any]) -> bool:
        """Write a row of plain values as ready XML; False (nothing written) if one is not plain:
        then the caller writes the row with `styled`."""
        xml = self._row_xml(values)
        if xml is None:
            return False
        self.row += 1
        self._xf.write(etree.fromstring(xml))
        return True

    def _row_xml(self, values: list[Any]) -> str | None:
        # One pass, no calls per value but C string methods: ~5 µs a value (cProfile: the guard
        # and the column letter as calls were a third of it).
        r = self.row + 1
        letters = self._letters
        while len(letters) < len(values):
            letters.append(get_column_letter(len(letters) + 1))
        parts = [f'<row r="{r}">']
        for col, value in enumerate(values):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                if value.startswith(FORMULA_STARTS) or not value.isprintable():
                    return None
                space = ' xml:space="preserve"' if value[0] == " " or value[-1] == " " else ""
                parts.append(f'<c r="{letters[col]}{r}" t="inlineStr"><is><t{space}>'
                             f'{value.translate(_ESCAPES)}</t></is></c>')
            elif isinstance(value, bool):
                return None
            elif isinstance(value, (int, float)):
                parts.append(f'<c r="{letters[col]}{r}" t="n"><v>{value}</v></c>')
            elif isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
                parts.append(f'<c r="{letters[col]}{r}" s="{self._date_style}" t="n">'
                             f'<v>{to_excel(value, self._epoch)}</v></c>')
            else:
                return None
        parts.append("</row>")
        return "".join(parts)
