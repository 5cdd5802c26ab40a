"""Working from the keyboard alone: the window's Ctrl+N / Ctrl+F / Ctrl+1…8 go to the tab in
front, focus lands in the tab's first field (at start, on a tab switch, when a dialog closes and
left nothing focused), and menu entries and buttons carry accelerator letters (accelerate():
every tab as it is built, every dialog as it comes to the front).

A tab takes part by having a `new_button` (or `buttons["new"]`) for Ctrl+N, and a `search`
field or a `focus_search()` for Ctrl+F; nothing else is required of it.
"""
from __future__ import annotations

import re

# QtCore.Qt is read when a function runs, not at import: the Qt namespace is built on first access
# (16–22 ms), and the login dialog is painted at start before anything needs it (bench/startup.py).
from PySide6 import QtCore
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QPushButton,
    QWidget,
)


def _is_cjk(char: str, punctuation: bool = False) -> bool:
    """A Chinese character or full-width form (with `punctuation`: CJK punctuation too). Plain
    comparisons, not a regular expression: compiling the two character classes cost 5.4 ms at
    every start, before the login dialog is painted (cProfile of the import)."""
    return ("\u3400" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"
            or (punctuation and "\u3000" <= char <= "\u303f"))


def _has_cjk(text: str) -> bool:
    return any(_is_cjk(char) for char in text)


def new_button(tab: QWidget) -> QAbstractButton | None:
    button = getattr(tab, "new_button", None)
    if button is None:
        button = getattr(tab, "buttons", {}).get("new") if isinstance(getattr(tab, "buttons", None), dict) else None
    return button


def new_in(tab: QWidget) -> bool:
    """Ctrl+N: the tab's "new" button, when the operator may use it. True when something opened."""
    button = new_button(tab)
    if button is None or not button.isVisibleTo(tab) or not button.isEnabled():
        return False
    button.click()
    return True


def find_in(tab: QWidget) -> bool:
    """Ctrl+F: the tab's search field."""
    focus_search = getattr(tab, "focus_search", None)
    if focus_search is not None:
        focus_search()
        return True
    search = getattr(tab, "search", None)
    if isinstance(search, QWidget) and search.isVisibleTo(tab):
        search.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        if hasattr(search, "selectAll"):
            search.selectAll()
        return True
    return False


def first_field(root: QWidget) -> QWidget | None:
    """The first field of `root` in its focus chain (what Tab reaches), buttons passed over: a
    dialog's 确定/取消 are made before the fields a subclass adds, so they come first in the chain."""
    candidates = []
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root and widget not in candidates:
        if (root.isAncestorOf(widget) and widget.isVisibleTo(root) and widget.isEnabled()
                and widget.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus):
            if not isinstance(widget, QAbstractButton):
                return widget
            candidates.append(widget)
        widget = widget.nextInFocusChain()
    return candidates[0] if candidates else None


def focus_first(tab: QWidget) -> QWidget | None:
    widget = first_field(tab)
    if widget is not None:
        widget.setFocus(QtCore.Qt.FocusReason.TabFocusReason)
    return widget


def with_accelerator(text: str, letter: str) -> str:
    """`text` with an accelerator: kept if it has one; "&Open database…" when the (English) text
    holds the letter; else "打开数据库(&O)…", the way Chinese programs write it."""
    if "&" in text or not letter:
        return text
    if not _has_cjk(text):
        at = text.lower().find(letter.lower())
        if at >= 0:
            return f"{text[:at]}&{text[at:]}"
    core, dots = (text[:-1], "…") if text.endswith("…") else (text, "")
    return f"{core}(&{letter.upper()}){dots}"


# Accelerator letters of the buttons: the usual letter of the leading word, the same in every
# dialog and tab (the English initial, as Chinese programs write "保存(&S)"). A word not listed,
# or whose letter is taken in its window, gets the first free letter of A–Z, then 1–9.
BUTTON_LETTERS = {
    "确定": "O", "取消": "C", "关闭": "C", "保存": "S", "新增": "N", "新建": "N", "受理": "N",
    "添加": "A", "加入": "A", "删除": "D", "移除": "R", "导入": "I", "导出": "E", "打印": "P",
    "刷新": "R", "打开": "O", "查询": "Q", "查找": "F", "浏览": "B", "选择": "B", "清除": "L",
    "修改": "M", "分派": "A", "完成": "D", "回访": "V", "转介": "T", "撤销": "X", "登录": "L",
    "退出": "Q", "解锁": "U", "跳过": "K", "生成": "G", "开具": "G", "出具": "G", "放大": "Z",
    "缩小": "W", "适合": "F", "核对": "K", "粘贴": "V", "立即": "B", "重设": "R", "停用": "D",
    "启用": "E", "恢复": "R", "离队": "L", "重新": "R", "继续": "G", "仍然": "Y", "不打": "N",
    "先续": "R", "全部": "A", "仅导": "G", "第一": "1", "第二": "2", "连接": "O", "建立": "O",
    "填入": "F", "加载": "M", "推荐": "U", "载入": "L", "应用": "A", "是": "Y", "否": "N",
}
_FALLBACK = "ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789"
_MNEMONIC = re.compile(r"&([^&])")


