"""Privacy (issue 8, item 6): exports mask personal data by default, full ID numbers only for a
管理员, and every export leaves an audit line naming who exported what."""
from __future__ import annotations

import pytest
from openpyxl import load_workbook

from swdesk import periods, privacy
from swdesk.jobs.export_audit import export_audit
from swdesk.jobs.export_hotline import export_hotline
from swdesk.jobs.export_quarter import export_quarter
from swdesk.jobs.export_register import export_register
from swdesk.jobs.export_roster import export_roster
from swdesk.jobs.export_training import export_training
from swdesk.models import AuditLog, Worker
from swdesk.services import demo, operators
from swdesk.services.base import PermissionDenied

QUARTER = periods.parse("2026Q4")

# (description, call with the output path) — the exports of the program.
EXPORTS = [
    ("花名册", lambda out: export_roster(out)),
    ("季度报表", lambda out: export_quarter(QUARTER, out)),
    ("热线工单", lambda out: export_hotline(QUARTER, out)),
    ("培训签到", lambda out: export_training(QUARTER, out)),
    ("操作日志", lambda out: export_audit(out)),
    ("证明登记簿", lambda out: export_register(QUARTER, out)),
]


@pytest.fixture
def filled(db):
    demo.fill(workers=40, seed=7)
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    operators.create_operator("只读者", "viewer", "只读", "viewer123")
    operators.log_in("viewer", "viewer123")
    return db


def sheet_text(path) -> str:
    wb = load_workbook(path, read_only=True)
    try:
        return "\n".join(" ".join(str(v) for v in row if v is not None)
                         for ws in wb.worksheets for row in ws.iter_rows(values_only=True))
    finally:
        wb.close()


@pytest.mark.parametrize("label,call", EXPORTS, ids=[e[0] for e in EXPORTS])
def test_every_export_is_logged_and_masked(filled, tmp_path, label, call):
    out = tmp_path / "export.xlsx"
    before = AuditLog.select().count()
    call(out)
    lines = list(AuditLog.select().where(AuditLog.id > before))
    assert [(a.action, a.operator) for a in lines] == [("export", "viewer")], label
    assert lines[0].summary.endswith("：export.xlsx"), label
    text = sheet_text(out)
    full_ids = [n for (n,) in Worker.select(Worker.id_number).where(Worker.id_number.is_null(False)).tuples()]
    assert full_ids and not any(n in text for n in full_ids), f"{label} contains a full ID number"


def test_full_ids_only_for_admin(filled, tmp_path):
    with pytest.raises(PermissionDenied):
        export_roster(tmp_path / "full.xlsx", full_id=True)
    operators.log_in("admin", "geheim123")
    export_roster(tmp_path / "full.xlsx", full_id=True)
    text = sheet_text(tmp_path / "full.xlsx")
    number = Worker.select().where(Worker.id_number.is_null(False)).first().id_number
    assert number in text
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert last.operator == "admin" and "完整" in last.summary


def test_masked_ids_in_export_keep_first_six_and_last_four(filled, tmp_path):
    export_roster(tmp_path / "r.xlsx")
    number = Worker.select().where(Worker.id_number.is_null(False)).first().id_number
    assert privacy.mask_id(number) in sheet_text(tmp_path / "r.xlsx")
