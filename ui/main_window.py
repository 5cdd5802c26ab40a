"""The main window: a tab per area, menus, remembered geometry.

Tabs are built the first time they are shown, so the window opens fast whatever the data size.
A tab is a QWidget class `Tab(window)`; it may define `refresh()` (called after any write made
elsewhere, through `window.data_changed`) and `show_record(record_id)` (a reminder's click-through).

Menu actions are callables taking the window. Those of a dialog module, and the tab classes, are
`OnFirstUse` entries that import their module when first called (ui/first_use.py says why, with the
measured cost); tests/ui/test_main_window.py resolves every one.
"""
from __future__ import annotations

import datetime as _dt
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from swdesk import __version__, db
from swdesk.services import scope
from swdesk.services.base import current as current_session
from ui import keyboard
from ui.dialogs import login
from ui.first_use import OnFirstUse

log = logging.getLogger(__name__)


def quit_window(window: MainWindow) -> None:
    window.close()


def show_about(window: MainWindow) -> None:
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


def action_key(action: Callable[..., Any]) -> str:
    """"module:function" of a menu action: the key of window.menu_actions."""
    return action.key if isinstance(action, OnFirstUse) else f"{action.__module__}:{action.__name__}"


def _tab(module: str, name: str, key: str, title: str) -> tuple[str, OnFirstUse, str]:
    return key, OnFirstUse(module, name), title


# (key, tab class, title). The key is what reminders and other tabs use to switch tabs.
TABS = (
    _tab("ui.tabs.reminders", "RemindersTab", "reminders", QT_TRANSLATE_NOOP("MainWindow", "待办提醒")),
    _tab("ui.tabs.roster", "RosterTab", "roster", QT_TRANSLATE_NOOP("MainWindow", "人才队伍")),
    _tab("ui.tabs.mentoring", "MentoringTab", "mentoring", QT_TRANSLATE_NOOP("MainWindow", "一对一帮教")),
    _tab("ui.tabs.eldercare", "ElderCareTab", "eldercare", QT_TRANSLATE_NOOP("MainWindow", "扶老助老")),
    _tab("ui.tabs.homebed", "HomeBedTab", "homebed", QT_TRANSLATE_NOOP("MainWindow", "家庭病床")),
    _tab("ui.tabs.hotline", "HotlineTab", "hotline", QT_TRANSLATE_NOOP("MainWindow", "服务热线")),
    _tab("ui.tabs.training", "TrainingTab", "training", QT_TRANSLATE_NOOP("MainWindow", "培训")),
    _tab("ui.tabs.reports", "ReportsTab", "reports", QT_TRANSLATE_NOOP("MainWindow", "统计报表")),
)

FIRST_TAB = "roster"   # the tab the window opens on


def load_modules() -> None:
    """Import what the window's first paint needs beyond this module: its first tab's. The start
    calls it while the clerk types at the login dialog (ui/app.py), so 登录 opens the window sooner."""
    next(tab_class for key, tab_class, _title in TABS if key == FIRST_TAB).resolve()


