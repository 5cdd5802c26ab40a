"""文件 → 导入花名册: pick a file, see every problem (行, 列, 问题) before anything is written, then
import all rows (only when there is no problem) or only the good rows. Reading and importing run in
the background with a progress bar and 取消; it is the same code as `main.py import roster`."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from swdesk.jobs.template_roster import template_roster
from ui.jobs import run_job


class ImportRosterDialog(QDialog):
    def __init__(self, parent: QWidget | None, on_imported=None, path: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入花名册"))
        self._on_imported = on_imported
        self.path: str | None = None
        self.rows: list = []
        self.problems: list = []
        self.imported: int | None = None
        self.file_label = QLabel(self.tr("请选择要导入的花名册文件（xlsx，可先用“导出花名册”或导入模板的格式）。"), self)
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
        self.report = QTableWidget(0, 3, self)
        self.report.setObjectName("import_report")
        self.report.setHorizontalHeaderLabels([self.tr("行"), self.tr("列"), self.tr("问题")])
        self.report.verticalHeader().hide()
        self.report.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.report.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.import_all_button = QPushButton(self.tr("全部导入"), self)
        self.import_all_button.setObjectName("import_all")
        self.import_all_button.clicked.connect(lambda: self.start_import(skip_bad=False))
        self.import_good_button = QPushButton(self.tr("仅导入无误的行"), self)
        self.import_good_button.setObjectName("import_good")
        self.import_good_button.clicked.connect(lambda: self.start_import(skip_bad=True))
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_all_button)
        buttons.addWidget(self.import_good_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
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

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择花名册文件"), "", self.tr("Excel 工作簿 (*.xlsx);;所有文件 (*)"))
        if path:
            self.check_file(path)

    def save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存导入模板"), self.tr("花名册导入模板.xlsx"),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        run_job(self, self.tr("正在生成导入模板…"), lambda progress: template_roster(Path(path), progress=progress),
                on_done=lambda result: self.summary.setText(result.message))

    def check_file(self, path: str) -> None:
        """Read and check every row in the background; nothing is written."""
        from swdesk.xlsx import roster as roster_xlsx

        self.path, self.rows, self.problems, self.imported = None, [], [], None
        self.report.setRowCount(0)
        self.file_label.setText(self.tr("文件：{0}").format(path))
        self.summary.setText(self.tr("正在检查…"))
        self._update_buttons()
        self.job = run_job(self, self.tr("正在检查花名册…"),
                           lambda progress: roster_xlsx.read_roster(path, progress=progress),
                           on_done=lambda result: self._checked(path, result),
                           on_error=self._check_failed)

    def _check_failed(self, exc: BaseException) -> None:
        self.summary.setText(self.tr("无法读取：{0}").format(exc))
        self._update_buttons()

    def _checked(self, path: str, result) -> None:
        rows, problems = result
        self.path, self.rows, self.problems = path, rows, list(problems)
        self.show_problems(self.problems)
        bad = len({p.row for p in problems})
        if not rows and not problems:
            self.summary.setText(self.tr("文件中没有人员数据。"))
        elif problems:
            self.summary.setText(self.tr("共检查 {0} 行：{1} 行无误，{2} 行有问题（见下表，共 {3} 处）。"
                                         "可修改文件后重新选择，或只导入无误的行。").format(
                len(rows) + bad, len(rows), bad, len(problems)))
        else:
            self.summary.setText(self.tr("共 {0} 行，全部无误，可以导入。").format(len(rows)))
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
        from swdesk.xlsx import roster as roster_xlsx

        if self.path is None:
            return
        path = self.path
        self.import_all_button.setEnabled(False)
        self.import_good_button.setEnabled(False)
        self.job = run_job(self, self.tr("正在导入花名册…"),
                           lambda progress: roster_xlsx.import_roster(path, skip_bad=skip_bad, progress=progress),
                           on_done=self._imported, on_error=self._import_failed)

    def _import_failed(self, exc: BaseException) -> None:
        from ui.app import show_error

        self._update_buttons()
        show_error(self, exc)

    def _imported(self, report) -> None:
        if not report.imported:
            self.problems = list(report.problems)
            self.show_problems(self.problems)
            self.summary.setText(self.tr("未导入任何数据：文件或数据库在检查后发生了变化，请查看下表后重新选择文件。"))
            self._update_buttons()
            return
        self.imported = report.imported
        text = self.tr("已导入 {0} 人。").format(report.imported)
        if report.bad_rows:
            text += self.tr("跳过有问题的 {0} 行（见下表）。").format(len(report.bad_rows))
        self.summary.setText(text)
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

