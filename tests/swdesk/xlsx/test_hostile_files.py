"""Hostile and broken spreadsheets: each is refused (or read safely) with a Chinese message and
nothing written. Files are built small on disk; nothing here may take more than a few seconds."""
from __future__ import annotations

import datetime as dt
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from swdesk.jobs.export_roster import export_roster
from swdesk.models import AuditLog, Worker
from swdesk.services import base, workers
from swdesk.xlsx import common, roster
from tests.swdesk.xlsx.roster_files import good_row, import_file, write_roster

# --- building hostile files ----------------------------------------------------------------------

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                 '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                 '</Relationships>')
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border/></borders>'
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
          '</styleSheet>')
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>')
SHEET_TAIL = '</sheetData></worksheet>'


def text_cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def header_row() -> str:
    letters = "ABCDEFGHIJKLMNOP"
    return '<row r="1">' + "".join(text_cell(f"{letters[i]}1", h) for i, h in enumerate(roster.WORKER_HEADERS)) + "</row>"


def data_row(r: int, values: dict[str, str], raw: dict[str, str] | None = None) -> str:
    """A row of text cells by header; `raw` gives cell XML (e.g. formulas) for some headers."""
    letters = "ABCDEFGHIJKLMNOP"
    cells = []
    for i, header in enumerate(roster.WORKER_HEADERS):
        ref = f"{letters[i]}{r}"
        if raw and header in raw:
            cells.append(raw[header].format(ref=ref))
        elif values.get(header):
            cells.append(text_cell(ref, str(values[header])))
    return f'<row r="{r}">' + "".join(cells) + "</row>"


def hand_made_xlsx(path: Path, rows_xml: str | bytes, dimension: str = "", extra_rows: bytes = b"") -> Path:
    """A minimal but complete xlsx written part by part (as Excel lays it out)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        z.writestr("xl/styles.xml", STYLES)
        with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(SHEET_HEAD.format(dimension=dimension).encode())
            sheet.write(rows_xml.encode() if isinstance(rows_xml, str) else rows_xml)
            sheet.write(extra_rows)
            sheet.write(SHEET_TAIL.encode())
    return path


def cfb_file(path: Path, streams: dict[str, bytes]) -> Path:
    """An OLE compound file (version 3, 512-byte sectors), as Office writes for an encrypted
    workbook (streams EncryptionInfo + EncryptedPackage) or for an old .xls (stream Workbook)."""
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    fat = [fat_sector, end]          # sector 0: the FAT itself, sector 1: the directory
    body = b""
    starts = []
    for data in streams.values():
        payload = data.ljust(4096, b"\0")                    # ≥ 4096 bytes: regular sectors
        payload = payload.ljust(-(-len(payload) // 512) * 512, b"\0")
        first = len(fat)
        count = len(payload) // 512
        fat += [first + k + 1 for k in range(count - 1)] + [end]
        starts.append(first)
        body += payload
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", free, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
                + struct.pack("<IQ", start, size))

    names = list(streams)
    directory = entry("Root Entry", 5, 1, free, end, 0)
    for index, name in enumerate(names, start=1):
        right = index + 1 if index < len(names) else free
        directory += entry(name, 2, free, right, starts[index - 1], len(streams[name]))
    directory = directory.ljust(512, b"\0")
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == 512
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + body)
    return path


def assert_refused(path: Path, message: str) -> None:
    before = (Worker.select().count(), AuditLog.select().count())
    with pytest.raises(base.UserError) as info:
        import_file(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert (Worker.select().count(), AuditLog.select().count()) == before


# --- files that are not workbooks -----------------------------------------------------------------

def test_text_file_named_xlsx(db, office, tmp_path):
    path = tmp_path / "花名册.xlsx"
    path.write_text("姓名,性别\n张三,男\n", encoding="utf-8")
    assert_refused(path, "文件不是有效的 xlsx 工作簿")


def test_renamed_zip_without_workbook_parts(db, office, tmp_path):
    path = tmp_path / "花名册.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("照片/张三.jpg", b"\xff\xd8\xff" + b"\0" * 100)
        z.writestr("说明.txt", "not a workbook")
    assert_refused(path, "文件不是有效的 xlsx 工作簿（这是一个普通的 zip 压缩包")


def test_truncated_workbook(db, office, tmp_path):
    whole = write_roster(tmp_path / "whole.xlsx", [good_row(0)]).read_bytes()
    path = tmp_path / "半个.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    assert_refused(path, "文件不是有效的 xlsx 工作簿")


def test_missing_empty_and_folder(db, office, tmp_path):
    assert_refused(tmp_path / "没有.xlsx", "找不到文件")
    (tmp_path / "空.xlsx").write_bytes(b"")
    assert_refused(tmp_path / "空.xlsx", "0 字节")
    assert_refused(tmp_path, "文件夹")


def test_encrypted_workbook(db, office, tmp_path):
    path = cfb_file(tmp_path / "加密.xlsx", {
        "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00<?xml version='1.0'?><encryption/>",
        "EncryptedPackage": b"\x00\x10\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 20,
    })
    assert_refused(path, "工作簿已加密，请在 Excel 中取消密码后再导入")


def test_old_xls_workbook(db, office, tmp_path):
    path = cfb_file(tmp_path / "旧版.xls", {"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\0" * 600})
    assert_refused(path, ".xls")


def test_zip_bomb_is_refused_before_anything_is_inflated(db, office, tmp_path):
    """A sheet part that declares 400 MB (compressed to a few KB) in the zip's directory."""
    path = hand_made_xlsx(tmp_path / "炸弹.xlsx", header_row(), extra_rows=b"\0" * 4_000_000)
    data = bytearray(path.read_bytes())
    declared = 400 * 1024 * 1024
    name = b"xl/worksheets/sheet1.xml"
    local = data.find(b"PK\x03\x04")
    while local != -1:
        if data[local + 30: local + 30 + len(name)] == name:
            struct.pack_into("<I", data, local + 22, declared)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        if data[central + 46: central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, declared)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo(name.decode()).file_size == declared
    assert_refused(path, "压缩炸弹")


