"""Screenshots of every tab and its main dialog, for looking at (issue 17: nothing cut off at
1366 × 768 and 1024 × 768). Run under Xvfb with the screen size wanted:

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py .shots/1366

A fresh demo database in a temporary folder; the window takes the screen less a 40 px taskbar and
a 28 px title bar (what a clerk's maximised window has). Each dialog is grabbed as it opens, then
closed without saving.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QThreadPool, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox  # noqa: E402

from swdesk import db  # noqa: E402
from swdesk.jobs import demo  # noqa: E402
from ui import keyboard  # noqa: E402
from ui.app import install_translator, make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

TASKBAR, TITLE = 40, 28
# Menu entries whose dialog is worth a picture (file choosers and jobs that run at once left out).
MENU_DIALOGS = (
    "ui.dialogs.settings:edit_office", "ui.dialogs.demand:edit_demand_plan",
    "ui.dialogs.vocabulary:edit_vocabulary", "ui.dialogs.operators:manage_operators",
    "ui.dialogs.audit:show_audit_log", "ui.dialogs.printing:print_cards",
    "ui.dialogs.printing:print_certificate", "ui.dialogs.printing:calibrate_printer",
    "ui.dialogs.worker_record:print_record", "ui.dialogs.worker_record:print_stars",
    "ui.dialogs.export_roster:export_roster", "ui.dialogs.quarter:export_quarter",
    "ui.dialogs.worker_record:show_at_risk", "ui.dialogs.language:choose_language",
)


def grab_next_dialog(out: Path, name: str, shots: list[str]) -> list[bool]:
    """Grab the modal dialog about to open as `name`.png, then close it (and any box it raises).
    The caller sets the returned flag once its action returned: a window that was not modal is
    not waited for (nor the next action's dialog taken for it)."""
    over = [False]

    def poll(tries: int = 0) -> None:
        if over[0]:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow():
            if tries < 100:
                QTimer.singleShot(30, lambda: poll(tries + 1))
            return
        QApplication.processEvents()
        path = out / f"{name}.png"
        dialog.grab().save(str(path))
        shots.append(f"{path.name} {dialog.width()}x{dialog.height()}")
        close_modals()

    QTimer.singleShot(0, poll)
    return over


def close_modals() -> None:
    for _ in range(5):
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        if isinstance(widget, QMessageBox):
            widget.done(QMessageBox.StandardButton.Discard)
        elif isinstance(widget, QDialog):
            widget.done(0)
        else:
            widget.close()
        QApplication.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="swdesk_shots_"))
    os.environ["HOME"] = str(home)   # settings and backups of this run only
    app = make_application(sys.argv[:1])
    install_translator(app, "zh_CN")
    db.open_database(str(home / "shots.db"))
    demo.fill_demo()
    screen = app.primaryScreen().geometry()
    window = MainWindow()
    window.showNormal()
    window.setGeometry(0, TITLE, screen.width(), screen.height() - TASKBAR - TITLE)
    shots: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.current_tab()
        key = window.tab_name(index) if hasattr(window, "tab_name") else f"{index + 1}"
        for _ in range(20):
            app.processEvents()
        QThreadPool.globalInstance().waitForDone(60000)   # the statistics tab computes in the background
        for _ in range(20):
            app.processEvents()
        if hasattr(tab, "model") and hasattr(tab.model, "wait"):
            tab.model.wait()
            app.processEvents()
        if hasattr(tab, "table") and tab.model.rowCount():
            tab.table.selectRow(0)
        window.grab().save(str(out / f"tab{key}.png"))
        shots.append(f"tab{key}.png")
        new = keyboard.new_button(tab)
        if new is not None and new.isEnabled():
            grab_next_dialog(out, f"tab{key}_new", shots)
            new.click()
    hotline = window.switch_to("hotline")
    for row in range(hotline.model.rowCount()):   # a request followed up: the longest detail
        hotline.table.selectRow(row)
        if hotline.current and hotline.current.followed_up_at:
            break
    app.processEvents()
    window.grab().save(str(out / "hotline_followed_up.png"))
    shots.append("hotline_followed_up.png")
    for key in MENU_DIALOGS:
        over = grab_next_dialog(out, key.split(":")[1], shots)
        window.menu_actions[key].trigger()
        over[0] = True
        close_modals()
        for widget in QApplication.topLevelWidgets():   # a window that is not modal (操作日志)
            if widget.isVisible() and widget is not window and isinstance(widget, QDialog):
                QApplication.processEvents()
                widget.grab().save(str(out / f"{key.split(':')[1]}.png"))
                shots.append(f"{key.split(':')[1]}.png (not modal) {widget.width()}x{widget.height()}")
                widget.close()
    print("\n".join(shots))
    window.close()
    db.close_database()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ".shots"))
