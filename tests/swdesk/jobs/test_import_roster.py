"""The roster import job: one read of the file, honest phases with real counts, the spreadsheets
Chinese offices really make (other sheets, hidden sheets, merged cells, .xls/.ods/.csv in UTF-8 or
GBK, full-width digits, apostrophes, synonyms) and each person once (possible duplicates)."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli

from swdesk import db as swdb
from swdesk import idcard
from swdesk.jobs.export_roster import export_roster
from swdesk.jobs.import_roster import SheetChoiceNeeded, import_roster
from swdesk.models import Community, Worker
from swdesk.services import base, settings, workers
from swdesk.xlsx import roster, table
from tests.swdesk.xlsx.roster_files import good_row, write_roster


class Recorder:
    """A progress reporter that keeps every call: (done, total) tuples and phase texts."""

    def __init__(self):
        self.calls: list = []

    def __call__(self, done: int, total: int) -> bool:
        self.calls.append((done, total))
        return True

    def phase(self, text: str) -> None:
        self.calls.append(text)

    def phases(self) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        current = None
        for call in self.calls:
            if isinstance(call, str):
                current = call
                out[current] = []
            else:
                out[current].append(call)
        return out


def count_opens(monkeypatch) -> list[Path]:
    """Wrap the one entry point that opens an import's file; the list grows with each open."""
    opened: list[Path] = []
    real = table.open_table

    def counting(path):
        opened.append(Path(path))
        return real(path)

    monkeypatch.setattr(table, "open_table", counting)
    return opened


def lines(problems) -> list[str]:
    return [p.line() for p in problems]


# --- one read, honest phases -------------------------------------------------------------------------

def test_phases_count_rows_read_checked_and_imported_on_a_file_without_dimension(db, office, tmp_path):
    """swdesk's own export (write-only: no <dimension> element) used to sit at 99 % while checking."""
    write_roster(tmp_path / "src.xlsx", [good_row(i) for i in range(300)])
    assert import_roster(tmp_path / "src.xlsx").count == 300
    exported = tmp_path / "export.xlsx"
    export_roster(exported, full_id=True)
    Worker.delete().execute()
    with zipfile.ZipFile(exported) as archive:
        assert b"<dimension" not in archive.read("xl/worksheets/sheet1.xml")
    progress = Recorder()
    result = import_roster(exported, progress=progress)
    assert result.count == 300
    phases = progress.phases()
    assert list(phases) == ["正在读取…", "正在检查…", "正在导入…"]
    assert phases["正在读取…"][-1] == (301, 301)        # the header row and 300 rows read
    assert len(phases["正在检查…"]) >= 4                  # counted every 100 rows
    for text in ("正在检查…", "正在导入…"):
        counts = phases[text]
        assert counts[0] == (0, 300) and counts[-1] == (300, 300), text
        assert [d for d, _ in counts] == sorted(d for d, _ in counts), text


def test_check_then_import_reads_the_file_once(db, office, tmp_path, monkeypatch):
    opened = count_opens(monkeypatch)
    path = write_roster(tmp_path / "r.xlsx", [good_row(0), good_row(1, 学历="私塾"), good_row(2)])
    checked = import_roster(path, check_only=True)
    assert (checked.count, Worker.select().count()) == (0, 0)
    assert lines(checked.data.problems) == [
        "第3行 〈学历〉 “私塾”不是可选值（可选：本科及以上、大专、中专/中职/中师、高中及以下）"]
    result = import_roster(path, skip_bad=True, checked=checked.data.checked)
    assert result.count == 2 and result.message == "已导入 2 人，跳过有错误的 1 行。"
    assert opened == [path]
    # A file changed after the check is read again, not imported from the stale check.
    Worker.delete().execute()
    write_roster(path, [good_row(5)])
    os.utime(path, ns=(1, 1))
    result = import_roster(path, checked=checked.data.checked)
    assert result.count == 1 and opened == [path, path]
    assert Worker.get().name == good_row(5)["姓名"]


def test_a_direct_import_opens_the_file_once(db, office, tmp_path, monkeypatch):
    opened = count_opens(monkeypatch)
    path = write_roster(tmp_path / "r.xlsx", [good_row(i) for i in range(5)])
    assert import_roster(path).count == 5 and len(opened) == 1


