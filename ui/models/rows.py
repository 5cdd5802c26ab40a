"""A small read-only table model over a list of service rows (dataclasses or tuples).

Each column is (header, getter); a getter takes the row and returns the cell's value. Dates are
shown as 2026-03-15, None as blank, bools as 是/否. `highlight(row)` may mark late rows, which are
drawn in dark red on a pale background.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Column = tuple[str, Callable[[Any], Any]]

LATE_FOREGROUND = QColor("#9b1c1c")
LATE_BACKGROUND = QColor("#fdecea")


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return QCoreApplication.translate("RowsModel", "是" if value else "否")
    if isinstance(value, _dt.date):
        return f"{value:%Y-%m-%d}"
    return str(value)


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None,
                 highlight: Callable[[Any], bool] | None = None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []
        self._highlight = highlight

    # --- data -----------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, record_id: int) -> int:
        """The row showing the record with this id, or -1."""
        for i, item in enumerate(self._rows):
            if getattr(item, "id", None) == record_id:
                return i
        return -1

    # --- Qt model -------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = cell_text(self._columns[index.column()][1](item))
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 12 else None
            return text
        if self._highlight is not None and self._highlight(item):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(LATE_FOREGROUND)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(LATE_BACKGROUND)
        return None


def make_table(model: RowsModel, parent=None, stretch_last: bool = True):
    """A QTableView set up the way every list of the programme tabs looks: whole-row selection,
    one row at a time, alternating colours, no row numbers. Its `activated` signal (double-click
    and Enter) is what opens the record."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)   # Tab moves on to the next field; the arrows move in the list
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setStretchLastSection(stretch_last)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setHighlightSections(False)
    return view


def fit_columns(view, max_width: int = 260) -> None:
    """Size columns to their contents (after the rows are set), capped so that long notes do not
    push the other columns off screen."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - (1 if header.stretchLastSection() else 0)):
        # A little air between columns; long texts capped (the tooltip shows them whole).
        header.resizeSection(column, min(header.sectionSize(column) + 12, max_width))
