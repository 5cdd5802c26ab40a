"""The audit log's read side: filters, before → after, masking, and the export (which is logged)."""
from __future__ import annotations

import datetime as _dt
import json

import pytest
from openpyxl import load_workbook

from swdesk import idcard, privacy
from swdesk.jobs.export_audit import export_audit
from swdesk.models import AuditLog
from swdesk.services import audit_log, operators, settings
from swdesk.services.base import PermissionDenied, Session, set_session

ID = idcard.make("350502", _dt.date(1950, 5, 6), 12)


def add_line(at, operator, action, table, record_id, before=None, after=None, summary=""):
    """A log line at a chosen time (the services stamp 'now'; the date filter needs other days)."""
    return AuditLog.create(at=at, operator=operator, action=action, table=table, record_id=str(record_id),
                           summary=summary, before=json.dumps(before or {}, ensure_ascii=False),
                           after=json.dumps(after or {}, ensure_ascii=False))


@pytest.fixture
def log_lines(db):
    add_line(_dt.datetime(2026, 10, 1, 9), "admin", "create", "elder", 5,
             after={"name": "李奶奶", "id_number": ID, "emergency_phone": "13812345678"})
    add_line(_dt.datetime(2026, 10, 2, 9), "clerk", "update", "elder", 5,
             before={"name": "李奶奶", "room": "101", "version": 1},
             after={"name": "李奶奶", "room": "203", "version": 2})
    add_line(_dt.datetime(2026, 10, 3, 9), "clerk", "update", "worker", 7,
             before={"phone": "13900001111"}, after={"phone": "13900002222"})


def test_filters(log_lines):
    assert [e.id for e in audit_log.query()] == [3, 2, 1]  # newest first
    assert [e.id for e in audit_log.query(table="elder", record_id=5)] == [2, 1]
    assert [e.id for e in audit_log.query(operator="clerk")] == [3, 2]
    assert [e.id for e in audit_log.query(start=_dt.date(2026, 10, 2), end=_dt.date(2026, 10, 2))] == [2]
    assert [e.id for e in audit_log.query(text="203")] == [2]
    assert audit_log.operators_in_log() == ["admin", "clerk"]
    assert ("elder", "老人") in audit_log.tables_in_log()
    assert audit_log.date_range() == (_dt.date(2026, 10, 1), _dt.date(2026, 10, 3))


def test_before_after_only_changed_fields(log_lines):
    entry = audit_log.query(table="elder", operator="clerk")[0]
    assert [(c.field, c.before, c.after) for c in entry.changes] == [("room", "101", "203")]
    assert entry.changes_text() == "房间：101 → 203"
    assert (entry.action_label, entry.table_label) == ("修改", "老人")


def test_personal_data_masked_unless_admin_reveals(log_lines):
    created = audit_log.query(table="elder", operator="admin")[0]
    values = {c.field: c.after for c in created.changes}
    assert values["id_number"] == privacy.mask_id(ID) and values["emergency_phone"] == "138****5678"
    full = {c.field: c.after for c in audit_log.query(operator="admin", reveal=True)[0].changes}
    assert full["id_number"] == ID
    set_session(Session(operator_login="clerk", role="录入员"))
    with pytest.raises(PermissionDenied):
        audit_log.query(reveal=True)


def test_real_service_writes_appear(db):
    settings.put("hotline_due_hours", 24)
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    lines = audit_log.query()
    assert {e.table for e in lines} == {"setting", "operator"}
    setting = next(e for e in lines if e.table == "setting")
    assert setting.changes[0].after == 24 and setting.operator == "本机用户"


def test_export_writes_all_lines_masked_and_logs_who_exported(log_lines, tmp_path):
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    operators.log_in("admin", "geheim123")
    out = tmp_path / "log.xlsx"
    n = export_audit(out, filters={"table": "elder"}).count
    assert n == 2
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "时间" and len(rows) == 1 + 1 + 3  # one changed field; 3 of the new elder
    text = json.dumps(rows, default=str, ensure_ascii=False)
    assert ID not in text and privacy.mask_id(ID) in text
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert (last.action, last.table, last.operator) == ("export", "audit_log", "admin")
    assert "log.xlsx" in last.summary and "2 条" in last.summary


def test_export_guards_formulas_and_refuses_reveal_for_clerk(db, tmp_path):
    add_line(_dt.datetime(2026, 10, 1), "x", "update", "worker", 1, before={"name": "a"},
             after={"name": "=HYPERLINK(\"http://evil\")"})
    out = tmp_path / "log.xlsx"
    export_audit(out)
    cell = load_workbook(out).active["J2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    set_session(Session(operator_login="clerk", role="录入员"))
    before = AuditLog.select().count()
    with pytest.raises(PermissionDenied):
        export_audit(tmp_path / "full.xlsx", reveal=True)
    assert not (tmp_path / "full.xlsx").exists() and AuditLog.select().count() == before


def test_read_only_operator_export_is_still_logged(log_lines, tmp_path):
    set_session(Session(operator_login="viewer", operator_name="只读者", role="只读"))
    export_audit(tmp_path / "v.xlsx")
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert (last.action, last.operator) == ("export", "viewer")


def test_no_writer_for_the_log():
    assert not any(name.startswith("swdesk.services.audit_log") for name in
                   __import__("swdesk.services.base", fromlist=["WRITERS"]).WRITERS)


def test_nothing_in_the_program_edits_or_deletes_log_lines():
    """The log is append-only: no code path updates or deletes AuditLog rows."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    pattern = re.compile(r"AuditLog\s*\.\s*(update|delete|replace|insert_many|truncate_table|drop_table)\b"
                         r"|(UPDATE|DELETE\s+FROM)\s+\"?audit_log", re.IGNORECASE)
    offenders = []
    for folder in ("swdesk", "ui"):
        for path in (root / folder).rglob("*.py"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if pattern.search(line):
                    offenders.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert offenders == []


def test_lines_speak_the_clerks_language_in_viewer_and_export(db, tmp_path):
    """Chinese labels in the record's own sense, names instead of ids, the saved file's path —
    the same words in the viewer's entries and in the exported workbook."""
    from swdesk.models import Office, TrainingCourse, Worker

    office = Office.create(district="鲤城区", street="开元街道", street_code="350502001",
                           centre_name="开元街道社会工作服务中心")
    people = [Worker.create(office=office, name=name, gender="女", birth_date=_dt.date(1985, 1, 1),
                            sector="企业", education="大专", title="无") for name in ("王芳", "李强")]
    course = TrainingCourse.create(office=office, title="社工伦理", start_date=_dt.date(2026, 10, 9), hours=2)
    at = _dt.datetime(2026, 10, 9, 9)
    add_line(at, "clerk", "create", "operator", 3, after={"name": "张三", "office": office.id})
    add_line(at, "clerk", "update", "hotline_request", 8, before={"followed_up_at": None},
             after={"followed_up_at": "2026-10-09T09:00:00", "workers": [p.id for p in people] + [999]})
    add_line(at, "clerk", "create", "training_course", course.id, after={"title": "社工伦理"})
    add_line(at, "clerk", "create", "training_attendance", 1, after={"course": course.id, "worker": people[0].id})
    add_line(at, "clerk", "print", "worker", "1,2", after={"file": "/tmp/胸牌.pdf", "count": 2, "kind": "胸牌"})

    shown = {(e.table, c.label): (c.before_text, c.after_text)
             for e in audit_log.query(limit=None) for c in e.changes}
    assert shown[("operator", "所属单位")] == ("", "开元街道")
    assert shown[("hotline_request", "回访时间")] == ("（空）", "2026-10-09T09:00:00")
    assert shown[("hotline_request", "服务人员")][1] == "王芳、李强、编号 999（已删除）"
    assert shown[("training_course", "课程名称")] == ("", "社工伦理")          # not 职称
    assert shown[("training_attendance", "培训课程")] == ("", "社工伦理")
    assert shown[("training_attendance", "人员")] == ("", "王芳")
    assert shown[("worker", "内容")] == ("", "胸牌")                          # not 人员类别
    assert shown[("worker", "保存的文件")] == ("", "/tmp/胸牌.pdf")
    labels = {label for _table, label in shown}
    assert not {"followed_up_at", "workers", "course", "count", "file"} & labels

    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    operators.log_in("admin", "geheim123")
    out = tmp_path / "log.xlsx"
    export_audit(out, filters={"table": "hotline_request", "operator": "clerk"})
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    cells = {(row[-3], row[-1]) for row in rows[1:]}
    assert ("服务人员", "王芳、李强、编号 999（已删除）") in cells and ("回访时间", "2026-10-09T09:00:00") in cells
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert "对象=热线诉求" in last.summary and "操作员=clerk" in last.summary


def test_an_output_for_many_people_fits_the_record_id_column(db, tmp_path):
    """A print run of hundreds of cards names its people in a varchar(40) column (PostgreSQL
    refuses a longer value, SQLite would store it): as many ids as fit, then …"""
    from swdesk.models import AuditLog
    from swdesk.services import audit_log

    audit_log.record_output("worker", tmp_path / "cards.pdf", 410, "打印服务证 410 张", record_ids=range(1, 411))
    line = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert len(line.record_id) <= 40 and line.record_id.startswith("1,2,3,") and line.record_id.endswith("…")
