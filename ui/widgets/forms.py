"""Form widgets shared by the dialogs: a red problem line's style, dates (QDate ↔ date, a date
field, a date that may be blank), a multi-line text field, the worker search of the programme
forms, a tick list of people and tick boxes for an editable list's labels.

`WorkerSearch` finds people through the roster's search (swdesk.services.search), like the roster tab.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swdesk.services import search
from ui.widgets.worker_picker import WorkerPicker

ERROR_STYLE = "color: #b00020;"


def tr(text: str) -> str:
    return QCoreApplication.translate("ServiceForm", text)


class ErrorLine(QLabel):
    """A field's red problem line. Always laid out with one line's height reserved, so a problem
    appearing or clearing never moves the fields below it (a click aimed at one field must not
    land on the next). Empty text = no problem."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        # A Chinese line is taller than the Latin font's height (18 vs 14 px offscreen): measure one.
        self.setText("字")
        self.setMinimumHeight(self.sizeHint().height())
        self.setText("")


def _change_signals(widget: QWidget):
    """The signals that say the clerk changed `widget` or one of its parts."""
    parts = [widget, *widget.findChildren(QWidget)]
    for part in parts:
        if isinstance(part, QLineEdit):
            yield part.textChanged
        elif isinstance(part, QPlainTextEdit):
            yield part.textChanged
        elif isinstance(part, QComboBox):
            yield part.currentIndexChanged
        elif isinstance(part, QDateTimeEdit):   # QDateEdit too
            yield part.dateTimeChanged
        elif isinstance(part, QAbstractSpinBox) and hasattr(part, "valueChanged"):
            yield part.valueChanged
        elif isinstance(part, QAbstractButton) and part.isCheckable():
            yield part.toggled
        elif isinstance(part, QListWidget):
            yield part.itemChanged


class FormGuard(QObject):
    """When a form shows its problems, and whether closing it loses typed data.

    A field's problem is shown once the clerk has left that field (or pressed 保存, which shows
    all of them); nothing is red before anything was typed. While a problem is shown, each change
    re-checks, so a problem the clerk fixed clears at once and stays cleared.
    `check()` returns {field: message} for the whole form (the service's own validation);
    `show(problems)` puts them beside the fields (an empty dict clears them).
    """

    def __init__(self, parent: QWidget, check: Callable[[], dict[str, str]],
                 show: Callable[[dict[str, str]], None]):
        super().__init__(parent)
        self._check = check
        self._show = show
        self._keys: dict[QObject, str] = {}
        self.touched: set[str] = set()
        self.show_all = False
        self.dirty = False
        self._paused = False
        self.change_hooks: list[Callable[[str], None]] = []

    def watch(self, key: str, widget: QWidget) -> None:
        for part in [widget, *widget.findChildren(QWidget)]:
            self._keys[part] = key
            part.installEventFilter(self)
        for signal in _change_signals(widget):
            signal.connect(lambda *_a, k=key: self._changed(k))

    def paused(self):
        """`with guard.paused():` while the program fills fields (loading a record)."""
        guard = self

        class _Pause:
            def __enter__(self):
                guard._paused = True

            def __exit__(self, *_exc):
                guard._paused = False
        return _Pause()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and obj in self._keys:
            key = self._keys[obj]
            if self.dirty or key in self.touched:
                self.touched.add(key)
                self.refresh()
        return False

    def _changed(self, key: str) -> None:
        if self._paused:
            return
        self.dirty = True
        for hook in self.change_hooks:
            hook(key)
        if self.show_all or key in self.touched:
            self.refresh()

    def refresh(self) -> dict[str, str]:
        problems = self._check()
        shown = problems if self.show_all else {k: v for k, v in problems.items() if k in self.touched}
        self._show(shown)
        return problems

    def on_save(self) -> None:
        """保存 was pressed: from now on every problem is shown."""
        self.show_all = True

    def saved(self) -> None:
        self.dirty = False
        self.show_all = False
        self.touched.clear()

    def may_close(self, parent: QWidget) -> bool:
        """True when nothing typed would be lost, or the clerk agrees to discard it."""
        if not self.dirty or not parent.isVisible():
            return True
        answer = QMessageBox.question(
            parent, tr("放弃填写的内容"), tr("已填写的内容尚未保存，确定关闭并放弃吗？"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard


def to_qdate(day: _dt.date | None) -> QDate:
    day = day or _dt.date.today()
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> _dt.date:
    return _dt.date(value.year(), value.month(), value.day())


class DateTimeEdit(QDateTimeEdit):
    """A date and time that is one Tab stop. Qt's QDateTimeEdit walks its parts on Tab: leaving
    受理时间 took five presses (year, month, day, hour, minute). Here Tab and Shift+Tab leave the
    field at once; ←/→ move between the parts, ↑/↓ or digits change the selected one."""

    def focusNextPrevChild(self, next_: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next_)


class DateEdit(QDateEdit):
    """A date that is one Tab stop (see DateTimeEdit: Qt's takes three presses to leave)."""

    def focusNextPrevChild(self, next_: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next_)


def date_edit(day: _dt.date | None = None) -> QDateEdit:
    edit = DateEdit(to_qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(1900, 1, 1))
    return edit


class OptionalDate(QWidget):
    """A date that may be left blank: a tick box switches the date on."""

    def __init__(self, day: _dt.date | None = None, default: _dt.date | None = None, parent=None):
        super().__init__(parent)
        self.check = QCheckBox(self)
        self.edit = date_edit(day or default)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)

    def value(self) -> _dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, day: _dt.date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))


