"""Local operator accounts: scrypt hashes, validation, login, the last administrator, the CLI login."""
from __future__ import annotations

import hashlib

import pytest

from swdesk.models import AuditLog, Operator
from swdesk.services import base, operators
from swdesk.services.base import PermissionDenied, UserError, ValidationError


def make_admin(login="admin", password="geheim123"):
    return operators.create_operator("王管理", login, "管理员", password)


def test_password_stored_as_scrypt_with_per_user_salt(db):
    a = make_admin()
    b = operators.create_operator("李录入", "clerk", "录入员", "geheim123")
    a, b = Operator.get_by_id(a.id), Operator.get_by_id(b.id)
    assert len(bytes(a.salt)) == 16 and bytes(a.salt) != bytes(b.salt)
    assert bytes(a.password_hash) != bytes(b.password_hash)  # same password, different salt
    expected = hashlib.scrypt(b"geheim123", salt=bytes(a.salt), n=2**14, r=8, p=1, dklen=32)
    assert bytes(a.password_hash) == expected
    assert b"geheim123" not in bytes(a.password_hash)


def test_authenticate_right_and_wrong(db, office):
    operators.create_operator("王管理", "admin", "管理员", "geheim123", office_id=office.id)
    session = operators.authenticate("admin", "geheim123")
    assert (session.operator_login, session.role, session.office_id) == ("admin", "管理员", office.id)
    for login, password in (("admin", "wrong-pass"), ("nobody", "geheim123"), ("admin", "")):
        with pytest.raises(UserError, match="登录名或密码错误"):
            operators.authenticate(login, password)


def test_create_validates_everything_at_once(db):
    with pytest.raises(ValidationError) as info:
        operators.create_operator("", "a b", "超级", "123")
    assert set(info.value.problems) == {"姓名", "登录名", "角色", "密码"}
    assert not operators.has_operators()


def test_first_account_must_be_admin_and_logins_unique(db):
    with pytest.raises(ValidationError, match="第一个账户必须是管理员"):
        operators.create_operator("李录入", "clerk", "录入员", "geheim123")
    make_admin()
    with pytest.raises(ValidationError, match="已被使用"):
        operators.create_operator("王二", "admin", "录入员", "geheim123")


def test_last_admin_cannot_be_demoted_or_deactivated(db):
    admin = make_admin()
    operators.log_in("admin", "geheim123")
    with pytest.raises(UserError, match="唯一的管理员"):
        operators.set_role(admin.id, "只读")
    with pytest.raises(UserError, match="自己"):
        operators.deactivate(admin.id)
    other = operators.create_operator("赵二", "admin2", "管理员", "geheim123")
    operators.set_role(other.id, "录入员")
    assert Operator.get_by_id(other.id).role == "录入员"


def test_deactivated_account_cannot_log_in(db):
    make_admin()
    operators.log_in("admin", "geheim123")
    clerk = operators.create_operator("李录入", "clerk", "录入员", "geheim123")
    operators.deactivate(clerk.id)
    with pytest.raises(UserError, match="已停用"):
        operators.authenticate("clerk", "geheim123")
    operators.reactivate(clerk.id)
    assert operators.authenticate("clerk", "geheim123").role == "录入员"


def test_passwords_change_and_are_audited_without_secrets(db):
    admin = make_admin()
    operators.log_in("admin", "geheim123")
    viewer = operators.create_operator("只读者", "viewer", "只读", "viewer123")
    operators.change_password(viewer.id, "newpass99")
    operators.log_in("viewer", "newpass99")
    with pytest.raises(UserError, match="原密码不正确"):
        operators.change_own_password("wrong", "another99")
    operators.change_own_password("newpass99", "another99")  # a 只读 user may change their own
    assert operators.authenticate("viewer", "another99").role == "只读"
    with pytest.raises(PermissionDenied):
        operators.change_password(admin.id, "hijack999")
    text = " ".join(f"{a.before}{a.after}{a.summary}" for a in AuditLog.select())
    for secret in ("geheim123", "newpass99", "another99", "salt", "password_hash"):
        assert secret not in text
    assert AuditLog.select().where(AuditLog.action == "password").count() == 2


def test_only_admin_manages_accounts(db):
    make_admin()
    operators.create_operator("李录入", "clerk", "录入员", "geheim123")
    operators.log_in("clerk", "geheim123")
    with pytest.raises(PermissionDenied):
        operators.create_operator("某人", "someone", "录入员", "geheim123")
    with pytest.raises(PermissionDenied):
        operators.set_role(1, "只读")


def test_command_line_login(db, monkeypatch):
    monkeypatch.delenv(operators.PASSWORD_ENV, raising=False)
    assert operators.login_for_command_line(None).role == "管理员"  # no accounts: single user
    make_admin()
    with pytest.raises(UserError, match="--user"):
        operators.login_for_command_line(None)
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(UserError, match="SWDESK_PASSWORD"):
        operators.login_for_command_line("admin")
    monkeypatch.setenv(operators.PASSWORD_ENV, "wrong-pass")
    with pytest.raises(UserError, match="登录名或密码错误"):
        operators.login_for_command_line("admin")
    monkeypatch.setenv(operators.PASSWORD_ENV, "geheim123")
    session = operators.login_for_command_line("admin")
    assert base.current() is session and session.operator_login == "admin"
