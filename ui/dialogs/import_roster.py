"""文件 → 导入花名册: pick a file, see every problem (行, 列, 问题) before anything is written, then
import all rows (only when there is no problem) or only the good rows. Reading and importing run in
the background with the job's phase and counts and 取消; it is the job `main.py import roster`
runs (swdesk.jobs.import_roster). The check's result is handed back to the import, so the file
is read once."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from swdesk.jobs.import_roster import SheetChoiceNeeded
from swdesk.jobs.import_roster import import_roster as import_job
from swdesk.jobs.template_roster import template_roster
from ui.jobs import run_job


class ImportRosterDialog(QDialog):
    def __init__(self, parent: QWidget | None, on_imported=None, path: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入花名册"))
        self._on_imported = on_imported
        self.path: str | None = None
        self.checked = None            # the job's RosterCheck: the file as read and checked once
        self.result = None             # the last JobResult (check or import)
        self.rows: list = []
        self.problems: list = []
        self.imported: int | None = None
        self.file_label = QLabel(self.tr("请选择要导入的花名册文件（xlsx、xlsm、xls、ods 或 csv，可先用“导出花名册”或导入模板的格式）。"), self)
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("选择文件…"), self)
        choose.clicked.connect(self.choose_file)
        template = QPushButton(self.tr("保存导入模板…"), self)
        template.clicked.connect(self.save_template)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(template)
        top.addWidget(choose)
        self.summary = QLabel(self)
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.notes = QLabel(self)
        self.notes.setObjectName("import_notes")
        self.notes.setWordWrap(True)
        self.report = QTableWidget(0, 3, self)
        self.report.setObjectName("import_report")
        self.report.setHorizontalHeaderLabels([self.tr("行"), self.tr("列"), self.tr("问题")])
        self.report.verticalHeader().hide()
        self.report.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.report.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.allow_duplicates = QCheckBox(self.tr("可能重复的人员确认不是同一人，仍然导入"), self)
        self.allow_duplicates.setObjectName("allow_duplicates")
        self.allow_duplicates.toggled.connect(self._recheck)
        self.import_all_button = QPushButton(self.tr("全部导入"), self)
        self.import_all_button.setObjectName("import_all")
        self.import_all_button.clicked.connect(lambda: self.start_import(skip_bad=False))
        self.import_good_button = QPushButton(self.tr("仅导入无误的行"), self)
        self.import_good_button.setObjectName("import_good")
        self.import_good_button.clicked.connect(lambda: self.start_import(skip_bad=True))
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.allow_duplicates)
        buttons.addStretch(1)
        buttons.addWidget(self.import_all_button)
        buttons.addWidget(self.import_good_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.notes)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        self._update_buttons()
        self.resize(760, 520)
        if path:
            self.check_file(path)

    def _update_buttons(self) -> None:
        ready = self.path is not None and self.imported is None
        self.import_all_button.setEnabled(ready and bool(self.rows) and not self.problems)
        self.import_good_button.setEnabled(ready and bool(self.rows) and bool(self.problems))
        duplicates = self.checked is not None and any(p.duplicate for p in self.checked.problems)
        self.allow_duplicates.setVisible(duplicates)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择花名册文件"), "",
            self.tr("表格文件 (*.xlsx *.xlsm *.xls *.ods *.csv);;所有文件 (*)"))
        if path:
            self.check_file(path)

    def save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存导入模板"), self.tr("花名册导入模板.xlsx"),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        run_job(self, self.tr("正在生成导入模板…"), lambda progress: template_roster(Path(path), progress=progress),
                on_done=lambda result: self.summary.setText(result.message))

    def check_file(self, path: str, sheet: str | None = None) -> None:
        """Read and check every row in the background; nothing is written."""
        self.path, self.checked, self.rows, self.problems, self.imported = None, None, [], [], None
        self.report.setRowCount(0)
        self.notes.clear()
        self.file_label.setText(self.tr("文件：{0}").format(path))
        self.summary.setText(self.tr("正在检查…"))
        self._update_buttons()
        self.job = run_job(self, self.tr("正在读取花名册…"),
                           lambda progress: import_job(path, sheet=sheet, check_only=True, progress=progress),
                           on_done=lambda result: self._checked(path, result),
                           on_error=lambda exc: self._check_failed(path, exc))

    def _check_failed(self, path: str, exc: BaseException) -> None:
        if isinstance(exc, SheetChoiceNeeded):
            sheet, ok = QInputDialog.getItem(self, self.tr("选择工作表"),
                                             self.tr("有多个工作表都有花名册表头，请选择要导入的一个："),
                                             exc.names, 0, False)
            if ok:
                self.check_file(path, sheet)
                return
        self.summary.setText(self.tr("无法读取：{0}").format(exc))
        self._update_buttons()

    def _recheck(self) -> None:
        """The clerk allowed (or no longer allows) possible duplicates: the same check, not re-read."""
        if self.checked is None or self.imported is not None:
            return
        path, checked = str(self.checked.path), self.checked
        allow = self.allow_duplicates.isChecked()
        self.job = run_job(self, self.tr("正在检查…"),
                           lambda progress: import_job(path, check_only=True, checked=checked,
                                                       allow_duplicates=allow, progress=progress),
                           on_done=lambda result: self._checked(path, result), show_progress=False)

    def _checked(self, path: str, result) -> None:
        report = result.data
        self.result, self.checked = result, report.checked
        self.path = path
        self.problems = list(report.problems)
        self.rows = [True] * report.good_rows_count
        self.show_problems(self.problems)
        self.notes.setText("\n".join(result.warnings))
        self.summary.setText(result.message)
        self._update_buttons()

    def show_problems(self, problems) -> None:
        self.report.setRowCount(len(problems))
        for i, problem in enumerate(problems):
            row_item = QTableWidgetItem()
            row_item.setData(Qt.ItemDataRole.DisplayRole, int(problem.row))
            self.report.setItem(i, 0, row_item)
            self.report.setItem(i, 1, QTableWidgetItem(problem.column))
            self.report.setItem(i, 2, QTableWidgetItem(problem.message))

    def start_import(self, skip_bad: bool) -> None:
        if self.path is None:
            return
        path, checked, allow = self.path, self.checked, self.allow_duplicates.isChecked()
        self.import_all_button.setEnabled(False)
        self.import_good_button.setEnabled(False)
        self.job = run_job(self, self.tr("正在导入花名册…"),
                           lambda progress: import_job(path, skip_bad=skip_bad, allow_duplicates=allow,
                                                       checked=checked, progress=progress),
                           on_done=self._imported, on_error=self._import_failed)

    def _import_failed(self, exc: BaseException) -> None:
        from ui.app import show_error

        self._update_buttons()
        show_error(self, exc)

    def _imported(self, result) -> None:
        report = result.data
        self.result = result
        if not report.imported:
            self.problems = list(report.problems)
            self.show_problems(self.problems)
            self.summary.setText(self.tr("未导入任何数据：文件或数据库在检查后发生了变化，请查看下表后重新选择文件。"))
            self._update_buttons()
            return
        self.imported = report.imported
        # The checked rows are written: let them go (50,000 rows hold ~100 MB).
        self.checked, report.checked = None, None
        self.summary.setText(result.message)
        self._update_buttons()
        if self._on_imported is not None:
            self._on_imported()


def import_roster(window) -> None:
    """Menu 文件 → 导入花名册."""
    def imported() -> None:
        signal = getattr(window, "data_changed", None)
        if signal is not None:
            signal.emit("worker")

    dialog = ImportRosterDialog(window, on_imported=imported)
    dialog.exec()

