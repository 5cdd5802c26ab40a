"""Local operator accounts (姓名, 登录名, role 管理员 / 录入员 / 只读) and logging in.

Passwords are stored as hashlib.scrypt(password, salt, n=2**14, r=8, p=1) with a random 16-byte
salt per account; the password itself is never stored or logged. A database without any account
runs as the single local 管理员 (base.Session's default), the command line included.
"""
from __future__ import annotations

import getpass
import hashlib
import hmac
import os
import re
import secrets
import sys

from swdesk import connection, encryption, vocab
from swdesk.models import Office, Operator
from swdesk.services import scope
from swdesk.services.base import (
    PermissionDenied,
    Session,
    UserError,
    ValidationError,
    audit,
    current,
    require_admin,
    set_session,
    snapshot,
    writes,
)

SCRYPT_N = 2 ** 14
SCRYPT_R = 8
SCRYPT_P = 1
HASH_BYTES = 32
MIN_PASSWORD_LENGTH = encryption.MIN_PASSWORD_LENGTH
PASSWORD_ENV = "SWDESK_PASSWORD"
_LOGIN_RE = re.compile(r"^[A-Za-z0-9_.\-]{2,50}$")


def hash_password(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                          dklen=HASH_BYTES)


def _new_secret(password: str) -> tuple[bytes, bytes]:
    salt = secrets.token_bytes(16)
    return salt, hash_password(password, salt)


_password_problem = encryption.password_problem


def has_operators() -> bool:
    """True once any account exists: from then on everyone must log in."""
    return Operator.select().exists()


def list_operators() -> list[Operator]:
    return list(Operator.select().order_by(Operator.active.desc(), Operator.login))


def _get(operator_id: int) -> Operator:
    operator = Operator.get_or_none(Operator.id == operator_id)
    if operator is None:
        raise UserError("找不到该操作员账户")
    return operator


def _active_admins() -> int:
    return Operator.select().where((Operator.role == "管理员") & Operator.active).count()


@writes("operator")
def create_operator(name: str, login: str, role: str, password: str,
                    office_id: int | None = None) -> Operator:
    """A new account. 管理员 only (in single-user mode the local user is the 管理员)."""
    require_admin()
    name, login = (name or "").strip(), (login or "").strip()
    problems: dict[str, str] = {}
    if not name:
        problems["姓名"] = "不能为空"
    elif len(name) > 50:
        problems["姓名"] = "不能超过50个字"
    if not _LOGIN_RE.match(login):
        problems["登录名"] = "应为2到50位字母、数字、下划线、点或减号"
    elif Operator.select().where(Operator.login == login).exists():
        problems["登录名"] = f"登录名“{login}”已被使用"
    if role not in vocab.OPERATOR_ROLES:
        problems["角色"] = "应为" + "、".join(vocab.OPERATOR_ROLES) + "之一"
    if (message := _password_problem(password)) is not None:
        problems["密码"] = message
    if office_id is not None and not Office.select().where(Office.id == office_id).exists():
        problems["所属单位"] = "单位不存在"
    if not has_operators() and role != "管理员" and not problems:
        problems["角色"] = "第一个账户必须是管理员"
    if problems:
        raise ValidationError(problems)
    salt, digest = _new_secret(password)
    operator = Operator.create(name=name, login=login, role=role, salt=salt, password_hash=digest,
                               office=office_id)
    audit("create", operator, after=snapshot(operator), summary=f"新建操作员 {login}（{role}）")
    _wrap_database_key(login, password)
    return operator


@writes("operator")
def change_password(operator_id: int, new_password: str) -> None:
    """管理员 sets (resets) any account's password."""
    require_admin()
    if (message := _password_problem(new_password)) is not None:
        raise ValidationError({"密码": message})
    operator = _get(operator_id)
    operator.salt, operator.password_hash = _new_secret(new_password)
    operator.save()
    audit("password", operator, summary=f"重设操作员 {operator.login} 的密码")
    _wrap_database_key(operator.login, new_password)


