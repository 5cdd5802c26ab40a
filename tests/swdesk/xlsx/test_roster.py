"""The roster spreadsheet: template, import (all or nothing, every problem listed), export, round trip."""
from __future__ import annotations

import datetime as dt
import json

import openpyxl
import pytest
from peewee import JOIN

from swdesk import idcard, privacy, vocab
from swdesk.jobs import Cancelled
from swdesk.jobs.export_roster import export_roster
from swdesk.jobs.template_roster import template_roster
from swdesk.models import AuditLog, Community, Worker, WorkerSpecialty
from swdesk.services import base, workers
from swdesk.services import search as roster_view
from swdesk.xlsx import roster
from tests.swdesk.xlsx.roster_files import good_row, import_file, write_roster

TEMPLATE_HEADERS = ["姓名", "性别", "身份证号", "出生日期", "手机号码", "所属领域", "工作单位", "学历", "职称",
                    "社工职业水平", "专业特长", "政治面貌", "人员类别", "所属社区", "加入日期", "状态",
                    "职业水平证书编号", "证书取得日期", "表彰奖励", "年度评价"]


def counts():
    return (Worker.select().count(), Community.select().count(), WorkerSpecialty.select().count(),
            AuditLog.select().count())


# --- template ---------------------------------------------------------------------------------------

def test_template_has_the_headers_in_order_and_a_help_sheet(tmp_path):
    path = template_roster(tmp_path / "模板.xlsx").path
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["花名册", "填写说明"]
    ws = wb["花名册"]
    assert [c.value for c in ws[1]] == TEMPLATE_HEADERS == list(roster.HEADERS)
    assert ws.max_row == 1 or all(c.value is None for row in ws.iter_rows(min_row=2) for c in row)
    help_text = "\n".join(str(c.value) for row in wb["填写说明"].iter_rows() for c in row if c.value)
    for header in TEMPLATE_HEADERS:
        assert header in help_text
    for values in (vocab.SECTORS, vocab.EDUCATIONS, vocab.TITLES, vocab.SW_LEVELS, vocab.SPECIALTIES,
                   vocab.POLITICAL_STATUSES, vocab.WORKER_KINDS, vocab.WORKER_STATUSES):
        assert "、".join(values) in help_text
    lists = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1
             for dv in ws.data_validations.dataValidation}
    assert lists["F"] == '"' + ",".join(vocab.SECTORS) + '"'      # 所属领域 drop-down
    assert ws.column_dimensions["C"].number_format == "@"         # ID numbers kept as text


def test_template_id_and_phone_cells_are_text_where_the_clerk_types(tmp_path):
    """Excel types 350502198001010011 into a General cell as 3.50502E+17 (the last digits lost):
    the column style and every offered row's cell are Text (@)."""
    ws = openpyxl.load_workbook(template_roster(tmp_path / "模板.xlsx").path)["花名册"]
    for letter in ("C", "E"):                                    # 身份证号, 手机号码
        assert ws.column_dimensions[letter].number_format == "@"
        formats = {ws[f"{letter}{row}"].number_format for row in range(2, 5002)}
        assert formats == {"@"}, letter
    assert ws["D2"].number_format == "General" and ws["B2"].number_format == "General"


def test_empty_template_imports_as_a_clear_error(db, office, tmp_path):
    path = template_roster(tmp_path / "模板.xlsx").path
    with pytest.raises(base.UserError, match="没有人员数据"):
        import_file(path)


# --- import: good files -----------------------------------------------------------------------------

def test_import_reads_every_accepted_cell_shape(db, office, tmp_path):
    Community.create(office=office, name="东湖社区")
    rows = [
        good_row(0, 出生日期=None),
        good_row(1, 身份证号="", 性别="女", 出生日期="1985-03-04", 加入日期="2026/1/5", 手机号码=13812345678),
        good_row(2, 身份证号="", 性别="男", 出生日期="1985/3/4", 加入日期="20260105", 所属社区="西湖社区"),
        good_row(3, 身份证号="", 性别="男", 出生日期=19850304, 加入日期="2026年1月5日",
                 专业特长="社区建设,慈善救济；医疗卫生", 社工职业水平="社会工作师", 状态="离队"),
        good_row(4, 身份证号=good_row(4)["身份证号"][:-1] + good_row(4)["身份证号"][-1].lower(),
                 手机号码="138-0000-0004 ", 姓名=" 王喆 "),
    ]
    path = write_roster(tmp_path / "r.xlsx", rows)
    report = import_file(path)
    assert (report.problems, report.imported, report.good_rows_count) == ([], 5, 5)
    by_name = {w.name: w for w in Worker.select()}
    w1 = by_name[rows[1]["姓名"]]
    assert (w1.birth_date, w1.joined_on, w1.phone, w1.gender) == (dt.date(1985, 3, 4), dt.date(2026, 1, 5),
                                                                  "13812345678", "女")
    assert by_name[rows[2]["姓名"]].community.name == "西湖社区"      # created by the import
    w3 = by_name[rows[3]["姓名"]]
    assert (w3.birth_date, w3.specialties, w3.sw_level, w3.status) == (
        dt.date(1985, 3, 4), "社区建设、慈善救济、医疗卫生", "社会工作师", "离队")
    w4 = by_name["王喆"]
    assert w4.id_number == rows[4]["身份证号"].upper() and w4.phone == "13800000004"
    assert w4.name_pinyin == "wangzhe"
    w0 = by_name[rows[0]["姓名"]]
    assert (w0.birth_date, w0.gender, w0.political_status, w0.sw_level) == (dt.date(1980, 1, 1), "男", "群众", "无")
    assert Community.select().count() == 2


