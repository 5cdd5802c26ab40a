"""The worker's record beyond the roster fields (issue 18), as pages of the worker dialog:
职业水平 and continuing education (the registration period, hours done and missing, external
hours), the star level (with the opening balance), 表彰奖励 and 评价 — each with add / edit.
And `AtRiskList`, the workers whose registration falls due within 90 days with hours missing.

Every write goes through the services (swdesk.services.education, stars, honours); the small
forms here only collect values and show the problems the service returns beside the form.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from swdesk import vocab
from swdesk.services import education, honours, stars
from swdesk.services.base import UserError, ValidationError
from ui.widgets.forms import ERROR_STYLE, OptionalDate, date_edit, from_qdate, text_edit


def _t(text: str) -> str:
    return QCoreApplication.translate("WorkerRecord", text)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[int, list[Any]]]) -> None:
    """Rows of (record id, cell values); the id is kept on the first cell."""
    table.setRowCount(len(rows))
    for r, (record_id, values) in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            if c == 0:
                item.setData(256, record_id)
            table.setItem(r, c, item)


def _selected_id(table: QTableWidget) -> int | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(256) if item is not None else None


class RecordForm(QDialog):
    """A small form: `save` is called with the values; a ValidationError's problems are shown
    beside their fields and the form stays open."""

    def __init__(self, parent: QWidget | None, title: str, save: Callable[[dict[str, Any]], Any]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.widgets: dict[str, tuple[QWidget, Callable[[], Any]]] = {}
        self.errors: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_t("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_t("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def add(self, key: str, label: str, widget: QWidget, value: Callable[[], Any]) -> QWidget:
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setObjectName(f"error_{key}")
        box = QWidget()
        row = QVBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        row.addWidget(error)
        error.hide()
        widget.setObjectName(key)
        self.form.addRow(label, box)
        self.widgets[key] = (widget, value)
        self.errors[key] = error
        return widget

    def line(self, key: str, label: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        return self.add(key, label, edit, edit.text)

    def combo(self, key: str, label: str, values: tuple[str, ...], current: str = "") -> QComboBox:
        box = QComboBox()
        box.addItems(list(values))
        if current:
            box.setCurrentText(current)
        return self.add(key, label, box, box.currentText)

    def date(self, key: str, label: str, day: _dt.date | None = None, optional: bool = False) -> QWidget:
        if optional:
            widget = OptionalDate(day)
            return self.add(key, label, widget, widget.value)
        edit = date_edit(day)
        return self.add(key, label, edit, lambda: from_qdate(edit.date()))

    def values(self) -> dict[str, Any]:
        return {key: value() for key, (_w, value) in self.widgets.items()}

    def submit(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.general.setText("")
        try:
            self._save(self.values())
        except ValidationError as exc:
            for key, message in exc.problems.items():
                label = self.errors.get(key)
                if label is None:
                    self.general.setText(self.general.text() + message + "\n")
                else:
                    label.setText(message)
                    label.show()
            return
        except UserError as exc:
            self.general.setText(str(exc))
            return
        self.accept()


class WorkerRecordPages(QObject):
    """Two pages for the worker dialog (`education_page`: 职业水平与继续教育, `honours_page`:
    星级、表彰与评价); the dialog adds them as tabs."""

    changed = Signal(str)   # the table written (for the window's data_changed)

    def __init__(self, worker_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.worker_id = worker_id
        self.education_page = self._build_education_page()
        self.honours_page = self._build_honours_page()
        self.refresh()

    # --- building ----------------------------------------------------------------------------
    def _buttons(self, *pairs: tuple[str, str, Callable[[], None]]) -> QHBoxLayout:
        row = QHBoxLayout()
        for name, text, slot in pairs:
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_education_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        box = QGroupBox(_t("社会工作者职业水平"))
        inner = QVBoxLayout(box)
        self.qualification_label = QLabel()
        self.qualification_label.setObjectName("qualification_label")
        self.qualification_label.setWordWrap(True)
        inner.addWidget(self.qualification_label)
        inner.addLayout(self._buttons(("edit_qualification", _t("修改职业水平…"), self.edit_qualification),
                                      ("add_registration", _t("添加登记…"), self.add_registration)))
        layout.addWidget(box)
        box = QGroupBox(_t("继续教育（本登记期）"))
        inner = QVBoxLayout(box)
        self.education_label = QLabel()
        self.education_label.setObjectName("education_label")
        self.education_label.setWordWrap(True)
        inner.addWidget(self.education_label)
        self.external_table = _table([_t("日期"), _t("培训机构"), _t("学时"), _t("备注"), _t("证明扫描件")])
        self.external_table.setObjectName("external_table")
        inner.addWidget(self.external_table, 1)
        inner.addLayout(self._buttons(("add_external", _t("添加外部学时…"), self.add_external),
                                      ("delete_external", _t("删除"), self.delete_external)))
        layout.addWidget(box, 1)
        return page

    def _build_honours_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        box = QGroupBox(_t("星级"))
        inner = QVBoxLayout(box)
        self.star_label = QLabel()
        self.star_label.setObjectName("star_label")
        self.star_label.setWordWrap(True)
        inner.addWidget(self.star_label)
        inner.addLayout(self._buttons(("edit_opening", _t("以往服务时长…"), self.edit_opening)))
        layout.addWidget(box)
        box = QGroupBox(_t("表彰奖励"))
        inner = QVBoxLayout(box)
        self.award_table = _table([_t("授予日期"), _t("奖项名称"), _t("级别"), _t("授予单位"), _t("文号")])
        self.award_table.setObjectName("award_table")
        inner.addWidget(self.award_table, 1)
        inner.addLayout(self._buttons(("add_award", _t("添加…"), self.add_award),
                                      ("edit_award", _t("修改…"), self.edit_award),
                                      ("delete_award", _t("删除"), self.delete_award)))
        layout.addWidget(box, 1)
        box = QGroupBox(_t("评价"))
        inner = QVBoxLayout(box)
        self.evaluation_table = _table([_t("年度"), _t("评价等次"), _t("评价人"), _t("评价日期"), _t("评语")])
        self.evaluation_table.setObjectName("evaluation_table")
        inner.addWidget(self.evaluation_table, 1)
        inner.addLayout(self._buttons(("add_evaluation", _t("添加…"), self.add_evaluation),
                                      ("edit_evaluation", _t("修改…"), self.edit_evaluation),
                                      ("delete_evaluation", _t("删除"), self.delete_evaluation)))
        layout.addWidget(box, 1)
        return page

    # --- showing -----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._show_education()
        self._show_honours()

    def _show_education(self) -> None:
        q = education.qualification(self.worker_id)
        registered = "、".join(d.isoformat() for d in q.registrations) or _t("无")
        self.qualification_label.setText(_t("职业水平：{0}　证书编号：{1}　取得日期：{2}\n登记日期：{3}").format(
            q.level, q.certificate_no or "—", q.obtained_on.isoformat() if q.obtained_on else "—", registered))
        status = education.period_status(self.worker_id)
        if status is None:
            text = _t("没有正在进行的登记期（未登记、登记已过期或无职业水平）。")
        else:
            text = _t("登记期 {0} 至 {1}，应于 {2} 再登记。\n已完成 {3:g} 学时（本中心继续教育培训 {4:g}，"
                      "外部 {5:g}），要求 {6:g} 学时，还差 {7:g} 学时。").format(
                status.start.isoformat(), status.end.isoformat(), status.due.isoformat(), status.done,
                status.internal, status.external, status.required, status.missing)
        self.education_label.setText(text)
        _fill(self.external_table, [(r.id, [r.date.isoformat(), r.institution, f"{r.hours:g}", r.note,
                                            r.scan_name or ""]) for r in education.external_rows(self.worker_id)])

    def _show_honours(self) -> None:
        s = stars.star_status(self.worker_id)
        opening = stars.opening_balance(self.worker_id)
        reached = "；".join(f"{vocab.STAR_NAMES[k]} {d.isoformat()}" for k, d in sorted(s.reached.items()))
        text = _t("星级：{0}　累计服务时长 {1:.1f} 小时").format(s.label, s.hours)
        if opening is not None:
            text += _t("（含以往服务 {0:g} 小时，截至 {1}）").format(opening.minutes / 60, opening.as_of.isoformat())
        if reached:
            text += "\n" + _t("达到日期：{0}").format(reached)
        missing = s.next_missing_hours(stars.thresholds())
        if missing is not None:
            text += "\n" + _t("距下一星级还差 {0:g} 小时").format(missing)
        self.star_label.setText(text)
        _fill(self.award_table, [(a.id, [a.date.isoformat(), a.title, a.level, a.issuer, a.document_no])
                                 for a in honours.awards(self.worker_id)])
        _fill(self.evaluation_table, [(e.id, [e.year, e.grade, e.evaluator, e.date.isoformat() if e.date else "",
                                              e.note]) for e in honours.evaluations(self.worker_id)])

    def _after(self, table: str) -> None:
        self.refresh()
        self.changed.emit(table)

    # --- 职业水平 and continuing education ---------------------------------------------------------
    def qualification_form(self) -> RecordForm:
        q = education.qualification(self.worker_id)
        form = RecordForm(self.education_page, _t("职业水平"), lambda v: education.save_qualification(self.worker_id, v, q.version))
        form.combo("sw_level", _t("职业水平"), vocab.SW_LEVELS, q.level)
        form.line("certificate_no", _t("证书编号"), q.certificate_no)
        form.date("obtained_on", _t("取得日期"), q.obtained_on, optional=True)
        return form

    def edit_qualification(self) -> None:
        if self.qualification_form().exec():
            self._after("sw_qualification")

    def registration_form(self) -> RecordForm:
        form = RecordForm(self.education_page, _t("职业水平登记"),
                          lambda v: education.add_registration(self.worker_id, v["registered_on"], v["note"]))
        form.date("registered_on", _t("登记日期"))
        form.line("note", _t("备注"))
        return form

    def add_registration(self) -> None:
        if self.registration_form().exec():
            self._after("sw_registration")

    def external_form(self) -> RecordForm:
        form = RecordForm(self.education_page, _t("外部继续教育学时"), lambda v: education.add_external(self.worker_id, v))
        form.line("institution", _t("培训机构"))
        form.date("date", _t("日期"))
        hours = QDoubleSpinBox()
        hours.setRange(0, 500)
        hours.setDecimals(1)
        form.add("hours", _t("学时"), hours, hours.value)
        note = text_edit(height=50)
        form.add("note", _t("备注"), note, note.toPlainText)
        scan = _ScanPicker()
        form.add("scan", _t("证明扫描件"), scan, scan.data)
        form.widgets["scan_name"] = (scan, scan.name)
        return form

    def add_external(self) -> None:
        if self.external_form().exec():
            self._after("external_education")

    def delete_external(self) -> None:
        row_id = _selected_id(self.external_table)
        if row_id is not None:
            education.delete_external(row_id)
            self._after("external_education")

    # --- stars, awards, evaluations ----------------------------------------------------------
    def opening_form(self) -> RecordForm:
        row = stars.opening_balance(self.worker_id)
        form = RecordForm(self.honours_page, _t("以往服务时长"), lambda v: stars.set_opening_balance(
            self.worker_id, v, row.version if row else None))
        hours = QDoubleSpinBox()
        hours.setRange(0, 20000)
        hours.setDecimals(1)
        hours.setValue(row.minutes / 60 if row else 0)
        form.add("hours", _t("小时数"), hours, hours.value)
        form.date("as_of", _t("截至日期"), row.as_of if row else None)
        form.line("note", _t("来源说明"), row.note if row else "")
        return form

    def edit_opening(self) -> None:
        if self.opening_form().exec():
            self._after("opening_balance")

    def award_form(self, award_id: int | None = None) -> RecordForm:
        award = next((a for a in honours.awards(self.worker_id) if a.id == award_id), None)
        if award is None:
            form = RecordForm(self.honours_page, _t("表彰奖励"), lambda v: honours.add_award(self.worker_id, v))
        else:
            form = RecordForm(self.honours_page, _t("表彰奖励"), lambda v: honours.update_award(award.id, v, award.version))
        form.line("title", _t("奖项名称"), award.title if award else "")
        form.combo("level", _t("级别"), vocab.AWARD_LEVELS, award.level if award else "街道")
        form.line("issuer", _t("授予单位"), award.issuer if award else "")
        form.date("date", _t("授予日期"), award.date if award else None)
        form.line("document_no", _t("文号"), award.document_no if award else "")
        return form

    def add_award(self) -> None:
        if self.award_form().exec():
            self._after("award")

    def edit_award(self) -> None:
        award_id = _selected_id(self.award_table)
        if award_id is not None and self.award_form(award_id).exec():
            self._after("award")

    def delete_award(self) -> None:
        award_id = _selected_id(self.award_table)
        if award_id is not None:
            honours.delete_award(award_id)
            self._after("award")

    def evaluation_form(self, evaluation_id: int | None = None) -> RecordForm:
        row = next((e for e in honours.evaluations(self.worker_id) if e.id == evaluation_id), None)
        if row is None:
            form = RecordForm(self.honours_page, _t("评价"), lambda v: honours.add_evaluation(self.worker_id, v))
        else:
            form = RecordForm(self.honours_page, _t("评价"), lambda v: honours.update_evaluation(row.id, v, row.version))
        year = QSpinBox()
        year.setRange(2000, _dt.date.today().year)
        year.setValue(row.year if row else _dt.date.today().year - 1)
        form.add("year", _t("年度"), year, year.value)
        form.combo("grade", _t("评价等次"), vocab.EVALUATION_GRADES, row.grade if row else "合格")
        form.line("evaluator", _t("评价人"), row.evaluator if row else "")
        form.date("date", _t("评价日期"), row.date if row else None, optional=True)
        note = text_edit(row.note if row else "", height=50)
        form.add("note", _t("评语"), note, note.toPlainText)
        return form

    def add_evaluation(self) -> None:
        if self.evaluation_form().exec():
            self._after("evaluation")

    def edit_evaluation(self) -> None:
        evaluation_id = _selected_id(self.evaluation_table)
        if evaluation_id is not None and self.evaluation_form(evaluation_id).exec():
            self._after("evaluation")

    def delete_evaluation(self) -> None:
        evaluation_id = _selected_id(self.evaluation_table)
        if evaluation_id is not None:
            honours.delete_evaluation(evaluation_id)
            self._after("evaluation")


class _ScanPicker(QWidget):
    """An optional scan of the proof: a file chosen, kept as bytes."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._data: bytes | None = None
        self._name = ""
        self.label = QLabel(_t("未选择"))
        button = QPushButton(_t("选择文件…"))
        button.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(button)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, _t("选择证明扫描件"), "",
                                              _t("图片或 PDF (*.jpg *.jpeg *.png *.pdf)"))
        if path:
            self.set_file(Path(path))

    def set_file(self, path: Path) -> None:
        self._data = path.read_bytes()
        self._name = path.name
        self.label.setText(path.name)

    def data(self) -> bytes | None:
        return self._data

    def name(self) -> str:
        return self._name


