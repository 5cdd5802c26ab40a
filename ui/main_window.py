"""The main window: a tab per area, menus, remembered geometry.

Tabs are built the first time they are shown, so the window opens fast whatever the data size.
A tab is a QWidget class `Tab(window)`; it may define `refresh()` (called after any write made
elsewhere, through `window.data_changed`) and `show_record(record_id)` (a reminder's click-through).

Menu actions are "module:function" strings imported on first use; the function gets the window.
"""
from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from swdesk import __version__, db

log = logging.getLogger(__name__)


# (key, module, class, title). The key is what reminders and other tabs use to switch tabs.
TABS = (
    ("reminders", "ui.tabs.reminders", "RemindersTab", QT_TRANSLATE_NOOP("MainWindow", "待办提醒")),
    ("roster", "ui.tabs.roster", "RosterTab", QT_TRANSLATE_NOOP("MainWindow", "人才队伍")),
    ("mentoring", "ui.tabs.mentoring", "MentoringTab", QT_TRANSLATE_NOOP("MainWindow", "一对一帮教")),
    ("eldercare", "ui.tabs.eldercare", "ElderCareTab", QT_TRANSLATE_NOOP("MainWindow", "扶老助老")),
    ("homebed", "ui.tabs.homebed", "HomeBedTab", QT_TRANSLATE_NOOP("MainWindow", "家庭病床")),
    ("hotline", "ui.tabs.hotline", "HotlineTab", QT_TRANSLATE_NOOP("MainWindow", "服务热线")),
    ("training", "ui.tabs.training", "TrainingTab", QT_TRANSLATE_NOOP("MainWindow", "培训")),
    ("reports", "ui.tabs.reports", "ReportsTab", QT_TRANSLATE_NOOP("MainWindow", "统计报表")),
)

# (menu title, [(action text, "module:function", shortcut or None) or None for a separator])
MENUS = (
    (QT_TRANSLATE_NOOP("MainWindow", "文件(&F)"), [
        (QT_TRANSLATE_NOOP("MainWindow", "打开数据库…"), "ui.dialogs.database:open_database_file", QKeySequence.StandardKey.Open),
        (QT_TRANSLATE_NOOP("MainWindow", "连接数据库服务器…"), "ui.dialogs.database:connect_server", None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "导入花名册…"), "ui.dialogs.import_roster:import_roster", None),
        (QT_TRANSLATE_NOOP("MainWindow", "导出花名册…"), "ui.dialogs.export_roster:export_roster", None),
        (QT_TRANSLATE_NOOP("MainWindow", "导出季度报表…"), "ui.dialogs.quarter:export_quarter", None),
        (QT_TRANSLATE_NOOP("MainWindow", "汇总各街道报表…"), "ui.dialogs.quarter:merge_quarter", None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "备份…"), "ui.dialogs.backup:backup_now", None),
        (QT_TRANSLATE_NOOP("MainWindow", "恢复…"), "ui.dialogs.backup:restore_from_file", None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "退出"), "ui.main_window:quit_window", QKeySequence.StandardKey.Quit),
    ]),
    (QT_TRANSLATE_NOOP("MainWindow", "打印(&P)"), [
        (QT_TRANSLATE_NOOP("MainWindow", "打印服务证…"), "ui.dialogs.printing:print_cards", None),
        (QT_TRANSLATE_NOOP("MainWindow", "打印胸牌…"), "ui.dialogs.printing:print_badges", None),
        (QT_TRANSLATE_NOOP("MainWindow", "开具服务证明…"), "ui.dialogs.printing:print_certificate", None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "打印机校准…"), "ui.dialogs.printing:calibrate_printer", None),
    ]),
    (QT_TRANSLATE_NOOP("MainWindow", "设置(&S)"), [
        (QT_TRANSLATE_NOOP("MainWindow", "单位设置…"), "ui.dialogs.settings:edit_office", None),
        (QT_TRANSLATE_NOOP("MainWindow", "人才需求计划…"), "ui.dialogs.demand:edit_demand_plan", None),
        (QT_TRANSLATE_NOOP("MainWindow", "可选值列表…"), "ui.dialogs.vocabulary:edit_vocabulary", None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "操作员管理…"), "ui.dialogs.operators:manage_operators", None),
        (QT_TRANSLATE_NOOP("MainWindow", "操作日志…"), "ui.dialogs.audit:show_audit_log", None),
        (QT_TRANSLATE_NOOP("MainWindow", "锁定"), "ui.dialogs.login:lock_now", QKeySequence("Ctrl+L")),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "界面语言…"), "ui.dialogs.language:choose_language", None),
    ]),
    (QT_TRANSLATE_NOOP("MainWindow", "工具(&T)"), [
        (QT_TRANSLATE_NOOP("MainWindow", "验证服务证…"), "ui.dialogs.verify_card:verify_card", None),
    ]),
    (QT_TRANSLATE_NOOP("MainWindow", "帮助(&H)"), [
        (QT_TRANSLATE_NOOP("MainWindow", "填充示例数据…"), "ui.dialogs.demo:fill_demo_data", None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "关于"), "ui.main_window:show_about", None),
    ]),
)


