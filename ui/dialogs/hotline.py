"""Dialogs of the 服务热线 tab: a new (or corrected) request, assigning any worker, completing,
the follow-up call, and the reason for 转介/撤销.

Each dialog calls the service itself when 确定 is pressed; a ValidationError puts every problem
beside its field and keeps the dialog open, so nothing half-done is ever written.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from swdesk import vocab
from swdesk.services import checkin, hotline
from swdesk.services.base import UserError, ValidationError
from ui import keyboard
from ui.widgets.checkin import CheckinField
from ui.widgets.forms import ERROR_STYLE, DateEdit, DateTimeEdit, ErrorLine, FormGuard
from ui.widgets.worker_picker import WorkerPicker


class ActionFormDialog(QDialog):
    """A form of labelled fields with an error line under each, 确定 / 取消; `save()` does the work
    (a hotline step, a training course). Programme records use service_form.RecordFormDialog."""

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.layout_.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.errors: dict[str, QLabel] = {}
        self.result_value: Any = None
        # The problems 确定 reported, less those of fields changed since (see check()).
        self._save_problems: dict[str, str] = {}
        self.guard = FormGuard(self, self.check, self.show_problem_map)
        self.guard.change_hooks.append(lambda key: self._save_problems.pop(key, None))

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)   # Tab moves on; a text needs no tab characters
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        error = ErrorLine(holder)
        box.addWidget(error)
        self.errors[key] = error
        self.form.addRow(label, holder)
        self.guard.watch(key, widget)
        return widget

    def check(self) -> dict[str, str]:
        """Problems of the form as it stands; dialogs whose service can check without writing
        override it. By default: what 确定 reported, for the fields not changed since."""
        return dict(self._save_problems)

    def show_problem_map(self, problems: dict[str, str]) -> None:
        leftover = []
        for label in self.errors.values():
            label.setText("")
        for key, message in problems.items():
            label = self.errors.get(key)
            if label is None:
                leftover.append(message)
            else:
                label.setText(message)
        self.general_error.setText("；".join(leftover))
        self.general_error.setVisible(bool(leftover))

    def show_problems(self, exc: UserError) -> None:
        problems = exc.problems if isinstance(exc, ValidationError) else {"": str(exc)}
        self._save_problems = dict(problems)
        self.guard.on_save()
        self.show_problem_map(problems)

    def showEvent(self, event) -> None:
        """The form opens with the focus in its first field, not on 确定."""
        super().showEvent(event)
        focused = self.focusWidget()
        if focused is None or isinstance(focused, QAbstractButton):
            keyboard.focus_first(self)

    def save(self) -> Any:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self.save()
        except UserError as exc:
            self.show_problems(exc)
            return
        self.guard.saved()
        super().accept()

    def reject(self) -> None:
        """取消, Esc and the window's close box ask before typed data is thrown away."""
        if self.guard.may_close(self):
            super().reject()


def _combo(items, current: str | None = None) -> QComboBox:
    combo = QComboBox()
    for item in items:
        combo.addItem(item)
    if current:
        combo.setCurrentText(current)
    return combo