class AtRiskList(QWidget):
    """Workers whose registration falls due within 90 days with continuing-education hours missing."""

    open_worker = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = _table([_t("姓名"), _t("职业水平"), _t("应再登记日期"), _t("已完成学时"), _t("还差学时")])
        self.table.setObjectName("at_risk_table")
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.summary = QLabel()
        self.summary.setObjectName("at_risk_summary")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self, on: _dt.date | None = None) -> None:
        rows = education.at_risk(on)
        self.summary.setText(_t("90天内应再登记且继续教育学时不足：{0} 人").format(len(rows)))
        _fill(self.table, [(s.worker_id, [s.name, s.level, s.due.isoformat(), f"{s.done:g}", f"{s.missing:g}"])
                           for s in rows])

    def names(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def _open(self) -> None:
        worker_id = _selected_id(self.table)
        if worker_id is not None:
            self.open_worker.emit(worker_id)




class RecordSettingsPage(QWidget):
    """单位设置's page for issue 18: continuing-education hours per registration period by level
    and the hours of each star level."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.required: dict[str, QDoubleSpinBox] = {}
        required = education.required_hours
        for level in vocab.SW_LEVELS[1:]:
            box = self._spin(1, 500, required(level))
            self.required[level] = box
            form.addRow(_t("{0}每个登记期继续教育学时").format(level), box)
        self.thresholds: list[QDoubleSpinBox] = []
        for k, hours in enumerate(stars.thresholds(), start=1):
            box = self._spin(1, 100000, hours)
            self.thresholds.append(box)
            form.addRow(_t("{0}所需服务小时").format(vocab.STAR_NAMES[k]), box)
        self.print_stars = QCheckBox(_t("服务证和胸牌上印星级（★）"))
        self.print_stars.setChecked(stars.print_stars())
        form.addRow(self.print_stars)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        form.addRow(self.error)

    @staticmethod
    def _spin(low: float, high: float, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(low, high)
        box.setDecimals(1)
        box.setValue(value)
        return box

    def save(self) -> None:
        """Write what changed; a ValidationError is shown on this page and raised again."""
        self.error.setText("")
        try:
            hours = {level: box.value() for level, box in self.required.items()}
            if hours != {level: education.required_hours(level) for level in hours}:
                education.set_required_hours(hours)
            limits = [box.value() for box in self.thresholds]
            if limits != stars.thresholds():
                stars.set_thresholds(limits)
            if self.print_stars.isChecked() != stars.print_stars():
                stars.set_print_stars(self.print_stars.isChecked())
        except ValidationError as exc:
            self.error.setText("；".join(exc.problems.values()))
            raise
