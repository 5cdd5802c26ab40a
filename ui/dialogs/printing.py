"""打印服务证 / 打印胸牌 / 开具服务证明 / 核验服务证 / 打印机校准.

Every print goes: options → the PDF made by swdesk.pdf in a background job (progress, 取消) →
if some character is in no font, the clerk decides (print with blanks, or stop) → the preview
of the real PDF (ui.dialogs.pdf_preview) → save or print.
"""
from __future__ import annotations

import datetime as _dt
import os
import tempfile
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
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

KINDS = {"cards": "服务证", "badges": "胸牌", "certificate": "服务证明"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def _temp_pdf(prefix: str) -> str:
    handle, path = tempfile.mkstemp(prefix=f"swdesk-{prefix}-", suffix=".pdf")
    os.close(handle)
    return path


def printer_names() -> list[str]:
    """The system's printers, then any others that have a calibration stored."""
    from swdesk.pdf import common

    names = list(QPrinterInfo.availablePrinterNames())
    names += [n for n in common.calibrations() if n not in names]
    return names


def _roster_choice(window) -> tuple[list[int], list[int]]:
    """(selected ids, ids of the current filter) in the roster tab, if it is built."""
    try:
        tab = window.tab("roster")
    except Exception:
        return [], []
    selected = list(getattr(tab, "selected_worker_ids", lambda: [])())
    filtered: list[int] = []
    view = getattr(tab, "current_view", None)
    if view is not None:
        try:
            from swdesk.services import search as roster  # the roster's search

            filtered = roster.ids(view())
        except Exception:
            filtered = []
    return selected, filtered


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
        from swdesk.pdf import templates

        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择模板"), str(templates.TEMPLATE_DIR),
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
    from swdesk.pdf import common

    box = QComboBox(parent)
    box.addItem(_tr("不校准"), "")
    calibrated = common.calibrations()
    default = QPrinterInfo.defaultPrinterName()
    for name in printer_names():
        label = name + (_tr("（已校准）") if name in calibrated else "")
        box.addItem(label, name)
        if name == default and name in calibrated:
            box.setCurrentIndex(box.count() - 1)
    return box


# --- making the PDF -------------------------------------------------------------------------------

def make_batch_pdf(kind: str, worker_ids: list[int] | None, options: dict, out: str,
                   allow_missing: bool, progress) -> object:
    """The work of the background job (no Qt here): select, check, render."""
    from swdesk.pdf import badges, cards, common
    from swdesk.services.base import UserError

    workers = common.select_workers(all_active=True) if worker_ids is None else common.workers_by_ids(worker_ids)
    if not workers:
        raise UserError(_tr("没有要打印的人员"))
    if kind == "cards":
        if worker_ids is None:  # everyone: those who have no card number yet are left out
            workers, _skipped = cards.split_by_card_no(workers)
            if not workers:
                raise UserError(_tr("在册人员都还没有服务证号，没有可打印的服务证"))
        return cards.render_cards(workers, out, options["layout_name"], options["template_path"],
                                  options["printer"], allow_missing, progress)
    return badges.render_badges(workers, out, options["layout_name"], options["size"], options["template_path"],
                                options["printer"], allow_missing, progress)


def run_print_job(parent: QWidget | None, label: str, title: str, make: Callable[[str, bool, object], object],
                  suggested_name: str, printer: str = "", on_preview: Callable | None = None,
                  allow_missing: bool = False):
    """Make the PDF in the background; on missing glyphs ask the clerk; then show the preview."""
    from swdesk.pdf.common import MissingGlyphsError
    from ui.jobs import run_job

    out = _temp_pdf("print")

    def done(_result) -> None:
        from ui.dialogs import pdf_preview

        dialog = pdf_preview.show_pdf(parent, out, title, suggested_name=suggested_name, printer_name=printer)
        if on_preview is not None:
            on_preview(dialog)

    def failed(exc: BaseException) -> None:
        try:
            os.remove(out)
        except OSError:
            pass
        if isinstance(exc, MissingGlyphsError) and not allow_missing:
            if ask_print_with_blanks(parent, exc):
                run_print_job(parent, label, title, make, suggested_name, printer, on_preview, allow_missing=True)
            return
        from ui.app import show_error

        show_error(parent, exc)

    return run_job(parent, label, lambda progress: make(out, allow_missing, progress), on_done=done,
                   on_error=failed)


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


def start_batch(parent: QWidget | None, dialog: PrintDialog, on_preview: Callable | None = None):
    kind = dialog.kind
    ids = dialog.worker_ids()
    options = dialog.options()
    name = _tr(KINDS[kind])
    stamp = _dt.date.today().strftime("%Y%m%d")
    return run_print_job(
        parent, _tr("正在生成%1…").replace("%1", name), _tr("%1预览").replace("%1", name),
        lambda out, allow, progress: make_batch_pdf(kind, ids, options, out, allow, progress),
        f"{name}-{stamp}.pdf", options["printer"] or "", on_preview)


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
        from ui.widgets.worker_picker import WorkerPicker

        self.setObjectName("CertificateDialog")
        self.setWindowTitle(self.tr("开具志愿服务记录证明"))
        self.picker = WorkerPicker(self, active_only=False)
        if worker_id is not None:
            self.picker.set_worker_id(worker_id)
        self.period_edit = QLineEdit(self)
        self.period_edit.setText(periods.quarter_of(_dt.date.today()).label)
        self.period_edit.setToolTip(self.tr("季度写作 2026Q4，全年写作 2026，月份写作 2026-03"))
        self.printer_box = printer_box(self)
        note = QLabel(self.tr("服务时长取自服务时长记录；同一人同一期间再次开具且时长未变时，视为补打（证明上标注“补打”并记入操作日志）。"), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("人员："), self.picker)
        form.addRow(self.tr("服务期间："), self.period_edit)
        form.addRow(self.tr("打印机校准："), self.printer_box)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("开具并预览"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 220)

    def _accept(self) -> None:
        from swdesk.services.base import UserError

        if self.picker.selected_worker_id() is None:
            QMessageBox.information(self, self.tr("提示"), self.tr("请先选择人员"))
            return
        try:
            periods.parse(self.period_edit.text())
        except UserError as exc:
            QMessageBox.information(self, self.tr("提示"), str(exc))
            return
        self.accept()


def start_certificate(parent: QWidget | None, worker_id: int, period_label: str, printer: str = "",
                      on_preview: Callable | None = None):
    def make(out: str, allow: bool, progress):
        from swdesk.models import Worker
        from swdesk.pdf import certificates

        worker = Worker.get_by_id(worker_id)
        return certificates.render_certificate(worker, period_label, out, None, printer or None, allow)

    def preview(dialog) -> None:
        if parent is not None and hasattr(parent, "data_changed"):
            parent.data_changed.emit("certificate")
        if on_preview is not None:
            on_preview(dialog)

    return run_print_job(parent, _tr("正在开具证明…"), _tr("服务证明预览"), make,
                         f"服务证明-{period_label}.pdf", printer, preview)


def print_certificate(window, worker_id: int | None = None) -> None:
    if worker_id is None:
        selected, _ = _roster_choice(window)
        worker_id = selected[0] if selected else None
    dialog = CertificateDialog(window, worker_id)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        start_certificate(window, dialog.picker.selected_worker_id(), periods.parse(dialog.period_edit.text()).label,
                          dialog.printer_box.currentData() or "")


# --- verify ---------------------------------------------------------------------------------------

class VerifyDialog(QDialog):
    """Paste or scan (a USB scanner types the text and Enter) a card's QR code."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("VerifyDialog")
        self.setWindowTitle(self.tr("核验服务证"))
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("用扫码枪扫描服务证上的二维码，或粘贴二维码内容"))
        self.edit.returnPressed.connect(self.verify)
        self.button = QPushButton(self.tr("核验"), self)
        self.button.clicked.connect(self.verify)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setMinimumHeight(60)
        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addWidget(close)
        self.resize(560, 180)
        self.result = None

    def verify(self) -> None:
        from swdesk.services import cards

        text = self.edit.text().strip()
        if not text:
            return
        self.result = cards.verify(text)
        ok = self.result.genuine and self.result.valid_today
        colour = "#1B7F3B" if ok else ("#B26A00" if self.result.genuine else "#B3261E")
        mark = "✔" if ok else "✘"
        self.result_label.setStyleSheet(f"color: {colour}; font-size: 14pt;")
        self.result_label.setText(f"{mark} {self.result.message}")
        self.edit.selectAll()


def verify_card(window) -> None:
    VerifyDialog(window).exec()


# --- calibration ----------------------------------------------------------------------------------

class CalibrationDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from swdesk.pdf import calibration

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
                ("left", self.tr("外框左边到纸边（毫米）"), calibration.CARD_X_MM),
                ("top", self.tr("外框上边到纸边（毫米）"), calibration.CARD_Y_MM),
                ("horizontal", self.tr("横线实际长度（毫米）"), calibration.LINE_MM),
                ("vertical", self.tr("竖线实际长度（毫米）"), calibration.LINE_MM)):
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
        from swdesk.pdf import common

        entry = common.calibrations().get(name.strip())
        if not entry:
            self.current_label.setText(self.tr("未校准"))
            return
        self.current_label.setText(self.tr("偏移 %1, %2 毫米；比例 %3, %4")
                                   .replace("%1", f"{entry['dx']:+.1f}").replace("%2", f"{entry['dy']:+.1f}")
                                   .replace("%3", f"{entry['sx']:.3f}").replace("%4", f"{entry['sy']:.3f}"))

    def preview_test_page(self, on_preview: Callable | None = None):
        from swdesk.pdf import calibration

        printer = self.printer()

        def make(out: str, allow: bool, progress):
            return calibration.render_calibration(out)

        return run_print_job(self, self.tr("正在生成校准页…"), self.tr("校准页预览"), make, "校准页.pdf", printer,
                             on_preview if callable(on_preview) else None)

    def measured_entry(self) -> dict[str, float]:
        from swdesk.pdf import calibration

        f = self.fields
        return calibration.offsets_from_measurement(f["left"].value(), f["top"].value(),
                                                    f["horizontal"].value(), f["vertical"].value())

    def save(self) -> bool:
        from swdesk.pdf import common
        from swdesk.services.base import UserError

        entry = self.measured_entry()
        try:
            common.save_calibration(self.printer(), entry["dx"], entry["dy"], entry["sx"], entry["sy"])
        except UserError as exc:
            QMessageBox.warning(self, self.tr("提示"), str(exc))
            return False
        self._show_current(self.printer())
        parent = self.parent()
        if parent is not None and hasattr(parent, "data_changed"):
            parent.data_changed.emit("setting")
        return True

    def clear(self) -> None:
        from swdesk.pdf import common
        from swdesk.services import settings

        value = dict(common.calibrations())
        if value.pop(self.printer(), None) is not None:
            settings.put("printer_calibration", value)
        self._show_current(self.printer())


def calibrate_printer(window) -> None:
    CalibrationDialog(window).exec()


__all__ = ["print_cards", "print_badges", "print_certificate", "verify_card", "calibrate_printer",
           "print_cards_for"]
