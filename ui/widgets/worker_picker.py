"""WorkerPicker: type a name, pinyin, phone or 4+ ID digits and choose one worker from a popup.

    picker = WorkerPicker(parent)
    picker.worker_chosen.connect(lambda worker_id: ...)
    picker.selected_worker_id()        # int | None
    picker.set_worker_id(42)           # show an existing choice

Uses the roster's search (swdesk.services.search), so it finds the same people as the roster tab.
Only the first page of matches (20) is fetched per keystroke, after a short pause in typing.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QWidget

from swdesk import vocab
from swdesk.services import search

MAX_SUGGESTIONS = 20


class WorkerPicker(QWidget):
    worker_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, active_only: bool = True):
        super().__init__(parent)
        self._worker_id: int | None = None
        self._active_only = active_only
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("输入姓名、拼音首字母、手机号或身份证号后4位"))
        self.edit.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.popup = QListWidget(self)
        self.popup.setWindowFlags(Qt.WindowType.ToolTip)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setMouseTracking(True)
        self.popup.itemClicked.connect(self._choose_item)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._search)
        self.edit.textEdited.connect(self._text_edited)
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)

    # --- public API --------------------------------------------------------------------------
    def selected_worker_id(self) -> int | None:
        return self._worker_id

    def set_worker_id(self, worker_id: int | None) -> None:
        self._worker_id = worker_id
        if worker_id is None:
            self.edit.clear()
            return
        row = search.row(worker_id)
        self.edit.setText(self._label(row) if row else "")

    def clear(self) -> None:
        self.set_worker_id(None)

    # --- behaviour ---------------------------------------------------------------------------
    @staticmethod
    def _label(row: search.RosterRow) -> str:
        parts = [row.name, row.gender]
        if row.card_no:
            parts.append(row.card_no)
        if row.specialties:
            parts.append(row.specialties)
        if row.community:
            parts.append(row.community)
        if row.status != vocab.STATUS_ACTIVE:
            parts.append(row.status)
        return "  ".join(str(p) for p in parts if p)

    def _text_edited(self, _text: str) -> None:
        self._worker_id = None
        self._timer.start()

    def _search(self) -> None:
        text = self.edit.text().strip()
        self.popup.clear()
        if not text:
            self.popup.hide()
            return
        filters = {"status": vocab.STATUS_ACTIVE} if self._active_only else {}
        rows = search.page(search.View(text=text, filters=filters), 0, MAX_SUGGESTIONS)
        for row in rows:
            item = QListWidgetItem(self._label(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.popup.addItem(item)
        if not rows:
            self.popup.addItem(QListWidgetItem(self.tr("没有找到匹配的人员")))
        self._show_popup()

    def _show_popup(self) -> None:
        self.popup.setCurrentRow(0)
        width = max(self.edit.width(), 360)
        height = min(self.popup.count(), 10) * (self.popup.sizeHintForRow(0) + 2) + 6
        self.popup.setFixedSize(width, max(height, 24))
        self.popup.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self.popup.show()

    def _choose_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        worker_id = item.data(Qt.ItemDataRole.UserRole)
        self.popup.hide()
        if worker_id is None:
            return
        self._worker_id = int(worker_id)
        self.edit.setText(item.text())
        self.worker_chosen.emit(self._worker_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and self.popup.isVisible():
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.popup.count() - 1, self.popup.currentRow() + step))
                self.popup.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_item(self.popup.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.popup.hide()
                return True
        if watched is self.edit and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(150, self.popup.hide)
        return super().eventFilter(watched, event)

    def hideEvent(self, event) -> None:
        self.popup.hide()
        super().hideEvent(event)
