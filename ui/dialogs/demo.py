"""帮助 → 填充示例数据: fill an empty database with the sample street office, for training and trying
the program out. A database that already has workers is refused by the service itself."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

from swdesk.jobs.demo import fill_demo
from ui.jobs import run_job


def _tr(text: str) -> str:
    return QCoreApplication.translate("DemoDialog", text)


def fill_demo_data(window) -> None:
    from swdesk.models import Worker

    if Worker.select().exists():
        QMessageBox.information(window, _tr("填充示例数据"),
                                _tr("当前数据库中已有人员记录。示例数据只能填入空数据库，"
                                    "请先通过“文件 → 打开数据库”新建一个空数据库文件。"))
        return
    count, ok = QInputDialog.getInt(
        window, _tr("填充示例数据"),
        _tr("生成多少名示例人员？（报告中的人才队伍为 2672 人）"), 2672, 1, 1_000_000, 100)
    if not ok:
        return

    def done(result) -> None:
        window.data_changed.emit("*")
        window.update_title()
        QMessageBox.information(window, _tr("填充示例数据"), result.message)

    run_job(window, _tr("正在生成示例数据…"), lambda progress: fill_demo(count, progress=progress),
            on_done=done)
