"""The roster commands as a clerk runs them: template, import (all or nothing), export, round trip."""
from __future__ import annotations

import datetime as dt

import openpyxl
from conftest import run_cli

from swdesk import db as swdb
from swdesk import idcard
from swdesk.models import AuditLog, Worker
from swdesk.services import workers
from swdesk.xlsx.roster import HEADERS
from tests.swdesk.xlsx.roster_files import good_row, write_roster


def snapshot_of(target: str) -> tuple[int, int, list[tuple]]:
    swdb.open_database(target)
    try:
        rows = list(Worker.select(Worker.name, Worker.gender, Worker.birth_date, Worker.sector, Worker.education,
                                  Worker.title, Worker.specialties, Worker.phone).order_by(Worker.name).tuples())
        return Worker.select().count(), AuditLog.select().count(), rows
    finally:
        swdb.close_database()


def test_template_command(tmp_path):
    out = tmp_path / "模板.xlsx"
    code, stdout, stderr = run_cli("template", "roster", str(out))
    assert (code, stderr) == (0, "")
    assert "已生成导入模板" in stdout
    wb = openpyxl.load_workbook(out)
    assert tuple(c.value for c in wb.worksheets[0][1]) == HEADERS
    assert wb.sheetnames[1] == "填写说明"


def test_bad_rows_exit_1_naming_each_row_and_nothing_is_imported(db_target, tmp_path):
    swdb.open_database(db_target)
    try:
        workers.create({"name": "老住户", "id_number": good_row(7)["身份证号"], "sector": "企业",
                        "education": "大专", "title": "无"})
    finally:
        swdb.close_database()
    before = snapshot_of(db_target)
    number = good_row(1)["身份证号"]
    bad_checksum = number[:-1] + ("1" if number[-1] != "1" else "2")
    rows = [good_row(0), good_row(1, 身份证号=bad_checksum), good_row(2), good_row(3, 所属领域="外企"),
            good_row(4, 身份证号=good_row(0)["身份证号"]), good_row(5)]
    path = write_roster(tmp_path / "花名册.xlsx", rows)

    code, stdout, stderr = run_cli("import", "roster", str(path), db_target=db_target)
    assert code == 1
    lines = stderr.strip().splitlines()
    assert lines == [
        "第3行 〈身份证号〉 身份证号校验位错误，请核对号码",
        "第5行 〈所属领域〉 “外企”不是可选值（可选：党政机关、事业单位、企业、民间组织、社区/群团/离退休）",
        "第6行 〈身份证号〉 身份证号与第2行重复",
        "错误：3 行有问题，未导入任何数据。",
    ]
    assert "Traceback" not in stderr
    assert snapshot_of(db_target) == before

    code, stdout, stderr = run_cli("import", "roster", str(path), "--skip-bad", db_target=db_target)
    assert code == 0
    assert "已导入 3 人，跳过有错误的 3 行" in stdout
    assert len(stderr.strip().splitlines()) == 3
    assert snapshot_of(db_target)[0] == before[0] + 3


def test_not_a_workbook_is_one_clear_line(db_target, tmp_path):
    path = tmp_path / "照片.xlsx"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 500)
    code, stdout, stderr = run_cli("import", "roster", str(path), db_target=db_target)
    assert code == 1
    assert stderr.strip().splitlines() == ["错误：文件不是有效的 xlsx 工作簿：照片.xlsx"]


def test_export_then_import_into_an_empty_database_gives_the_same_workers(db_target, tmp_path):
    swdb.open_database(db_target)
    try:
        rows = [{"name": f"{'王李张刘陈'[i % 5]}{'喆堃昇镕赟玥燚'[i % 7]}{i}", "gender": "女" if i % 2 else "男",
                 "id_number": idcard.make("350502", dt.date(1960, 1, 1) + dt.timedelta(days=151 * i), 2 * i + 1 - i % 2)
                 if i % 3 else "",
                 "birth_date": dt.date(1960, 1, 1) + dt.timedelta(days=151 * i), "sector": "事业单位",
                 "education": "本科及以上", "title": "中级", "specialties": ["心理疏导", "社会养老"][: i % 3],
                 "phone": f"137{i:08d}", "community": "东湖社区"} for i in range(60)]
        workers.bulk_create(rows)
    finally:
        swdb.close_database()
    out = tmp_path / "导出.xlsx"
    code, stdout, stderr = run_cli("export", "roster", str(out), db_target=db_target)
    assert code == 0, stderr
    assert "已导出 60 人" in stdout
    ws = openpyxl.load_workbook(out).active
    assert ws.max_row == 61
    assert all("*" in (ws.cell(row=r, column=3).value or "********") for r in range(2, 62))

    empty = str(tmp_path / "空库.db")
    code, stdout, stderr = run_cli("import", "roster", str(out), db_target=empty)
    assert code == 0, stderr
    assert "已导入 60 人" in stdout
    assert snapshot_of(empty)[2] == snapshot_of(db_target)[2]


def test_export_with_full_ids(db_target, tmp_path):
    swdb.open_database(db_target)
    try:
        number = idcard.make("350502", dt.date(1990, 5, 6), 7)
        workers.create({"name": "张三", "id_number": number, "sector": "企业", "education": "大专", "title": "无"})
    finally:
        swdb.close_database()
    out = tmp_path / "完整.xlsx"
    code, stdout, stderr = run_cli("export", "roster", str(out), "--full-id", db_target=db_target)
    assert code == 0, stderr
    assert openpyxl.load_workbook(out).active["C2"].value == number
