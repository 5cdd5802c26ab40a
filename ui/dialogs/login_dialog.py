"""The dialogs of the start: the login dialog (登录名 + 密码) and the first-run wizard, with the
pieces the account dialogs share.

No database and no core module above swdesk.errors is imported at the top here: at start these
dialogs are painted before the database is opened, and the file opens behind them while the clerk
types (`prepare`, ui/app.py); the core is imported by the methods that need it, by then loaded.
On the 10,000-worker bench file the login dialog shows in half the time (bench/startup.py).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swdesk.errors import UserError, ValidationError
from swdesk.peek import SINGLE_USER_SETTING

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


def _tr_encryption(text: str) -> str:
    """The texts of UnlockLoginDialog, in the context they had in ui/dialogs/encryption.py."""
    return QCoreApplication.translate("Encryption", text)


def log_in_operator(login: str, password: str) -> None:
    """operators.log_in, imported once the database is open (see the module's docstring)."""
    from swdesk.services import operators

    operators.log_in(login, password)


class OpensBehind(QDialog):
    """A dialog of the start that may be painted before the database is open.

    `prepare`: run once, right after the dialog's first paint (or when a button needs the database
    before that), to open the database. It returns False when the start must go another way (the
    file did not open, or is not what the dialog is for after all): the dialog then ends with
    NOT_READY. loaded() follows a prepare that succeeded.
    """

    NOT_READY = 3  # done() code: prepare() returned False (FirstRunWizard.SKIPPED is 2)

    def __init__(self, parent: QWidget | None, prepare: Callable[[], bool] | None):
        super().__init__(parent)
        self._prepare = prepare

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
            log.exception("cannot open the database behind the %s", type(self).__name__)
            ready = False
        if not ready:
            self.done(self.NOT_READY)
            return False
        self.loaded()
        return True

    def loaded(self) -> None:
        """The database is open: fill in what comes from it."""


class LoginDialog(OpensBehind):
    """登录名 + 密码; accepted once operators.log_in succeeds (the session is then set).
    `prepare`: see OpensBehind."""

    def __init__(self, login: str | None = None, parent: QWidget | None = None,
                 title: str | None = None, message: str | None = None,
                 prepare: Callable[[], bool] | None = None):
        super().__init__(parent, prepare)
        self.setObjectName("LoginDialog")
        self.setWindowTitle(title or self.tr("登录 — 社工服务台"))
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


# Issue 20: the login and password that unlocked an encrypted database at start (UnlockLoginDialog),
# kept until login_at_start (ui/dialogs/login.py) logs in with them: one password.
_typed_at_unlock: tuple[str, str] | None = None


def remember_typed(login: str, password: str) -> None:
    global _typed_at_unlock
    _typed_at_unlock = (login, password)


def take_typed() -> tuple[str, str] | None:
    global _typed_at_unlock
    typed, _typed_at_unlock = _typed_at_unlock, None
    return typed


class UnlockLoginDialog(LoginDialog):
    """With operator accounts, the login before an encrypted database opens: the operator's
    password unwraps the key through the operator's slot, and login_at_start then logs in with
    it (one password, not a database password and then the login)."""

    def __init__(self, path: str | Path, parent: QWidget | None = None,
                 prepare: Callable[[], bool] | None = None):
        super().__init__(None, parent, message=_tr_encryption(
            "数据库已加密。请输入操作员登录名和密码（忘记所有密码时，可在密码栏输入恢复密钥）。"), prepare=prepare)
        self.path = path

    def try_login(self) -> bool:
        if not self.prepared():
            return False
        from swdesk import encryption

        name, secret = self.login_edit.text().strip(), self.password_edit.text()
        try:
            encryption.unlock(self.path, secret, encryption.operator_label(name))
        except encryption.WrongSecret as exc:
            self.error.setText(str(exc))
            self.error.show()
            self.password_edit.clear()
            self.password_edit.setFocus()
            return False
        except UserError as exc:
            QMessageBox.critical(self, _tr_encryption("无法打开加密的数据库"), str(exc))
            self.reject()
            return False
        remember_typed(name, secret)
        self.accept()
        return True


# --- first run ---------------------------------------------------------------------------------

# Office fields the wizard asks for, with their labels.
OFFICE_FIELDS = (
    ("district", "所在区"),
    ("street", "街道"),
    ("street_code", "街道代码"),
    ("centre_name", "服务中心名称"),
    ("person_in_charge", "负责人"),
    ("contact_phone", "联系电话"),
    ("address", "地址"),
)


class FirstRunWizard(OpensBehind):
    """Welcome page of a database without accounts: office settings and the 管理员 account."""

    SKIPPED = 2  # done() code of 跳过

    def __init__(self, parent: QWidget | None = None, new_file: str | Path | None = None,
                 prepare: Callable[[], bool] | None = None):
        """`new_file`: the database file this start created (swdesk/peek.new_file); only such a
        file may be created again encrypted (加密数据库), it holds nothing yet. `prepare`: see
        OpensBehind; without it the database is open already."""
        super().__init__(parent, prepare)
        self._given_file = Path(new_file) if new_file is not None else None
        self.new_file: Path | None = None   # set by loaded()
        self.office_id: int | None = None
        self.encrypted_with: str | None = None
        self.setObjectName("FirstRunWizard")
        self.setWindowTitle(self.tr("欢迎使用社工服务台"))
        intro = QLabel(self.tr(
            "这是第一次使用。请填写本单位信息，并建立管理员账户：以后每次打开程序都需要登录，"
            "并可为其他工作人员建立“录入员”或“只读”账户。\n"
            "如果只有一人使用这台电脑，也可以点“跳过”，以单用户模式使用（不需要登录）。"))
        intro.setWordWrap(True)

        office_box = QGroupBox(self.tr("单位信息"))
        office_form = QFormLayout(office_box)
        self.office_edits: dict[str, QLineEdit] = {}
        for key, label in OFFICE_FIELDS:
            edit = QLineEdit()
            self.office_edits[key] = edit
            office_form.addRow(self.tr(label) + "：", edit)
        self.office_edits["street_code"].setPlaceholderText(self.tr("6到12位数字，用于服务证编号"))

        admin_box = QGroupBox(self.tr("管理员账户"))
        admin_form = QFormLayout(admin_box)
        self.name_edit = QLineEdit()
        self.login_edit = QLineEdit("admin")
        self.password_edit = password_edit()
        self.confirm_edit = password_edit()
        self.password_edit.setPlaceholderText(self.tr("至少6位"))
        admin_form.addRow(self.tr("姓名："), self.name_edit)
        admin_form.addRow(self.tr("登录名："), self.login_edit)
        admin_form.addRow(self.tr("密码："), self.password_edit)
        admin_form.addRow(self.tr("确认密码："), self.confirm_edit)
        # Issue 20: on by default once there is a password (the 管理员's unlocks the key).
        self.encrypt_box = QCheckBox(self.tr("加密数据库（推荐）"))
        self.encrypt_box.setToolTip(self.tr("数据库文件和备份加密保存：电脑或U盘丢失、文件被复制时，"
                                            "没有密码无法读取其中的个人信息"))
        self.encrypt_box.setChecked(True)
        self.encrypt_box.setEnabled(False)
        self.encrypt_box.setVisible(self._given_file is not None)   # loaded() checks it
        self.password_edit.textChanged.connect(lambda text: self.encrypt_box.setEnabled(
            bool(text) and self.encrypted_with is None))
        admin_form.addRow(self.encrypt_box)

        self.error = error_label()
        buttons = QHBoxLayout()
        self.skip_button = QPushButton(self.tr("跳过（单用户模式）"))
        self.finish_button = QPushButton(self.tr("完成"))
        self.finish_button.setDefault(True)
        self.skip_button.clicked.connect(self.skip)
        self.finish_button.clicked.connect(self.finish)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(office_box)
        layout.addWidget(admin_box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        if prepare is None:
            self.loaded()

    def loaded(self) -> None:
        from swdesk import db
        from swdesk.services import base

        self.new_file = self._given_file if self._given_file is not None and not db.is_encrypted() else None
        self.encrypt_box.setVisible(self.new_file is not None)
        office = base.default_office()
        self.office_id = office.id
        if not _is_placeholder_office(office):
            for key, edit in self.office_edits.items():
                edit.setText(str(getattr(office, key) or ""))

    def finish(self) -> bool:
        if not self.prepared():
            return False
        from swdesk import encryption
        from swdesk.services import operators

        problems: dict[str, str] = {}
        if self.password_edit.text() != self.confirm_edit.text():
            problems["确认密码"] = self.tr("两次输入的密码不一致")
        if not problems and self.wants_encryption():
            try:
                self.start_encrypted(self.password_edit.text())
            except UserError as exc:
                problems = {"": str(exc)}
        if not problems:
            data = {key: edit.text().strip() for key, edit in self.office_edits.items()}
            try:
                operators.first_run_setup(self.office_id, data, self.name_edit.text(),
                                          self.login_edit.text(), self.password_edit.text())
            except ValidationError as exc:
                problems = exc.problems
            except UserError as exc:
                problems = {"": str(exc)}
        if problems:
            labels = dict(OFFICE_FIELDS)
            self.error.setText("\n".join(f"{labels.get(k, k)}：{v}" if k else v for k, v in problems.items()))
            self.error.show()
            return False
        if self.encrypted_with not in (None, self.password_edit.text()):
            # The password was changed after a refused 完成: the office slot follows it.
            encryption.set_secret(self.new_file, encryption.key_for(self.new_file), self.password_edit.text())
        operators.log_in(self.login_edit.text().strip(), self.password_edit.text())
        self.accept()
        return True

    def wants_encryption(self) -> bool:
        from swdesk import encryption

        return (self.new_file is not None and self.encrypted_with is None and self.encrypt_box.isChecked()
                and encryption.password_problem(self.password_edit.text()) is None)

    def start_encrypted(self, password: str) -> None:
        """Create the new database file again, encrypted (encryption.prepare_new): the plain one
        this start made holds only the empty tables, so it is removed, not converted."""
        from swdesk import db, encryption
        from swdesk.services import base, scope

        path = self.new_file
        db.close_database()
        try:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                leftover.unlink(missing_ok=True)
            encryption.prepare_new(path, password)
            db.open_database(str(path))
        except (OSError, UserError) as exc:
            db.close_database()
            encryption.forget(path)
            encryption.keys_path(path).unlink(missing_ok=True)
            db.open_database(str(path))   # the plain new database again
            raise UserError(self.tr("未能建立加密的数据库（仍为未加密）：") + str(exc)) from exc
        finally:
            base.set_session(scope.single_user_session())
            self.office_id = base.default_office().id
        self.encrypted_with = password
        self.encrypt_box.setEnabled(False)

    def skip(self) -> None:
        if not self.prepared():
            return
        from swdesk.services import base, settings

        try:
            settings.put(SINGLE_USER_SETTING, True)
        except UserError as exc:  # e.g. a read-only file: still usable for this session
            log.warning("cannot remember single-user mode: %s", exc)
        base.reset_session()
        self.done(self.SKIPPED)


def _is_placeholder_office(office) -> bool:
    """The office base.default_office() makes up for an empty database (示例区 / 000000)."""
    return office.street_code == "000000" and office.district == "示例区"
