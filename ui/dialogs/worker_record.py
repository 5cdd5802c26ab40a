"""Window actions of issue 18: print a worker's 个人志愿服务记录, print star certificates, and the
list of certified workers at risk of registering short of hours. The jobs (swdesk.jobs.print_record,
print_stars) apply every rule; this only asks for the arguments and shows the result."""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from swdesk import periods
from swdesk.errors import UserError
from swdesk.jobs import JobResult
from swdesk.jobs import print_record as record_job
from swdesk.jobs import print_stars as stars_job
from swdesk.jobs.print_certificate import default_clerk
from ui.dialogs.printing import ask_pdf_path, printer_box, run_print_job
from ui.widgets.forms import OptionalDate
from ui.widgets.worker_picker import WorkerPicker
from ui.widgets.worker_record import AtRiskList


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkerRecordDialogs", text)


class RecordDialog(QDialog):
    """Who, from when to when (blank: from joining, to today), who signs, which printer."""

    def __init__(self, parent: QWidget | None, worker_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("RecordDialog")
        self.setWindowTitle(self.tr("出具个人志愿服务记录"))
        self.picker = WorkerPicker(self, active_only=False)
        if worker_id is not None:
            self.picker.set_worker_id(worker_id)
        self.start_edit = OptionalDate()
        self.end_edit = OptionalDate()
        self.clerk_edit = QLineEdit(default_clerk(), self)
        self.clerk_edit.setPlaceholderText(self.tr("经办人姓名（签字人）"))
        self.printer_box = printer_box(self)
        note = QLabel(self.tr("记录包括个人基本信息（证件号码打码）、各项目每次服务的日期、内容和时长、培训、表彰奖励、"
                              "评价和星级；截止日期不能晚于今天。每次出具都登记编号。"), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("人员："), self.picker)
        form.addRow(self.tr("起始日期（空：加入日期）："), self.start_edit)
        form.addRow(self.tr("截止日期（空：今天）："), self.end_edit)
        form.addRow(self.tr("经办人："), self.clerk_edit)
        form.addRow(self.tr("打印机校准："), self.printer_box)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("出具并保存…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.picker.selected_worker_id() is None:
            QMessageBox.information(self, self.tr("提示"), self.tr("请先选择人员"))
            return
        self.accept()


def _issued(parent: QWidget | None, table: str) -> Callable[[JobResult], None]:
    def done(_result: JobResult) -> None:
        if parent is not None and hasattr(parent, "data_changed"):
            parent.data_changed.emit(table)
    return done


def start_record(parent: QWidget | None, worker_id: int, start: _dt.date | None, end: _dt.date | None,
                 clerk: str, printer: str = "", out: str | None = None, on_preview: Callable | None = None):
    out = out or ask_pdf_path(parent, _tr("保存个人志愿服务记录"), "个人志愿服务记录.pdf")
    if not out:
        return None

    def work(allow: bool, progress) -> JobResult:
        return record_job.print_record(out, worker_id, start, end, printer=printer or None, clerk=clerk,
                                       allow_missing_glyphs=allow, progress=progress)

    return run_print_job(parent, _tr("正在出具服务记录…"), _tr("个人志愿服务记录预览"), work, printer, on_preview,
                         on_result=_issued(parent, "record_issue"))


def print_record(window, worker_id: int | None = None) -> None:
    dialog = RecordDialog(window, worker_id)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        start_record(window, dialog.picker.selected_worker_id(), dialog.start_edit.value(),
                     dialog.end_edit.value(), dialog.clerk_edit.text().strip(),
                     dialog.printer_box.currentData() or "")


class StarsDialog(QDialog):
    """A period (the new stars of that quarter) or blank (every level not yet printed)."""

    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("StarsDialog")
        self.setWindowTitle(self.tr("打印星级证书"))
        self.period_edit = QLineEdit(periods.quarter_of(_dt.date.today()).label, self)
        self.period_edit.setToolTip(self.tr("季度写作 2026Q4；留空则打印全部尚未打印的星级证书"))
        self.printer_box = printer_box(self)
        form = QFormLayout()
        form.addRow(self.tr("新晋星级的期间："), self.period_edit)
        form.addRow(self.tr("打印机校准："), self.printer_box)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("生成并保存…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def period(self) -> periods.Period | None:
        text = self.period_edit.text().strip()
        return periods.parse(text) if text else None

    def _accept(self) -> None:
        try:
            self.period()
        except UserError as exc:
            QMessageBox.information(self, self.tr("提示"), str(exc))
            return
        self.accept()


def start_stars(parent: QWidget | None, period: periods.Period | None, printer: str = "",
                out: str | None = None, on_preview: Callable | None = None):
    out = out or ask_pdf_path(parent, _tr("保存星级证书"), f"星级证书-{period.label if period else '未打印'}.pdf")
    if not out:
        return None

    def work(allow: bool, progress) -> JobResult:
        return stars_job.print_stars(out, period, printer=printer or None, allow_missing_glyphs=allow,
                                     progress=progress)

    return run_print_job(parent, _tr("正在生成星级证书…"), _tr("星级证书预览"), work, printer, on_preview,
                         on_result=_issued(parent, "star_certificate"))


def print_stars(window) -> None:
    dialog = StarsDialog(window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        start_stars(window, dialog.period(), dialog.printer_box.currentData() or "")


class AtRiskDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("AtRiskDialog")
        self.setWindowTitle(self.tr("继续教育提醒"))
        self.list = AtRiskList(self)
        if window is not None and hasattr(window, "switch_to"):
            self.list.open_worker.connect(lambda worker_id: window.switch_to("roster", worker_id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.resize(640, 420)


def show_at_risk(window) -> None:
    AtRiskDialog(window).exec()
