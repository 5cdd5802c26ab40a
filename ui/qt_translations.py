"""Qt's own texts that qtbase_zh_CN.qm (as the PySide6 6.11 wheel ships it) leaves English.

Qt 6 added accelerators to two labels of its non-native file dialog ("&Look in:", "Files of
&type:"); the shipped Chinese catalogue still has only the old texts ("Look in:" → 查找范围：), so
the dialog a Linux desktop or Xvfb shows read half English. Checked string by string against the
catalogue (tests/ui/test_translations.py test_qt_standard_dialogs_speak_chinese); a later Qt
whose catalogue has them simply answers first.
"""
from __future__ import annotations

from PySide6.QtCore import QTranslator

ZH_CN = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileDialog", "Computer"): "计算机",
    ("QFileDialog", "Remove"): "移除",
}


class GapTranslator(QTranslator):
    """Answers only the (context, text) pairs of its table; every other text is left to the
    translators installed after it (Qt asks the last installed first)."""

    def __init__(self, table: dict[tuple[str, str], str], parent=None):
        super().__init__(parent)
        self.table = table

    def translate(self, context, source_text, disambiguation=None, n=-1):
        # None is a null QString: Qt then asks the next translator ("" would be taken as the answer).
        return self.table.get((context, source_text))

    def isEmpty(self) -> bool:
        return False
