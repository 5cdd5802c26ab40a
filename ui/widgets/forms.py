"""Form widgets shared by the dialogs: a red problem line's style, dates (QDate ↔ date, a date
field, a date that may be blank), a multi-line text field, the worker search of the programme
forms, a tick list of people and tick boxes for an editable list's labels.

`WorkerSearch` finds people through the roster's search (swdesk.services.search), like the roster tab.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
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


def to_qdate(day: _dt.date | None) -> QDate:
    day = day or _dt.date.today()
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> _dt.date:
    return _dt.date(value.year(), value.month(), value.day())


def date_edit(day: _dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(day))
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
