"""The district roll-up: the sum of two street workbooks equals the workbook of their union."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import load_quarter_factory, run_cli

from swdesk import periods
from swdesk.jobs.export_quarter import export_quarter
from swdesk.jobs.merge_quarter import merge_quarter
from swdesk.models import DemandTarget, Office
from swdesk.services.base import Session, UserError, reset_session, set_session
from swdesk.xlsx import quarter

qf = load_quarter_factory()


@pytest.fixture
def streets(db, tmp_path):
    """Two streets on one district database: each street's workbook and the union's."""
    a = qf.make_office("甲街道", "000001")
    b = qf.make_office("乙街道", "000002")
    qf.add_services(qf.random_workers(a, 40, seed=21), seed=21)
    qf.add_services(qf.random_workers(b, 30, seed=22, start_n=500), seed=22)
    files = {}
    for name, office in (("a", a), ("b", b), ("union", None)):
        set_session(Session(office_id=office.id if office else None))
        files[name] = tmp_path / f"{name}.xlsx"
        export_quarter(periods.parse(qf.PERIOD), files[name])
    reset_session()
    return files


def _visible_values(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    return {name: [tuple(r) for r in wb[name].iter_rows(values_only=True)]
            for name in wb.sheetnames if name not in ("封面", "_meta", "花名册")}


def _roster(path: Path) -> list[tuple]:
    return sorted(tuple(str(v) for v in row) for row in quarter.iter_roster(path))


def _assert_same(got: dict, want: dict) -> None:
    """Cell by cell; numbers to 1e-9 (hours are sums of minutes ÷ 60 in a different order)."""
    assert got.keys() == want.keys()
    for sheet in want:
        assert len(got[sheet]) == len(want[sheet]), sheet
        for r, (g, w) in enumerate(zip(got[sheet], want[sheet], strict=True), 1):
            if r == 1:
                continue  # the sheet title names the office
            for c, (x, y) in enumerate(zip(g, w, strict=True), 1):
                if isinstance(y, float) and not isinstance(x, str):
                    assert x == pytest.approx(y, abs=1e-9), (sheet, r, c)
                else:
                    assert x == y, (sheet, r, c)


def test_roll_up_of_two_streets_equals_the_union(streets, tmp_path):
    out = tmp_path / "district.xlsx"
    merged = merge_quarter(out, [streets["a"], streets["b"]]).data
    assert merged.streets == ["甲街道", "乙街道"]
    _assert_same(_visible_values(out), _visible_values(streets["union"]))
    assert _roster(out) == _roster(streets["union"])
    union, _ = quarter.read_report(streets["union"])
    rolled, meta = quarter.read_report(out)
    assert meta["period"] == "2026Q4"
    for got, want in zip(rolled.tables, union.tables, strict=True):
        assert got.rows == [[r[0], *(pytest.approx(v) for v in r[1:])] for r in want.rows], got.key
    # Percentages recomputed from the summed counts, not summed.
    sector = openpyxl.load_workbook(out)["队伍结构"]
    shares = [sector.cell(r, 3).value for r in range(1, sector.max_row + 1)
              if sector.cell(r, 1).value in ("党政机关", "事业单位", "企业", "民间组织", "社区/群团/离退休")]
    assert abs(sum(shares) - 1) < 1e-9
    # The rosters follow one another, numbered through.
    ws = openpyxl.load_workbook(out, read_only=True)["花名册"]
    numbers = [row[0] for row in ws.iter_rows(min_row=3, values_only=True)]
    assert numbers == list(range(1, len(numbers) + 1))


def test_different_periods_are_refused(db, tmp_path):
    office = qf.make_office("甲街道", "000001")
    qf.make_worker(office, 1)
    q3, q4 = tmp_path / "q3.xlsx", tmp_path / "q4.xlsx"
    export_quarter(periods.parse("2026Q3"), q3)
    export_quarter(periods.parse("2026Q4"), q4)
    with pytest.raises(UserError, match=r"“q3.xlsx”是 2026Q3 的报表.*不是同一期间"):
        merge_quarter(tmp_path / "out.xlsx", [q4, q3])
    assert not (tmp_path / "out.xlsx").exists()


def test_the_same_street_twice_is_refused(db, tmp_path):
    office = qf.make_office("甲街道", "000001")
    qf.make_worker(office, 1)
    a = tmp_path / "a.xlsx"
    export_quarter(periods.parse("2026Q4"), a)
    with pytest.raises(UserError, match="甲街道"):
        merge_quarter(tmp_path / "out.xlsx", [a, a])


def test_other_files_and_versions_are_refused(db, tmp_path):
    office = qf.make_office("甲街道", "000001")
    qf.make_worker(office, 1)
    good = tmp_path / "good.xlsx"
    export_quarter(periods.parse("2026Q4"), good)
    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "不是报表"
    wb.save(plain)
    with pytest.raises(UserError, match="“plain.xlsx”不是社工服务台导出的季度报表"):
        merge_quarter(tmp_path / "out.xlsx", [good, plain])
    old = tmp_path / "old.xlsx"
    wb = openpyxl.load_workbook(good)
    meta = wb["_meta"]
    for row in meta.iter_rows():
        if row[0].value == "format_version":
            row[1].value = 0
    wb.save(old)
    with pytest.raises(UserError, match="“old.xlsx”的报表格式版本为 0"):
        merge_quarter(tmp_path / "out.xlsx", [good, old])
    broken = tmp_path / "broken.xlsx"
    wb = openpyxl.load_workbook(good)
    for row in wb["_meta"].iter_rows():
        if row[0].value == "table":
            row[1].value = "{not json"
            break
    wb.save(broken)
    with pytest.raises(UserError, match="“broken.xlsx”的格式信息已损坏"):
        merge_quarter(tmp_path / "out.xlsx", [good, broken])
    text = tmp_path / "notes.xlsx"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(UserError, match="notes.xlsx"):
        merge_quarter(tmp_path / "out.xlsx", [good, text])


def test_a_hand_edited_count_that_is_not_a_number_is_reported(db, tmp_path):
    office = qf.make_office("甲街道", "000001")
    qf.make_worker(office, 1)
    good = tmp_path / "good.xlsx"
    export_quarter(periods.parse("2026Q4"), good)
    wb = openpyxl.load_workbook(good)
    ws = wb["队伍结构"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "企业")
    ws.cell(row, 2).value = "很多"
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)
    with pytest.raises(UserError, match=f"“edited.xlsx”工作表“队伍结构”B{row} 单元格应为数字"):
        merge_quarter(tmp_path / "out.xlsx", [good, edited])


def test_command_line_merge_needs_no_database(db, tmp_path):
    a = qf.make_office("甲街道", "000001")
    b = qf.make_office("乙街道", "000002")
    qf.make_worker(a, 1)
    qf.make_worker(b, 2)
    files = []
    for office in (a, b):
        set_session(Session(office_id=office.id))
        files.append(str(tmp_path / f"{office.street}.xlsx"))
        export_quarter(periods.parse(qf.PERIOD), files[-1])
    out = tmp_path / "district.xlsx"
    code, stdout, stderr = run_cli("merge", "quarter", str(out), *files)
    assert code == 0, stderr
    assert "已汇总 2 个街道" in stdout
    assert quarter.read_report(out)[0].table("structure.sector").column_totals() == [2]
    code, _out, stderr = run_cli("merge", "quarter", str(tmp_path / "x.xlsx"), str(tmp_path / "missing.xlsx"))
    assert code == 1 and "错误" in stderr and "Traceback" not in stderr


def test_command_line_expands_wildcards_as_cmd_passes_them(db, tmp_path):
    """Windows' cmd hands `streets\\*.xlsx` to the program unexpanded: the program expands it
    (here passed as one argument, without a shell), leaving out the output file itself."""
    a = qf.make_office("甲街道", "000001")
    b = qf.make_office("乙街道", "000002")
    qf.make_worker(a, 1)
    qf.make_worker(b, 2)
    folder = tmp_path / "streets"
    folder.mkdir()
    for office in (a, b):
        set_session(Session(office_id=office.id))
        export_quarter(periods.parse(qf.PERIOD), folder / f"{office.street}.xlsx")
    out = folder / "district.xlsx"
    for _ in range(2):  # the second run finds district.xlsx among *.xlsx and leaves it out
        code, stdout, stderr = run_cli("merge", "quarter", str(out), str(folder / "*.xlsx"))
        assert code == 0, stderr
        assert "已汇总 2 个街道" in stdout
    code, _out, stderr = run_cli("merge", "quarter", str(out), str(folder / "nothing*.xlsx"))
    assert code == 1 and "没有与" in stderr


def _export_each(offices, tmp_path) -> list[Path]:
    out = []
    for office in offices:
        set_session(Session(office_id=office.id))
        out.append(tmp_path / f"{office.street}.xlsx")
        export_quarter(periods.parse(qf.PERIOD), out[-1])
    reset_session()
    return out


def test_another_districts_workbook_is_refused_by_name(db, tmp_path):
    a = qf.make_office("甲街道", "000001")
    b = Office.create(district="另一区", street="丙街道", street_code="000003",
                      centre_name="丙街道社会工作服务中心")
    qf.make_worker(a, 1)
    qf.make_worker(b, 2)
    files = _export_each([a, b], tmp_path)
    out = tmp_path / "out.xlsx"
    with pytest.raises(UserError, match="“丙街道.xlsx”是另一区的报表，与“甲街道.xlsx”的示例区不是同一个区，不能汇总"):
        merge_quarter(out, files)
    assert not out.exists()


def _gap_row(path: Path, label: str) -> tuple:
    ws = openpyxl.load_workbook(path)["需求缺口"]
    rows = [tuple(r) for r in ws.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r[0] == "二、学历")
    return next(r for r in rows[start:] if r[0] == label)


def test_gaps_are_the_sum_of_each_streets_gap(db, tmp_path):
    # 大专: 甲 needs 10 and has 2 (gap 8), 乙 needs 3 and has 10 (a surplus: gap 0), 丙 needs 5 and
    # has none (gap 5), 丁 needs 1 (gap 1). Netted first, 甲+乙+丙 would show 18 − 12 = 6.
    plan = {"甲街道": (10, 2), "乙街道": (3, 10), "丙街道": (5, 0), "丁街道": (1, 0)}
    offices = []
    for i, (street, (need, have)) in enumerate(plan.items(), 1):
        office = qf.make_office(street, f"00000{i}")
        DemandTarget.create(office=office, dimension="education", label="大专", target=need)
        for n in range(have):
            qf.make_worker(office, i * 100 + n, education="大专")
        offices.append(office)
    files = _export_each(offices, tmp_path)
    district = tmp_path / "district.xlsx"
    result = merge_quarter(district, files[:3])
    assert result.count == 3 and "已汇总 3 个街道" in result.message
    assert _gap_row(district, "大专")[:4] == ("大专", 18, 12, 13)
    assert _gap_row(district, "合计")[3] == sum(
        r[3] for r in openpyxl.load_workbook(district)["需求缺口"].iter_rows(values_only=True)
        if r[0] in ("本科及以上", "大专", "中专/中职/中师", "高中及以下"))
    # The district database's own export counts the same way.
    union = tmp_path / "union.xlsx"
    set_session(Session(office_id=None))     # all four streets
    export_quarter(periods.parse(qf.PERIOD), union)
    reset_session()
    assert _gap_row(union, "大专")[:4] == ("大专", 19, 12, 14)
    # A district workbook merged again keeps its streets' gaps (read from its 缺口 column).
    again = tmp_path / "again.xlsx"
    result = merge_quarter(again, [district, files[3]])
    assert result.count == 4 and "已汇总 4 个街道" in result.message
    assert _gap_row(again, "大专")[:4] == ("大专", 19, 12, 14)


def _as_printed(value, decimals: int) -> Decimal:
    """What Excel and LibreOffice show for a number cell of `decimals` places (1141.05 → 1141.1)."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def test_every_total_equals_the_sum_of_the_rows_printed_above_it(streets, tmp_path):
    out = tmp_path / "district.xlsx"
    merge_quarter(out, [streets["a"], streets["b"]])
    for path in (out, streets["a"], streets["union"]):
        wb = openpyxl.load_workbook(path)
        checked = 0
        for meta in quarter.read_meta(path)["tables"]:
            if meta["kind"] == "series" and not meta["total_row"]:
                continue
            ws = wb[meta["sheet"]]
            first, n = meta["row"], meta["nrows"]
            decimals = meta["decimals"]
            columns = len(meta["columns"]) + (1 if meta["kind"] == "gap" else 0)
            for c in range(2, 2 + columns):
                d = decimals[min(c - 2, len(decimals) - 1)] if isinstance(decimals, list) else decimals
                rows = [ws.cell(r, c).value or 0 for r in range(first, first + n)]
                total = ws.cell(first + n, c).value
                assert ws.cell(first + n, 1).value == "合计", (path.name, meta["key"])
                assert sum(_as_printed(v, d) for v in rows) == _as_printed(total, d), (
                    path.name, meta["key"], c)
                checked += 1
        assert checked > 30