def _py_datetime(value: QDateTime) -> _dt.datetime:
    d, t = value.date(), value.time()
    return _dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def _qdatetime(value: _dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


class RequestDialog(ActionFormDialog):
    """新建/修改热线工单."""

    def __init__(self, parent: QWidget | None, detail: hotline.RequestDetail | None = None):
        super().__init__(parent, self.tr("修改热线工单") if detail else self.tr("受理热线工单"))
        self.detail = detail
        received = detail.received_at if detail else _dt.datetime.now().replace(second=0, microsecond=0)
        self.received = DateTimeEdit(_qdatetime(received))
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setCalendarPopup(True)
        self.add_field("received_at", self.tr("受理时间"), self.received)
        self.channel = self.add_field("channel", self.tr("受理渠道"),
                                      _combo(vocab.HOTLINE_CHANNELS, detail.channel if detail else None))
        self.name = self.add_field("resident_name", self.tr("居民姓名"), QLineEdit(detail.resident_name if detail else ""))
        self.phone = self.add_field("phone", self.tr("联系电话"), QLineEdit(detail.phone if detail else ""))
        self.community = QComboBox()
        self.community.addItem(self.tr("（未指定）"), None)
        for community_id, name in hotline.communities():
            self.community.addItem(name, community_id)
        if detail and detail.community_id:
            self.community.setCurrentIndex(max(0, self.community.findData(detail.community_id)))
        self.add_field("community", self.tr("所在社区"), self.community)
        self.category = self.add_field("category", self.tr("热线类别"),
                                       _combo(vocab.HOTLINE_CATEGORIES, detail.category if detail else None))
        self.text = QPlainTextEdit(detail.text if detail else "")
        self.text.setPlaceholderText(self.tr("居民反映的困难和需要的帮助"))
        self.text.setFixedHeight(90)
        self.add_field("text", self.tr("诉求内容"), self.text)
        self.urgency = self.add_field("urgency", self.tr("紧急程度"),
                                      _combo(vocab.HOTLINE_URGENCIES, detail.urgency if detail else None))
        self.preferred = self.add_field("preferred_time", self.tr("期望服务时间"),
                                        QLineEdit(detail.preferred_time if detail else ""))
        self.preferred.setPlaceholderText(self.tr("例如：工作日上午"))

    def values(self) -> dict[str, Any]:
        return {
            "received_at": _py_datetime(self.received.dateTime()),
            "channel": self.channel.currentText(),
            "resident_name": self.name.text(),
            "phone": self.phone.text(),
            "community": self.community.currentData(),
            "category": self.category.currentText(),
            "text": self.text.toPlainText(),
            "urgency": self.urgency.currentText(),
            "preferred_time": self.preferred.text(),
        }

    def check(self) -> dict[str, str]:
        return hotline.check_request(self.values())

    def save(self):
        if self.detail is None:
            return hotline.log_request(self.values())
        return hotline.update_request(self.detail.id, self.values(), version=self.detail.version)


class AssignDialog(ActionFormDialog):
    """分派: pick any active worker from the roster (the suggestions list covers the usual case)."""

    def __init__(self, parent: QWidget | None, detail: hotline.RequestDetail):
        super().__init__(parent, self.tr("分派服务人员"))
        self.detail = detail
        self.chosen: list[int] = []
        self.listing = QListWidget(self)
        self.listing.setFixedHeight(110)
        self.picker = WorkerPicker(self)
        self.picker.worker_chosen.connect(self.add_worker)
        self.add_field("workers", self.tr("查找人员"), self.picker)
        self.office_id = checkin.office_of("hotline_request", detail.id)
        self.checkin = CheckinField(self._check_in, self)
        self.checkin.accepted.connect(lambda r: self.add_worker(r.worker_id, f"{r.name}  {r.card_no}"))
        self.form.addRow(self.tr("扫码签到"), self.checkin)
        self.form.addRow(self.tr("待分派"), self.listing)

    def _check_in(self, text: str) -> checkin.CheckinResult:
        """The worker who came to the desk checks in: added to the workers to assign."""
        return checkin.check_in(checkin.Selection(self.office_id, set(self.chosen)), text)

    def add_worker(self, worker_id: int, label: str | None = None) -> None:
        if worker_id in self.chosen:
            return
        self.chosen.append(worker_id)
        self.listing.addItem(QListWidgetItem(label or self.picker.edit.text() or str(worker_id)))
        self.picker.clear()

    def save(self):
        return hotline.assign(self.detail.id, self.chosen, version=self.detail.version)


class CompleteDialog(ActionFormDialog):
    """完成: service minutes and what was done; the minutes go to each assigned worker's hours."""

    def __init__(self, parent: QWidget | None, detail: hotline.RequestDetail):
        super().__init__(parent, self.tr("工单完成"))
        self.detail = detail
        names = "、".join(name for _id, name in detail.workers)
        self.form.addRow(self.tr("服务人员"), QLabel(names))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" 分钟"))
        self.add_field("minutes", self.tr("服务时长"), self.minutes)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("办理情况"))
        self.note.setFixedHeight(80)
        self.add_field("note", self.tr("办理情况"), self.note)
        self.errors["completed_at"] = self.errors["note"]
        self.errors["workers"] = self.errors["note"]

    def save(self):
        return hotline.complete(self.detail.id, self.minutes.value(), self.note.toPlainText(),
                                version=self.detail.version)


