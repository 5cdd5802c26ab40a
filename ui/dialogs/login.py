"""Logging in at start, the first-run wizard, and locking the window (设置 → 锁定, idle lock).

- No operator accounts yet: the first-run wizard fills the office's settings and creates the
  管理员 account; 跳过 keeps single-user mode (the choice is remembered in the database).
- Accounts exist: the login dialog; the window is locked after "idle_lock_minutes" without
  keyboard or mouse input (0 = never), and by Ctrl+L.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swdesk import encryption
from swdesk.peek import SINGLE_USER_SETTING
from swdesk.services import base, operators, scope, settings
from swdesk.services.base import UserError
from ui.dialogs.login_dialog import FirstRunWizard, LoginDialog, error_label, password_edit, take_typed

log = logging.getLogger(__name__)

_ACCEPTED = QDialog.DialogCode.Accepted.value


def _tr(text: str) -> str:
    return QCoreApplication.translate("Login", text)


def _log_in_as_typed(typed: tuple[str, str] | None) -> str | None:
    """Log in with what unlocked the database, if anything did: "" when logged in, else the
    login typed (or None). A recovery key opened the file but is no operator's password."""
    if typed is None:
        return None
    if encryption.normalize_recovery_key(typed[1]) is not None:
        return typed[0]
    try:
        operators.log_in(*typed)
    except UserError:
        return typed[0]   # e.g. another operator's password opened the file: the dialog asks
    return ""


def login_at_start(user: str | None = None, first_run_wizard: bool = True,
                   new_file: Path | None = None) -> bool:
    """Before the main window: the wizard, single-user mode, or the login dialog. False = quit."""
    typed = take_typed()
    if not operators.has_operators():
        base.set_session(scope.single_user_session())   # the centre's own street in view
        if not first_run_wizard or settings.get(SINGLE_USER_SETTING, False):
            return True
        wizard = FirstRunWizard(new_file=new_file)
        result = int(wizard.exec())
        if result == _ACCEPTED:
            install_idle_lock()
        return result in (_ACCEPTED, FirstRunWizard.SKIPPED)
    typed_login = _log_in_as_typed(typed)
    if typed_login == "":
        install_idle_lock()
        return True
    dialog = LoginDialog(typed_login or user)
    if int(dialog.exec()) != _ACCEPTED:
        return False
    install_idle_lock()
    return True


# --- locking ------------------------------------------------------------------------------------

class LockDialog(QDialog):
    """Covers a locked window until the operator (or another one: 切换操作员) logs in."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("LockDialog")
        self.window_ = window
        session = base.current()
        self.previous_login = session.operator_login
        self.setWindowTitle(self.tr("已锁定 — 社工服务台"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        message = QLabel(self.tr("程序已锁定。请输入密码解锁（也可以用其他操作员的账户登录）。"))
        message.setWordWrap(True)
        self.login_edit = QLineEdit(session.operator_login)
        self.password_edit = password_edit()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("登录名："), self.login_edit)
        form.addRow(self.tr("密码："), self.password_edit)
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("退出程序"))
        self.unlock_button.clicked.connect(self.try_unlock)
        self.quit_button.clicked.connect(self.quit_program)
        buttons = QHBoxLayout()
        buttons.addWidget(self.quit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(380)
        self.password_edit.setFocus()

    def try_unlock(self) -> bool:
        try:
            operators.log_in(self.login_edit.text(), self.password_edit.text())
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.password_edit.clear()
            return False
        self.accept()
        return True

    def reject(self) -> None:  # Esc or the close button must not unlock
        pass

    def quit_program(self) -> None:
        self.done(QDialog.DialogCode.Rejected)
        self.window_.close()
        QApplication.instance().quit()


def _cover(widget: QWidget) -> QWidget:
    """An opaque panel over the whole of `widget` saying it is locked."""
    cover = QLabel(_tr("已锁定"), widget)
    cover.setObjectName("LockCover")
    cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
    cover.setAutoFillBackground(True)
    cover.setGeometry(widget.rect())
    cover.show()
    cover.raise_()
    return cover


def is_locked(window: QMainWindow) -> bool:
    return getattr(window, "_swdesk_lock", None) is not None


def lock_now(window: QMainWindow) -> LockDialog | None:
    """Hide the window's records and ask for a password. Returns the (open) lock dialog."""
    if is_locked(window):
        return window._swdesk_lock
    if not operators.has_operators():
        QMessageBox.information(window, _tr("锁定"), _tr(
            "当前为单用户模式，没有密码，无法锁定。\n请先在“设置 → 操作员管理”中建立管理员账户。"))
        return None
    # Other open windows (an edit form, a message box) may show records too. They are covered,
    # not closed: closing would end their exec() and lose what the clerk had typed.
    covers = [_cover(widget) for widget in QApplication.topLevelWidgets()
              if widget is not window and widget.isVisible() and not isinstance(widget, LockDialog)]
    hidden = [w for w in (window.centralWidget(), window.menuBar()) if w is not None and w.isVisible()]
    for widget in hidden:
        widget.hide()
    dialog = LockDialog(window)
    window._swdesk_lock = dialog

    def unlocked(_result: int) -> None:
        window._swdesk_lock = None
        for widget in hidden:
            widget.show()
        for cover in covers:
            cover.deleteLater()
        if base.current().operator_login != dialog.previous_login:
            if hasattr(window, "update_title"):
                window.update_title()
            if hasattr(window, "data_changed"):
                window.data_changed.emit("operator")
        dialog.deleteLater()

    dialog.finished.connect(unlocked)
    dialog.open()
    return dialog


class IdleLock(QObject):
    """Locks the main window after `minutes` without keyboard or mouse input."""

    WATCHED = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
               QEvent.Type.Wheel)

    def __init__(self, minutes: float, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self.minutes = minutes
        if minutes and minutes > 0:
            self.timer.start(int(minutes * 60_000))
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.WATCHED and self.minutes and self.minutes > 0:
            self.timer.start()
        return False

    def lock(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible() and not is_locked(widget):
                try:
                    if operators.has_operators():
                        lock_now(widget)
                except Exception:
                    log.exception("idle lock failed")
                return


IDLE_WATCH_AFTER_MS = 1000


def install_idle_lock(minutes: float | None = None) -> IdleLock:
    """Watch the whole application for input (one watcher per application)."""
    app = QApplication.instance()
    if minutes is None:
        try:
            minutes = float(settings.get("idle_lock_minutes") or 0)
        except (TypeError, ValueError):
            minutes = 15
    existing = getattr(app, "_swdesk_idle_lock", None)
    if existing is not None:
        existing.set_minutes(minutes)
        return existing
    watcher = IdleLock(minutes, app)
    # Watching a second later, not at once: at start the window is built and painted right after
    # the login, and every event of that would pass through this Python filter, each new kind of
    # event making PySide build its Python type first: 77 ms of a 300 ms login→window (cProfile).
    QTimer.singleShot(IDLE_WATCH_AFTER_MS, lambda: app.installEventFilter(watcher))
    app._swdesk_idle_lock = watcher
    return watcher
