"""The quarterly workbook's sheets 持证与继续教育 and 星级志愿者, read back through LibreOffice."""
from __future__ import annotations

import datetime as _dt
import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import load_quarter_factory

from swdesk import periods
from swdesk.jobs.export_quarter import export_quarter
from swdesk.services import education, hours, stars
from swdesk.xlsx import quarter


def _load(name: str, path: Path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


HERE = Path(__file__).resolve().parent
qf = load_quarter_factory()
xq = _load("xlsx_test_quarter", HERE / "test_quarter.py")
Q4 = periods.parse("2026Q4")


@pytest.fixture
def workbook(db, tmp_path):
    office = qf.make_office("甲街道", "000001")
    w1 = qf.make_worker(office, 1, sw_level="社会工作师")
    w2 = qf.make_worker(office, 2, sw_level="助理社会工作师")
    w3 = qf.make_worker(office, 3, sw_level="社会工作师")
    qf.make_worker(office, 4, sw_level="高级社会工作师")
    w5, w6 = qf.make_worker(office, 5), qf.make_worker(office, 6)
    education.add_registration(w1.id, _dt.date(2023, 11, 15))     # due 2026-11-15, hours complete
    education.add_external(w1.id, {"institution": "市社工协会", "date": _dt.date(2025, 6, 1), "hours": 90})
    education.add_registration(w2.id, _dt.date(2023, 12, 1))      # due 2026-12-01, 10 of 72 hours
    education.add_external(w2.id, {"institution": "区民政局", "date": _dt.date(2024, 6, 1), "hours": 10})
    education.add_registration(w3.id, _dt.date(2025, 1, 1))       # running at the quarter's end, 0 hours
    hours.credit("扶老助老", "group_visit", 1, _dt.date(2026, 10, 5), 150 * 60, [w5.id])   # 一星, new
    stars.set_opening_balance(w6.id, {"hours": 320, "as_of": _dt.date(2020, 1, 1), "note": "原记录"})  # 二星
    hours.credit("扶老助老", "group_visit", 2, _dt.date(2026, 11, 1), 600 * 60, [w1.id])  # 三星, new
    out = tmp_path / "季度报表.xlsx"
    export_quarter(Q4, out)
    return out


def test_new_sheets_hold_the_counts(workbook):
    report, meta = quarter.read_report(workbook)
    assert meta["format_version"] == quarter.FORMAT_VERSION == 2
    certified = report.table("certified.levels")
    assert certified.rows == [["助理社会工作师", 1, 1, 1, 0], ["社会工作师", 2, 1, 0, 1], ["高级社会工作师", 1, 0, 0, 0]]
    assert report.table("stars.levels").rows == [["一星（100小时）", 1, 1], ["二星（300小时）", 1, 0],
                                                 ["三星（600小时）", 1, 1], ["四星（1000小时）", 0, 0],
                                                 ["五星（1500小时）", 0, 0]]


@pytest.mark.slow
def test_libreoffice_reads_the_two_sheets(workbook, tmp_path):
    sheets = xq._libreoffice_csv(workbook, tmp_path / "csv")
    certified = sheets["持证与继续教育"]
    head = next(i for i, row in enumerate(certified) if row and row[0] == "职业水平")
    assert certified[head][:5] == ["职业水平", "持证人数", "本季度应再登记", "其中学时不足", "期末登记期内学时未达标"]
    assert certified[head + 2][:5] == ["社会工作师", "2", "1", "0", "1"]
    assert certified[head + 4][:5] == ["合计", "4", "2", "1", "1"]
    star_rows = sheets["星级志愿者"]
    head = next(i for i, row in enumerate(star_rows) if row and row[0] == "星级")
    assert star_rows[head + 3][:3] == ["三星（600小时）", "1", "1"]
    assert star_rows[head + 6][:3] == ["合计", "3", "2"]
