"""The quarterly workbook on paper (issue 14, item 5): print settings read back with openpyxl, and
the pages LibreOffice prints from it (repeated titles, page numbers, no table cut in two, one font
family, readable chart labels)."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from conftest import load_quarter_factory, require_programs

from swdesk import periods
from swdesk.jobs.export_quarter import export_quarter
from swdesk.xlsx import quarter

qf = load_quarter_factory()
Q4 = periods.parse(qf.PERIOD)
TABLE_SHEETS = ("队伍结构", "服务开展", "服务热线", "培训", "需求缺口", "持证与继续教育", "星级志愿者")


@pytest.fixture
def workbook(db, tmp_path):
    # 150 workers (119 at the end of the period): the roster takes two pages, so its header row must repeat.
    office = qf.make_office("甲街道", "000001")
    street = qf.random_workers(office, 150, seed=14)
    qf.add_services(street, seed=14)
    out = tmp_path / "季度报表.xlsx"
    export_quarter(Q4, out)
    return out


def _breaks(ws) -> list[int]:
    """The last row of each page but the last."""
    return sorted(b.id for b in ws.row_breaks.brk)


def test_every_sheet_prints_on_a4_fit_to_width_with_page_numbers(workbook):
    wb = openpyxl.load_workbook(workbook)
    for name in wb.sheetnames[:-1]:
        ws = wb[name]
        assert ws.page_setup.paperSize == 9, name
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0), name
        assert ws.sheet_properties.pageSetUpPr.fitToPage, name
        footer = ws.oddFooter.center.text
        assert "&P" in footer and "&N" in footer, name
    assert wb["花名册"].print_title_rows == "$2:$2"
    for name in TABLE_SHEETS:
        assert wb[name].print_title_rows == "$1:$2", name


def test_landscape_only_where_wide(workbook):
    wb = openpyxl.load_workbook(workbook)
    # Charts stand beside the 队伍结构 tables; the roster has 15 columns; the rest are narrow.
    assert wb["队伍结构"].page_setup.orientation == "landscape"
    assert wb["花名册"].page_setup.orientation == "landscape"
    for name in ("封面", "服务开展", "培训", "需求缺口", "星级志愿者"):
        assert wb[name].page_setup.orientation == "portrait", name


def _table_spans(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Per sheet: (heading row, last row, title) of each table, from the hidden _meta sheet."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for t in quarter.read_meta(path)["tables"]:
        # heading, header, rows, then the total row(s) the display adds
        last = t["row"] + t["nrows"] + (1 if t.get("total_row") else 0) - 1
        spans.setdefault(t["sheet"], []).append((t["row"] - 2, last, t["title"]))
    return spans


def test_page_breaks_fall_between_tables(workbook):
    wb = openpyxl.load_workbook(workbook)
    spans = _table_spans(workbook)
    broken = 0
    for sheet, tables in spans.items():
        for brk in _breaks(wb[sheet]):
            broken += 1
            for heading, last, title in tables:
                assert not heading <= brk < last, (sheet, title, brk)
    # 队伍结构 (8 blocks with charts) and 服务开展 (9 tables) do not fit on one page each.
    assert _breaks(wb["队伍结构"]) and _breaks(wb["服务开展"])
    assert broken >= 2


def test_every_cell_uses_one_named_cjk_font(workbook):
    with zipfile.ZipFile(workbook) as archive:
        styles = archive.read("xl/styles.xml").decode()
    fonts = re.findall(r"<font>.*?</font>|<font/>", styles, flags=re.S)
    assert fonts
    for font in fonts:
        assert f'<name val="{quarter.FONT_NAME}"/>' in font, font
    wb = openpyxl.load_workbook(workbook)
    bold = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.font.b]
    assert bold and {c.font.name for c in bold} == {quarter.FONT_NAME}


def _chart_xml(path: Path) -> dict[str, str]:
    """chart title → chart XML."""
    out = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/charts/chart"):
                xml = archive.read(name).decode()
                title = re.search(r"<a:t>(.*?)</a:t>", xml).group(1)
                out[title] = xml
    return out


def test_long_category_names_get_horizontal_bars(workbook):
    charts = _chart_xml(workbook)
    assert '<barDir val="bar"/>' in charts["政治面貌"]          # names up to 22 units, 7 bars
    assert '<barDir val="col"/>' in charts["年龄段"]            # five short names fit under bars
    assert quarter.horizontal_bars(["中共党员", "中共预备党员", "共青团员", "群众", "民主党派",
                                    "无党派人士", "中共党员（含预备党员）"])
    assert not quarter.horizontal_bars(["35岁及以下", "36-45岁", "46-55岁", "56-60岁", "60岁以上"])


def _libreoffice_pdf(path: Path, outdir: Path) -> Path:
    require_programs("soffice", "pdftotext", "pdffonts")
    profile = outdir / "lo-profile"
    subprocess.run([shutil.which("soffice"), f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
                   check=True, capture_output=True, timeout=300)
    return outdir / f"{path.stem}.pdf"


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return text.split("\f")[:-1]


@pytest.mark.slow
def test_libreoffice_prints_titles_page_numbers_and_whole_tables(workbook, tmp_path):
    pdf = _libreoffice_pdf(workbook, tmp_path / "pdf")
    pages = _pages(pdf)
    total = len(pages)
    sheet_of = []
    for number, page in enumerate(pages, 1):
        footer = re.search(r"(\S+)\s+第 (\d+) 页，共 (\d+) 页", page)
        assert footer, (number, page[-200:])
        assert (int(footer.group(2)), int(footer.group(3))) == (number, total)
        sheet_of.append(footer.group(1))
    # Every page of a table sheet starts with that sheet's title (the repeated rows 1–2).
    for page, sheet in zip(pages, sheet_of, strict=True):
        if sheet in TABLE_SHEETS:
            assert page.lstrip().startswith(f"{sheet}（甲街道社会工作服务中心）"), sheet
            assert "报告期：" in page
    # Each roster page repeats the header row.
    roster = [p for p, s in zip(pages, sheet_of, strict=True) if s == "花名册"]
    assert len(roster) >= 2
    assert all(re.search(r"序号\s+街道", p) for p in roster)
    # A table's heading and its 合计 row are on the same page.
    spans = _table_spans(workbook)
    wb = openpyxl.load_workbook(workbook)
    for sheet, tables in spans.items():
        sheet_pages = [p for p, s in zip(pages, sheet_of, strict=True) if s == sheet]
        headings = [wb[sheet].cell(row, 1).value for row, _last, _title in tables]
        for index, (_heading_row, last, title) in enumerate(tables):
            heading = headings[index]
            holding = [p for p in sheet_pages if heading in p]
            assert len(holding) == 1, (sheet, heading)
            block = holding[0].split(heading, 1)[1]
            if index + 1 < len(headings):
                block = block.split(headings[index + 1], 1)[0]
            last_label = wb[sheet].cell(last, 1).value
            assert re.search(rf"(^|\s){re.escape(last_label)}\s", block), (sheet, title, last_label)
    # The hours' 合计 is the sum of the hours printed above it, column by column.
    page = next(p for p in pages if "七、服务时长（小时）" in p)
    block = page.split("七、服务时长（小时）", 1)[1]
    printed = [line.split() for line in block.splitlines()]
    rows = [r for r in printed if r and r[0] in ("一对一帮教", "扶老助老", "家庭病床", "服务热线")]
    total = next(r for r in printed if r and r[0] == "合计")
    assert len(rows) == 4
    for col in (1, 2, 3):
        assert sum(Decimal(r[col]) for r in rows) == Decimal(total[col]), (col, rows, total)
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "Serif" not in fonts                 # bold 合计 no longer in DejaVu Serif