class PlaceholderTab(QWidget):
    """Shown only if a tab's module fails to load, so the rest of the window keeps working."""

    def __init__(self, message: str):
        super().__init__()
        layout = QVBoxLayout(self)
        label = QLabel(message)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout.addWidget(label)


class MainWindow(QMainWindow):
    data_changed = Signal(str)  # emitted with a table name after a write; tabs refresh

    def __init__(self):
        super().__init__()
        self.setObjectName("MainWindow")
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._built: dict[int, QWidget] = {}
        for key, _module, _cls, title in TABS:
            holder = QWidget()
            holder.setObjectName(f"tab_{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, self.tr(title))
        self.tabs.currentChanged.connect(self._ensure_tab)
        self._build_menus()
        self.update_title()
        self.statusBar().showMessage(self.tr("数据库：{0}").format(db.describe_target()))
        self._restore_geometry()
        self.data_changed.connect(self._refresh_built_tabs)
        self.tabs.setCurrentIndex(self.tab_index("roster"))
        self._ensure_tab(self.tabs.currentIndex())

    # --- tabs --------------------------------------------------------------------------------
    def tab_index(self, key: str) -> int:
        return next(i for i, t in enumerate(TABS) if t[0] == key)

    def tab(self, key: str) -> QWidget:
        """The tab widget for `key`, built if needed."""
        index = self.tab_index(key)
        self._ensure_tab(index)
        return self._built[index]

    def switch_to(self, key: str, record_id: int | None = None) -> QWidget:
        index = self.tab_index(key)
        self.tabs.setCurrentIndex(index)
        widget = self.tab(key)
        if record_id is not None and hasattr(widget, "show_record"):
            widget.show_record(record_id)
        return widget

    def _ensure_tab(self, index: int) -> None:
        if index < 0 or index in self._built:
            return
        key, module_name, class_name, title = TABS[index]
        try:
            cls = getattr(importlib.import_module(module_name), class_name)
            widget = cls(self)
        except Exception:
            log.exception("cannot build tab %s", key)
            widget = PlaceholderTab(self.tr("“{0}”页面加载失败，详情见日志。").format(self.tr(title)))
        self._built[index] = widget
        self.tabs.widget(index).layout().addWidget(widget)

    def _refresh_built_tabs(self, table: str) -> None:
        for widget in self._built.values():
            refresh = getattr(widget, "refresh", None)
            if refresh is not None:
                refresh()

    # --- menus -------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.menu_actions: dict[str, QAction] = {}
        for title, items in MENUS:
            menu = self.menuBar().addMenu(self.tr(title))
            for item in items:
                if item is None:
                    menu.addSeparator()
                    continue
                text, target, shortcut = item
                action = QAction(self.tr(text), self)
                if shortcut is not None:
                    action.setShortcut(shortcut)
                action.triggered.connect(lambda _checked=False, t=target: self.run_action(t))
                menu.addAction(action)
                self.menu_actions[target] = action

    def run_action(self, target: str) -> None:
        module_name, func_name = target.split(":")
        try:
            func = getattr(importlib.import_module(module_name), func_name)
        except (ImportError, AttributeError):
            log.exception("menu action %s missing", target)
            QMessageBox.information(self, self.tr("提示"), self.tr("此功能在当前版本中不可用。"))
            return
        try:
            func(self)
        except Exception as exc:
            from ui.app import show_error

            show_error(self, exc)

    # --- window state ------------------------------------------------------------------------
    def update_title(self) -> None:
        name = self.tr("社工服务台")
        try:
            from swdesk.models import Office
            from swdesk.services.base import current

            query = Office.select().order_by(Office.id)
            if current().office_id is not None:
                query = query.where(Office.id == current().office_id)
            office = query.first()
            if office is not None:
                name = self.tr("{0} — 社工服务台").format(office.centre_name)
        except Exception:
            log.exception("cannot read office for title")
        self.setWindowTitle(name)

    def _restore_geometry(self) -> None:
        from ui.app import settings

        geometry = settings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event) -> None:
        from ui.app import settings

        settings().setValue("main_window/geometry", self.saveGeometry())
        for widget in self._built.values():
            save = getattr(widget, "save_state", None)
            if save is not None:
                save()
        super().closeEvent(event)


def quit_window(window: MainWindow) -> None:
    window.close()


def show_about(window: MainWindow) -> None:
    import datetime as _dt
    import sys
    from pathlib import Path

    translate = QCoreApplication.translate
    build = translate("MainWindow", "源代码运行")
    if getattr(sys, "frozen", False):
        stamp = Path(sys.executable).stat().st_mtime
        build = _dt.datetime.fromtimestamp(stamp).strftime("%Y-%m-%d")
    QMessageBox.about(
        window, translate("MainWindow", "关于社工服务台"),
        translate("MainWindow", "<h3>社工服务台 swdesk {0}</h3>").format(__version__)
        + translate("MainWindow", "<p>构建日期：{0}</p>").format(build)
        + translate("MainWindow", "<p>街道社会工作服务中心的人才队伍、一对一帮教、扶老助老、家庭病床、"
                    "服务热线、培训管理，服务证打印与季度统计报表。</p>")
        + translate("MainWindow", "<p>当前数据库：{0}</p>").format(db.describe_target()),
    )