def test_compression_ratio_and_member_count_limits():
    big = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
    big.file_size, big.compress_size = 60 * 1024 * 1024, 60 * 1024        # 1000:1, 60 MB
    with pytest.raises(base.UserError, match="压缩比异常"):
        common.check_zip_sizes([big])
    normal = zipfile.ZipInfo("xl/worksheets/sheet1.xml")
    normal.file_size, normal.compress_size = 120 * 1024 * 1024, 6 * 1024 * 1024   # a real 100k-row sheet
    common.check_zip_sizes([normal])
    parts = []
    for i in range(4):  # honest ratios, but 4 × 100 MB together
        part = zipfile.ZipInfo(f"xl/worksheets/sheet{i}.xml")
        part.file_size, part.compress_size = 100 * 1024 * 1024, 10 * 1024 * 1024
        parts.append(part)
    with pytest.raises(base.UserError, match="解压后过大（400 MB，上限 300 MB）"):
        common.check_zip_sizes(parts)
    many = [zipfile.ZipInfo(f"xl/media/{i}.png") for i in range(common.MAX_MEMBERS + 1)]
    with pytest.raises(base.UserError, match="部件过多"):
        common.check_zip_sizes(many)


# --- workbooks with hostile content -------------------------------------------------------------

@pytest.mark.timeout(60)
@pytest.mark.parametrize("with_dimension", [True, False])
def test_a_million_empty_formatted_rows_stop_at_the_last_real_row(db, office, tmp_path, with_dimension):
    rows = header_row() + data_row(2, good_row(0)) + data_row(3, good_row(1))
    empty = b"".join(b'<row r="%d" spans="1:16" s="1" customFormat="1" ht="15"/>' % r
                     for r in range(4, 1_000_004))
    dimension = '<dimension ref="A1:P1000003"/>' if with_dimension else ""
    path = hand_made_xlsx(tmp_path / "百万空行.xlsx", rows, dimension=dimension, extra_rows=empty)
    assert zipfile.ZipFile(path).getinfo("xl/worksheets/sheet1.xml").file_size > 50_000_000
    seen = []
    report = import_file(path, progress=lambda done, total: seen.append(done) or True)
    assert report.problems == [] and report.imported == 2
    assert Worker.select().count() == 2


def test_formulas_are_read_as_their_saved_values_never_evaluated(db, office, tmp_path):
    raw_2 = {
        # The saved value is what counts; the formula would give something else.
        "姓名": '<c r="{ref}" t="str"><f>CONCATENATE("王","五")</f><v>张三</v></c>',
        "所属领域": '<c r="{ref}" t="str"><f>WEBSERVICE("http://example.invalid/x")</f><v>企业</v></c>',
        "手机号码": '<c r="{ref}"><f>13800000000+1</f><v>13800000005</v></c>',
    }
    raw_3 = {"所属领域": '<c r="{ref}"><f>1+1</f></c>'}   # a formula never calculated: no value
    values = good_row(0)
    rows = header_row() + data_row(2, values, raw_2) + data_row(3, good_row(1), raw_3)
    path = hand_made_xlsx(tmp_path / "公式.xlsx", rows)
    report = import_file(path)
    assert [p.line() for p in report.problems] == ["第3行 〈所属领域〉 请填写所属领域"]
    report = import_file(path, skip_bad=True)
    worker = Worker.get()
    assert (worker.name, worker.sector, worker.phone) == ("张三", "企业", "13800000005")