class WorkerSearch(WorkerPicker):
    """The worker picker of the programme forms: type part of a name, its pinyin initials or a
    phone number and pick from the list that drops down. `selected_worker_id()` is None until a
    worker is picked; `worker_chosen(int)` fires on a pick."""

    def set_worker(self, worker_id: int | None, _name: str = "") -> None:
        self.set_worker_id(worker_id)

    def selected_name(self) -> str:
        worker_id = self.selected_worker_id()
        row = search.row(worker_id) if worker_id else None
        return row.name if row else ""


class PeopleChecklist(QWidget):
    """People to tick, by id and name (the group's members, the elders seen, the household's
    volunteers); with `allow_add`, other workers can be added by search."""

    def __init__(self, parent=None, allow_add: bool = True):
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.search: WorkerSearch | None = None
        if allow_add:
            row = QHBoxLayout()
            self.search = WorkerSearch(self)
            row.addWidget(self.search, 1)
            add = QPushButton(tr("添加"), self)
            add.clicked.connect(self._add_searched)
            self.search.worker_chosen.connect(lambda _id: self._add_searched())
            row.addWidget(add)
            layout.addLayout(row)

    def set_workers(self, workers: Iterable[tuple[int, str]], checked: Iterable[int] = ()) -> None:
        checked = set(checked)
        self.list.clear()
        for worker_id, name in workers:
            self.add_worker(worker_id, name, worker_id in checked)

    def add_worker(self, worker_id: int, name: str, checked: bool = True) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == worker_id:
                item.setCheckState(Qt.CheckState.Checked if checked else item.checkState())
                return
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, worker_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def set_checked(self, worker_ids: Iterable[int]) -> None:
        wanted = set(worker_ids)
        for i in range(self.list.count()):
            item = self.list.item(i)
            state = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    def checked_ids(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _add_searched(self) -> None:
        if self.search is None or self.search.selected_worker_id() is None:
            return
        self.add_worker(self.search.selected_worker_id(), self.search.selected_name(), True)
        self.search.clear()


class LabelChecks(QWidget):
    """Tick boxes for the labels of an editable list, in a grid."""

    def __init__(self, labels: Iterable[str], parent=None, columns: int = 4):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for i, label in enumerate(labels):
            box = QCheckBox(label, self)
            self.boxes[label] = box
            layout.addWidget(box, i // columns, i % columns)

    def set_values(self, labels: Iterable[str]) -> None:
        wanted = set(labels)
        for label in wanted - set(self.boxes):
            # A label removed from the list since: still shown, so editing keeps it.
            box = QCheckBox(label, self)
            grid: QGridLayout = self.layout()  # type: ignore[assignment]
            n = len(self.boxes)
            grid.addWidget(box, n // 4, n % 4)
            self.boxes[label] = box
        for label, box in self.boxes.items():
            box.setChecked(label in wanted)

    def values(self) -> list[str]:
        return [label for label, box in self.boxes.items() if box.isChecked()]


def text_edit(text: str = "", height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlainText(text or "")
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit
