"""The quarterly workbook: sheets, layout, values read back, LibreOffice, the command line."""
from __future__ import annotations

import csv
import datetime as _dt
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from conftest import load_quarter_factory, require_programs, run_cli

from swdesk import periods, vocab
from swdesk.jobs.export_quarter import export_quarter
from swdesk.models import Worker
from swdesk.reports import quarter as report_data
from swdesk.xlsx import quarter

qf = load_quarter_factory()
Q4 = periods.parse(qf.PERIOD)


@pytest.fixture
def street(db):
    office = qf.make_office("甲街道", "000001")
    street = qf.random_workers(office, 40, seed=11)
    qf.add_services(street, seed=11)
    return street


@pytest.fixture
def workbook(street, tmp_path):
    out = tmp_path / "季度报表.xlsx"
    export_quarter(Q4, out)
    return out


def test_sheets_cover_and_hidden_meta(workbook, street):
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == ["封面", "队伍结构", "服务开展", "服务热线", "培训", "需求缺口", "持证与继续教育",
                             "星级志愿者", "花名册", "_meta"]
    assert wb["_meta"].sheet_state == "hidden"
    assert all(wb[s].sheet_state == "visible" for s in wb.sheetnames[:-1])
    cover = {row[0]: row[1] for row in wb["封面"].iter_rows(min_row=3, max_col=2, values_only=True) if row[0]}
    assert cover["填报单位"] == "甲街道社会工作服务中心"
    assert cover["报告期"].startswith("2026年第四季度")
    assert cover["制表人"] == "本机用户"
    assert cover["制表日期"].date() == _dt.date.today()
    meta = quarter.read_meta(workbook)
    assert (meta["format"], meta["format_version"], meta["period"]) == (quarter.FORMAT, 2, "2026Q4")


def test_structure_sheet_layout(workbook):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["队伍结构"]
    column_a = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    for title in ("所属领域", "年龄段", "学历", "职称", "社工职业水平", "人员类别", "政治面貌", "党员情况"):
        assert any(isinstance(v, str) and v.endswith("、" + title) for v in column_a), title
    head = next(r for r, v in enumerate(column_a, 1) if v == "一、所属领域")
    assert [ws.cell(head + 1, c).value for c in (1, 2, 3)] == ["类别", "人数", "占比"]
    assert [ws.cell(head + 2 + i, 1).value for i in range(5)] == list(vocab.SECTORS)
    assert ws.cell(head + 7, 1).value == "合计"
    assert ws.cell(head + 2, 3).number_format == "0.0%"
    assert ws.cell(head + 7, 3).value == 1
    assert f"A{head}:C{head}" in {str(r) for r in ws.merged_cells.ranges}
    assert any(str(r).startswith("A1:") for r in ws.merged_cells.ranges)
    assert ws.freeze_panes == "A3"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"
    assert ws.print_title_rows == "$1:$2"
    assert len(ws._charts) == 8


def test_values_read_back_equal_the_report(workbook, street):
    report, _meta = quarter.read_report(workbook)
    built = report_data.build(Q4)
    assert [t.key for t in report.tables] == [t.key for t in built.tables]
    for got, want in zip(report.tables, built.tables, strict=True):
        assert got.labels() == want.labels(), got.key
        for g, w in zip(got.rows, want.rows, strict=True):
            assert g[1:] == pytest.approx(w[1:]), got.key
    assert report.table("structure.sector").column_totals() == [len(street.active)]


def test_roster_masks_ids_and_guards_formulas(workbook, street):
    wb = openpyxl.load_workbook(workbook)
    ws = wb["花名册"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    assert len(rows) == len(street.active)
    assert list(next(ws.iter_rows(min_row=2, max_row=2, values_only=True))) == list(report_data.ROSTER_HEADERS)
    ids = {w.id_number for w in Worker.select()}
    cells = {v for row in rows for v in row}
    assert not ids & cells
    assert all("*" in row[5] for row in rows)
    formula = next(ws.cell(r, 4) for r in range(3, ws.max_row + 1)
                   if str(ws.cell(r, 4).value).startswith("="))
    assert formula.data_type == "s" and formula.quotePrefix
    assert formula.value == '=HYPERLINK("x")'


def _libreoffice_csv(path: Path, outdir: Path) -> dict[str, list[list[str]]]:
    require_programs("soffice")
    soffice = shutil.which("soffice")
    profile = outdir / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(outdir), str(path)], check=True, capture_output=True, timeout=180)
    sheets = {}
    for file in outdir.glob(f"{path.stem}-*.csv"):
        with open(file, encoding="utf-8", newline="") as fh:
            sheets[file.stem[len(path.stem) + 1:]] = list(csv.reader(fh))
    return sheets


def _same(openpyxl_value, text: str) -> bool:
    if openpyxl_value is None:
        return text == ""
    if isinstance(openpyxl_value, bool):
        return text.upper() == str(openpyxl_value).upper()
    if isinstance(openpyxl_value, (int, float)):
        try:
            if text.endswith("%"):  # LibreOffice keeps the percent sign of a 0.0% cell
                return abs(float(text[:-1]) / 100 - openpyxl_value) < 1e-9
            return abs(float(text) - openpyxl_value) < 1e-9
        except ValueError:
            return False
    if isinstance(openpyxl_value, _dt.datetime):
        return text.startswith(openpyxl_value.strftime("%Y-%m-%d"))
    return text == str(openpyxl_value)


