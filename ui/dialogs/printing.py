"""打印服务证 / 打印胸牌 / 开具服务证明 / 核验服务证 / 打印机校准.

Every print goes: options → (cards and badges) the expired and departed cards named, printing
them only if the clerk says so → where to save → the job of swdesk/jobs (the same function the
command line calls) in the background, with progress and 取消 → if some character is in no font,
the clerk decides (print with blanks, or stop) → the saved PDF in the preview
(ui.dialogs.pdf_preview) with 打印. The window never draws a PDF itself and never imports
swdesk.pdf: what it shows is the file the job saved and audited.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from swdesk import periods
from swdesk.errors import UserError
from swdesk.jobs import JobResult
from swdesk.jobs import print_badges as badges_job
from swdesk.jobs import print_calibration as calibration_job
from swdesk.jobs import print_cards as cards_job
from swdesk.jobs import print_certificate as certificate_job
from swdesk.jobs import renew_cards as renew_job
from swdesk.services import search as roster  # the roster's search
from ui.app import settings, show_error
from ui.dialogs import pdf_preview
from ui.jobs import run_job
from ui.widgets.worker_picker import WorkerPicker

KINDS = {"cards": "服务证", "badges": "胸牌", "certificate": "服务证明"}

# What the caller of a print says instead of asking (tests, and the roster's own actions):
# the output path, and whether to print expired/departed cards. None = ask the clerk.
Answer = bool | None


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def printer_names() -> list[str]:
    """The system's printers, then any others that have a calibration stored."""
    names = list(QPrinterInfo.availablePrinterNames())
    names += [n for n in calibration_job.calibrations() if n not in names]
    return names


def _roster_choice(window) -> tuple[list[int], list[int]]:
    """(selected ids, ids of the current filter) in the roster tab, if it is built."""
    tab = window.tab("roster") if window is not None and hasattr(window, "tab") else None
    if tab is None:
        return [], []
    selected = list(tab.selected_worker_ids()) if hasattr(tab, "selected_worker_ids") else []
    filtered = roster.ids(tab.current_view()) if hasattr(tab, "current_view") else []
    return selected, filtered


def ask_pdf_path(parent: QWidget | None, title: str, suggested_name: str) -> str:
    """Where the PDF goes ("" when the clerk cancels); the folder is remembered."""
    folder = settings().value("printing/save_folder", str(Path.home()))
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / suggested_name),
                                          _tr("PDF 文件 (*.pdf)"))
    if path and not path.lower().endswith(".pdf"):
        path += ".pdf"
    if path:
        settings().setValue("printing/save_folder", str(Path(path).parent))
    return path


# --- options dialog ----------------------------------------------------------------------------

