"""设置 → 界面语言: Chinese (the source language) or English, applied at the next start."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox

LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))


def choose_language(window) -> None:
    from ui.app import settings

    current = settings().value("language", "zh_CN")
    labels = [label for _code, label in LANGUAGES]
    index = next((i for i, (code, _l) in enumerate(LANGUAGES) if code == current), 0)
    label, ok = QInputDialog.getItem(
        window, QCoreApplication.translate("LanguageDialog", "界面语言"),
        QCoreApplication.translate("LanguageDialog", "选择界面语言（重新启动后生效）："), labels, index, False)
    if not ok:
        return
    code = LANGUAGES[labels.index(label)][0]
    settings().setValue("language", code)
    text = QCoreApplication.translate("LanguageDialog", "界面语言已更改，重新启动程序后生效。")
    if code != "zh_CN":
        text += "\n\n" + WHAT_STAYS_CHINESE
    QMessageBox.information(window, QCoreApplication.translate("LanguageDialog", "界面语言"), text)


# Said plainly when a clerk picks English (issue 17): the window's own texts are translated; what
# comes from the records and the core is the same Chinese text that is printed and exported.
WHAT_STAYS_CHINESE = (
    "English covers the window's menus, tabs, dialogs and buttons. These stay in Chinese, as they "
    "are printed and exported: the values of the records (所属领域, 学历, statuses …), the tables "
    "of the statistics and the workbook, reminders, and the messages that checks of the records "
    "give (e.g. 第3行 〈身份证号〉 …). Cards, badges and certificates are always printed in Chinese.")
