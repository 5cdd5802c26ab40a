"""Working from the keyboard alone: the window's Ctrl+N / Ctrl+F / Ctrl+1…8 go to the tab in
front, focus lands in the tab's first field (at start, on a tab switch, when a dialog closes and
left nothing focused), and menu entries carry accelerator letters.

A tab takes part by having a `new_button` (or `buttons["new"]`) for Ctrl+N, and a `search`
field or a `focus_search()` for Ctrl+F; nothing else is required of it.
"""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

_CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


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
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
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
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            if not isinstance(widget, QAbstractButton):
                return widget
            candidates.append(widget)
        widget = widget.nextInFocusChain()
    return candidates[0] if candidates else None


def focus_first(tab: QWidget) -> QWidget | None:
    widget = first_field(tab)
    if widget is not None:
        widget.setFocus(Qt.FocusReason.TabFocusReason)
    return widget


def with_accelerator(text: str, letter: str) -> str:
    """`text` with an accelerator: kept if it has one; "&Open database…" when the (English) text
    holds the letter; else "打开数据库(&O)…", the way Chinese programs write it."""
    if "&" in text or not letter:
        return text
    if not _CJK.search(text):
        at = text.lower().find(letter.lower())
        if at >= 0:
            return f"{text[:at]}&{text[at:]}"
    core, dots = (text[:-1], "…") if text.endswith("…") else (text, "")
    return f"{core}(&{letter.upper()}){dots}"
