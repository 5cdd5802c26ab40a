"""swdesk/services/base.py: the write wrapper, roles, office scoping and the audit log."""
from __future__ import annotations

import json

import pytest

from swdesk.models import AuditLog, Community, Office
from swdesk.services import base


@base.writes("community")
def _add_community(office_id: int, name: str, fail: bool = False) -> Community:
    community = Community.create(office=office_id, name=name)
    base.audit("create", community, after=base.snapshot(community), summary=name)
    if fail:
        raise base.UserError("故意失败")
    return community


def test_a_writer_commits_record_and_audit_together(office):
    _add_community(office.id, "东街社区")
    assert Community.select().where(Community.name == "东街社区").count() == 1
    row = AuditLog.get(AuditLog.table == "community")
    assert row.action == "create" and json.loads(row.after)["name"] == "东街社区"


def test_a_failing_writer_leaves_nothing_behind(office):
    before = AuditLog.select().count()
    with pytest.raises(base.UserError):
        _add_community(office.id, "西街社区", fail=True)
    assert not Community.select().where(Community.name == "西街社区").exists()
    assert AuditLog.select().count() == before


def test_read_only_operator_cannot_write(office):
    base.set_session(base.Session(operator_login="guest", operator_name="访客", role="只读"))
    with pytest.raises(base.PermissionDenied, match="没有修改数据的权限"):
        _add_community(office.id, "南街社区")
    assert not Community.select().where(Community.name == "南街社区").exists()


def test_writers_are_registered():
    assert any(name.endswith("_add_community") for name in base.WRITERS)


def test_scoping_limits_a_street_user_to_their_street(office):
    other = Office.create(district="示例区", street="另一街道", street_code="000001", centre_name="另一中心")
    Community.create(office=office, name="本街社区")
    foreign = Community.create(office=other, name="外街社区")
    base.set_session(base.Session(operator_login="a", role="录入员", office_id=office.id))
    names = [c.name for c in base.scoped(Community.select(), Community)]
    assert names == ["本街社区"]
    with pytest.raises(base.PermissionDenied, match="属于其他街道"):
        base.get_scoped(Community, foreign.id, "社区")
    base.set_session(base.Session(operator_login="d", role="管理员", office_id=None))
    assert base.scoped(Community.select(), Community).count() == 2


def test_get_scoped_of_a_missing_record_says_so(db):
    with pytest.raises(base.UserError, match="不存在"):
        base.get_scoped(Community, 12345, "社区")


def test_snapshot_is_json_ready(office):
    snap = base.snapshot(office)
    json.dumps(snap, ensure_ascii=False)
    assert snap["street"] == office.street
