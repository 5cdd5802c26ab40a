"""The worker's record in the roster spreadsheet (issue 18): 职业水平证书编号, 证书取得日期, 表彰奖励
and 年度评价 exported and imported (every problem listed at once), 星级 exported only."""
from __future__ import annotations

import datetime as dt

import openpyxl

from swdesk import db as swdb
from swdesk import idcard
from swdesk.jobs.export_roster import export_roster
from swdesk.jobs.template_roster import template_roster
from swdesk.models import AuditLog, Award, Evaluation, SwQualification, Worker
from swdesk.services import education, honours, stars, workers
from swdesk.xlsx import roster
from tests.swdesk.xlsx.roster_files import good_row, import_file, write_roster

TODAY = dt.date.today()
LAST_YEAR = TODAY.year - 1


def make_worker(name: str, level: str, n: int) -> Worker:
    return workers.create({"name": name, "gender": "女", "id_number": idcard.make("350502", dt.date(1984, 2, 3), 2 * n),
                           "sector": "民间组织", "education": "本科及以上", "title": "中级", "sw_level": level})


def record_of(name: str) -> tuple:
    worker = Worker.get(Worker.name == name)
    qualification = SwQualification.get_or_none(SwQualification.worker == worker.id)
    return (
        (qualification.certificate_no, qualification.obtained_on) if qualification else None,
        [(a.date, a.level, a.title, a.issuer, a.document_no)
         for a in Award.select().where(Award.worker == worker.id).order_by(Award.date)],
        [(e.year, e.grade, e.evaluator, e.date, e.note)
         for e in Evaluation.select().where(Evaluation.worker == worker.id).order_by(Evaluation.year)],
    )


def test_export_then_import_into_an_empty_database_keeps_the_record(db, office, tmp_path):
    chen = make_worker("陈静", "社会工作师", 1)
    make_worker("林海", "无", 2)
    education.save_qualification(chen.id, {"sw_level": "社会工作师", "certificate_no": "2019-350000-0123",
                                           "obtained_on": dt.date(2019, 11, 2)})
    honours.add_award(chen.id, {"title": "优秀志愿者（社区服务类）", "level": "区", "issuer": "区民政局",
                                "date": dt.date(LAST_YEAR, 5, 20), "document_no": "区民〔2025〕8号"})
    honours.add_award(chen.id, {"title": "最美社工", "level": "市", "issuer": "市文明办", "date": dt.date(LAST_YEAR, 9, 1)})
    honours.add_evaluation(chen.id, {"year": LAST_YEAR, "grade": "优秀", "evaluator": "街道社工站",
                                     "date": dt.date(LAST_YEAR, 12, 30), "note": "服务认真|耐心\n群众满意"})
    honours.add_evaluation(chen.id, {"year": LAST_YEAR - 1, "grade": "合格", "evaluator": "街道社工站"})
    stars.set_opening_balance(chen.id, {"hours": 120, "as_of": dt.date(2020, 1, 1), "note": "原服务记录"})
    expected = record_of("陈静")

    out = tmp_path / "花名册.xlsx"
    assert export_roster(out, full_id=True).count == 2
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header[-5:] == ["职业水平证书编号", "证书取得日期", "表彰奖励", "年度评价", "星级"]
    row = {h: ws.cell(row=2, column=i + 1).value for i, h in enumerate(header)}
    assert row["表彰奖励"] == (f"{LAST_YEAR}-05-20|区|优秀志愿者（社区服务类）|区民政局|区民〔2025〕8号\n"
                           f"{LAST_YEAR}-09-01|市|最美社工|市文明办")
    assert row["年度评价"] == (f"{LAST_YEAR - 1}|合格|街道社工站\n"
                           f"{LAST_YEAR}|优秀|街道社工站|{LAST_YEAR}-12-30|服务认真|耐心 群众满意")
    assert row["星级"] == "一星" and row["职业水平证书编号"] == "2019-350000-0123"
    assert ws.cell(row=2, column=header.index("表彰奖励") + 1).alignment.wrap_text  # shown as lines
    assert [ws.cell(row=3, column=i).value for i in range(len(header) - 4, len(header) + 1)] == [None] * 5

    swdb.close_database()
    swdb.open_database(str(tmp_path / "empty.db"))
    report = import_file(out)
    assert report.problems == [] and report.imported == 2
    # The note's line break is written as a space (one entry per line); everything else is kept.
    assert record_of("陈静") == (expected[0], expected[1],
                                [expected[2][0], expected[2][1][:4] + ("服务认真|耐心 群众满意",)])
    assert record_of("林海") == (None, [], [])
    lines = {a.table: a.summary for a in AuditLog.select().where(AuditLog.action == "import")
             if a.table in ("award", "evaluation", "sw_qualification")}
    assert lines == {"award": "导入花名册：表彰奖励 2 条（花名册.xlsx）", "evaluation": "导入花名册：评价 2 条（花名册.xlsx）",
                     "sw_qualification": "导入花名册：职业水平证书 1 条（花名册.xlsx）"}