# --- where the roster is ------------------------------------------------------------------------------

def roster_workbook(path: Path, sheets: list[tuple[str, list[list], str]]) -> Path:
    """A workbook of (title, rows, state) sheets."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows, state in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        ws.sheet_state = state
    wb.save(path)
    return path


def rows_of(*rows: dict) -> list[list]:
    return [list(roster.HEADERS)] + [[r.get(h) for h in roster.HEADERS] for r in rows]


def test_the_roster_on_the_second_sheet_after_instructions(db, office, tmp_path):
    path = roster_workbook(tmp_path / "r.xlsx", [("填表说明", [["请按下表填写"], ["姓名必填"]], "visible"),
                                                 ("名单", rows_of(good_row(0), good_row(1)), "visible")])
    result = import_roster(path)
    assert result.count == 2 and result.data.sheet == "名单"


def test_a_hidden_first_sheet_is_passed_over(db, office, tmp_path):
    path = roster_workbook(tmp_path / "r.xlsx", [("旧名单", rows_of(good_row(7)), "hidden"),
                                                 ("花名册", rows_of(good_row(0), good_row(1)), "visible")])
    result = import_roster(path)
    assert result.count == 2 and {w.name for w in Worker.select()} == {good_row(0)["姓名"], good_row(1)["姓名"]}


def test_several_sheets_with_a_header_ask_which_one(db, office, tmp_path):
    path = roster_workbook(tmp_path / "r.xlsx", [("一季度", rows_of(good_row(0)), "visible"),
                                                 ("二季度", rows_of(good_row(1), good_row(2)), "visible")])
    with pytest.raises(SheetChoiceNeeded) as info:
        import_roster(path)
    assert info.value.names == ["一季度", "二季度"] and "--sheet" in str(info.value)
    assert import_roster(path, sheet="二季度").count == 2
    with pytest.raises(base.UserError, match="找不到工作表“三季度”"):
        import_roster(path, sheet="三季度")


# --- merged cells ---------------------------------------------------------------------------------------

def merged_roster(path: Path) -> Path:
    """38 rows: 所属社区 merged over all of them, 所属领域 merged in two blocks."""
    rows = [good_row(i, 所属社区="新华社区" if i == 0 else None, 所属领域="企业" if i == 0 else None)
            for i in range(38)]
    write_roster(path, rows)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    community = roster.HEADERS.index("所属社区") + 1
    sector = roster.HEADERS.index("所属领域") + 1
    ws.merge_cells(start_row=2, start_column=community, end_row=39, end_column=community)
    ws.merge_cells(start_row=2, start_column=sector, end_row=20, end_column=sector)
    ws.merge_cells(start_row=21, start_column=sector, end_row=39, end_column=sector)
    ws.cell(row=21, column=sector, value="事业单位")
    wb.save(path)
    return path


# An .ods as LibreOffice writes it: calamine reports no merged ranges for ods, content.xml has them.
@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_merged_cells_are_filled_down_and_said_so(db, office, tmp_path, fmt):
    path = merged_roster(tmp_path / "r.xlsx")
    if fmt == "ods":
        path = convert(path, "ods")
    result = import_roster(path)
    assert result.count == 38
    assert result.warnings == ["第2–20行 〈所属领域〉 合并单元格，已按“企业”填入",
                               "第2–39行 〈所属社区〉 合并单元格，已按“新华社区”填入",
                               "第21–39行 〈所属领域〉 合并单元格，已按“事业单位”填入"]
    assert Worker.select().join(Community).where(Community.name == "新华社区").count() == 38
    assert Worker.select().where(Worker.sector == "事业单位").count() == 19


# --- formats ----------------------------------------------------------------------------------------------

def csv_text(*rows: dict) -> str:
    def cell(value) -> str:
        return "" if value is None else str(value)

    return "\n".join(",".join(cell(v) for v in row) for row in rows_of(*rows)) + "\n"


@pytest.mark.parametrize("encoding, shown", [("utf-8-sig", ""), ("utf-8", ""), ("gbk", "按 GBK 编码读取"),
                                             ("gb18030", "按 GBK 编码读取")])
def test_csv_in_utf8_and_gbk(db, office, tmp_path, encoding, shown):
    path = tmp_path / "名单.csv"
    path.write_bytes(csv_text(good_row(0), good_row(1, 姓名="欧阳喆"), good_row(2)).encode(encoding))
    result = import_roster(path)
    assert result.count == 3 and Worker.get(Worker.name == "欧阳喆").sector == "企业"
    assert result.warnings == ([f"〈文件〉 {shown}"] if shown else [])


def test_a_text_file_named_xlsx_is_still_not_a_workbook(db, office, tmp_path):
    path = tmp_path / "名单.xlsx"
    path.write_text(csv_text(good_row(0)), encoding="utf-8")
    with pytest.raises(base.UserError, match="文件不是有效的 xlsx 工作簿"):
        import_roster(path)


def convert(source: Path, fmt: str) -> Path:
    """LibreOffice's own conversion: an .xls / .ods as an office program writes it."""
    assert shutil.which("soffice"), "LibreOffice (soffice) is needed to write .xls/.ods: scripts/setup.sh --dev"
    profile = source.parent / f"lo-profile-{fmt}"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(source.parent / fmt), str(source)],
                   check=True, capture_output=True, timeout=180)
    return source.parent / fmt / (source.stem + "." + fmt)


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_xls_and_ods(db, office, tmp_path, fmt):
    source = roster_workbook(tmp_path / "名单.xlsx", [("填表说明", [["说明"]], "visible"),
                                                      ("花名册", rows_of(good_row(0), good_row(1, 姓名="林喆堃"),
                                                                      good_row(2, 学历="私塾")), "visible")])
    path = convert(source, fmt)
    result = import_roster(path)
    assert lines(result.data.problems) == [
        "第4行 〈学历〉 “私塾”不是可选值（可选：本科及以上、大专、中专/中职/中师、高中及以下）"]
    result = import_roster(path, skip_bad=True)
    assert result.count == 2
    worker = Worker.get(Worker.name == "林喆堃")
    assert (worker.id_number, worker.joined_on) == (good_row(1)["身份证号"], dt.date(2020, 3, 1))