class PrintDialog(QDialog):
    """Options for cards or badges: who, layout, size, template, printer (calibration)."""

    def __init__(self, parent: QWidget | None, kind: str, selected: Sequence[int] = (),
                 filtered: Sequence[int] = ()):
        super().__init__(parent)
        self.setObjectName("PrintDialog")
        self.kind = kind
        self.window_ = parent
        self.selected = list(selected)
        self.filtered = list(filtered)
        self.setWindowTitle(self.tr("打印服务证") if kind == "cards" else self.tr("打印胸牌"))
        form = QFormLayout()
        # who
        who = QVBoxLayout()
        self.who_group = QButtonGroup(self)
        self.who_selected = QRadioButton(self.tr("人才队伍中选中的 %n 人", "", len(self.selected)), self)
        self.who_filtered = QRadioButton(self.tr("当前筛选结果 %n 人", "", len(self.filtered)), self)
        self.who_all = QRadioButton(self.tr("全部在册人员"), self)
        for i, button in enumerate((self.who_selected, self.who_filtered, self.who_all)):
            self.who_group.addButton(button, i)
            who.addWidget(button)
        self.who_selected.setEnabled(bool(self.selected))
        self.who_filtered.setEnabled(bool(self.filtered) and len(self.filtered) != len(self.selected))
        (self.who_selected if self.selected else self.who_all).setChecked(True)
        form.addRow(self.tr("打印对象："), who)
        # layout
        self.layout_box = QComboBox(self)
        self.layout_box.addItem(self.tr("A4 纸拼版（带裁切线，正反面交替，长边翻转双面打印）"), "a4")
        self.layout_box.addItem(self.tr("每页一张（证卡打印机）"), "single")
        form.addRow(self.tr("版式："), self.layout_box)
        self.size_box = QComboBox(self)
        self.size_box.addItem(self.tr("90 × 54 毫米"), "90x54")
        self.size_box.addItem(self.tr("100 × 70 毫米"), "100x70")
        if kind == "badges":
            form.addRow(self.tr("胸牌尺寸："), self.size_box)
        else:
            self.size_box.hide()
        # template
        self.template_edit = QLineEdit(self)
        self.template_edit.setPlaceholderText(self.tr("内置模板"))
        browse = QPushButton(self.tr("选择…"), self)
        browse.clicked.connect(self._browse_template)
        row = QHBoxLayout()
        row.addWidget(self.template_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("模板："), row)
        # printer calibration
        self.printer_box = printer_box(self)
        form.addRow(self.tr("打印机校准："), self.printer_box)
        buttons = QDialogButtonBox(self)
        self.preview_button = buttons.addButton(self.tr("生成并预览"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择模板"), str(cards_job.TEMPLATE_DIR),
                                              self.tr("模板文件 (*.json)"))
        if path:
            self.template_edit.setText(path)

    def worker_ids(self) -> list[int] | None:
        """The chosen ids; None = all active workers."""
        if self.who_selected.isChecked():
            return self.selected
        if self.who_filtered.isChecked():
            return self.filtered
        return None

    def options(self) -> dict:
        return {"layout_name": self.layout_box.currentData(), "size": self.size_box.currentData(),
                "template_path": self.template_edit.text().strip() or None,
                "printer": self.printer_box.currentData() or None}


def printer_box(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.addItem(_tr("不校准"), "")
    calibrated = calibration_job.calibrations()
    default = QPrinterInfo.defaultPrinterName()
    for name in printer_names():
        label = name + (_tr("（已校准）") if name in calibrated else "")
        box.addItem(label, name)
        if name == default and name in calibrated:
            box.setCurrentIndex(box.count() - 1)
    return box


# --- running a print job ------------------------------------------------------------------------

def run_print_job(parent: QWidget | None, label: str, title: str, work: Callable[[bool, Any], JobResult],
                  printer: str = "", on_preview: Callable | None = None, allow_missing: bool = False,
                  on_result: Callable[[JobResult], None] | None = None):
    """Run `work(allow_missing, progress)` (a job writing the PDF) in the background; on missing
    glyphs ask the clerk and run it again with blanks; then show the saved file."""

    def done(result: JobResult) -> None:
        pdf_preview.release_memory()  # what the job drew is gone; the preview reads the file
        if on_result is not None:
            on_result(result)
        dialog = pdf_preview.show_pdf(parent, result.path, title, printer_name=printer,
                                      message=result.message, warnings=result.warnings)
        if on_preview is not None:
            on_preview(dialog)

    def failed(exc: BaseException) -> None:
        pdf_preview.release_memory()  # a cancelled run frees what it had drawn
        if isinstance(exc, cards_job.MissingGlyphsError) and not allow_missing:
            if ask_print_with_blanks(parent, exc):
                run_print_job(parent, label, title, work, printer, on_preview, True, on_result)
            return
        show_error(parent, exc)

    return run_job(parent, label, lambda progress: work(allow_missing, progress), on_done=done, on_error=failed)


def ask_print_with_blanks(parent: QWidget | None, exc) -> bool:
    lines = "\n".join(m.describe() for m in exc.missing[:15])
    more = _tr("\n……共 %1 处").replace("%1", str(len(exc.missing))) if len(exc.missing) > 15 else ""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("字库缺字"),
                      _tr("以下字符在已安装的字体中都没有，打印出来会缺字：") + "\n\n" + lines + more + "\n\n"
                      + _tr("建议安装含这些字的 TrueType 字体，并在单位设置中选择它。"), parent=parent)
    go = box.addButton(_tr("仍然打印（缺字处留空）"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setObjectName("MissingGlyphsBox")
    box.exec()
    return box.clickedButton() is go


def ask_include_doubtful(parent: QWidget | None, kind: str, plan) -> str | None:
    """Before printing: name the expired and departed cards. "skip" = leave them out (the default
    button), "include" = print them too (a deliberate choice), "renew" = 续期 the expired ones
    first and print them renewed, None = do not print at all."""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("有不应再发出的%1").replace("%1", kind),
                      plan.question() + "\n\n" + _tr("默认不打印这些%1。").replace("%1", kind), parent=parent)
    box.setObjectName("DoubtfulCardsBox")
    skip = box.addButton(_tr("不打印这些，继续"), QMessageBox.ButtonRole.AcceptRole)
    renew = (box.addButton(_tr("先续期，再打印"), QMessageBox.ButtonRole.YesRole)
             if getattr(plan, "expired_ids", None) else None)
    anyway = box.addButton(_tr("仍然打印"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(skip)
    box.exec()
    clicked = box.clickedButton()
    return {skip: "skip", anyway: "include", renew: "renew"}.get(clicked) if clicked is not None else None


def start_batch(parent: QWidget | None, dialog: PrintDialog, on_preview: Callable | None = None,
                out: str | None = None, include_doubtful: Answer = None):
    """Cards or badges with the dialog's options: ask about expired/departed cards, where to save,
    then run the job. `out` / `include_doubtful` given: not asked (tests, benchmarks)."""
    kind = dialog.kind
    ids = dialog.worker_ids()
    name = _tr(KINDS[kind])
    try:
        plan = cards_job.plan_cards(ids) if kind == "cards" else badges_job.plan_badges(ids)
    except UserError as exc:
        show_error(parent, exc)
        return None
    choice = {True: "include", False: "skip"}.get(include_doubtful)
    if choice is None:
        choice = ask_include_doubtful(parent, name, plan) if plan.doubtful else "skip"
        if choice is None:
            return None
    out = out or ask_pdf_path(parent, _tr("保存%1").replace("%1", name),
                              f"{name}-{_dt.date.today():%Y%m%d}.pdf")
    if not out:
        return None
    if choice == "renew":
        return run_job(parent, _tr("正在续期…"), lambda progress: renew_job.renew_cards(plan.expired_ids,
                                                                                        progress=progress),
                       on_done=lambda _result: _print_batch(parent, dialog, ids, out, False, on_preview))
    return _print_batch(parent, dialog, ids, out, choice == "include", on_preview)


def _print_batch(parent: QWidget | None, dialog: PrintDialog, ids: list[int] | None, out: str,
                 include_doubtful: bool, on_preview: Callable | None):
    kind = dialog.kind
    options = dialog.options()
    name = _tr(KINDS[kind])
    common = {"layout": options["layout_name"], "template": options["template_path"], "printer": options["printer"]}

    def work(allow: bool, progress) -> JobResult:
        if kind == "cards":
            return cards_job.print_cards(out, ids, include_expired=include_doubtful, allow_missing_glyphs=allow,
                                         progress=progress, **common)
        return badges_job.print_badges(out, ids, size=options["size"], include_departed=include_doubtful,
                                       allow_missing_glyphs=allow, progress=progress, **common)

    return run_print_job(parent, _tr("正在生成%1…").replace("%1", name), _tr("%1预览").replace("%1", name),
                         work, options["printer"] or "", on_preview)


# --- menu targets ---------------------------------------------------------------------------------

def _open_batch(window, kind: str, worker_ids: Sequence[int] | None = None) -> None:
    if worker_ids is None:
        selected, filtered = _roster_choice(window)
    else:
        selected, filtered = list(worker_ids), []
    dialog = PrintDialog(window, kind, selected, filtered)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        start_batch(window, dialog)


def print_cards(window) -> None:
    _open_batch(window, "cards")


def print_badges(window) -> None:
    _open_batch(window, "badges")


def print_cards_for(window, worker_ids: Sequence[int]) -> None:
    """The roster's right-click 打印服务证: the options dialog with these workers chosen."""
    _open_batch(window, "cards", list(worker_ids))


# --- certificate -----------------------------------------------------------------------------------

class CertificateDialog(QDialog):
    def __init__(self, parent: QWidget | None, worker_id: int | None = None):
        super().__init__(parent)
        self.setObjectName("CertificateDialog")
        self.setWindowTitle(self.tr("开具志愿服务记录证明"))
        self.picker = WorkerPicker(self, active_only=False)
        if worker_id is not None:
            self.picker.set_worker_id(worker_id)
        self.period_edit = QLineEdit(self)
        self.period_edit.setText(periods.quarter_of(_dt.date.today()).label)
        self.period_edit.setToolTip(self.tr("季度写作 2026Q4，全年写作 2026，月份写作 2026-03"))
        # The 经办人 signs by hand; the name is printed beside the line. Asked once: remembered.
        self.clerk_edit = QLineEdit(self)
        self.clerk_edit.setText(certificate_job.default_clerk() or str(settings().value("printing/clerk", "") or ""))
        self.clerk_edit.setPlaceholderText(self.tr("经办人姓名（签字人）"))
        self.printer_box = printer_box(self)
        note = QLabel(self.tr("服务时长取自服务时长记录；期间尚未结束时证明截至开具之日；没有服务时长的期间不能开具。"
                              "同一人同一期间再次开具且内容未变时，视为补打（证明上标注“补打”并记入操作日志）。"), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("人员："), self.picker)
        form.addRow(self.tr("服务期间："), self.period_edit)
        form.addRow(self.tr("经办人："), self.clerk_edit)
        form.addRow(self.tr("打印机校准："), self.printer_box)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("开具并保存…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 260)

    def _accept(self) -> None:
        if self.picker.selected_worker_id() is None:
            QMessageBox.information(self, self.tr("提示"), self.tr("请先选择人员"))
            return
        try:
            periods.parse(self.period_edit.text())
        except UserError as exc:
            QMessageBox.information(self, self.tr("提示"), str(exc))
            return
        if self.clerk_edit.text().strip():
            settings().setValue("printing/clerk", self.clerk_edit.text().strip())
        self.accept()


def start_certificate(parent: QWidget | None, worker_id: int, period_label: str, printer: str = "",
                      on_preview: Callable | None = None, out: str | None = None, clerk: str | None = None):
    out = out or ask_pdf_path(parent, _tr("保存服务证明"), f"服务证明-{period_label}.pdf")
    if not out:
        return None

    def work(allow: bool, progress) -> JobResult:
        return certificate_job.print_certificate(out, worker_id, period_label, printer=printer or None, clerk=clerk,
                                 allow_missing_glyphs=allow, progress=progress)

    def issued(_result: JobResult) -> None:
        if parent is not None and hasattr(parent, "data_changed"):
            parent.data_changed.emit("certificate")

    return run_print_job(parent, _tr("正在开具证明…"), _tr("服务证明预览"), work, printer, on_preview,
                         on_result=issued)


def print_certificate(window, worker_id: int | None = None) -> None:
    if worker_id is None:
        selected, _ = _roster_choice(window)
        worker_id = selected[0] if selected else None
    dialog = CertificateDialog(window, worker_id)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        start_certificate(window, dialog.picker.selected_worker_id(), periods.parse(dialog.period_edit.text()).label,
                          dialog.printer_box.currentData() or "", clerk=dialog.clerk_edit.text().strip())


# --- verify ---------------------------------------------------------------------------------------

# --- calibration ----------------------------------------------------------------------------------

class CalibrationDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("CalibrationDialog")
        self.setWindowTitle(self.tr("打印机校准"))
        self.printer_edit = QComboBox(self)
        self.printer_edit.setEditable(True)
        self.printer_edit.addItems(printer_names())
        default = QPrinterInfo.defaultPrinterName()
        if default:
            self.printer_edit.setCurrentText(default)
        self.printer_edit.currentTextChanged.connect(self._show_current)
        self.current_label = QLabel(self)
        self.fields: dict[str, QDoubleSpinBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("打印机："), self.printer_edit)
        form.addRow(self.tr("当前校准："), self.current_label)
        step_one = QPushButton(self.tr("第一步：生成校准页并打印…"), self)
        step_one.clicked.connect(self.preview_test_page)
        form.addRow(step_one)
        for key, label, default_value in (
                ("left", self.tr("外框左边到纸边（毫米）"), calibration_job.CARD_X_MM),
                ("top", self.tr("外框上边到纸边（毫米）"), calibration_job.CARD_Y_MM),
                ("horizontal", self.tr("横线实际长度（毫米）"), calibration_job.LINE_MM),
                ("vertical", self.tr("竖线实际长度（毫米）"), calibration_job.LINE_MM)):
            box = QDoubleSpinBox(self)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            box.setRange(default_value * 0.8, default_value * 1.2 if key in ("horizontal", "vertical") else 80)
            box.setValue(default_value)
            self.fields[key] = box
            form.addRow(label, box)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(self.tr("第二步：保存测量结果"), QDialogButtonBox.ButtonRole.AcceptRole)
        clear = buttons.addButton(self.tr("清除此打印机的校准"), QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        save.clicked.connect(self.save)
        clear.clicked.connect(self.clear)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._show_current(self.printer_edit.currentText())

    def printer(self) -> str:
        return self.printer_edit.currentText().strip()

    def _show_current(self, name: str) -> None:
        entry = calibration_job.calibrations().get(name.strip())
        if not entry:
            self.current_label.setText(self.tr("未校准"))
            return
        self.current_label.setText(self.tr("偏移 %1, %2 毫米；比例 %3, %4")
                                   .replace("%1", f"{entry['dx']:+.1f}").replace("%2", f"{entry['dy']:+.1f}")
                                   .replace("%3", f"{entry['sx']:.3f}").replace("%4", f"{entry['sy']:.3f}"))

    def preview_test_page(self, on_preview: Callable | None = None, out: str | None = None):
        printer = self.printer()
        out = out or ask_pdf_path(self, self.tr("保存校准页"), "校准页.pdf")
        if not out:
            return None
        return run_print_job(self, self.tr("正在生成校准页…"), self.tr("校准页预览"),
                             lambda _allow, progress: calibration_job.print_calibration(out, progress=progress),
                             printer, on_preview if callable(on_preview) else None)

    def measured_entry(self) -> dict[str, float]:
        f = self.fields
        return calibration_job.offsets_from_measurement(f["left"].value(), f["top"].value(),
                                                    f["horizontal"].value(), f["vertical"].value())

    def save(self) -> bool:
        entry = self.measured_entry()
        try:
            calibration_job.save_calibration(self.printer(), entry["dx"], entry["dy"], entry["sx"], entry["sy"])
        except UserError as exc:
            QMessageBox.warning(self, self.tr("提示"), str(exc))
            return False
        self._show_current(self.printer())
        parent = self.parent()
        if parent is not None and hasattr(parent, "data_changed"):
            parent.data_changed.emit("setting")
        return True

    def clear(self) -> None:
        calibration_job.clear_calibration(self.printer())
        self._show_current(self.printer())


def calibrate_printer(window) -> None:
    CalibrationDialog(window).exec()


__all__ = ["print_cards", "print_badges", "print_certificate", "calibrate_printer",
           "print_cards_for"]