def test_columns_in_any_order_extra_columns_and_a_title_row(db, office, tmp_path):
    headers = ["备注", "职称", "学历", "所属领域", "姓名", "身份证号码", "无关的列"]
    rows = [good_row(i, 备注="第一批", 身份证号码=good_row(i)["身份证号"], 无关的列="忽略") for i in range(3)]
    path = write_roster(tmp_path / "r.xlsx", rows, headers=headers, title_rows=[["某某街道社工花名册"], []])
    report = import_file(path)
    assert report.problems == [] and report.imported == 3
    assert {w.notes for w in Worker.select()} == {"第一批"}
    assert {w.id_number for w in Worker.select()} == {good_row(i)["身份证号"] for i in range(3)}


# --- import: bad files ------------------------------------------------------------------------------

def test_bad_checksum_unknown_sector_and_duplicate_id_are_all_listed_and_nothing_written(db, office, tmp_path):
    existing = workers.create({"name": "老王", "id_number": good_row(9)["身份证号"], "sector": "企业",
                               "education": "大专", "title": "无"})
    before = counts()
    bad_id = good_row(1)["身份证号"][:-1] + ("0" if good_row(1)["身份证号"][-1] != "0" else "1")
    rows = [good_row(0), good_row(1, 身份证号=bad_id), good_row(2, 所属领域="外企"), good_row(3),
            good_row(4, 身份证号=good_row(0)["身份证号"]), good_row(9)]
    path = write_roster(tmp_path / "r.xlsx", rows)
    report = import_file(path)
    assert report.imported == 0
    assert report.bad_rows == [3, 4, 6, 7]
    lines = [p.line() for p in report.problems]
    assert lines == [
        "第3行 〈身份证号〉 身份证号校验位错误，请核对号码",
        "第4行 〈所属领域〉 “外企”不是可选值（可选：党政机关、事业单位、企业、民间组织、社区/群团/离退休）",
        "第6行 〈身份证号〉 身份证号与第2行重复",
        f"第7行 〈身份证号〉 身份证号与已有人员重复（老王，服务证号 {existing.card_no}）",
    ]
    assert counts() == before


def test_every_problem_of_a_row_is_listed(db, office, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", [good_row(0, 姓名="", 身份证号="", 性别="", 出生日期="1990-02-30",
                                                       手机号码="1234", 学历="私塾", 职称=None, 加入日期="明天",
                                                       专业特长="心理疏导、算命")])
    report = import_file(path)
    problems = {p.column: p.message for p in report.problems}
    assert set(problems) == {"姓名", "性别", "出生日期", "手机号码", "学历", "职称", "加入日期", "专业特长"}
    assert "不存在" in problems["出生日期"] and "2026-01-05" in problems["加入日期"]
    assert all(p.row == 2 for p in report.problems)