# --- typing habits ------------------------------------------------------------------------------------------

FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def test_full_width_digits_apostrophes_and_blanks_are_normalised(db, office, tmp_path):
    number = idcard.make("350502", dt.date(1990, 5, 6), 13)[:17] + "X"
    number = number[:17] + idcard.check_char(number[:17])
    rows = [good_row(0, 身份证号=number.translate(FULL_WIDTH), 手机号码="１３８ ０００ ０００００"),
            good_row(1, 身份证号="'" + good_row(1)["身份证号"], 手机号码="'13800000001"),
            good_row(2, 身份证号=f" {good_row(2)['身份证号']} ", 姓名="张Ａ三")]
    result = import_roster(write_roster(tmp_path / "r.xlsx", rows))
    assert result.data.problems == [] and result.count == 3
    assert Worker.get(Worker.id_number == number).phone == "13800000000"
    assert Worker.get(Worker.id_number == good_row(1)["身份证号"]).phone == "13800000001"
    assert Worker.get(Worker.id_number == good_row(2)["身份证号"]).name == "张A三"


def test_scientific_notation_says_why(db, office, tmp_path):
    rows = [good_row(0, 身份证号="3.50502E+17"), good_row(1, 身份证号=3.50502199001011e17)]
    result = import_roster(write_roster(tmp_path / "r.xlsx", rows))
    assert lines(result.data.problems) == [
        "第2行 〈身份证号〉 身份证号被写成科学计数法 3.50502E+17，末几位已丢失，请把该列设为文本后重新填写",
        "第3行 〈身份证号〉 身份证号被写成科学计数法 3.50502E+17，末几位已丢失，请把该列设为文本后重新填写",
    ]


