"""设置 → 界面语言: Chinese (the source language) or English, applied at the next start."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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
        # Said plainly (issue 17): the window's own texts are translated; what comes from the
        # records and the core is the same Chinese text that is printed and exported.
        text += "\n\n" + QCoreApplication.translate("LanguageDialog", CHINESE_STAYS)
    QMessageBox.information(window, QCoreApplication.translate("LanguageDialog", "界面语言"), text)


CHINESE_STAYS = QT_TRANSLATE_NOOP(
    "LanguageDialog",
    "英文界面包括窗口的菜单、页签、对话框和按钮。以下内容仍为中文，与打印和导出的内容一致：记录中的取值"
    "（所属领域、学历、状态等）、统计表和季度报表、待办提醒、数据检查给出的提示（如“第3行 〈身份证号〉 …”）。"
    "服务证、胸牌和证明始终以中文打印。")
