"""设置 → 操作日志: who changed what and when, with before → after; filter by record, operator and
date; export to xlsx (through a background job; the export is itself logged). Read-only: the
program has no way to edit or delete a log line."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from swdesk.jobs import JobResult
from swdesk.jobs import export_audit as export_audit_job
from swdesk.services import audit_log, base
from ui.app import show_error
from ui.jobs import run_job, show_result
from ui.widgets.forms import DateEdit

PAGE = 500


def _tr(text: str) -> str:
    return QCoreApplication.translate("AuditLog", text)


def _qdate(day: _dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> _dt.date:
    return _dt.date(value.year(), value.month(), value.day())


class AuditDialog(QDialog):
    COLUMNS = ("时间", "操作员", "操作", "对象", "记录编号", "摘要", "修改内容（修改前 → 修改后）")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("AuditDialog")
        self.setWindowTitle(self.tr("操作日志"))
        self.window_ = parent
        self.entries: list[audit_log.Entry] = []
        self.total = 0

        self.table_combo = QComboBox()
        self.table_combo.addItem(self.tr("全部对象"), "")
        for table, label in audit_log.tables_in_log():
            self.table_combo.addItem(label, table)
        self.record_edit = QLineEdit()
        self.record_edit.setPlaceholderText(self.tr("记录编号"))
        self.record_edit.setMaximumWidth(90)
        self.operator_combo = QComboBox()
        self.operator_combo.addItem(self.tr("全部操作员"), "")
        names = audit_log.operator_names()
        for login in audit_log.operators_in_log():
            label = f"{names[login]}（{login}）" if login in names else login
            self.operator_combo.addItem(label, login)
        first, last = audit_log.date_range()
        today = _dt.date.today()
        self.start_edit = DateEdit(_qdate(first or today))
        self.end_edit = DateEdit(_qdate(max(last or today, today)))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(self.tr("关键字"))
        self.reveal_check = QCheckBox(self.tr("显示完整个人信息"))
        self.reveal_check.setEnabled(base.current().is_admin)
        if not base.current().is_admin:
            self.reveal_check.setToolTip(self.tr("仅限管理员"))
        search = QPushButton(self.tr("查询"))
        search.setDefault(True)
        search.clicked.connect(self.reload)
        self.reveal_check.toggled.connect(self.reload)
        self.record_edit.returnPressed.connect(self.reload)
        self.text_edit.returnPressed.connect(self.reload)

        filters = QHBoxLayout()
        for label, widget in ((self.tr("对象："), self.table_combo), ("", self.record_edit),
                              (self.tr("操作员："), self.operator_combo), (self.tr("日期："), self.start_edit),
                              ("—", self.end_edit), ("", self.text_edit)):
            if label:
                filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(search)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((140, 110, 60, 90, 70, 240)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.show_detail)

        self.detail = QTableWidget(0, 3)
        self.detail.setHorizontalHeaderLabels([self.tr("字段"), self.tr("修改前"), self.tr("修改后")])
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail.verticalHeader().hide()
        self.detail.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([380, 160])

        self.count_label = QLabel()
        self.more_button = QPushButton(self.tr("加载更多"))
        self.more_button.clicked.connect(self.load_more)
        self.export_button = QPushButton(self.tr("导出…"))
        self.export_button.clicked.connect(self.choose_export_file)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.more_button)
        bottom.addStretch(1)
        bottom.addWidget(self.reveal_check)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.resize(1180, 640)
        self.reload()

    # --- filters -----------------------------------------------------------------------------------
    def filters(self) -> dict:
        return {
            "table": self.table_combo.currentData() or None,
            "record_id": self.record_edit.text().strip() or None,
            "operator": self.operator_combo.currentData() or None,
            "start": _pydate(self.start_edit.date()),
            "end": _pydate(self.end_edit.date()),
            "text": self.text_edit.text().strip() or None,
        }

    def set_filters(self, table: str | None = None, record_id: str | int | None = None,
                    operator: str | None = None) -> None:
        """Open on one record's history (e.g. from a detail pane)."""
        if table is not None:
            index = self.table_combo.findData(table)
            if index < 0:
                self.table_combo.addItem(audit_log.TABLE_LABELS.get(table, table), table)
                index = self.table_combo.count() - 1
            self.table_combo.setCurrentIndex(index)
        if record_id is not None:
            self.record_edit.setText(str(record_id))
        if operator is not None:
            index = self.operator_combo.findData(operator)
            if index >= 0:
                self.operator_combo.setCurrentIndex(index)
        self.reload()

    def reload(self) -> None:
        self.entries = []
        self.table.setRowCount(0)
        self.detail.setRowCount(0)
        self.total = audit_log.count(**self.filters())
        self.load_more()

    def load_more(self) -> None:
        more = audit_log.query(limit=PAGE, offset=len(self.entries), reveal=self.reveal_check.isChecked(),
                               **self.filters())
        start = len(self.entries)
        self.entries.extend(more)
        self.table.setRowCount(len(self.entries))
        for r, entry in enumerate(more, start=start):
            values = (f"{entry.at:%Y-%m-%d %H:%M:%S}", entry.operator_name or entry.operator, entry.action_label,
                      entry.table_label, entry.record_id, entry.summary, entry.changes_text())
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 6:
                    item.setToolTip(entry.changes_text(limit=50).replace("；", "\n"))
                self.table.setItem(r, c, item)
        self.count_label.setText(self.tr("共 {0} 条，已显示 {1} 条").format(self.total, len(self.entries)))
        self.more_button.setVisible(len(self.entries) < self.total)

    def show_detail(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.setRowCount(0)
        if not rows:
            return
        entry = self.entries[rows[0].row()]
        self.detail.setRowCount(len(entry.changes))
        for r, change in enumerate(entry.changes):
            for c, value in enumerate((change.label, change.before_text, change.after_text)):
                self.detail.setItem(r, c, QTableWidgetItem(value))

    # --- export -------------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出操作日志"), export_audit_job.default_filename(),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.export_to(path)

    def export_to(self, path: str | Path):
        """Run swdesk/jobs/export_audit.py (what `export audit` runs) in the background."""
        filters = self.filters()
        reveal = self.reveal_check.isChecked()

        def done(result: JobResult) -> None:
            self.export_button.setEnabled(True)
            self.last_export = (Path(path), result.count)
            show_result(self, result)
            self.reload()

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            show_error(self, exc)

        self.export_button.setEnabled(False)
        return run_job(self, self.tr("正在导出操作日志…"),
                       lambda progress: export_audit_job.export_audit(Path(path), reveal=reveal, filters=filters,
                                                                      progress=progress),
                       on_done=done, on_error=failed)


def show_audit_log(window) -> AuditDialog:
    dialog = AuditDialog(window)
    dialog.open()
    return dialog
