"""文件 → 导出季度报表 / 汇总各街道报表 / 导出证明登记簿（公示）: pick the period and files, then run
in the background."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from swdesk import periods
from swdesk.jobs import export_quarter as export_quarter_job
from swdesk.jobs import export_register as export_register_job
from swdesk.jobs import merge_quarter as merge_quarter_job
from ui.jobs import export_in_background

XLSX_FILTER = "Excel 工作簿 (*.xlsx)"  # translated where used


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuarterDialog", text)


def _last_folder() -> str:
    from ui.app import settings

    return str(settings().value("quarter/folder", str(Path.home())))


def _remember_folder(path: str) -> None:
    from ui.app import settings

    settings().setValue("quarter/folder", str(Path(path).parent))


def ask_period(parent: QWidget, default: str | None = None, title: str = "") -> periods.Period | None:
    """A quarter from the recent ones (newest first); the clerk may also type one (2025Q3)."""
    labels = [p.label for p in reversed(periods.last_quarters(8))]
    if default and default not in labels:
        labels.insert(0, default)
    current = labels.index(default) if default in labels else (1 if len(labels) > 1 else 0)
    text, ok = QInputDialog.getItem(parent, title or _tr("导出季度报表"), _tr("统计期间（如 2026Q4）："),
                                    labels, current, True)
    if not ok:
        return None
    return periods.parse(text)  # a typo raises UserError: the caller shows it


def _office_name() -> str:
    """The street for the default file name ('' for a district user of several streets)."""
    from swdesk.reports.quarter import offices

    found = offices()
    return found[0].street if len(found) == 1 else ""


def export_quarter(window: QWidget, period: periods.Period | None = None) -> None:
    """Ask for the period (unless given) and the file, then run the export job in the background."""
    if period is None:
        period = ask_period(window)
        if period is None:
            return
    name = f"{_office_name()}季度统计报表{period.label}.xlsx"
    path, _ = QFileDialog.getSaveFileName(window, _tr("导出季度报表"),
                                          str(Path(_last_folder()) / name), _tr(XLSX_FILTER))
    if not path:
        return
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    _remember_folder(path)
    export_in_background(window, _tr("正在导出季度报表…"),
                         lambda progress: export_quarter_job.export_quarter(period, Path(path), progress=progress))


def merge_quarter(window: QWidget) -> None:
    """Pick the street workbooks and the district file, then run the roll-up job in the background."""
    files, _ = QFileDialog.getOpenFileNames(window, _tr("选择各街道的季度报表"), _last_folder(),
                                            _tr(XLSX_FILTER))
    if not files:
        return
    _remember_folder(files[0])
    path, _ = QFileDialog.getSaveFileName(window, _tr("保存区级汇总报表"),
                                          str(Path(files[0]).parent / "区级汇总季度统计报表.xlsx"),
                                          _tr(XLSX_FILTER))
    if not path:
        return
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    export_in_background(window, _tr("正在汇总各街道报表…"),
                         lambda progress: merge_quarter_job.merge_quarter(
                             Path(path), [Path(f) for f in files], progress=progress))


def export_register(window: QWidget) -> None:
    """Ask for the period of issue and the file, then run the register export (what `export
    register` runs) in the background."""
    period = ask_period(window, title=_tr("导出证明登记簿（公示）"))
    if period is None:
        return
    path, _ = QFileDialog.getSaveFileName(
        window, _tr("导出证明登记簿（公示）"),
        str(Path(_last_folder()) / export_register_job.default_filename(period)), _tr(XLSX_FILTER))
    if not path:
        return
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    _remember_folder(path)
    export_in_background(window, _tr("正在导出证明登记簿…"),
                         lambda progress: export_register_job.export_register(period, Path(path),
                                                                              progress=progress))
