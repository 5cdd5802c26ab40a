"""Accelerator letters on buttons (ui/keyboard.py): every push button of every tab and of the
dialogs a clerk opens has one ("保存(&S)", "新增人员(&N)"), and no letter is used twice in one
window — a tab counted with the menu bar's 文件(&F) 打印(&P) 设置(&S) 工具(&T) 帮助(&H)."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QMessageBox, QPushButton

from ui import keyboard

# Menu entries that open a dialog (those opening a file chooser first are left out).
MENU_DIALOGS = (
    "ui.dialogs.settings:edit_office", "ui.dialogs.demand:edit_demand_plan",
    "ui.dialogs.vocabulary:edit_vocabulary", "ui.dialogs.operators:manage_operators",
    "ui.dialogs.audit:show_audit_log", "ui.dialogs.printing:print_cards",
    "ui.dialogs.printing:print_badges", "ui.dialogs.printing:print_certificate",
    "ui.dialogs.printing:calibrate_printer", "ui.dialogs.worker_record:print_record",
    "ui.dialogs.worker_record:print_stars", "ui.dialogs.export_roster:export_roster",
    "ui.dialogs.quarter:export_quarter", "ui.dialogs.worker_record:show_at_risk",
    "ui.dialogs.language:choose_language", "ui.dialogs.verify_card:verify_card",
    "ui.dialogs.backup:backup_now", "ui.dialogs.demo:fill_demo_data",
)


def letters_of(root, reserved: str = "") -> tuple[list[str], list[str]]:
    """(texts of the shown push buttons without a letter, letters used more than once)."""
    letters, missing = list(reserved), []
    for widget in root.findChildren(QAbstractButton):
        if widget.isVisibleTo(root) and widget.text():
            letter = keyboard.mnemonic(widget.text())
            if letter:
                letters.append(letter)
            elif isinstance(widget, QPushButton):
                missing.append(widget.text())
    letters += [keyboard.mnemonic(label.text()) for label in root.findChildren(QLabel)
                if label.buddy() is not None and label.isVisibleTo(root) and "&" in label.text()]
    return missing, sorted({letter for letter in letters if letters.count(letter) > 1})


def test_every_tab_has_a_letter_on_each_button_and_none_twice(demo_window, qtbot):
    window = demo_window
    reserved = window.menu_letters()
    assert reserved == "FPSTH"
    problems = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.current_tab()
        if hasattr(tab, "table") and tab.model.rowCount():
            tab.table.selectRow(0)            # the detail's buttons shown
        missing, twice = letters_of(tab, reserved)
        if missing or twice:
            problems[window.tabs.tabText(index)] = (missing, twice)
    assert problems == {}
    roster = window.tab("roster")
    assert keyboard.plain(roster.new_button.text()) == "新增人员"
    # Each tab's "new" has its N, 修改 its M, before the buttons on pages behind an inner tab.
    for key in ("roster", "mentoring", "eldercare", "homebed", "hotline", "training"):
        assert keyboard.mnemonic(keyboard.new_button(window.tab(key)).text()) == "N", key
    assert window.tab("eldercare").edit_button.text() == "修改小组(&M)"


def check_dialogs_opened_by(qtbot, opens) -> dict[str, tuple[list[str], list[str]]]:
    """Run each of `opens` (name, callable opening a modal dialog); the dialog, once in front, is
    checked and closed (with any box it raises), never left waiting."""
    problems: dict[str, tuple[list[str], list[str]]] = {}
    seen: list[str] = []

    def poll(name, tries=0):
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isActiveWindow():
            if tries < 150:
                QTimer.singleShot(20, lambda: poll(name, tries + 1))
            return
        QApplication.processEvents()
        seen.append(name)
        missing, twice = letters_of(dialog)
        if missing or twice:
            problems[f"{name}: {dialog.windowTitle()}"] = (missing, twice)
        while (modal := QApplication.activeModalWidget()) is not None:
            modal.done(QMessageBox.StandardButton.Discard if isinstance(modal, QMessageBox) else 0)
            QApplication.processEvents()

    for name, open_it in opens:
        QTimer.singleShot(0, lambda n=name: poll(n))
        open_it()
        qtbot.waitUntil(lambda n=name: n in seen, timeout=5000)
    return problems


def test_every_dialog_has_a_letter_on_each_button_and_none_twice(demo_window, qtbot):
    window = demo_window
    opens = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        button = keyboard.new_button(window.current_tab())
        if button is not None and button.isEnabled():
            opens.append((f"tab {index + 1} new", button.click))
    opens += [(key, window.menu_actions[key].trigger) for key in MENU_DIALOGS]
    hotline = window.switch_to("hotline")
    hotline.status.setCurrentText("待分派")
    hotline.table.selectRow(0)
    opens.append(("hotline assign", hotline.flow_buttons["assign"].click))
    roster = window.switch_to("roster")
    roster.model.wait()
    opens.append(("worker", lambda: roster.open_worker(roster.model.worker_id(0))))
    problems = check_dialogs_opened_by(qtbot, opens)
    assert problems == {}


def test_letters_follow_the_words_and_survive_a_new_text(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    save, cancel, export, close = (QPushButton(t, dialog) for t in ("保存 (Ctrl+S)", "取消", "导出…", "关闭"))
    keyboard.accelerate(dialog)
    assert [b.text() for b in (save, cancel, export)] == ["保存(&S) (Ctrl+S)", "取消(&C)", "导出(&E)…"]
    assert keyboard.mnemonic(close.text()) not in ("", "S", "C", "E")       # 关闭's C is taken
    again = QPushButton("保存并继续新增", dialog)
    keyboard.accelerate(dialog)
    assert again.text() == "保存并继续新增(&N)"                               # its S is taken: 新增's N
    english = QPushButton("Save as PDF", dialog)
    keyboard.accelerate(dialog)
    assert english.text() == "Save as &PDF"          # S and A (关闭's, after C) are taken: P
    cancel.setText("停用")
    keyboard.accelerate(dialog)
    assert cancel.text() == "停用(&D)"
    assert keyboard.plain(save.text()) == "保存 (Ctrl+S)"
