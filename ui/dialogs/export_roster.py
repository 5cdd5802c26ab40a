"""导出花名册: the roster tab's current view (search + filters, in its order) to an xlsx file.
ID numbers are masked unless a 管理员 ticks 导出完整身份证号. Runs in the background."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swdesk.jobs import export_roster as export_roster_job
from swdesk.services import search as roster  # the roster's search
from swdesk.services.base import current
from ui.jobs import export_in_background


def _t(text: str) -> str:
    return QCoreApplication.translate("ExportRosterDialog", text)


def describe_view(view: roster.View) -> str:
    """One line saying what the view holds, e.g. 搜索“wang”；所属领域：企业."""
    parts = []
    if view.text.strip():
        parts.append(_t("搜索“{0}”").format(view.text.strip()))
    labels = dict(roster.FILTERS)
    choices = roster.filter_choices()
    for key, value in view.active_filters().items():
        shown = next((text for text, v in choices.get(key, []) if v == value), value)
        parts.append(f"{labels[key]}：{shown}")
    return "；".join(parts) if parts else _t("全部人员")


class ExportRosterDialog(QDialog):
    def __init__(self, parent: QWidget | None, view: roster.View, count: int):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出花名册"))
        what = QLabel(self.tr("导出当前列表：{0}，共 {1} 人。").format(describe_view(view), count), self)
        what.setWordWrap(True)
        self.path_edit = QLineEdit(self)
        self.path_edit.setText(self.tr("花名册_{0}.xlsx").format(_dt.date.today().strftime("%Y%m%d")))
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        line = QHBoxLayout()
        line.addWidget(QLabel(self.tr("保存到"), self))
        line.addWidget(self.path_edit, 1)
        line.addWidget(browse)
        self.full_id = QCheckBox(self.tr("导出完整身份证号（仅管理员；默认打码，如 350502********1234）"), self)
        self.full_id.setEnabled(current().is_admin)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.tr("导出"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(line)
        layout.addWidget(self.full_id)
        layout.addWidget(buttons)
        self.resize(620, 160)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出花名册"), self.path_edit.text(),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if path:
            self.path_edit.setText(path)

    def _accept(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            self.path_edit.setText(path + ".xlsx")
        self.accept()

    def path(self) -> str:
        return self.path_edit.text().strip()


def start_export(parent: QWidget, view: roster.View, path: str, full_id: bool = False, on_done=None):
    """Write the view to `path` in the background (swdesk/jobs/export_roster.py, the job the
    command line runs); the result is shown, then on_done(result)."""

    def work(progress):
        return export_roster_job.export_roster(Path(path), full_id=full_id, view=view, progress=progress)

    return export_in_background(parent, _t("正在导出花名册…"), work, on_done=on_done)


def export_view(parent: QWidget, view: roster.View) -> None:
    count = roster.count(view)
    dialog = ExportRosterDialog(parent, view, count)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    start_export(parent, view, dialog.path(), dialog.full_id.isChecked())


def export_roster(window) -> None:
    """Menu 文件 → 导出花名册: the current view of the roster tab (all workers if it is not open)."""
    view = roster.View()
    try:
        tab = window.tab("roster")
        view = tab.current_view()
    except Exception:  # the tab failed to build: export everyone
        pass
    export_view(window, view)