def change_own_password(old_password: str, new_password: str) -> None:
    """The logged-in operator changes their own password, whatever their role.

    Deliberately not a @writes function: a 只读 operator may change their own password (and
    nothing else); the old password is the permission check here.
    """
    from swdesk import db

    login = current().operator_login
    if not login:
        raise UserError("单用户模式没有密码；请先在操作员管理中建立管理员账户")
    operator = Operator.get_or_none(Operator.login == login)
    if operator is None or not _matches(operator, old_password):
        raise UserError("原密码不正确")
    if (message := _password_problem(new_password)) is not None:
        raise ValidationError({"新密码": message})
    with db.database().atomic():
        operator.salt, operator.password_hash = _new_secret(new_password)
        operator.save()
        audit("password", operator, summary=f"操作员 {login} 修改了自己的密码")
        _wrap_database_key(login, new_password)


@writes("operator")
def set_role(operator_id: int, role: str) -> Operator:
    require_admin()
    if role not in vocab.OPERATOR_ROLES:
        raise ValidationError({"角色": "应为" + "、".join(vocab.OPERATOR_ROLES) + "之一"})
    operator = _get(operator_id)
    if operator.role == "管理员" and role != "管理员" and operator.active and _active_admins() <= 1:
        raise UserError("这是唯一的管理员账户，不能改为其他角色")
    before = snapshot(operator)
    operator.role = role
    operator.save()
    audit("update", operator, before=before, after=snapshot(operator),
          summary=f"操作员 {operator.login} 的角色改为{role}")
    return operator


@writes("operator")
def deactivate(operator_id: int) -> Operator:
    """Disable an account (kept for the audit log's sake, never deleted)."""
    require_admin()
    operator = _get(operator_id)
    if operator.login == current().operator_login:
        raise UserError("不能停用自己正在使用的账户")
    if operator.role == "管理员" and operator.active and _active_admins() <= 1:
        raise UserError("这是唯一的管理员账户，不能停用")
    before = snapshot(operator)
    operator.active = False
    operator.save()
    audit("deactivate", operator, before=before, after=snapshot(operator),
          summary=f"停用操作员 {operator.login}")
    if (path := _encrypted_path()) is not None:  # a stopped account's password no longer opens the file
        encryption.drop_secret(path, encryption.operator_label(operator.login))
    return operator


@writes("operator")
def reactivate(operator_id: int) -> Operator:
    require_admin()
    operator = _get(operator_id)
    before = snapshot(operator)
    operator.active = True
    operator.save()
    audit("update", operator, before=before, after=snapshot(operator),
          summary=f"重新启用操作员 {operator.login}")
    return operator


def _encrypted_path():
    database = connection.proxy.obj
    return connection.sqlite_path() if isinstance(database, connection.EncryptedSqliteDatabase) else None


def _wrap_database_key(login: str, password: str, only_if_missing: bool = False) -> None:
    """On an encrypted database (issue 20) each operator's password also unwraps the database key:
    its slot in the key file is (re)written; the database itself is never re-encrypted."""
    path = _encrypted_path()
    if path is None:
        return
    label = encryption.operator_label(login)
    if only_if_missing and label in encryption.labels(path):
        return
    encryption.set_secret(path, encryption.key_for(path), password, "password", label)


def _matches(operator: Operator, password: str) -> bool:
    digest = hash_password(password or "", bytes(operator.salt))
    return hmac.compare_digest(digest, bytes(operator.password_hash))


def authenticate(login: str, password: str) -> Session:
    """The Session of the account if the password is right; UserError otherwise.

    The message does not say whether the login or the password was wrong.
    """
    operator = Operator.get_or_none(Operator.login == (login or "").strip())
    if operator is None:
        hash_password(password or "", b"0" * 16)  # same time as a real check
        raise UserError("登录名或密码错误")
    if not _matches(operator, password):
        raise UserError("登录名或密码错误")
    if not operator.active:
        raise UserError("此账户已停用，请联系管理员")
    return Session(operator_login=operator.login, operator_name=operator.name, role=operator.role,
                   office_id=operator.office_id)