def mnemonic(text: str) -> str:
    """The accelerator letter of a label ("保存(&S)" → "S"; "Save && close" has none), upper case."""
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else ""


def plain(text: str) -> str:
    """A button's text without its accelerator: "保存(&S) (Ctrl+S)" → "保存 (Ctrl+S)"."""
    return re.sub(r"\(&(.)\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def _wanted_letters(text: str) -> list[str]:
    """Letters for `text`, best first: the leading word's, then those of other known words from
    the end ("保存并继续新增": S, then 新增's N); English: the words' initials, then any letter."""
    if _has_cjk(text):
        leading = BUTTON_LETTERS.get(text[:2]) or BUTTON_LETTERS.get(text[:1])
        later = [BUTTON_LETTERS[text[i:i + 2]] for i in range(len(text) - 2, 1, -1) if text[i:i + 2] in BUTTON_LETTERS]
        return [letter for letter in (leading, *later) if letter]
    words = re.findall(r"[A-Za-z0-9]+", text)
    return [w[0].upper() for w in words] + [c.upper() for c in text if c.isascii() and c.isalnum()]


def button_text(text: str, letter: str) -> str:
    """`text` with `letter` as its accelerator: "&Save" in English; in Chinese after the last
    Chinese character ("导出(&E)…", "保存(&S) (Ctrl+S)")."""
    if not _has_cjk(text):
        return with_accelerator(text, letter)
    end = next(i + 1 for i in range(len(text) - 1, -1, -1) if _is_cjk(text[i], punctuation=True))
    return f"{text[:end]}(&{letter.upper()}){text[end:]}"


def accelerate(root: QWidget, reserved: str = "") -> None:
    """Give every push button under `root` without one an accelerator letter unique within
    `root` (and `reserved`: the menu bar's letters for a tab). Hidden buttons count as well, so
    one shown later does not clash. Run again after a button's text changes."""
    buttons = [b for b in root.findChildren(QPushButton) if b.text() and not mnemonic(b.text())]
    # Those in view choose first, the outermost (a tab's own bar) before those inside a group:
    # 新建小组 keeps its N from 新增老人 on a page behind a tab, 修改小组 its M from a log's 修改.
    buttons.sort(key=lambda b: (not b.isVisibleTo(root), _depth(b, root)))
    taken = {letter for letter in reserved.upper()}
    taken |= {mnemonic(w.text()) for w in root.findChildren(QAbstractButton) if "&" in w.text()}
    taken |= {mnemonic(w.text()) for w in root.findChildren(QLabel) if w.buddy() is not None}
    # First every button whose own word's letter is free (关闭 keeps its C), then the others.
    for first_pass in (True, False):
        for button in buttons:
            if mnemonic(button.text()):
                continue
            wanted = _wanted_letters(button.text())
            choices = wanted[:1] if first_pass else [*wanted[1:], *_FALLBACK]
            letter = next((c for c in choices if c not in taken), "")
            if letter:
                button.setText(button_text(button.text(), letter))
                taken.add(letter)


def _depth(widget: QWidget, root: QWidget) -> int:
    depth = 0
    while widget is not None and widget is not root:
        widget, depth = widget.parentWidget(), depth + 1
    return depth


def _window_activated(_window) -> None:
    """A dialog came to the front: its buttons get their letters (Qt's file dialog has its own)."""
    widget = QApplication.activeWindow()
    if isinstance(widget, QDialog) and not isinstance(widget, QFileDialog):
        accelerate(widget)


def install() -> None:
    """Every dialog gets accelerators when it first comes to the front; once per application."""
    app = QApplication.instance()
    if app is not None and not app.property("swdesk_accelerators"):
        app.setProperty("swdesk_accelerators", True)
        app.focusWindowChanged.connect(_window_activated)
