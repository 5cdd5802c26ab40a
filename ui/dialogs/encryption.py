"""设置 → 数据加密 (issue 20), and the password asked before an encrypted database opens.

The rules live in swdesk/encryption.py (key file, passwords, recovery key) and
swdesk/jobs/encrypt.py (the conversion, run here as a background job with its progress)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swdesk import db, encryption
from swdesk.errors import UserError
from swdesk.jobs import encrypt as encrypt_job
from swdesk.jobs import print_recovery_key as recovery_job
from swdesk.services import operators
from swdesk.services.base import current
from ui import jobs
from ui.dialogs import printing
from ui.dialogs.login_dialog import UnlockLoginDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("Encryption", text)


def ask_secret(parent: QWidget | None, title: str, label: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None


def unlock(parent: QWidget | None, path: str | Path, label: str) -> bool:
    """Ask for the password (or the recovery key) of the encrypted file `path` until it unwraps
    its key or the clerk cancels. A damaged or missing key file is said once."""
    while True:
        secret = ask_secret(parent, _tr("数据已加密"), label)
        if secret is None:
            return False
        try:
            encryption.unlock(path, secret)
            return True
        except encryption.WrongSecret as exc:
            QMessageBox.warning(parent, _tr("密码不正确"), str(exc))
        except UserError as exc:
            QMessageBox.critical(parent, _tr("无法打开加密的数据库"), str(exc))
            return False


def _has_operator_slots(path: str | Path) -> bool:
    try:
        return any(label.startswith(encryption.operator_label("")) for label in encryption.labels(path))
    except encryption.DamagedKeyFile:
        return False   # the password prompt tries it and says what is wrong, once


def unlock_at_start(target: str | None, parent: QWidget | None = None) -> bool:
    """Before the window opens an encrypted database file: the operator's login when accounts
    exist, else the office password."""
    path = target or db.default_target()
    if _has_operator_slots(path):
        return UnlockLoginDialog(path, parent).exec() == QDialog.DialogCode.Accepted
    return unlock(parent, path, _tr("数据库已加密。请输入数据库密码（单位密码、操作员本人的密码或恢复密钥）："))


def unlock_if_needed(parent: QWidget | None, target: str) -> bool:
    """Before another database file opens (文件 → 打开数据库…): its password if it is encrypted
    and not yet unlocked; True when it may be opened."""
    if db.is_url(target) or encryption.key_for(target) is not None or not encryption.keys_path(target).is_file():
        return True
    if not encryption.is_encrypted_file(target):
        return True
    return unlock_at_start(target, parent)


def unlock_backup(parent: QWidget | None, path: str | Path) -> bool:
    """Before a restore: a backup of the open database opens with its key; another asks."""
    if not encryption.is_encrypted_file(path) or encryption.known_key_for(path) is not None:
        return True
    return unlock(parent, path, _tr("备份文件 {0} 已加密。请输入它的密码或恢复密钥：").format(Path(path).name))


class NewPasswordDialog(QDialog):
    """A new password typed twice (and the current one when changing it)."""

    def __init__(self, parent: QWidget | None, title: str, ask_old: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.old = QLineEdit(echoMode=QLineEdit.EchoMode.Password) if ask_old else None
        if self.old is not None:
            form.addRow(_tr("当前密码："), self.old)
        self.new = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        form.addRow(_tr("新密码："), self.new)
        form.addRow(_tr("再次输入："), self.again)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        problem = encryption.password_problem(self.new.text())
        if problem is None and self.new.text() != self.again.text():
            problem = _tr("两次输入的新密码不一致")
        if problem is not None:
            self.problem.setText(problem)
            return
        self.accept()


class EncryptionDialog(QDialog):
    """The state of the open database and what can be done about it."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(_tr("数据加密"))
        layout = QVBoxLayout(self)
        self.status = QLabel(wordWrap=True)
        layout.addWidget(self.status)
        self.encrypt_button = QPushButton(_tr("加密数据库…"))
        self.password_button = QPushButton(_tr("更改单位密码…"))
        self.recovery_button = QPushButton(_tr("创建恢复密钥…"))
        for button, slot in ((self.encrypt_button, self.encrypt), (self.password_button, self.change_password),
                             (self.recovery_button, self.create_recovery_key)):
            button.clicked.connect(slot)
            layout.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        path = db.sqlite_path()
        if path is None:
            self.status.setText(_tr("当前连接的是数据库服务器（PostgreSQL），由服务器自身的措施保护，本程序不对其加密。"))
        elif db.is_encrypted():
            self.status.setText(_tr("数据库已加密：{0}\n密钥文件：{1}（请与数据库一起备份；没有密码或恢复密钥它无法使用）")
                                .format(path, encryption.keys_path(path)))
        else:
            self.status.setText(_tr("数据库未加密：{0}\n加密后，复制走的数据库文件和备份没有密码无法读取。").format(path))
        encrypted = db.is_encrypted()
        self.encrypt_button.setEnabled(path is not None and not encrypted and current().is_admin)
        self.password_button.setEnabled(encrypted)
        self.recovery_button.setEnabled(encrypted and current().is_admin)

    def encrypt(self) -> None:
        dialog = NewPasswordDialog(self, _tr("设置数据库密码"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        encrypt_open_database(self.window_, dialog.new.text(), self.refresh)

    def change_password(self) -> None:
        dialog = NewPasswordDialog(self, _tr("更改单位密码"), ask_old=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            encryption.change_password(db.sqlite_path(), dialog.old.text(), dialog.new.text())
        except UserError as exc:
            QMessageBox.warning(self, _tr("未能更改密码"), str(exc))
            return
        QMessageBox.information(self, _tr("数据加密"), _tr("单位密码已更改（数据库本身未重写）。"))

    def create_recovery_key(self) -> None:
        try:
            key = operators.create_recovery_key()
        except UserError as exc:
            QMessageBox.warning(self, _tr("数据加密"), str(exc))
            return
        show_recovery_key(self, key)


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown this once, with 保存为 PDF… and 打印… (the sheet to lock away)."""

    def __init__(self, parent: QWidget | None, key: str):
        super().__init__(parent)
        self.key = key
        self.setWindowTitle(_tr("恢复密钥"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_tr(
            "这是数据库的恢复密钥，只显示这一次。请打印或抄写后锁好：忘记所有密码时，用它代替密码打开数据库。"
            "旧的恢复密钥已作废。"), wordWrap=True))
        self.key_label = QLabel(key)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("monospace")
        font.setPointSize(14)
        self.key_label.setFont(font)
        layout.addWidget(self.key_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.addButton(_tr("保存为 PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = buttons.addButton(_tr("打印…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_sheet)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._scratch: list[tempfile.TemporaryDirectory] = []
        self.finished.connect(self._drop_scratch)

    def save_pdf(self) -> None:
        out = printing.ask_pdf_path(self, _tr("保存恢复密钥单"), recovery_job.default_filename())
        if out:
            self._write(out)

    def print_sheet(self) -> None:
        """The sheet through the print preview, from a file removed when this dialog closes."""
        scratch = tempfile.TemporaryDirectory(prefix="swdesk-")
        self._scratch.append(scratch)
        self._write(str(Path(scratch.name) / recovery_job.default_filename()))

    def _write(self, out: str):
        return printing.run_print_job(self, _tr("正在生成恢复密钥单…"), _tr("恢复密钥单"),
                                      lambda _allow, progress: recovery_job.print_recovery_key(out, self.key, progress))

    def _drop_scratch(self) -> None:
        for scratch in self._scratch:
            scratch.cleanup()
        self._scratch.clear()


def show_recovery_key(parent: QWidget, key: str) -> None:
    """The recovery key, shown this once: to be written down or printed and locked away."""
    RecoveryKeyDialog(parent, key).exec()


def encrypt_open_database(window: QWidget, password: str, after=None) -> None:
    """Close the open database, convert it in the background, reopen it with its new key."""
    target = db.sqlite_path()
    jobs.release_database(window)
    db.close_database()

    def reopen() -> None:
        db.open_database(str(target))
        if hasattr(window, "update_title"):
            window.update_title()
        if after is not None:
            after()

    def done(result) -> None:
        reopen()
        jobs.show_result(window, result)

    def failed(exc: BaseException) -> None:
        reopen()
        from ui.app import show_error  # ui.app imports the dialogs' modules on first use

        show_error(window, exc)

    jobs.run_job(window, _tr("正在加密数据库…"), lambda progress: encrypt_job.run(target, password, progress),
                 on_done=done, on_error=failed)


def manage_encryption(window) -> None:
    EncryptionDialog(window).exec()
