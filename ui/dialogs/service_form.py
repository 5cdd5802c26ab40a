"""Form pieces shared by the programme dialogs (mentoring, elder care, home beds).

`FormDialog` lays out labelled fields with an error line under each; on 保存 it collects the
values, calls the service, and on a ValidationError shows every problem beside its field and
writes nothing. Widgets: `WorkerSearch` (search-as-you-type over the roster), `PeopleChecklist`
(tick the people present; add other workers by search), `LabelChecks` (several labels of an editable
list), `OptionalDate`.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from swdesk.services.base import ConflictError, UserError, ValidationError
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
        from swdesk.services import search

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


class FormDialog(QDialog):
    """A form: labelled fields, a red problem line under each, 保存 / 取消.

    Subclasses add fields with `add_field(key, label, widget)`, implement `values()` and
    `submit(values)` (which calls the service and returns its result).
    """

    saved = Signal(object)

    def __init__(self, title: str, parent=None, scroll: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_record: Any = None
        self._errors: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}
        outer = QVBoxLayout(self)
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        outer.addWidget(self.general_error)
        body = QWidget(self)
        body_box = QVBoxLayout(body)
        body_box.setContentsMargins(4, 4, 8, 4)
        self.form = QFormLayout()
        body_box.addLayout(self.form)
        body_box.addStretch(1)  # extra height goes below the fields, not between them
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if scroll:
            area = QScrollArea(self)
            area.setWidgetResizable(True)
            area.setWidget(body)
            outer.addWidget(area, 1)
        else:
            outer.addWidget(body, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def add_field(self, key: str, label: str, widget: QWidget, required: bool = False) -> QWidget:
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        error = QLabel(holder)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        self._errors[key] = error
        self._widgets[key] = widget
        self.form.addRow(tr("{0}：").format(f"{label}{' *' if required else ''}") if label else "", holder)
        return widget

    def field(self, key: str) -> QWidget:
        return self._widgets[key]

    def error_text(self, key: str) -> str:
        label = self._errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def problems_shown(self) -> dict[str, str]:
        shown = {key: label.text() for key, label in self._errors.items() if not label.isHidden()}
        if not self.general_error.isHidden():
            shown[""] = self.general_error.text()
        return shown

    def clear_problems(self) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        self.general_error.clear()
        self.general_error.hide()

    def show_problems(self, problems: dict[str, str]) -> None:
        self.clear_problems()
        loose = []
        first: QWidget | None = None
        for key, message in problems.items():
            label = self._errors.get(key)
            if label is None:
                loose.append(message)
                continue
            label.setText(message)
            label.show()
            first = first or self._widgets[key]
        if loose:
            self.general_error.setText("；".join(loose))
            self.general_error.show()
        if first is not None:
            first.setFocus()

    # --- to implement ---------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def submit(self, values: dict[str, Any]) -> Any:
        raise NotImplementedError

    def save(self) -> None:
        try:
            self.result_record = self.submit(self.values())
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except (ConflictError, UserError) as exc:
            self.clear_problems()
            self.general_error.setText(str(exc))
            self.general_error.show()
            return
        self.clear_problems()
        self.saved.emit(self.result_record)
        self.accept()


def text_edit(text: str = "", height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setPlainText(text or "")
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def run_form(dialog: FormDialog, on_saved: Callable[[Any], None] | None = None) -> Any:
    """Show the form modally; returns the saved record or None."""
    if dialog.exec() == QDialog.DialogCode.Accepted:
        if on_saved is not None:
            on_saved(dialog.result_record)
        return dialog.result_record
    return None
