"""Logins, good and bad, are in the audit log (the login tried, never the password)."""
from __future__ import annotations

import pytest

from swdesk.models import AuditLog
from swdesk.services import operators
from swdesk.services.base import UserError


def test_login_and_failed_login_are_audited(db):
    operators.create_operator("王管理", "admin", "管理员", "s3cret-pass")
    with pytest.raises(UserError):
        operators.log_in("admin", "wrong-pass")
    operators.log_in("admin", "s3cret-pass")
    rows = list(AuditLog.select().where(AuditLog.action.in_(["login", "login_failed"])).order_by(AuditLog.id))
    assert [r.action for r in rows] == ["login_failed", "login"]
    assert rows[0].record_id == "admin" and "wrong-pass" not in rows[0].summary + rows[0].after
    assert rows[1].operator == "admin"