@pytest.mark.slow
def test_libreoffice_reads_the_same_values(workbook, tmp_path):
    sheets = _libreoffice_csv(workbook, tmp_path / "csv")
    wb = openpyxl.load_workbook(workbook)
    for name in wb.sheetnames:
        assert name in sheets, name
        ws = wb[name]
        lo_rows = sheets[name]
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            lo = lo_rows[r] if r < len(lo_rows) else []
            for c, value in enumerate(row):
                text = lo[c] if c < len(lo) else ""
                assert _same(value, text), (name, r + 1, c + 1, value, text)


def test_command_line_export(street, db_target, tmp_path):
    out = tmp_path / "out.xlsx"
    code, stdout, stderr = run_cli("export", "quarter", "2026Q4", str(out), db_target=db_target)
    assert code == 0, stderr
    assert "2026Q4" in stdout and out.exists()
    code, _stdout, stderr = run_cli("export", "quarter", "2026Q5", str(out), db_target=db_target)
    assert code == 1 and "错误" in stderr and "Traceback" not in stderr


# --- the district report's roster, imported through `import roster` ------------------------------

REPORT_SECTORS = {"党政机关": 400, "事业单位": 729, "企业": 22, "民间组织": 263, "社区/群团/离退休": 1258}
REPORT_EDUCATIONS = {"本科及以上": 481, "大专": 756, "中专/中职/中师": 345, "高中及以下": 1090}
REPORT_TITLES = {"高级": 115, "中级": 332, "初级": 274, "无": 1951}
# The report's percentages (it truncated some: 14.9 for 14.97, 27.2 for 27.28), rounded here.
REPORT_SHARES = {"党政机关": 15.0, "事业单位": 27.3, "企业": 0.8, "民间组织": 9.8, "社区/群团/离退休": 47.1,
                 "本科及以上": 18.0, "大专": 28.3, "中专/中职/中师": 12.9, "高中及以下": 40.8,
                 "高级": 4.3, "中级": 12.4, "初级": 10.3, "无": 73.0}


def _spread(counts: dict[str, int]) -> list[str]:
    return [label for label, n in counts.items() for _ in range(n)]


def _report_roster(path: Path) -> None:
    from swdesk import idcard
    from swdesk.xlsx import roster

    sectors, educations, titles = (_spread(REPORT_SECTORS), _spread(REPORT_EDUCATIONS),
                                   _spread(REPORT_TITLES))
    assert len(sectors) == len(educations) == len(titles) == 2672
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(roster.HEADERS))
    for i in range(2672):
        birth = _dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28)
        values = {"姓名": f"社工{i:04d}", "性别": "男" if i % 2 else "女",
                  "身份证号": idcard.make("350502", birth, (i // 600) * 2 + (i % 2)),
                  "所属领域": sectors[i], "学历": educations[(i * 7) % 2672],
                  "职称": titles[(i * 11) % 2672], "状态": "在册"}
        ws.append([values.get(h, "") for h in roster.HEADERS])
    wb.save(path)


@pytest.mark.slow
def test_the_reports_roster_gives_the_reports_table(db_target, tmp_path):
    source = tmp_path / "花名册.xlsx"
    _report_roster(source)
    code, stdout, stderr = run_cli("import", "roster", str(source), db_target=db_target)
    assert code == 0, stdout + stderr
    out = tmp_path / "季度报表.xlsx"
    code, _stdout, stderr = run_cli("export", "quarter", "2026Q4", str(out), db_target=db_target)
    assert code == 0, stderr
    report, _meta = quarter.read_report(out)
    assert report.table("structure.sector").as_dict() == REPORT_SECTORS
    assert report.table("structure.education").as_dict() == REPORT_EDUCATIONS
    assert report.table("structure.title").as_dict() == REPORT_TITLES
    ws = openpyxl.load_workbook(out)["队伍结构"]
    shares = {}
    for row in ws.iter_rows(values_only=True):
        if row[0] in REPORT_SHARES and isinstance(row[2], float):
            shares[row[0]] = round(row[2] * 100, 1)
        if row[0] == "合计":
            assert row[1] == 2672
    assert shares == REPORT_SHARES


def test_progress_reaches_the_end_and_cancel_leaves_no_file(street, tmp_path):
    from swdesk.jobs import Cancelled

    seen: list[tuple[int, int]] = []
    out = tmp_path / "p.xlsx"
    export_quarter(Q4, out, progress=lambda d, t: seen.append((d, t)) or True)
    assert seen[-1][0] == seen[-1][1] and out.exists()
    cancelled = tmp_path / "c.xlsx"
    with pytest.raises(Cancelled):
        export_quarter(Q4, cancelled, progress=lambda d, t: d < 3)
    assert not cancelled.exists() and list(tmp_path.glob("*.xlsx")) == [out]
    assert not list(tmp_path.glob(".swdesk-tmp-*"))
