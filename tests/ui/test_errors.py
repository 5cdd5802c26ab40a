"""Unexpected errors in the window: a Chinese dialog with what to do and the log's path; the log
gets the traceback with ID numbers masked."""
from __future__ import annotations

import datetime as _dt
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from swdesk import idcard, logs, privacy
from swdesk.services.base import UserError
from ui import app

ID = idcard.make("350502", _dt.date(1990, 7, 8), 21)


def capture_box(seen: list):
    def close():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text(), box.detailedText(), box.icon()))
            box.done(0)
        else:
            QTimer.singleShot(20, close)
    QTimer.singleShot(20, close)


def read_log() -> str:
    import logging

    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_swdesk", False))
    handler.flush()
    with open(handler.baseFilename, encoding="utf-8") as fh:
        return fh.read()


def test_unexpected_error_dialog_names_the_log_and_masks_ids(qtbot):
    logs.setup_logging()
    seen: list = []
    capture_box(seen)
    try:
        raise RuntimeError(f"boom while saving {ID}")
    except RuntimeError as exc:
        app.show_error(None, exc)
    title, text, details, icon = seen[0]
    assert title == "程序错误" and icon == QMessageBox.Icon.Critical
    assert "意外问题" in text and str(logs.log_file()) in text
    assert "RuntimeError" in details and ID not in details and privacy.mask_id(ID)[:6] in details
    content = read_log()
    assert "RuntimeError" in content and ID not in content


def test_user_error_is_a_plain_warning(qtbot):
    seen: list = []
    capture_box(seen)
    app.show_error(None, UserError("姓名不能为空"))
    assert seen[0][1] == "姓名不能为空" and seen[0][3] == QMessageBox.Icon.Warning


def test_excepthook_shows_dialog_instead_of_crashing(qtbot):
    logs.setup_logging()
    app.install_excepthook()
    seen: list = []
    capture_box(seen)
    try:
        try:
            raise ValueError("unexpected")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert seen and seen[0][0] == "程序错误"


def test_database_busy_outside_a_writer_is_explained(qtbot):
    import peewee

    seen: list = []
    capture_box(seen)
    app.show_error(None, peewee.OperationalError("database is locked"))
    assert "正被其他程序占用" in seen[0][1] and seen[0][3] == QMessageBox.Icon.Warning
