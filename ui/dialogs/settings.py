"""设置 → 单位设置: the office's own record (names, street code, hotlines, card issuer, charter)
and the service card number format (street code + year + running number, configurable)."""
from __future__ import annotations

import datetime as _dt
import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from swdesk.services import settings
from swdesk.services.base import UserError, ValidationError, current, default_office
from ui.widgets.worker_record import RecordSettingsPage

_ERROR_STYLE = "color: #c0392b;"
CARD_KEYS = ("card_no_format", "card_no_seq_width", "card_valid_years")
_PLACEHOLDERS = ("{street}", "{year}", "{seq}")


def _t(text: str) -> str:
    return QCoreApplication.translate("OfficeSettingsDialog", text)


def check_card_format(fmt: str) -> str:
    """'' if `fmt` is a usable card number format, else a Chinese message."""
    fmt = fmt.strip()
    if "{seq}" not in fmt:
        return _t("格式中必须包含 {seq}（流水号）")
    rest = fmt
    for placeholder in _PLACEHOLDERS:
        rest = rest.replace(placeholder, "")
    if "{" in rest or "}" in rest:
        return _t("只能使用 {street}（街道代码）、{year}（年份）、{seq}（流水号）三个占位符")
    if len(fmt) > 60:
        return _t("格式太长")
    return ""


class OfficeSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("单位设置"))
        self.office = default_office()
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._office_page(), self.tr("单位信息"))
        self.tabs.addTab(self._card_page(), self.tr("服务证号"))
        self.record_settings = RecordSettingsPage(self)
        self.tabs.addTab(self.record_settings, self.tr("继续教育与星级"))
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(_ERROR_STYLE)
        self.general_error.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("保存 (Ctrl+S)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        if not current().is_admin:
            self.save_button.setEnabled(False)
            self.general_error.setText(self.tr("只有管理员可以修改单位设置。"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._load()
        self._update_preview()
        self.resize(640, 560)

    # --- pages -------------------------------------------------------------------------------
    def _add(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        self.fields[key] = widget
        error = QLabel(self)
        error.setStyleSheet(_ERROR_STYLE)
        error.hide()
        self.errors[key] = error
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(error)
        form.addRow(label, holder)

    def _office_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self._add(form, "district", self.tr("区"), QLineEdit(page))
        self._add(form, "street", self.tr("街道"), QLineEdit(page))
        self._add(form, "street_code", self.tr("街道代码"), QLineEdit(page))
        self._add(form, "centre_name", self.tr("服务中心名称"), QLineEdit(page))
        self._add(form, "card_issuer", self.tr("发证单位"), QLineEdit(page))
        self._add(form, "person_in_charge", self.tr("负责人"), QLineEdit(page))
        self._add(form, "contact_phone", self.tr("联系电话"), QLineEdit(page))
        self._add(form, "address", self.tr("地址"), QLineEdit(page))
        self.hotlines = QTableWidget(0, 2, page)
        self.hotlines.setHorizontalHeaderLabels([self.tr("热线名称"), self.tr("号码")])
        self.hotlines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.hotlines.verticalHeader().hide()
        self.hotlines.setMinimumHeight(110)
        add = QPushButton(self.tr("添加热线"), page)
        add.clicked.connect(lambda: self._add_hotline("", ""))
        remove = QPushButton(self.tr("删除所选"), page)
        remove.clicked.connect(lambda: self.hotlines.removeRow(self.hotlines.currentRow()))
        hotline_box = QWidget(page)
        hotline_layout = QVBoxLayout(hotline_box)
        hotline_layout.setContentsMargins(0, 0, 0, 0)
        hotline_layout.addWidget(self.hotlines)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        hotline_layout.addLayout(row)
        self._add(form, "hotlines", self.tr("服务热线"), hotline_box)
        charter = QPlainTextEdit(page)
        charter.setFixedHeight(70)
        self._add(form, "charter_text", self.tr("服务证背面文字"), charter)
        return page

    def _card_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        fmt = QLineEdit(page)
        fmt.textChanged.connect(self._update_preview)
        self._add(form, "card_no_format", self.tr("服务证号格式"), fmt)
        help_label = QLabel(self.tr("{street} = 街道代码，{year} = 发证年份（4位），{seq} = 当年流水号。"
                                    "例如 {street}{year}{seq} 得到 350502001202600017。"), page)
        help_label.setWordWrap(True)
        help_label.setStyleSheet("color: #555555;")
        form.addRow("", help_label)
        width = QSpinBox(page)
        width.setRange(3, 8)
        width.valueChanged.connect(self._update_preview)
        self._add(form, "card_no_seq_width", self.tr("流水号位数"), width)
        years = QSpinBox(page)
        years.setRange(1, 10)
        years.setSuffix(self.tr(" 年"))
        years.valueChanged.connect(self._update_preview)
        self._add(form, "card_valid_years", self.tr("有效期"), years)
        self.preview = QLabel(page)
        self.preview.setObjectName("card_preview")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("示例"), self.preview)
        self.fields["street_code"].textChanged.connect(self._update_preview)
        return page

    def _add_hotline(self, name: str, number: str) -> None:
        row = self.hotlines.rowCount()
        self.hotlines.insertRow(row)
        self.hotlines.setItem(row, 0, QTableWidgetItem(name))
        self.hotlines.setItem(row, 1, QTableWidgetItem(number))

    # --- values ------------------------------------------------------------------------------
    def _load(self) -> None:
        for key in settings.OFFICE_FIELDS:
            widget = self.fields.get(key)
            value = getattr(self.office, key, "") or ""
            if isinstance(widget, QLineEdit):
                widget.setText(str(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value))
        for item in settings.office_hotlines(self.office):
            self._add_hotline(str(item.get("name", "")), str(item.get("number", "")))
        self.fields["card_no_format"].setText(str(settings.get("card_no_format")))
        self.fields["card_no_seq_width"].setValue(int(settings.get("card_no_seq_width")))
        self.fields["card_valid_years"].setValue(int(settings.get("card_valid_years")))

    def office_data(self) -> dict:
        data = {}
        for key in settings.OFFICE_FIELDS:
            widget = self.fields.get(key)
            if isinstance(widget, QLineEdit):
                data[key] = widget.text().strip()
            elif isinstance(widget, QPlainTextEdit):
                data[key] = widget.toPlainText().strip()
        hotlines = []
        for row in range(self.hotlines.rowCount()):
            name = (self.hotlines.item(row, 0).text() if self.hotlines.item(row, 0) else "").strip()
            number = (self.hotlines.item(row, 1).text() if self.hotlines.item(row, 1) else "").strip()
            if name or number:
                hotlines.append({"name": name, "number": number})
        data["hotlines"] = json.dumps(hotlines, ensure_ascii=False)
        return data

    def card_data(self) -> dict:
        return {"card_no_format": self.fields["card_no_format"].text().strip(),
                "card_no_seq_width": self.fields["card_no_seq_width"].value(),
                "card_valid_years": self.fields["card_valid_years"].value()}

    def _update_preview(self, *_args) -> None:
        if not hasattr(self, "preview"):
            return
        card = self.card_data()
        problem = check_card_format(card["card_no_format"])
        self._show_error("card_no_format", problem)
        if problem:
            self.preview.setText("")
            return
        today = _dt.date.today()
        code = self.fields["street_code"].text().strip()
        sample = card["card_no_format"].format(street=code, year=f"{today.year:04d}",
                                               seq=f"{17:0{card['card_no_seq_width']}d}")
        issued = today
        try:
            until = issued.replace(year=issued.year + card["card_valid_years"]) - _dt.timedelta(days=1)
        except ValueError:
            until = issued.replace(year=issued.year + card["card_valid_years"], day=28) - _dt.timedelta(days=1)
        self.preview.setText(self.tr("{0}（今天发证，有效期至 {1}）").format(sample, until.isoformat()))

    def _show_error(self, key: str, message: str) -> None:
        label = self.errors.get(key)
        if label is not None:
            label.setText(message)
            label.setVisible(bool(message))

    def save(self) -> None:
        for key in self.errors:
            self._show_error(key, "")
        card = self.card_data()
        problem = check_card_format(card["card_no_format"])
        if problem:
            self._show_error("card_no_format", problem)
            self.tabs.setCurrentIndex(1)
            return
        try:
            settings.update_office(self.office.id, self.office_data())
            for key, value in card.items():
                if settings.get(key) != value:
                    settings.put(key, value)
            self.record_settings.save()
        except ValidationError as exc:
            for key, message in exc.problems.items():
                self._show_error(key, message)
            self.tabs.setCurrentIndex(2 if self.record_settings.error.text() else 0)
            return
        except UserError as exc:
            QMessageBox.warning(self, self.tr("提示"), str(exc))
            return
        self.accept()


def edit_office(window) -> None:
    """Menu 设置 → 单位设置."""
    dialog = OfficeSettingsDialog(window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        update_title = getattr(window, "update_title", None)
        if update_title is not None:
            update_title()
        signal = getattr(window, "data_changed", None)
        if signal is not None:
            signal.emit("office")