def test_synonyms_are_mapped_with_a_note_per_column(db, office, tmp_path):
    rows = [good_row(0, 所属领域="公司", 职称="高档", 学历="专科", 政治面貌="党员"),
            good_row(1, 所属领域="公司", 政治面貌="团员", 状态="在职"),
            good_row(2, 学历="本科", 所属领域="外企")]
    path = write_roster(tmp_path / "r.xlsx", rows)
    result = import_roster(path)
    assert lines(result.data.problems) == [
        "第4行 〈所属领域〉 “外企”不是可选值（可选：党政机关、事业单位、企业、民间组织、社区/群团/离退休）"]
    settings.put("import_synonyms", settings.get("import_synonyms") | {"所属领域": {"外企": "企业", "公司": "企业"}})
    result = import_roster(path)
    assert result.count == 3
    assert result.warnings == [
        "第2–3行 〈所属领域〉 “公司”按“企业”导入（共2行）",
        "第2行 〈学历〉 “专科”按“大专”导入（共1行）",
        "第2行 〈职称〉 “高档”按“高级”导入（共1行）",
        "第2行 〈政治面貌〉 “党员”按“中共党员”导入（共1行）",
        "第3行 〈政治面貌〉 “团员”按“共青团员”导入（共1行）",
        "第3行 〈状态〉 “在职”按“在册”导入（共1行）",
        "第4行 〈所属领域〉 “外企”按“企业”导入（共1行）",
        "第4行 〈学历〉 “本科”按“本科及以上”导入（共1行）",
    ]
    first = Worker.get(Worker.name == good_row(0)["姓名"])
    assert (first.sector, first.title, first.education, first.political_status) == ("企业", "高级", "大专", "中共党员")


# --- each person once -----------------------------------------------------------------------------------

def test_a_person_without_id_then_with_id_is_a_possible_duplicate(db, office, tmp_path):
    workers.create({"name": "王娟", "gender": "女", "birth_date": dt.date(1990, 1, 5), "phone": "13900000001",
                    "sector": "企业", "education": "大专", "title": "无"})
    with_id = idcard.make("350502", dt.date(1990, 1, 5), 2)
    rows = [good_row(0, 姓名="王娟", 身份证号=with_id, 手机号码="13900000001"),
            good_row(1, 姓名="李明", 身份证号="", 性别="男", 出生日期="1970-02-03", 手机号码="13700000000"),
            good_row(2, 姓名="李明", 身份证号="", 性别="男", 出生日期="1971-04-04", 手机号码="13700000000"),
            good_row(3)]
    path = write_roster(tmp_path / "r.xlsx", rows)
    result = import_roster(path)
    assert result.count == 0 and Worker.select().count() == 1
    card = Worker.get().card_no
    assert lines(result.data.problems) == [
        f"第2行 〈姓名〉 可能与已有人员 王娟（服务证号 {card}）是同一人（姓名和出生日期相同，其中一方没有身份证号）",
        "第4行 〈姓名〉 可能与第3行是同一人（姓名和手机号码相同，双方都没有身份证号）",
    ]
    assert "--allow-duplicates" in result.message
    assert import_roster(path, skip_bad=True).count == 2          # the rows that are no one's double
    Worker.delete().where(Worker.name != "王娟").execute()
    assert import_roster(path, allow_duplicates=True).count == 4


def test_command_line_names_the_pairs_and_takes_allow_duplicates_and_sheet(db_target, tmp_path):
    rows = [good_row(0, 姓名="陈静", 身份证号="", 性别="女", 出生日期="1985-01-01"),
            good_row(1, 姓名="陈静", 身份证号="", 性别="女", 出生日期="1985-01-01")]
    path = roster_workbook(tmp_path / "r.xlsx", [("说明", rows_of(good_row(5)), "visible"),
                                                 ("花名册", rows_of(*rows), "visible")])
    code, out, err = run_cli("import", "roster", str(path), db_target=db_target)
    assert code == 1 and "--sheet" in err and "Traceback" not in err
    code, out, err = run_cli("import", "roster", str(path), "--sheet", "花名册", db_target=db_target)
    assert code == 1
    assert err.splitlines()[0] == "第3行 〈姓名〉 可能与第2行是同一人（姓名和出生日期相同，双方都没有身份证号）"
    code, out, err = run_cli("import", "roster", str(path), "--sheet", "花名册", "--allow-duplicates",
                             db_target=db_target)
    assert (code, out.strip(), err) == (0, "已导入 2 人。", "")
    swdb.open_database(db_target)
    try:
        assert [w.name for w in Worker.select()] == ["陈静", "陈静"]
    finally:
        swdb.close_database()
