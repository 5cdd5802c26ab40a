"""Roles are enforced in the services layer: a 只读 operator cannot write through any service
function (the test loops over every @writes function), nor through the command line; a 录入员
writes but cannot do what only a 管理员 may."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import swdesk.services
from swdesk import models
from swdesk.jobs.export_roster import export_roster
from swdesk.services import base, operators, settings
from swdesk.services.base import PermissionDenied, Session


def import_all_services() -> dict:
    for info in pkgutil.iter_modules(swdesk.services.__path__):
        importlib.import_module(f"swdesk.services.{info.name}")
    return dict(base.WRITERS)


def dummy_arguments(func) -> tuple[list, dict]:
    """Arguments the real function could not handle: if it ran, it would fail with another error."""
    args, kwargs = [], {}
    for param in inspect.signature(func).parameters.values():
        if param.default is not inspect.Parameter.empty:
            continue
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            args.append(object())
        elif param.kind == param.KEYWORD_ONLY:
            kwargs[param.name] = object()
    return args, kwargs


def fingerprint() -> dict[str, int]:
    """Row count of every table, and the newest audit line: changes if anything is written."""
    out = {m._meta.table_name: m.select().count() for m in models.ALL_MODELS}
    out["audit_max"] = models.AuditLog.select().order_by(models.AuditLog.id.desc()).first().id \
        if models.AuditLog.select().exists() else 0
    return out


def test_every_service_module_registers_its_writers():
    writers = import_all_services()
    assert "swdesk.services.settings.put" in writers
    assert "swdesk.services.operators.create_operator" in writers
    for name, func in writers.items():
        assert hasattr(func, "__swdesk_table__"), name


def test_read_only_operator_cannot_write_through_any_service(db, office):
    writers = import_all_services()
    before = fingerprint()
    base.set_session(Session(operator_login="viewer", operator_name="只读者", role="只读"))
    refused = []
    for name, func in sorted(writers.items()):
        args, kwargs = dummy_arguments(func)
        with pytest.raises(PermissionDenied, match="没有修改数据的权限"):
            func(*args, **kwargs)
        refused.append(name)
    assert fingerprint() == before
    assert len(refused) == len(writers) >= 7


def test_clerk_writes_but_not_admin_things(db, office):
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    operators.create_operator("李录入", "clerk", "录入员", "geheim123")
    operators.log_in("clerk", "geheim123")
    settings.put("hotline_due_hours", 24)
    assert settings.get("hotline_due_hours") == 24
    before = fingerprint()
    with pytest.raises(PermissionDenied, match="仅限管理员"):
        operators.create_operator("某人", "someone", "录入员", "geheim123")
    with pytest.raises(PermissionDenied, match="仅限管理员"):
        settings.update_office(office.id, {"centre_name": "改名"})
    assert fingerprint() == before


def test_admin_only_full_id_exports(db, office, tmp_path):
    """Exports with full ID numbers are for 管理员 only (the roster export's full-ID option)."""
    base.set_session(Session(operator_login="clerk", operator_name="李录入", role="录入员"))
    with pytest.raises(PermissionDenied):
        export_roster(tmp_path / "r.xlsx", full_id=True)
    assert not (tmp_path / "r.xlsx").exists()


@pytest.fixture
def viewer_db(db_target):
    from swdesk import db as swdb

    swdb.open_database(db_target)
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    operators.log_in("admin", "geheim123")
    operators.create_operator("只读者", "viewer", "只读", "viewer123")
    swdb.close_database()
    base.reset_session()
    return db_target


def _worker_count(target) -> int:
    from swdesk import db as swdb

    swdb.open_database(target)
    try:
        return models.Worker.select().count()
    finally:
        swdb.close_database()


def test_command_line_needs_user_and_read_only_cannot_write(viewer_db, monkeypatch):
    from tests.conftest import run_cli

    monkeypatch.delenv(operators.PASSWORD_ENV, raising=False)
    code, out, err = run_cli("demo", "--workers", "5", db_target=viewer_db)
    assert code == 1 and "--user" in err and "Traceback" not in err
    monkeypatch.setenv(operators.PASSWORD_ENV, "viewer123")
    code, out, err = run_cli("--user", "viewer", "demo", "--workers", "5", db_target=viewer_db)
    assert code == 1 and "没有修改数据的权限" in err, err
    assert _worker_count(viewer_db) == 0
    monkeypatch.setenv(operators.PASSWORD_ENV, "wrong-pass")
    code, out, err = run_cli("--user", "admin", "check", db_target=viewer_db)
    assert code == 1 and "登录名或密码错误" in err
    monkeypatch.setenv(operators.PASSWORD_ENV, "viewer123")
    code, out, err = run_cli("--user", "viewer", "check", db_target=viewer_db)
    assert code == 0, out + err  # reading is allowed
