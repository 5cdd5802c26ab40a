"""The export jobs of swdesk/jobs/: each one writes its file whole through a temporary file beside
it, records one audit line naming the saved file (committed only once the file is in place),
reports its phases with real counts, and says in Chinese why nothing was written."""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
from pathlib import Path

import openpyxl
import pytest
from conftest import load_quarter_factory

from swdesk import files, periods
from swdesk.errors import UserError
from swdesk.jobs import Cancelled
from swdesk.jobs.export_audit import export_audit
from swdesk.jobs.export_hotline import export_hotline
from swdesk.jobs.export_quarter import export_quarter
from swdesk.jobs.export_register import export_register
from swdesk.jobs.export_roster import export_roster
from swdesk.jobs.export_training import export_training
from swdesk.jobs.merge_quarter import merge_quarter
from swdesk.jobs.template_roster import template_roster
from swdesk.models import AuditLog, ServiceHours
from swdesk.services import certificates, settings
from swdesk.services.base import PermissionDenied, Session, set_session

qf = load_quarter_factory()
Q4 = periods.parse(qf.PERIOD)
# Certificates are registered at the real time of issue: the register lists the current quarter's.
THIS_QUARTER = periods.parse(f"{_dt.date.today().year}Q{(_dt.date.today().month - 1) // 3 + 1}")

# (name, run(out, progress), the audit line's 对象, what the count counts in the write phase)
JOBS = [
    ("roster", lambda out, p: export_roster(out, progress=p), "worker", "人"),
    ("quarter", lambda out, p: export_quarter(Q4, out, progress=p), "quarter", "人"),
    ("hotline", lambda out, p: export_hotline(Q4, out, progress=p), "hotline_request", "条工单"),
    ("training", lambda out, p: export_training(Q4, out, progress=p), "training_attendance", "人次"),
    ("audit", lambda out, p: export_audit(out, progress=p), "audit_log", "条"),
    ("register", lambda out, p: export_register(THIS_QUARTER, out, progress=p), "certificate", "条"),
]
IDS = [job[0] for job in JOBS]


class Recorder:
    """A progress reporter that keeps what it was told."""

    def __init__(self, stop_after: int | None = None):
        self.phases: list[str] = []
        self.calls: list[tuple[int, int]] = []
        self.stop_after = stop_after

    def phase(self, text: str) -> None:
        self.phases.append(text)

    def __call__(self, done: int, total: int) -> bool:
        self.calls.append((done, total))
        return self.stop_after is None or len(self.calls) < self.stop_after


@pytest.fixture
def street(db):
    office = qf.make_office("甲街道", "000001")
    street = qf.random_workers(office, 30, seed=5)
    qf.add_services(street, seed=5)
    settings.update_office(office.id, {"centre_name": "甲街道社会工作服务中心"})  # a line in the log
    credited = ServiceHours.select().order_by(ServiceHours.id).first()
    certificates.issue(credited.worker_id, qf.PERIOD, today=Q4.end)   # a line in the register
    return street


def last_line_id() -> int:
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    return last.id if last else 0


def audit_lines_after(before: int) -> list[AuditLog]:
    return list(AuditLog.select().where(AuditLog.id > before).order_by(AuditLog.id))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(files.TEMP_PREFIX))


@pytest.mark.parametrize("name,run,kind,unit", JOBS, ids=IDS)
def test_one_audit_line_names_the_saved_file_and_the_phases_are_counted(street, tmp_path, name, run,
                                                                          kind, unit):
    out = tmp_path / f"{name}.xlsx"
    before = last_line_id()
    progress = Recorder()
    result = run(out, progress)
    assert result.path == out and out.exists() and leftovers(tmp_path) == []
    assert result.message.startswith("已导出") and result.message.endswith(f"：{out}")
    [line] = audit_lines_after(before)
    assert (line.action, line.table) == ("export", kind)
    assert line.summary.endswith(f"：{name}.xlsx")
    assert json.loads(line.after)["file"] == str(out.absolute())
    assert json.loads(line.after)["count"] == result.count > 0
    assert progress.phases[0] == "正在统计…"
    assert progress.phases[-1].startswith("正在写入文件（")
    written_total = int(re.search(r"（\D*(\d+) ?" + unit + "）…$", progress.phases[-1]).group(1))
    assert written_total == result.count
    assert progress.calls[-1][0] == progress.calls[-1][1]
    assert result.warnings == []


@pytest.mark.parametrize("name,run,kind,unit", JOBS, ids=IDS)
def test_cancel_leaves_the_earlier_file_and_no_audit_line(street, tmp_path, name, run, kind, unit):
    out = tmp_path / f"{name}.xlsx"
    out.write_bytes(b"an earlier file")
    before = AuditLog.select().count()
    with pytest.raises(Cancelled):
        run(out, Recorder(stop_after=2))
    assert out.read_bytes() == b"an earlier file"
    assert leftovers(tmp_path) == [] and AuditLog.select().count() == before


@pytest.mark.parametrize("name,run,kind,unit", JOBS, ids=IDS)
def test_a_file_held_open_on_windows_is_one_chinese_line_and_the_earlier_file_stays(
        street, tmp_path, monkeypatch, name, run, kind, unit):
    """Windows refuses to replace a file Excel holds open (PermissionError, winerror 32)."""
    out = tmp_path / f"{name}.xlsx"
    out.write_bytes(b"open in Excel")
    before = AuditLog.select().count()

    def held_open(src, dst):
        exc = PermissionError(13, "The process cannot access the file", str(dst))
        exc.winerror = 32
        raise exc

    monkeypatch.setattr(files, "REPLACE_RETRY_SECONDS", 0.2)
    monkeypatch.setattr(os, "replace", held_open)
    with pytest.raises(UserError) as caught:
        run(out, None)
    assert str(caught.value) == f"文件正被其他程序占用（例如 Excel 或 PDF 阅读器），请关闭后重试：{out}"
    assert out.read_bytes() == b"open in Excel"
    assert leftovers(tmp_path) == []
    assert AuditLog.select().count() == before  # no line claims an export that did not happen


@pytest.mark.parametrize("name,run,kind,unit", JOBS, ids=IDS)
def test_refused_targets_open_nothing(street, tmp_path, name, run, kind, unit):
    sqlite_file = tmp_path / "别的库.xlsx"
    sqlite_file.write_bytes(files.SQLITE_MAGIC + b"\0" * 100)
    folder = tmp_path / "文件夹.xlsx"
    folder.mkdir()
    cases = {
        tmp_path / "a.pdf": "输出文件应以 .xlsx 结尾",
        tmp_path / "无此文件夹" / "a.xlsx": "输出文件夹不存在",
        folder: "输出文件是一个文件夹",
        sqlite_file: "目标文件是一个数据库文件，不能覆盖",
    }
    before = AuditLog.select().count()
    for target, message in cases.items():
        with pytest.raises(UserError, match=message):
            run(target, None)
    assert sqlite_file.read_bytes() == files.SQLITE_MAGIC + b"\0" * 100
    assert AuditLog.select().count() == before and leftovers(tmp_path) == []


def test_the_open_database_is_refused(tmp_path):
    from swdesk import db as swdb

    target = tmp_path / "社工.xlsx"  # a database whose name an export would accept
    swdb.open_database(str(target))
    try:
        before = target.read_bytes()
        with pytest.raises(UserError, match="不能写到正在使用的数据库文件上"):
            export_roster(target)
        with pytest.raises(UserError, match="不能写到正在使用的数据库文件上"):
            export_quarter(Q4, Path(str(target)))
        assert target.read_bytes() == before
    finally:
        swdb.close_database()


def test_empty_exports_say_so(db, tmp_path):
    empty = periods.parse("2030Q1")
    assert export_roster(tmp_path / "r.xlsx").warnings == ["没有符合条件的人员，导出的花名册只有表头"]
    assert export_quarter(empty, tmp_path / "q.xlsx").warnings == [
        "2030Q1 期末没有在册人员：各表人数均为 0，花名册为空"]
    assert export_hotline(empty, tmp_path / "h.xlsx").warnings == [
        "2030Q1 没有受理的热线工单，导出的工单表只有表头"]
    assert export_training(empty, tmp_path / "t.xlsx").warnings == [
        "2030Q1 没有培训签到记录，导出的签到表只有表头"]


def test_full_ids_only_for_an_administrator_and_said_in_the_audit_line(street, tmp_path):
    set_session(Session(operator_login="clerk", operator_name="李录入", role="录入员"))
    with pytest.raises(PermissionDenied):
        export_roster(tmp_path / "r.xlsx", full_id=True)
    assert not (tmp_path / "r.xlsx").exists()
    set_session(Session(operator_login="admin", operator_name="王管理", role="管理员"))
    result = export_roster(tmp_path / "r.xlsx", full_id=True)
    line = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert line.summary == f"导出花名册 {result.count} 人（身份证号完整）：r.xlsx"
    ids = [row[2] for row in openpyxl.load_workbook(tmp_path / "r.xlsx").active.iter_rows(min_row=2, values_only=True)]
    assert sorted(ids) == sorted(w.id_number for w in street.workers)


def test_template_is_written_whole_and_not_audited(db, tmp_path):
    before = AuditLog.select().count()
    result = template_roster(tmp_path / "模板.xlsx")
    assert result.message == f"已生成导入模板：{tmp_path / '模板.xlsx'}"
    assert openpyxl.load_workbook(result.path).sheetnames == ["花名册", "填写说明"]
    assert AuditLog.select().count() == before and leftovers(tmp_path) == []


def test_merge_refuses_its_output_among_the_inputs_before_reading_anything(street, tmp_path):
    street_file = tmp_path / "甲.xlsx"
    export_quarter(Q4, street_file)
    earlier = street_file.read_bytes()
    with pytest.raises(UserError, match="不能同时是要汇总的街道报表"):
        merge_quarter(street_file, [street_file])
    with pytest.raises(UserError, match="请至少选择一个街道的季度报表"):
        merge_quarter(tmp_path / "区.xlsx", [])
    assert street_file.read_bytes() == earlier
    result = merge_quarter(tmp_path / "区.xlsx", [street_file])
    assert result.count == 1 and result.data.period == Q4
    assert result.message == f"已汇总 1 个街道（甲街道）的 2026Q4 报表：{tmp_path / '区.xlsx'}"


def test_template_and_merge_into_a_file_held_open_keep_the_earlier_file(street, tmp_path, monkeypatch):
    street_file = tmp_path / "甲.xlsx"
    export_quarter(Q4, street_file)
    held = tmp_path / "打开着.xlsx"
    held.write_bytes(b"open in Excel")

    def held_open(src, dst):
        exc = PermissionError(13, "The process cannot access the file", str(dst))
        exc.winerror = 32
        raise exc

    monkeypatch.setattr(files, "REPLACE_RETRY_SECONDS", 0.2)
    monkeypatch.setattr(os, "replace", held_open)
    message = f"文件正被其他程序占用（例如 Excel 或 PDF 阅读器），请关闭后重试：{held}"
    with pytest.raises(UserError, match=re.escape(message)):
        template_roster(held)
    with pytest.raises(UserError, match=re.escape(message)):
        merge_quarter(held, [street_file])
    assert held.read_bytes() == b"open in Excel" and leftovers(tmp_path) == []
