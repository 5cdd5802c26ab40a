"""导出证明登记簿（公示）: the job (one street or all), its audit line, its print setup, and the
command line giving the same workbook and message."""
from __future__ import annotations

import datetime as _dt

import openpyxl
import pytest
from conftest import run_cli

from swdesk import periods
from swdesk.jobs.export_register import export_register
from swdesk.models import AuditLog, Office
from swdesk.services import certificates, hours
from swdesk.services.base import Session, reset_session, set_session
from swdesk.xlsx import register
from tests.swdesk.pdf.printing_helpers import add_worker

Y2026 = periods.parse("2026")


@pytest.fixture
def issued(office):
    """Three certificates: two of 开元 (one issued with a clerk's name), one of 鲤中."""
    office.street, office.street_code, office.centre_name = "开元街道", "350502001", "开元街道社会工作服务中心"
    office.save()
    other = Office.create(district=office.district, street="鲤中街道", street_code="350502002",
                          centre_name="鲤中街道社会工作服务中心")
    people = [add_worker(office, "文赟"), add_worker(office, "林玥"), add_worker(other, "庄强")]
    hours.credit("扶老助老", "group_visit", 1, _dt.date(2026, 10, 2), 100, [p.id for p in people])
    today = _dt.date(2026, 11, 28)
    numbers = [certificates.issue(people[0].id, "2026Q4", today=today, clerk="林晓").record.number,
               certificates.issue(people[1].id, "2026Q4", today=today).record.number,
               certificates.issue(people[2].id, "2026Q4", today=today).record.number]
    return office, other, numbers


def _body(path) -> list[tuple]:
    ws = openpyxl.load_workbook(path)[register.SHEET]
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    header = rows.index(register.HEADERS)
    return [r for r in rows[header + 1:] if isinstance(r[0], int)]


def test_one_streets_register_with_names_hours_and_clerk(issued, tmp_path):
    office, _other, numbers = issued
    set_session(Session(office_id=office.id))
    out = tmp_path / "公示.xlsx"
    result = export_register(Y2026, out)
    reset_session()
    assert result.count == 2 and result.warnings == []
    assert result.message == f"已导出 2026 证明登记簿（公示）2 条：{out}"
    body = _body(out)
    assert [r[1] for r in body] == numbers[:2]           # 鲤中's certificate is not listed
    assert body[0][2:6] == ("文赟", "2026年10月1日至2026年11月28日", 1.7, "林晓")
    assert body[1][5] == "本机用户"                        # no clerk named: the operator
    assert all(r[6].date() == _dt.date.today() for r in body)
    wb = openpyxl.load_workbook(out)
    ws = wb[register.SHEET]
    assert ws["A2"].value.startswith("出具单位：开元街道社会工作服务中心")
    assert any("7 日" in str(r[0]) for r in ws.iter_rows(values_only=True))
    assert ws.print_title_rows == "$1:$3" and "&P" in ws.oddFooter.center.text
    line = AuditLog.select().where(AuditLog.table == "certificate", AuditLog.action == "export").get()
    assert "公示.xlsx" in line.summary and "2 条" in line.summary


def test_district_user_lists_every_street_and_an_empty_period_warns(issued, tmp_path):
    out = tmp_path / "全部.xlsx"
    result = export_register(Y2026, out)
    assert [r[1] for r in _body(out)] == issued[2]
    empty = export_register(periods.parse("2025"), tmp_path / "2025.xlsx")
    assert empty.count == 0 and empty.warnings == ["2025 没有出具过服务证明，导出的登记簿只有表头"]
    assert result.count == 3


def test_command_line_gives_the_same_workbook(issued, db_target, tmp_path):
    job = tmp_path / "job.xlsx"
    message = export_register(Y2026, job).message
    cli = tmp_path / "cli.xlsx"
    code, stdout, stderr = run_cli("--street", "全部", "export", "register", "2026", str(cli),
                                   db_target=db_target)
    assert code == 0, stderr
    assert stdout.strip() == message.replace(str(job), str(cli))
    assert _body(cli) == _body(job)
