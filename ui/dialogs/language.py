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
    QMessageBox.information(
        window, QCoreApplication.translate("LanguageDialog", "界面语言"),
        QCoreApplication.translate("LanguageDialog", "界面语言已更改，重新启动程序后生效。"))