def test_exported_text_cannot_become_a_formula(db, office, tmp_path):
    hostile = {"=1+1": "=cmd|' /C calc'!A0", "+86 张": "@SUM(A1:A9)", "-张三": "-", "@李四": "\t=1"}
    for i, (name, employer) in enumerate(hostile.items()):
        workers.create({"name": name, "gender": "男", "birth_date": dt.date(1980, 1, 1 + i), "sector": "企业",
                        "education": "大专", "title": "无", "employer": employer})
    stored = {w.name: w.employer for w in Worker.select()}
    assert stored["@李四"] == "=1"     # the service strips the tab; the rest is kept as typed
    path = tmp_path / "导出.xlsx"
    export_roster(path)
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    ws = openpyxl.load_workbook(path).active
    for row in ws.iter_rows(min_row=2):
        for cell in (row[0], row[6]):
            assert cell.data_type == "s"
            assert cell.quotePrefix, cell.value      # shown and kept as text by Excel/LibreOffice
    assert {row[0].value: row[6].value for row in ws.iter_rows(min_row=2)} == stored
    # The guard changes no data: the export imports back as the same text.
    Worker.delete().execute()
    assert import_file(path).imported == 4
    assert {w.name: w.employer for w in Worker.select()} == stored


def test_safe_text_for_plain_values():
    assert common.safe_text("=1+1") == "'=1+1"
    assert common.safe_text("@x") == "'@x"
    assert common.safe_text("张三") == "张三"
    assert common.safe_text(42) == 42
    assert common.safe_text(None) is None


def test_not_xlsx_on_the_command_line_is_one_clear_line(db_target, tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"%PDF-1.4 not a spreadsheet")
    code, out, err = run_cli("import", "roster", str(path), db_target=db_target)
    assert code == 1
    assert err.strip() == f"错误：文件不是有效的 xlsx 工作簿：{path.name}"


# --- cell parsing (property-based) ------------------------------------------------------------------

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))


@given(dates)
def test_parse_date_reads_every_written_form(day):
    forms = [day, dt.datetime.combine(day, dt.time()), day.isoformat(), f"{day.year}/{day.month}/{day.day}",
             f"{day.year}.{day.month:02d}.{day.day:02d}", f"{day.year}年{day.month}月{day.day}日",
             f"{day:%Y%m%d}", int(f"{day:%Y%m%d}"), f"{day.isoformat()} 00:00:00", f" {day.isoformat()}\u3000"]
    for form in forms:
        assert common.parse_date(form) == day, form


@given(st.integers(min_value=1, max_value=109574))
def test_parse_date_reads_excel_serial_numbers(serial):
    from openpyxl.utils.datetime import from_excel

    assert common.parse_date(serial) == from_excel(serial).date()
    assert common.parse_date(float(serial)) == from_excel(serial).date()


cell_values = st.one_of(
    st.none(), st.text(max_size=40), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(), st.datetimes(), st.times(),
    st.from_regex(r"\s*\d{2,4}[-/.年]\d{1,3}[-/.月]\d{1,3}日?\s*", fullmatch=True),
)


@given(cell_values)
def test_cell_parsers_raise_only_their_own_error(value):
    for parse in (common.parse_date, common.parse_id_number):
        try:
            parse(value)
        except common.CellError as exc:
            assert str(exc) and "\n" not in str(exc)
    assert isinstance(common.parse_text(value), str)
    assert isinstance(common.parse_phone(value), str)


def test_any_row_is_either_good_or_a_list_of_problems(db, office):
    checker = roster._RowChecker({header: i for i, header in enumerate(roster.HEADERS)})

    @settings(max_examples=100, deadline=None)
    @given(st.lists(cell_values, min_size=16, max_size=16))
    def check_any_row(values):
        data, problems = checker.check_row(5, tuple(values))
        for problem in problems:
            assert problem.row == 5 and problem.column in roster.HEADERS and problem.message
            assert problem.line().startswith("第5行 〈") and "\n" not in problem.line()
        if not problems:
            assert workers.check(data, checker.ctx)[1] == {}

    check_any_row()