# (menu title, [(action text, action(window), shortcut or None) or None for a separator])
MENUS = (
    (QT_TRANSLATE_NOOP("MainWindow", "文件(&F)"), [
        (QT_TRANSLATE_NOOP("MainWindow", "打开数据库…"), OnFirstUse("ui.dialogs.database", "open_database_file"), QKeySequence.StandardKey.Open),
        (QT_TRANSLATE_NOOP("MainWindow", "连接数据库服务器…"), OnFirstUse("ui.dialogs.database", "connect_server"), None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "导入花名册…"), OnFirstUse("ui.dialogs.import_roster", "import_roster"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "导出花名册…"), OnFirstUse("ui.dialogs.export_roster", "export_roster"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "导出季度报表…"), OnFirstUse("ui.dialogs.quarter", "export_quarter"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "汇总各街道报表…"), OnFirstUse("ui.dialogs.quarter", "merge_quarter"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "导出证明登记簿（公示）…"), OnFirstUse("ui.dialogs.quarter", "export_register"), None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "备份…"), OnFirstUse("ui.dialogs.backup", "backup_now"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "恢复…"), OnFirstUse("ui.dialogs.backup", "restore_from_file"), None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "退出"), quit_window, QKeySequence.StandardKey.Quit),
    ]),
    (QT_TRANSLATE_NOOP("MainWindow", "打印(&P)"), [
        (QT_TRANSLATE_NOOP("MainWindow", "打印服务证…"), OnFirstUse("ui.dialogs.printing", "print_cards"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "打印胸牌…"), OnFirstUse("ui.dialogs.printing", "print_badges"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "开具服务证明…"), OnFirstUse("ui.dialogs.printing", "print_certificate"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "出具个人志愿服务记录…"), OnFirstUse("ui.dialogs.worker_record", "print_record"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "打印星级证书…"), OnFirstUse("ui.dialogs.worker_record", "print_stars"), None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "打印机校准…"), OnFirstUse("ui.dialogs.printing", "calibrate_printer"), None),
    ]),
    (QT_TRANSLATE_NOOP("MainWindow", "设置(&S)"), [
        (QT_TRANSLATE_NOOP("MainWindow", "单位设置…"), OnFirstUse("ui.dialogs.settings", "edit_office"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "人才需求计划…"), OnFirstUse("ui.dialogs.demand", "edit_demand_plan"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "可选值列表…"), OnFirstUse("ui.dialogs.vocabulary", "edit_vocabulary"), None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "操作员管理…"), OnFirstUse("ui.dialogs.operators", "manage_operators"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "操作日志…"), OnFirstUse("ui.dialogs.audit", "show_audit_log"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "数据加密…"), OnFirstUse("ui.dialogs.encryption", "manage_encryption"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "锁定"), login.lock_now, QKeySequence("Ctrl+L")),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "界面语言…"), OnFirstUse("ui.dialogs.language", "choose_language"), None),
    ]),
    (QT_TRANSLATE_NOOP("MainWindow", "工具(&T)"), [
        (QT_TRANSLATE_NOOP("MainWindow", "验证服务证…"), OnFirstUse("ui.dialogs.verify_card", "verify_card"), None),
        (QT_TRANSLATE_NOOP("MainWindow", "继续教育提醒…"), OnFirstUse("ui.dialogs.worker_record", "show_at_risk"), None),
    ]),
    (QT_TRANSLATE_NOOP("MainWindow", "帮助(&H)"), [
        (QT_TRANSLATE_NOOP("MainWindow", "填充示例数据…"), OnFirstUse("ui.dialogs.demo", "fill_demo_data"), None),
        None,
        (QT_TRANSLATE_NOOP("MainWindow", "关于"), show_about, None),
    ]),
)


# Accelerator letter of each menu entry (by action_key), unique within its menu; added to the
# translated text by keyboard.with_accelerator ("打开数据库(&O)…", "&Open database…").
MENU_LETTERS = {
    "ui.dialogs.database:open_database_file": "O", "ui.dialogs.database:connect_server": "C",
    "ui.dialogs.import_roster:import_roster": "I", "ui.dialogs.export_roster:export_roster": "E",
    "ui.dialogs.quarter:export_quarter": "Q", "ui.dialogs.quarter:merge_quarter": "M",
    "ui.dialogs.quarter:export_register": "G",
    "ui.dialogs.backup:backup_now": "B", "ui.dialogs.backup:restore_from_file": "R",
    "ui.main_window:quit_window": "X",
    "ui.dialogs.printing:print_cards": "C", "ui.dialogs.printing:print_badges": "B",
    "ui.dialogs.printing:print_certificate": "Z", "ui.dialogs.printing:calibrate_printer": "K",
    "ui.dialogs.worker_record:print_record": "J", "ui.dialogs.worker_record:print_stars": "S",
    "ui.dialogs.settings:edit_office": "O", "ui.dialogs.demand:edit_demand_plan": "D",
    "ui.dialogs.vocabulary:edit_vocabulary": "V", "ui.dialogs.operators:manage_operators": "P",
    "ui.dialogs.audit:show_audit_log": "A", "ui.dialogs.login:lock_now": "L",
    "ui.dialogs.encryption:manage_encryption": "E",
    "ui.dialogs.language:choose_language": "G",
    "ui.dialogs.verify_card:verify_card": "V", "ui.dialogs.worker_record:show_at_risk": "E",
    "ui.dialogs.demo:fill_demo_data": "D", "ui.main_window:show_about": "A",
}


