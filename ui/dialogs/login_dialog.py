"""The login dialog (登录名 + 密码) and the pieces the account dialogs share.

No database and no core module above swdesk.errors is imported here: at start the dialog is painted
before the database is opened, and the file opens behind it while the clerk types (`prepare`,
ui/app.py). On the 10,000-worker bench file that shows the dialog in about half the time
(bench/startup.py).
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from swdesk.errors import UserError

log = logging.getLogger(__name__)


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(128)
    return edit


def log_in_operator(login: str, password: str) -> None:
    """operators.log_in, imported once the database is open (see the module's docstring)."""
    from swdesk.services import operators

    operators.log_in(login, password)


class LoginDialog(QDialog):
    """登录名 + 密码; accepted once operators.log_in succeeds (the session is then set).

    `prepare`, at start: run once, right after the dialog's first paint (or when 登录 is pressed
    before that), to open the database. It returns False when the start must go another way (the
    file did not open, or has no account after all): the dialog then ends with NOT_READY.
    """

    NOT_READY = 2  # done() code: prepare() returned False

    def __init__(self, login: str | None = None, parent: QWidget | None = None,
                 title: str | None = None, message: str | None = None,
                 prepare: Callable[[], bool] | None = None):
        super().__init__(parent)
        self.setObjectName("LoginDialog")
        self.setWindowTitle(title or self.tr("登录 — 社工服务台"))
        self._prepare = prepare
        self.login_edit = QLineEdit(login or "")
        self.login_edit.setMaxLength(50)
        self.password_edit = password_edit()
        self.error = error_label()
        heading = QLabel(message or self.tr("请输入操作员登录名和密码。"))
        heading.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("登录名："), self.login_edit)
        form.addRow(self.tr("密码："), self.password_edit)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(360)
        (self.password_edit if login else self.login_edit).setFocus()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._prepare is not None:   # after this paint has reached the screen
            QTimer.singleShot(0, self.prepared)

    def prepared(self) -> bool:
        """Run `prepare` if it has not run yet; False (and the dialog ended) when it failed."""
        prepare, self._prepare = self._prepare, None
        if prepare is None:
            return self.result() != self.NOT_READY
        try:
            ready = prepare()
        except Exception:   # the usual start then meets it again and reports it its own way
            log.exception("cannot open the database behind the login dialog")
            ready = False
        if not ready:
            self.done(self.NOT_READY)
        return ready

    def try_login(self) -> bool:
        if not self.prepared():
            return False
        try:
            log_in_operator(self.login_edit.text(), self.password_edit.text())
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.password_edit.clear()
            self.password_edit.setFocus()
            return False
        self.accept()
        return True