class FollowUpDialog(ActionFormDialog):
    """回访: date of the call, satisfaction, note."""

    def __init__(self, parent: QWidget | None, detail: hotline.RequestDetail):
        super().__init__(parent, self.tr("回访"))
        self.detail = detail
        today = _dt.date.today()
        self.date = DateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.add_field("date", self.tr("回访日期"), self.date)
        self.satisfaction = self.add_field("satisfaction", self.tr("满意度"), _combo(vocab.SATISFACTIONS))
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(80)
        self.add_field("note", self.tr("回访记录"), self.note)

    def save(self):
        d = self.date.date()
        return hotline.follow_up(self.detail.id, _dt.date(d.year(), d.month(), d.day()),
                                 self.satisfaction.currentText(), self.note.toPlainText(),
                                 version=self.detail.version)


class ReasonDialog(ActionFormDialog):
    """转介 or 撤销 with the reason."""

    def __init__(self, parent: QWidget | None, detail: hotline.RequestDetail, action: str):
        title = self.tr("转介工单") if action == "refer" else self.tr("撤销工单")
        super().__init__(parent, title)
        self.detail = detail
        self.action = action
        self.reason = QPlainTextEdit()
        self.reason.setFixedHeight(80)
        self.reason.setPlaceholderText(self.tr("例如：转区法律援助中心") if action == "refer"
                                       else self.tr("例如：居民已自行解决"))
        self.add_field("reason", self.tr("转介去向/原因") if action == "refer" else self.tr("撤销原因"),
                       self.reason)

    def save(self):
        func = hotline.refer if self.action == "refer" else hotline.cancel
        return func(self.detail.id, self.reason.toPlainText(), version=self.detail.version)


class SpecialtyMapDialog(ActionFormDialog):
    """推荐规则: which specialties fit each hotline category (the office's own mapping)."""

    def __init__(self, parent: QWidget | None):
        from PySide6.QtWidgets import QCheckBox, QGridLayout

        from swdesk.services import vocabulary

        super().__init__(parent, self.tr("推荐规则：热线类别对应的专业特长"))
        grid = QGridLayout()
        specialties = vocabulary.items("specialty")
        mapping = hotline.specialty_map()
        self.checks: dict[str, dict[str, QCheckBox]] = {}
        for column, specialty in enumerate(specialties, start=1):
            grid.addWidget(QLabel(specialty), 0, column, alignment=Qt.AlignmentFlag.AlignCenter)
        for row, category in enumerate(vocab.HOTLINE_CATEGORIES, start=1):
            grid.addWidget(QLabel(category), row, 0)
            self.checks[category] = {}
            for column, specialty in enumerate(specialties, start=1):
                box = QCheckBox()
                box.setChecked(specialty in mapping.get(category, []))
                grid.addWidget(box, row, column, alignment=Qt.AlignmentFlag.AlignCenter)
                self.checks[category][specialty] = box
        self.form.addRow(grid)
        hint = QLabel(self.tr("推荐人员时，具有所勾选专业特长的人员排在前面。"))
        hint.setStyleSheet("color:#666")
        self.form.addRow(hint)

    def mapping(self) -> dict[str, list[str]]:
        return {category: [s for s, box in boxes.items() if box.isChecked()]
                for category, boxes in self.checks.items()}

    def save(self):
        hotline.save_specialty_map(self.mapping())
        return self.mapping()
