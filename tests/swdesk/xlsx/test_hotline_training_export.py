"""Spreadsheet exports of the hotline log and the training sign-in sheets: read back with openpyxl,
and through LibreOffice (CSV) when soffice is installed."""
from __future__ import annotations

import csv
import datetime as dt
import subprocess

import pytest
from conftest import require_programs
from openpyxl import load_workbook

from swdesk import periods, pinyin
from swdesk.jobs.export_hotline import export_hotline
from swdesk.jobs.export_training import export_training
from swdesk.models import Community, Worker, WorkerSpecialty
from swdesk.services import hotline, training
from swdesk.services.base import UserError

T0 = dt.datetime(2026, 10, 12, 9, 30)
Q4 = periods.parse("2026Q4")


def make_worker(office, name, community=None, card_no=None, specialty=None):
    worker = Worker.create(office=office, name=name, gender="男", birth_date=dt.date(1980, 1, 1),
                           sector="民间组织", employer="=HYPERLINK(\"x\")", education="大专", title="无",
                           community=community, card_no=card_no, name_pinyin=pinyin.full(name))
    if specialty:
        WorkerSpecialty.create(worker=worker, specialty=specialty)
    return worker


@pytest.fixture
def filled(office):
    east = Community.create(office=office, name="东街社区")
    lawyer = make_worker(office, "王律师", east, "350502202600001", "法律援助")
    nurse = make_worker(office, "李护士", east, "350502202600002", "医疗卫生")
    first = hotline.log_request(dict(received_at=T0, channel="电话", resident_name="林秀英",
                                     phone="13812345678", community="东街社区", category="法律",
                                     text="=cmd|' /C calc'!A0 邻里纠纷", urgency="一般"))
    hotline.assign(first.id, [lawyer.id, nurse.id], at=T0 + dt.timedelta(hours=1))
    hotline.complete(first.id, 90, "+上门调解", at=T0 + dt.timedelta(hours=3))
    hotline.follow_up(first.id, T0.date() + dt.timedelta(days=1), "满意", "@居民表示感谢")
    hotline.log_request(dict(received_at=T0 + dt.timedelta(days=1), resident_name="-陈阿姨",
                             phone="", category="医疗", text="需要上门测血压"))
    hotline.log_request(dict(received_at=dt.datetime(2026, 9, 30, 10), resident_name="上季度",
                             category="生活", text="不在本期"))
    course = training.create_course(dict(title="实务技能培训", start_date=dt.date(2026, 11, 3), hours=6,
                                         lecturer="刘教授", place="服务中心", topic="专业技能"))
    training.add_attendance(course.id, [lawyer.id, nurse.id])
    other = training.create_course(dict(title="=上季度课程", start_date=dt.date(2026, 12, 30), hours=2.5))
    training.add_attendance(other.id, [lawyer.id])
    training.create_course(dict(title="明年课程", start_date=dt.date(2027, 1, 5), hours=2))
    return lawyer, nurse


def test_request_log_export(filled, tmp_path):
    out = tmp_path / "热线.xlsx"
    assert export_hotline(Q4, out).count == 2
    wb = load_workbook(out)
    ws = wb["热线工单"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.b and ws["A1"].value == "编号"
    assert ws.column_dimensions["H"].width == 40
    header = [c.value for c in ws[1]]
    row = dict(zip(header, (c.value for c in ws[2]), strict=True))
    assert row["受理时间"] == T0 and ws["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert row["联系电话"] == "138****5678"
    assert row["诉求内容"] == "=cmd|' /C calc'!A0 邻里纠纷" and ws["H2"].data_type == "s"
    assert row["服务人员"] == "王律师、李护士" and row["状态"] == "已回访" and row["满意度"] == "满意"
    assert row["办理情况"] == "+上门调解" and row["回访记录"] == "@居民表示感谢"
    assert ws["D3"].value == "-陈阿姨" and ws["D3"].data_type == "s"
    summary = wb["分类统计"]
    totals = [c.value for c in summary[summary.max_row]]
    assert totals[0] == "合计" and totals[-2] == 2 and totals[-1] == "100.0%"


def test_attendance_export(filled, tmp_path):
    out = tmp_path / "培训.xlsx"
    assert export_training(Q4, out).count == 3
    wb = load_workbook(out)
    ws = wb["培训签到"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.b
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert [(r[2], r[7]) for r in rows] == [("实务技能培训", "李护士"), ("实务技能培训", "王律师"),
                                            ("=上季度课程", "王律师")]
    assert rows[0][1] == dt.datetime(2026, 11, 3) and ws["B2"].number_format == "yyyy-mm-dd"
    assert ws["C4"].data_type == "s" and ws["K2"].data_type == "s"
    courses = wb["课程汇总"]
    assert [c.value for c in courses[courses.max_row]][5:] == [8.5, 3, 14.5]
    people = {r[0].value: (r[2].value, r[3].value) for r in wb["人员汇总"].iter_rows(min_row=2)}
    assert people == {"王律师": (2, 8.5), "李护士": (1, 6)}


def test_bad_period_and_folder_are_user_errors(filled, tmp_path):
    with pytest.raises(UserError, match="无法识别的期间"):
        periods.parse("2026Q5")
    with pytest.raises(UserError, match="文件夹不存在"):
        export_training(Q4, tmp_path / "missing" / "x.xlsx")


def _libreoffice_csv(paths, outdir):
    """Convert the workbooks in one soffice run (it takes seconds to start) and read the CSVs."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{outdir}/profile", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                    *map(str, paths), "--outdir", str(outdir / "csv")],
                   check=True, capture_output=True, timeout=180)
    out = []
    for path in paths:
        with open(outdir / "csv" / (path.stem + ".csv"), encoding="utf-8", newline="") as fh:
            out.append(list(csv.reader(fh)))
    return out


def test_exports_open_cleanly_in_libreoffice(filled, tmp_path):
    require_programs("soffice")
    hotline_out, training_out = tmp_path / "hotline.xlsx", tmp_path / "training.xlsx"
    export_hotline(Q4, hotline_out)
    export_training(Q4, training_out)
    rows, training_rows = _libreoffice_csv([hotline_out, training_out], tmp_path)
    assert rows[0][:4] == ["编号", "受理时间", "渠道", "居民姓名"]
    assert rows[1][1] == "2026-10-12 09:30" and rows[1][4] == "138****5678"
    assert rows[1][7] == "=cmd|' /C calc'!A0 邻里纠纷"       # text, not a formula
    assert rows[2][3] == "-陈阿姨"
    assert training_rows[1][1] == "2026-11-03" and training_rows[1][7] == "李护士"
    assert training_rows[3][2] == "=上季度课程" and training_rows[1][10] == '=HYPERLINK("x")'


def test_command_line_exports(filled, db_target, tmp_path):
    from tests.conftest import run_cli

    code, out, err = run_cli("export", "hotline", "2026Q4", str(tmp_path / "h.xlsx"), db_target=db_target)
    assert code == 0 and "热线工单 2 条" in out, err
    code, out, err = run_cli("export", "training", "2026Q7", str(tmp_path / "t.xlsx"), db_target=db_target)
    assert code == 1 and "无法识别的期间" in err and "Traceback" not in err