def test_skip_bad_imports_only_the_good_rows(db, office, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", [good_row(0), good_row(1, 学历="私塾"), good_row(2)])
    report = import_file(path, skip_bad=True)
    assert (report.imported, report.bad_rows, report.good_rows_count) == (2, [3], 2)
    assert Worker.select().count() == 2


def test_id_number_stored_as_a_number_is_explained(db, office, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", [good_row(0, 身份证号=float(good_row(0)["身份证号"][:17]))])
    [problem] = import_file(path).problems
    assert problem.column == "身份证号" and "文本" in problem.message


def test_missing_required_columns_are_named(db, office, tmp_path):
    headers = ["姓名", "所属领域", "学历"]
    path = write_roster(tmp_path / "r.xlsx", [good_row(0)], headers=headers)
    report = import_file(path)
    assert [p.line() for p in report.problems] == [
        "第1行 〈职称〉 表头缺少此列",
        "第1行 〈出生日期〉 表头缺少此列（没有身份证号列时，出生日期和性别两列必须有）",
        "第1行 〈性别〉 表头缺少此列（没有身份证号列时，出生日期和性别两列必须有）",
    ]
    assert report.imported == 0 and Worker.select().count() == 0


def test_a_sheet_without_a_header_is_one_clear_error(db, office, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", [{"a": 1}], headers=["a", "b"])
    with pytest.raises(base.UserError, match="找不到表头"):
        import_file(path)


def test_masked_id_numbers_use_birth_date_and_gender(db, office, tmp_path):
    number = good_row(0)["身份证号"]
    masked = privacy.mask_id(number)
    rows = [good_row(0, 身份证号=masked, 性别="男", 出生日期=dt.date(1980, 1, 1)),
            good_row(1, 身份证号=privacy.mask_id(good_row(1)["身份证号"]), 性别="女", 出生日期=dt.date(1981, 1, 1)),
            good_row(2, 身份证号="3505**1234", 性别="男", 出生日期=dt.date(1981, 1, 1))]
    report = import_file(write_roster(tmp_path / "r.xlsx", rows))
    assert [p.line() for p in report.problems] == [
        "第3行 〈性别〉 性别与身份证号（已打码）不一致（身份证号为男）",
        "第4行 〈身份证号〉 身份证号不完整（含 * 号）",
    ]
    report = import_file(write_roster(tmp_path / "r2.xlsx", rows[:1]))
    assert report.imported == 1
    worker = Worker.get()
    assert (worker.id_number, worker.birth_date, worker.gender) == (None, dt.date(1980, 1, 1), "男")
    # Importing the same masked row again is caught: same name and birth date, no ID number.
    report = import_file(write_roster(tmp_path / "r3.xlsx", rows[:1] * 2))
    assert [p.message[:7] for p in report.problems] == ["可能与已有人员", "可能与已有人员"]
    assert all(p.duplicate for p in report.problems) and report.imported == 0


def test_progress_and_cancel(db, office, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", [good_row(i) for i in range(30)])
    seen = []
    report = import_file(path, progress=lambda done, total: seen.append((done, total)) or True)
    assert report.imported == 30
    assert seen[-1] == (30, 30) and all(d <= t for d, t in seen if t)
    Worker.delete().execute()
    before = counts()
    with pytest.raises(Cancelled):
        import_file(path, progress=lambda done, total: done < 20)
    assert counts() == before


# --- export -----------------------------------------------------------------------------------------

def make_workers(n: int, office) -> None:
    """n varied workers through the service's bulk path."""
    rows = []
    for i in range(n):
        with_id = i % 4 != 0
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=(97 * i) % 19000)
        rows.append({
            "name": ["张伟", "王喆", "李堃", "陈昇", "朱镕", "刘赟", "林玥", "赵燚"][i % 8] + str(i),
            "gender": "男" if i % 2 else "女",
            "id_number": idcard.make("350502", birth, 10 + i % 2 + 2 * (i % 400)) if with_id else "",
            "birth_date": birth,
            "phone": f"139{i:08d}" if i % 5 else "",
            "sector": vocab.SECTORS[i % 5], "employer": f"单位{i % 7}" if i % 3 else "",
            "education": vocab.EDUCATIONS[i % 4], "title": vocab.TITLES[i % 4], "sw_level": vocab.SW_LEVELS[i % 4],
            "specialties": [vocab.SPECIALTIES[i % 7], vocab.SPECIALTIES[(i + 3) % 7]][: i % 3],
            "political_status": vocab.POLITICAL_STATUSES[i % 6], "kind": vocab.WORKER_KINDS[i % 3],
            "community": f"社区{i % 11}" if i % 6 else "", "joined_on": dt.date(2015, 1, 1) + dt.timedelta(days=(11 * i) % 3000) if i % 7 else None,
            "status": "离队" if i % 13 == 0 else "在册",
        })
    workers.bulk_create(rows)


FIELDS = ("name", "gender", "id_number", "birth_date", "phone", "sector", "employer", "education", "title",
          "sw_level", "specialties", "political_status", "kind", "joined_on", "status")


def roster_state() -> set[tuple]:
    query = (Worker.select(*[getattr(Worker, f) for f in FIELDS], Community.name)
             .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id)).tuples())
    return set(query)


def empty_the_roster() -> None:
    WorkerSpecialty.delete().execute()
    Worker.delete().execute()
    Community.delete().execute()


@pytest.mark.parametrize("full_id", [True, False])
def test_round_trip_of_200_workers(db, office, tmp_path, full_id):
    make_workers(200, office)
    before = roster_state()
    specialties_before = WorkerSpecialty.select().count()
    path = tmp_path / "export.xlsx"
    assert export_roster(path, full_id=full_id).count == 200
    empty_the_roster()
    report = import_file(path)
    assert report.problems == [] and report.imported == 200
    after = roster_state()
    if not full_id:  # masked numbers are not imported: everything else is the same
        before = {row[:2] + (None,) + row[3:] for row in before}
    assert after == before
    assert WorkerSpecialty.select().count() == specialties_before


def test_export_layout_masking_and_audit(db, office, tmp_path):
    make_workers(12, office)
    path = tmp_path / "e.xlsx"
    export_roster(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert [c.value for c in ws[1]] == TEMPLATE_HEADERS + ["星级"]
    assert ws.max_row == 13
    ids = [ws.cell(row=r, column=3).value for r in range(2, 14)]
    assert all(v is None or (len(v) == 18 and v[6:14] == "********") for v in ids)
    assert any(ids)
    assert isinstance(ws["D2"].value, dt.datetime) and ws["D2"].number_format == "yyyy-mm-dd"
    entry = AuditLog.select().where(AuditLog.action == "export").get()
    assert "12 人" in entry.summary and "已打码" in entry.summary and "e.xlsx" in entry.summary
    assert entry.operator == base.current().operator_name


def test_full_ids_only_for_an_administrator(db, office, tmp_path):
    make_workers(3, office)
    base.set_session(base.Session(operator_login="lu", operator_name="录入员小李", role="录入员"))
    with pytest.raises(base.PermissionDenied):
        export_roster(tmp_path / "e.xlsx", full_id=True)
    assert not (tmp_path / "e.xlsx").exists()
    base.set_session(base.Session(operator_login="ro", operator_name="访客", role="只读"))
    assert export_roster(tmp_path / "e.xlsx").count == 3     # reading is allowed, and audited
    assert AuditLog.select().where(AuditLog.action == "export").get().operator == "ro"


def test_export_of_the_current_view_keeps_its_filter_and_order(db, office, tmp_path):
    make_workers(40, office)
    view = roster_view.View(filters={"sector": "企业"}, sort="name", descending=True)
    expected = [w.name for w in roster_view.worker_query(view)]
    assert export_roster(tmp_path / "v.xlsx", view=view).count == len(expected) == 8
    registered = [w.name for w in Worker.select().where(Worker.sector == "企业").order_by(Worker.id)]
    assert expected != registered  # the view's order, not the order of registration
    ws = openpyxl.load_workbook(tmp_path / "v.xlsx").active
    assert [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)] == expected


def test_cancelled_export_leaves_no_file(db, office, tmp_path):
    make_workers(1200, office)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        export_roster(out / "c.xlsx", progress=lambda done, total: done < 1000)
    assert list(out.iterdir()) == []
    assert AuditLog.select().where(AuditLog.action == "export").count() == 0


def test_export_into_a_missing_folder_is_a_user_error(db, office, tmp_path):
    with pytest.raises(base.UserError, match="文件夹不存在"):
        export_roster(tmp_path / "nope" / "e.xlsx")


def test_bulk_audit_rows_are_json(db, office):
    make_workers(3, office)
    rows = AuditLog.select().where(AuditLog.action == "import")
    assert all(isinstance(json.loads(r.after), dict) for r in rows)


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_export_refused_when_the_audit_line_cannot_be_written(db, office, tmp_path, db_target, sqlite_only):
    """Every export is recorded: a database locked by another program stops it, and no file is left."""
    import sqlite3

    make_workers(3, office)
    db.execute_sql("PRAGMA busy_timeout=100")
    other = sqlite3.connect(db_target)
    other.execute("BEGIN IMMEDIATE")
    try:
        out = tmp_path / "out"
        out.mkdir()
        with pytest.raises(base.UserError, match="占用"):
            export_roster(out / "e.xlsx")
        assert list(out.iterdir()) == []
    finally:
        other.rollback()
        other.close()
    assert AuditLog.select().where(AuditLog.action == "export").count() == 0


def test_what_changed_between_reading_and_writing_is_checked_again(db, office, tmp_path):
    path = write_roster(tmp_path / "r.xlsx", [good_row(0), good_row(1, 所属社区="新社区")])
    checked = roster.check_file(path)
    rows = checked.good
    assert checked.problems == [] and [r["_row"] for r in rows] == [2, 3]
    # Meanwhile another window saves the same person and creates the community.
    workers.create({"name": "别人", "id_number": good_row(0)["身份证号"], "sector": "企业",
                    "education": "大专", "title": "无"})
    Community.create(office=office, name="新社区")
    with pytest.raises(base.ValidationError) as info:
        workers.bulk_create(rows)
    assert list(info.value.problems) == ["第2行 身份证号"]
    assert workers.bulk_create(rows[1:]) == 1
    assert Community.select().where(Community.name == "新社区").count() == 1
    assert Worker.get(Worker.name == good_row(1)["姓名"]).community.name == "新社区"
