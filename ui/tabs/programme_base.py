"""What the three programme tabs share: a filter bar, the master list on the left, a detail
pane and a log on the right, refresh that keeps the selection, and the click-through from a
reminder (`show_record`)."""
from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from swdesk.services.base import current
from ui.models.rows import Column, RowsModel, fit_columns, make_table

log = logging.getLogger(__name__)


def detail_html(title: str, pairs: Sequence[tuple[str, Any]], note: str = "") -> str:
    """A detail pane's text: a bold title, then label/value lines in a two-column table."""
    rows = "".join(
        f"<tr><td style='color:#555;padding-right:10px' nowrap>{html.escape(label)}</td>"
        f"<td>{html.escape('' if value is None else str(value)).replace(chr(10), '<br>')}</td></tr>"
        for label, value in pairs)
    extra = f"<p style='color:#9b1c1c'>{html.escape(note)}</p>" if note else ""
    return f"<h3 style='margin:0 0 6px 0'>{html.escape(title)}</h3>{extra}<table cellspacing='2'>{rows}</table>"


DETAIL_MIN = 120   # px: a detail pane never shrinks below a few lines
LOG_MIN = 200      # px: the log under a detail keeps its buttons and about four entries


def detail_scroll(label: QLabel, parent: QWidget) -> QScrollArea:
    """A detail pane's text in a scroll area: a long record (a finished hotline request with its
    notes, a pair with many sessions) scrolls instead of being cut off at the pane's bottom."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(label)
    area.setMinimumHeight(DETAIL_MIN)
    area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)   # reached by Tab; the arrows and PgDn scroll it
    return area


class ProgrammeTab(QWidget):
    """Subclasses set up filters and buttons in `self.bar`, give the master columns, and
    implement `load_rows()` and `show_detail(row)`."""

    settings_key = "programme"
    default_sizes = (640, 520)  # master list, right pane; until the clerk drags the splitter

    def __init__(self, window, columns: Sequence[Column], highlight=None):
        super().__init__()
        self.window_ref = window
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        self.bar = QHBoxLayout()
        outer.addLayout(self.bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        outer.addWidget(self.splitter, 1)
        left = QWidget(self.splitter)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        self.master_model = RowsModel(columns, self, highlight=highlight)
        self.master = make_table(self.master_model, left)
        left_box.addWidget(self.master, 1)
        self.summary = QLabel(left)
        left_box.addWidget(self.summary)
        self.right = QWidget(self.splitter)
        self.right_box = QVBoxLayout(self.right)
        self.right_box.setContentsMargins(4, 0, 0, 0)
        self.detail = QLabel(self.right)
        self.detail.setObjectName("detail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setMargin(8)
        self.detail_scroll = detail_scroll(self.detail, self.right)
        # 2 : 3 with the log below (subclasses add it with stretch 3): a long detail gets room
        # and scrolls for the rest; a short one leaves the room to the log.
        self.right_box.addWidget(self.detail_scroll, 2)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.master.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.master.activated.connect(lambda _index: self.open_current())
        self._restore_state()

    # --- building helpers -----------------------------------------------------------------------
    def button(self, text: str, slot, layout=None) -> QPushButton:
        """A button that opens a form or changes data (hidden from a read-only operator)."""
        btn = QPushButton(text, self)
        btn.clicked.connect(lambda _checked=False: self._guarded(slot))
        (layout if layout is not None else self.bar).addWidget(btn)
        if not current().can_write:
            btn.setVisible(False)
        return btn

    def open_current(self) -> None:
        """Double-click or Enter on the list: the record's form (修改), when the operator may
        change it; otherwise the detail beside the list is all there is to open."""
        button = getattr(self, "edit_button", None)
        if button is not None and button.isVisibleTo(self) and button.isEnabled():
            button.click()
        else:
            self.detail_scroll.setFocus()

    def _guarded(self, slot) -> None:
        try:
            slot()
        except Exception as exc:  # a service's refusal or an unexpected fault: tell the clerk
            from ui.app import show_error

            show_error(self, exc)

    # --- data -----------------------------------------------------------------------------------
    def load_rows(self) -> list[Any]:
        raise NotImplementedError

    def show_detail(self, row: Any | None) -> None:
        raise NotImplementedError

    def summary_text(self, rows: list[Any]) -> str:
        return self.tr("共 %n 条", "", len(rows))

    def refresh(self) -> None:
        """Reload the list (after a write here or elsewhere), keeping the selected record."""
        keep = self.current_id()
        self._loading = True
        try:
            rows = self.load_rows()
            self.master_model.set_rows(rows)
        finally:
            self._loading = False
        fit_columns(self.master)
        self.summary.setText(self.summary_text(rows))
        if keep is None or not self.select_id(keep):
            if self.master_model.rowCount():
                self.select_row(0)
            else:
                self.show_detail(None)

    def current_row(self) -> Any | None:
        index = self.master.currentIndex()
        return self.master_model.row_at(index.row()) if index.isValid() else None

    def current_id(self) -> int | None:
        row = self.current_row()
        return getattr(row, "id", None) if row is not None else None

    def select_row(self, row: int) -> None:
        index = self.master_model.index(row, 0)
        self.master.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.master.scrollTo(index)
        self.show_detail(self.master_model.row_at(row))

    def select_id(self, record_id: int) -> bool:
        row = self.master_model.find(record_id)
        if row < 0:
            return False
        self.select_row(row)
        return True

    def clear_filters(self) -> None:
        """Subclasses reset their filter widgets (so show_record can find any record)."""

    def show_record(self, record_id: int) -> None:
        """Select a record (a reminder's click-through), clearing filters that hide it."""
        self.refresh()
        if not self.select_id(record_id):
            self.clear_filters()
            self.refresh()
            self.select_id(record_id)

    def _selection_changed(self) -> None:
        if not self._loading:
            self.show_detail(self.current_row())
            self.fit_detail()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_detail)   # once the panes have their new widths

    def fit_detail(self) -> None:
        """The detail's whole text when the pane has room, the log below keeping LOG_MIN: the
        2 : 3 share alone cut a pair's detail after 结对时间 on a 768 px screen."""
        width, room = self.detail_scroll.viewport().width(), self.right.height()
        if width <= 0 or room <= 0:
            return
        needed = self.detail.heightForWidth(width) + 2 * self.detail_scroll.frameWidth()
        self.detail_scroll.setMinimumHeight(max(DETAIL_MIN, min(needed, room - LOG_MIN)))

    def changed(self, table: str) -> None:
        """After a write: tell every tab (this one included) through the window's signal."""
        signal = getattr(self.window_ref, "data_changed", None)
        if signal is not None:
            signal.emit(table)
        else:
            self.refresh()

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("请确认"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # --- state ----------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        try:
            from ui.app import settings

            state = settings().value(f"{self.settings_key}/splitter")
            if state is not None:
                self.splitter.restoreState(state)
            else:
                self.splitter.setSizes(list(self.default_sizes))
        except Exception:
            log.exception("cannot restore %s layout", self.settings_key)

    def save_state(self) -> None:
        from ui.app import settings

        settings().setValue(f"{self.settings_key}/splitter", self.splitter.saveState())
