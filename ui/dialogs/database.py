"""文件 → 打开数据库 / 连接数据库服务器: switch the window to another SQLite file or a PostgreSQL server.

The switch is tried on the side first (open + migrate); only when it works does the window move
over, so a wrong address never leaves the clerk without a database.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from swdesk import db
from ui import instance_lock, jobs
from ui.dialogs import login
from ui.dialogs.encryption import unlock_if_needed

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DatabaseDialog", text)


def switch_database(window, target: str) -> bool:
    """Open `target`; on failure keep the current database and say why."""
    from swdesk.services import base

    # A job still running would carry on in the other database (the proxy moves under it); the
    # search thread closes its connection to the old one.
    jobs.release_database(window)
    previous, previous_session = db.proxy.obj, base.current()
    lock = instance_lock.acquire(target, window)   # another window may have that file open
    if lock is None:
        return False
    if not unlock_if_needed(window, target):   # an encrypted file (issue 20) asks its password
        lock.abandon()
        return False
    try:
        db.open_database(target)
    except db.DatabaseOpenError as exc:
        lock.abandon()
        db.proxy.initialize(previous)
        QMessageBox.warning(window, _tr("无法打开数据库"), str(exc))
        return False
    if not _login_to_new_database():
        lock.abandon()
        # The accounts of the other database were not satisfied: stay where we were.
        if db.proxy.obj is not previous:
            db.close_database()
        db.proxy.initialize(previous)
        base.set_session(previous_session)
        return False
    if previous is not None and previous is not db.proxy.obj:
        db.close_other(previous)   # every thread's connection to it, and its open marker
    lock.commit(window)
    from ui.app import settings

    settings().setValue("database/last", target if not db.is_url(target) else _without_password(target))
    window.update_title()
    window.statusBar().showMessage(_tr("数据库：") + db.describe_target())
    window.data_changed.emit("*")
    return True


def _login_to_new_database() -> bool:
    """The other database has its own operator accounts: log in to it (never the first-run wizard)."""
    return login.login_at_start(None, first_run_wizard=False)


def _without_password(url: str) -> str:
    from urllib.parse import urlparse, urlunparse

    parts = urlparse(url)
    if parts.password:
        netloc = f"{parts.username}@{parts.hostname}:{parts.port or 5432}"
        return urlunparse(parts._replace(netloc=netloc))
    return url


def open_database_file(window) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, _tr("打开数据库"), "", _tr("社工服务台数据库 (*.db);;所有文件 (*)"))
    if path:
        switch_database(window, path)


class ServerDialog(QDialog):
    """Address of a shared PostgreSQL database (a district server)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("连接数据库服务器"))
        self.host = QLineEdit("127.0.0.1")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.name = QLineEdit("swdesk")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.host)
        form.addRow(self.tr("端口"), self.port)
        form.addRow(self.tr("数据库名"), self.name)
        form.addRow(self.tr("用户名"), self.user)
        form.addRow(self.tr("密码"), self.password)
        note = QLabel(self.tr("区级共享数据库使用 PostgreSQL。请勿把数据库文件放在网络共享文件夹中使用。"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("连接"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def url(self) -> str:
        from urllib.parse import quote

        auth = ""
        if self.user.text().strip():
            auth = quote(self.user.text().strip())
            if self.password.text():
                auth += ":" + quote(self.password.text())
            auth += "@"
        return f"postgresql://{auth}{self.host.text().strip()}:{self.port.value()}/{self.name.text().strip()}"


def connect_server(window) -> None:
    dialog = ServerDialog(window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        switch_database(window, dialog.url())