class PlaceholderTab(QWidget):
    """Shown if building a tab raised (say the database went away), so the rest of the window
    keeps working; a module that does not import is a test failure, not a placeholder."""

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
        for key, _cls, title in TABS:
            holder = QWidget()
            holder.setObjectName(f"tab_{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, self.tr(title))
        self.tabs.currentChanged.connect(self._ensure_tab)
        self.tabs.currentChanged.connect(lambda _i: QTimer.singleShot(0, self.focus_current_tab))
        self._build_menus()
        keyboard.install()
        self._build_scope_chooser()
        self.update_title()
        self.statusBar().showMessage(self.tr("数据库：{0}").format(db.describe_target()))
        self._restore_geometry()
        self.data_changed.connect(self._refresh_built_tabs)
        self.tabs.setCurrentIndex(self.tab_index(FIRST_TAB))
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
        key, tab_class, title = TABS[index]
        cls = tab_class.resolve()
        try:
            widget = cls(self)
        except Exception:
            log.exception("cannot build tab %s", key)
            widget = PlaceholderTab(self.tr("“{0}”页面加载失败，详情见日志。").format(self.tr(title)))
        self._built[index] = widget
        self.tabs.widget(index).layout().addWidget(widget)
        keyboard.accelerate(widget, reserved=self.menu_letters())

    def menu_letters(self) -> str:
        """The menu bar's accelerators (文件(&F) …): a tab's buttons must not take them."""
        return "".join(keyboard.mnemonic(a.text()) for a in self.menuBar().actions())

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
                text, func, shortcut = item
                letter = MENU_LETTERS.get(action_key(func), "")
                action = QAction(keyboard.with_accelerator(self.tr(text), letter), self)
                if shortcut is not None:
                    action.setShortcut(shortcut)
                action.triggered.connect(lambda _checked=False, f=func: self.run_action(f))
                menu.addAction(action)
                self.menu_actions[action_key(func)] = action
        self._build_keyboard_actions()

    def _build_keyboard_actions(self) -> None:
        """Ctrl+N (new), Ctrl+F (search) for the tab in front, whatever has focus; Ctrl+1…8
        switch tabs. One window-wide shortcut each: a tab's own would clash with it."""
        for sequence, slot in ((QKeySequence.StandardKey.New, lambda: keyboard.new_in(self.current_tab())),
                               (QKeySequence.StandardKey.Find, lambda: keyboard.find_in(self.current_tab()))):
            action = QAction(self)
            action.setShortcut(sequence)
            action.triggered.connect(lambda _checked=False, f=slot: self.run_action(lambda _w: f()))
            self.addAction(action)
        for index in range(len(TABS)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            self.addAction(action)
            self.tabs.setTabToolTip(index, f"Ctrl+{index + 1}")

    def current_tab(self) -> QWidget:
        index = self.tabs.currentIndex()
        self._ensure_tab(index)
        return self._built[index]

    def focus_current_tab(self) -> None:
        """Focus in the tab in front: its first field (Ctrl+N and Ctrl+F then work at once)."""
        if self.tabs.currentIndex() >= 0:
            keyboard.focus_first(self.current_tab())

    def event(self, event) -> bool:
        # A dialog closed (the window is active again) and left nothing focused: the tab's first
        # field, so the keyboard works without a click.
        if event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self._restore_focus)
        return super().event(event)

    def _restore_focus(self) -> None:
        focused = QApplication.focusWidget()
        if focused is None or focused.window() is not self or not focused.isVisible():
            self.focus_current_tab()

    def run_action(self, func: Callable[[MainWindow], Any]) -> None:
        try:
            func(self)
        except Exception as exc:
            from ui.app import show_error  # ui.app imports this module (cycle)

            show_error(self, exc)

    # --- window state ------------------------------------------------------------------------
    def update_title(self) -> None:
        """"开元街道社会工作服务中心 — 社工服务台" for one street; "鲤城区（2个街道） — 社工服务台"
        when a district user has every street in view."""
        name = self.tr("社工服务台")
        try:
            shown = scope.offices_in_view()
            if len(shown) == 1:
                name = self.tr("{0} — 社工服务台").format(shown[0].centre_name)
            elif shown:
                name = self.tr("{0} — 社工服务台").format(scope.title(shown))
        except Exception:
            log.exception("cannot read office for title")
        self.setWindowTitle(name)
        self._fill_scope_chooser()

    # --- street scope ---------------------------------------------------------------------------
    def _build_scope_chooser(self) -> None:
        """A district user's choice of street, at the right of the tab bar: one street or all."""
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("scope_combo")
        self.scope_combo.setToolTip(self.tr("查看范围：一个街道，或全区各街道"))
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope_combo.activated.connect(lambda _i: self.choose_scope(self.scope_combo.currentData()))
        self.tabs.setCornerWidget(self.scope_combo, Qt.Corner.TopRightCorner)

    def _fill_scope_chooser(self) -> None:
        combo = getattr(self, "scope_combo", None)
        if combo is None:
            return
        combo.blockSignals(True)
        combo.clear()
        try:
            visible = scope.may_choose()
            if visible:
                offices = scope.all_offices()
                for office in offices:
                    combo.addItem(self.tr("范围：{0}").format(office.street), office.id)
                combo.addItem(self.tr("范围：{0}").format(scope.title(offices)), None)
                combo.setCurrentIndex(max(0, combo.findData(current_session().office_id)))
        except Exception:
            log.exception("cannot read offices for the scope chooser")
            visible = False
        combo.blockSignals(False)
        combo.setVisible(visible)

    def choose_scope(self, office_id: int | None) -> None:
        """Show one street (its office id) or all (None); every tab reads again."""
        scope.choose(office_id)
        self.update_title()
        self.data_changed.emit("*")

    def _restore_geometry(self) -> None:
        from ui.app import settings

        geometry = settings().value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            self._fit_to_screen()
            return
        self.resize(1280, 760)
        self._fit_to_screen()   # the size it returns to when un-maximised
        screen = self.screen() or QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen is not None else None
        if free is not None and (free.width() < 1440 or free.height() < 900):
            # A laptop's 1366 × 768: every pixel is needed, as a clerk would set it anyway.
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _fit_to_screen(self) -> None:
        """Never larger than the screen's free area: 1280 × 760 plus the title bar is taller than a
        1366 × 768 screen less its taskbar, or a 1920 × 1080 one at 150 % (1280 × 720 usable); a
        geometry remembered on a bigger monitor is shrunk the same way."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None or self.isMaximized():   # a resize would undo the maximised state
            return
        free = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.geometry().size()  # title bar and borders
        width = min(self.width(), free.width() - frame.width())
        height = min(self.height(), free.height() - max(frame.height(), 32))
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
            self.move(free.topLeft())

    def closeEvent(self, event) -> None:
        from ui.app import settings

        settings().setValue("main_window/geometry", self.saveGeometry())
        for widget in self._built.values():
            save = getattr(widget, "save_state", None)
            if save is not None:
                save()
        super().closeEvent(event)

