"""The audit log is append-only in the database itself, not only in swdesk's code."""
from __future__ import annotations

import peewee
import pytest

from swdesk.models import AuditLog
from swdesk.services import base


def test_audit_rows_cannot_be_changed_or_deleted(db):
    base.audit("create", table="worker", record_id=1, summary="新增人员 张三")
    row = AuditLog.get()
    with pytest.raises(peewee.DatabaseError, match="append-only"):
        with db.atomic():
            AuditLog.update(summary="改写历史").where(AuditLog.id == row.id).execute()
    with pytest.raises(peewee.DatabaseError, match="append-only"):
        with db.atomic():
            AuditLog.delete().execute()
    assert AuditLog.get_by_id(row.id).summary == "新增人员 张三"
    base.audit("update", table="worker", record_id=1, summary="仍可追加")
    assert AuditLog.select().count() == 2