def log_in(login: str, password: str) -> Session:
    """Authenticate and make the account the acting operator; both outcomes go to the audit log
    (a failed attempt names the login that was tried, never the password)."""
    from swdesk import db
    from swdesk.services.base import audit

    try:
        session = authenticate(login, password)
    except UserError as exc:
        with db.database().atomic():
            audit("login_failed", table="operator", record_id=(login or "").strip()[:40],
                  summary=f"登录失败：{(login or '').strip()[:40]}（{exc}）")
        raise
    set_session(session)
    with db.database().atomic():
        audit("login", table="operator", record_id=session.operator_login,
              summary=f"登录：{session.operator_name}（{session.role}）")
    # A database encrypted with the office password: from now on this operator's own opens it too.
    _wrap_database_key(session.operator_login, password, only_if_missing=True)
    return session


def login_for_command_line(user: str | None, password: str | None = None) -> Session:
    """Set the session of a command: single user while no account exists, else --user + password."""
    if not has_operators():
        # The same start as the window's single user: the centre's own street in view.
        set_session(scope.single_user_session())
        return current()
    if not user:
        raise UserError("已建立操作员账户，请用 --user 登录名 指定操作员"
                        f"（密码从环境变量 {PASSWORD_ENV} 读取，或在提示时输入）")
    password = password if password is not None else os.environ.get(PASSWORD_ENV)
    if password is None:
        if not (sys.stdin and sys.stdin.isatty()):
            raise UserError(f"需要操作员 {user} 的密码：请设置环境变量 {PASSWORD_ENV}，或在终端中运行以便输入密码")
        try:
            password = getpass.getpass(f"操作员 {user} 的密码：")
        except EOFError:
            raise UserError("未输入密码") from None
    return log_in(user, password)


def create_recovery_key() -> str:
    """A new recovery key of the open encrypted database (管理员 only; replaces the old one). It
    is returned once, to be printed and locked away: it opens the database when every password
    is forgotten, and is stored nowhere but wrapped in the key file."""
    from swdesk import db

    require_admin()
    path = _encrypted_path()
    if path is None:
        raise UserError("当前数据库未加密，无需恢复密钥")
    recovery = encryption.create_recovery_key(path)
    with db.database().atomic():
        audit("recovery_key", table="operator", record_id=current().operator_login or "",
              summary="创建了数据库的恢复密钥（旧的恢复密钥作废）")
    return recovery


def require_admin_for(what: str) -> None:
    """PermissionDenied naming the action, for admin-only reads such as full-ID exports."""
    if not current().is_admin:
        raise PermissionDenied(f"{what}仅限管理员，当前操作员为{current().role}")


__all__ = [
    "authenticate", "change_own_password", "change_password", "create_operator", "create_recovery_key",
    "deactivate",
    "first_run_setup",
    "has_operators", "list_operators", "log_in", "login_for_command_line", "reactivate",
    "require_admin", "require_admin_for", "set_role",
]


@writes("operator")
def first_run_setup(office_id: int, office_data: dict, name: str, login: str, password: str) -> Operator:
    """The first-run wizard in one transaction: the office's own settings and the 管理员 account.

    All problems of both parts come back together in one ValidationError."""
    from swdesk.services import settings

    problems: dict[str, str] = {}
    try:
        settings.update_office(office_id, office_data)
    except ValidationError as exc:
        problems.update(exc.problems)
    try:
        operator = create_operator(name, login, "管理员", password)
    except ValidationError as exc:
        problems.update(exc.problems)
    if problems:
        raise ValidationError(problems)
    return operator
