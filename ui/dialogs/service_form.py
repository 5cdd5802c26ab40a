"""The form dialog of the programme records (mentoring, elder care, home beds).

`RecordFormDialog` lays out labelled fields with an error line under each; on 保存 it collects the
values, calls the service, and on a ValidationError shows every problem beside its field and
writes nothing; a ConflictError (another clerk saved first) says what they changed. The widgets
the forms use are in ui/widgets/forms.py.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from swdesk.services.base import ConflictError, UserError, ValidationError
from ui import keyboard
from ui.widgets.forms import ERROR_STYLE, ErrorLine, FormGuard, tr


class RecordFormDialog(QDialog):
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
        # The problems 保存 reported, less those of fields changed since: a fixed problem clears
        # as the clerk types and stays cleared; one not yet fixed stays shown.
        self._save_problems: dict[str, str] = {}
        self.guard = FormGuard(self, lambda: dict(self._save_problems), self._show_map)
        self.guard.change_hooks.append(lambda key: self._save_problems.pop(key, None))
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
        error = ErrorLine(holder)
        box.addWidget(error)
        self._errors[key] = error
        self._widgets[key] = widget
        self.guard.watch(key, widget)
        self.form.addRow(tr("{0}：").format(f"{label}{' *' if required else ''}") if label else "", holder)
        return widget

    def field(self, key: str) -> QWidget:
        return self._widgets[key]

    def error_text(self, key: str) -> str:
        label = self._errors.get(key)
        return label.text() if label is not None else ""

    def problems_shown(self) -> dict[str, str]:
        shown = {key: label.text() for key, label in self._errors.items() if label.text()}
        if not self.general_error.isHidden():
            shown[""] = self.general_error.text()
        return shown

    def clear_problems(self) -> None:
        for label in self._errors.values():
            label.clear()
        self.general_error.clear()
        self.general_error.hide()

    def show_problems(self, problems: dict[str, str]) -> None:
        self._save_problems = dict(problems)
        self.guard.on_save()
        self._show_map(problems)
        for key in problems:
            if key in self._widgets:
                self._widgets[key].setFocus()
                break

    def _show_map(self, problems: dict[str, str]) -> None:
        self.clear_problems()
        loose = []
        for key, message in problems.items():
            label = self._errors.get(key)
            if label is None:
                loose.append(message)
                continue
            label.setText(message)
        if loose:
            self.general_error.setText("；".join(loose))
            self.general_error.show()

    def showEvent(self, event) -> None:
        """The form opens with the focus in its first field, not on 确定."""
        super().showEvent(event)
        focused = self.focusWidget()
        if focused is None or isinstance(focused, QAbstractButton):
            keyboard.focus_first(self)

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
        self.guard.saved()
        self.saved.emit(self.result_record)
        self.accept()

    def reject(self) -> None:
        """取消, Esc and the window's close box ask before typed data is thrown away."""
        if self.guard.may_close(self):
            super().reject()


def run_form(dialog: RecordFormDialog, on_saved: Callable[[Any], None] | None = None) -> Any:
    """Show the form modally; returns the saved record or None."""
    if dialog.exec() == QDialog.DialogCode.Accepted:
        if on_saved is not None:
            on_saved(dialog.result_record)
        return dialog.result_record
    return None