def test_every_problem_of_the_record_columns_is_listed_and_nothing_written(db, office, tmp_path):
    future = (TODAY + dt.timedelta(days=3)).isoformat()
    rows = [
        good_row(0, 社工职业水平="社会工作师", 职业水平证书编号="2020-1", 证书取得日期=future,
                 表彰奖励=f"2024-05-20|乡|优秀志愿者|区民政局\n{future}|区||区民政局",
                 年度评价="2024|优秀|街道社工站\n2024|合格|街道社工站\n2023|良好|"),
        good_row(1, 社工职业水平="无", 职业水平证书编号="2020-2", 表彰奖励="2024-13-01|区|优秀志愿者|区民政局"),
        good_row(2, 表彰奖励="2024-05-20|区级|优秀志愿者|区民政局", 年度评价="2024|合格|街道社工站"),
    ]
    path = write_roster(tmp_path / "r.xlsx", rows)
    report = import_file(path)
    assert report.imported == 0 and Worker.select().count() == 0 and Award.select().count() == 0
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (2, "证书取得日期", "不能晚于今天"),
        (2, "表彰奖励", "第1条级别应为以下之一：国家、省、市、区、街道；"
                    "第2条奖项名称请填写奖项名称；授予日期不能晚于今天（每条写作 授予日期|级别|奖项名称|授予单位|文号）"),
        (2, "年度评价", "第2条与第1条同为2024年度（每年一条评价）；第3条评价等次应为以下之一：优秀、合格、基本合格、不合格；"
                    "评价人请填写评价人或评价单位（每条写作 年度|评价等次|评价人|评价日期|评语）"),
        (3, "职业水平证书编号", "社工职业水平为“无”，不应填写职业水平证书"),
        (3, "表彰奖励", "第1条授予日期：日期“2024-13-01”不存在（每条写作 授予日期|级别|奖项名称|授予单位|文号）"),
    ]
    assert report.problems[0].line() == "第2行 〈证书取得日期〉 不能晚于今天"

    assert import_file(path, skip_bad=True).imported == 1     # 区级 is read as 区
    assert record_of(rows[2]["姓名"])[1] == [(dt.date(2024, 5, 20), "区", "优秀志愿者", "区民政局", "")]


def test_columns_named_as_clerks_name_them_and_the_star_column_is_ignored(db, office, tmp_path):
    row = good_row(0, 社工职业水平="助理社会工作师", 证书编号="A-1", 获奖情况="2024-01-02|街道|好人好事|街道办", 星级="五星")
    headers = [*roster.WORKER_HEADERS, "证书编号", "获奖情况", "星级"]
    report = import_file(write_roster(tmp_path / "r.xlsx", [row], headers))
    assert report.problems == [] and report.imported == 1
    assert record_of(row["姓名"]) == (("A-1", None), [(dt.date(2024, 1, 2), "街道", "好人好事", "街道办", "")], [])


def test_template_explains_the_record_columns(tmp_path):
    wb = openpyxl.load_workbook(template_roster(tmp_path / "t.xlsx").path)
    ws = wb["花名册"]
    header = [c.value for c in ws[1]]
    assert header[-4:] == list(roster.HEADERS[-4:]) == ["职业水平证书编号", "证书取得日期", "表彰奖励", "年度评价"]
    helps = {r[0]: r for r in wb["填写说明"].iter_rows(values_only=True) if r[0] in header}
    assert "授予日期|级别|奖项名称|授予单位|文号" in helps["表彰奖励"][2] and "街道" in helps["表彰奖励"][3]
    assert "年度|评价等次|评价人|评价日期|评语" in helps["年度评价"][2] and "基本合格" in helps["年度评价"][3]
    assert ws.column_dimensions["Q"].number_format == "@" and ws.column_dimensions["R"].number_format == "yyyy-mm-dd"
