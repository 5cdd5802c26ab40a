"""What every spreadsheet import and export shares: opening a workbook someone handed us without
trusting it, reading its cells into Python values, and writing text cells that a spreadsheet
program will never run as formulas.

Opening (`open_workbook_safely`) checks the file before openpyxl parses anything:
- missing file, folder, empty file → one Chinese line;
- an OLE/CFB file (D0 CF 11 E0 …): either a password-protected workbook (its streams are called
  EncryptionInfo/EncryptedPackage) or an old .xls — both get a message saying what to do in Excel;
- not a zip, or a zip without the parts of a workbook (a renamed .zip/.docx) → "not a workbook";
- a zip bomb: the sizes the zip declares for its members are checked before anything is
  decompressed (total and ratio). Python's zipfile never inflates a member past its declared size
  (it stops and fails the CRC), so the declared sizes bound the work really done.
The workbook is opened read-only with data_only=True: a formula's cached value is read, the formula
itself is never evaluated (openpyxl cannot evaluate formulas at all) and never copied anywhere.

Reading rows (`iter_sheet_rows`) stops after MAX_EMPTY_RUN consecutive empty rows, so a sheet with a
million formatted but empty rows costs milliseconds, not minutes.

Formula injection: text that starts with = + - @ (or a tab / carriage return) is what spreadsheet
programs treat as the start of a formula. On export, such a cell is written with data type "s"
(a plain string in the file) AND the cell style's quotePrefix flag — the file-format equivalent of
typing a leading apostrophe in Excel: Excel and LibreOffice show the text as it is, and keep it text
even when the cell is edited, while the stored value stays exactly the original text (so an export
→ import round trip gives the same names). `safe_text()` is the fallback for places where no cell
style can be set: it prefixes an apostrophe character to the text itself.
"""
from __future__ import annotations

import contextlib
import contextvars
import datetime as _dt
import errno
import functools
import os
import re
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl import Workbook
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet import _writer as _openpyxl_writer
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from swdesk import files
from swdesk.errors import UserError

# Limits for a workbook someone hands us.
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024     # all members of the zip together
MAX_MEMBER_RATIO = 1000                        # uncompressed / compressed, for a big member …
RATIO_CHECK_MIN_BYTES = 50 * 1024 * 1024       # … of at least this size
MAX_MEMBERS = 10_000
MAX_EMPTY_RUN = 1000                           # consecutive empty rows that end a sheet
MAX_COLUMNS = 200                              # columns read per row of a data sheet

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

NOT_XLSX = "文件不是有效的 xlsx 工作簿"
ENCRYPTED = "工作簿已加密，请在 Excel 中取消密码后再导入"
OLD_XLS = "这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中“另存为” .xlsx 格式后再导入"


class CellError(ValueError):
    """A cell value that cannot be read as what its column needs; str() is a Chinese message."""


# --- opening ---------------------------------------------------------------------------------------

def open_workbook_safely(path: str | os.PathLike):
    """Check `path` and open it with openpyxl (read_only=True, data_only=True).

    Raises UserError with one Chinese line for every kind of bad file. Close the workbook with
    `close_workbook(wb)` (or `wb.close()`) when done.
    """
    path = Path(path)
    _check_file_exists(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head.startswith(OLE_SIGNATURE[:4]):
        raise UserError(_describe_ole_file(path))
    if not head.startswith(b"PK"):
        raise UserError(f"{NOT_XLSX}：{path.name}")
    _check_zip(path)
    return _load(path)


def _check_file_exists(path: Path) -> None:
    if not path.exists():
        raise UserError(f"找不到文件：{path}")
    if path.is_dir():
        raise UserError(f"这是一个文件夹，不是 xlsx 文件：{path}")
    if path.stat().st_size == 0:
        raise UserError(f"文件是空的（0 字节），{NOT_XLSX}：{path.name}")


def _describe_ole_file(path: Path) -> str:
    """An OLE compound file is either an encrypted OOXML workbook or a legacy .xls."""
    if _file_contains(path, (_ENCRYPTED_STREAM, _ENCRYPTION_INFO)):
        return f"{ENCRYPTED}：{path.name}"
    return f"{OLD_XLS}：{path.name}"


def _file_contains(path: Path, needles: tuple[bytes, ...], limit: int = 256 * 1024 * 1024) -> bool:
    """Whether any of `needles` occurs in the first `limit` bytes of the file (read in chunks)."""
    overlap = max(len(n) for n in needles)
    tail = b""
    read = 0
    with open(path, "rb") as fh:
        while read < limit:
            chunk = fh.read(1024 * 1024)
            if not chunk:
                return False
            read += len(chunk)
            window = tail + chunk
            if any(n in window for n in needles):
                return True
            tail = window[-overlap:]
    return False


def _check_zip(path: Path) -> None:
    """Refuse a zip that is not a workbook, or whose declared sizes make it a zip bomb."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise UserError(f"{NOT_XLSX}（文件已损坏或不完整）：{path.name}") from exc
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") and n.endswith(".xml") for n in names):
        raise UserError(f"{NOT_XLSX}（这是一个普通的 zip 压缩包或其他文档，不含工作表）：{path.name}")
    check_zip_sizes(infos, path.name)


def check_zip_sizes(infos: list[zipfile.ZipInfo], name: str = "") -> None:
    """Raise UserError if the declared uncompressed sizes are too large (a zip bomb)."""
    if len(infos) > MAX_MEMBERS:
        raise UserError(f"文件包含的部件过多（{len(infos)} 个），可能是损坏或恶意构造的文件，已拒绝：{name}")
    total = 0
    for info in infos:
        total += info.file_size
        big = info.file_size >= RATIO_CHECK_MIN_BYTES
        if big and info.file_size > MAX_MEMBER_RATIO * max(info.compress_size, 1):
            raise UserError(f"文件的压缩比异常（疑似“压缩炸弹”），已拒绝打开：{name}")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise UserError(f"文件解压后过大（{total // (1024 * 1024)} MB，上限 "
                        f"{MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB），可能是损坏或恶意构造的文件，已拒绝：{name}")


_OPENPYXL_EXTENSIONS = (".xlsx", ".xlsm", ".xltx", ".xltm")


def _load(path: Path):
    # openpyxl picks the format by extension; a workbook saved as .XLSX.bak or without extension
    # is read through a file object instead (closed by close_workbook).
    handle = None
    source: Any = str(path)
    if path.suffix.lower() not in _OPENPYXL_EXTENSIONS:
        handle = open(path, "rb")  # closed by close_workbook
        source = handle
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = _bounded_reader_class()(source, read_only=True, data_only=True, keep_links=False)
            reader.read()
            wb = reader.wb
    except UserError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged part
        if handle is not None:
            handle.close()
        raise UserError(f"{NOT_XLSX}（无法读取其内容：{type(exc).__name__}）：{path.name}") from exc
    wb._swdesk_handle = handle
    return wb


@functools.lru_cache(maxsize=1)
def _bounded_reader_class():
    """openpyxl's read-only loader, except that a sheet's size is looked up only in the part of its
    XML before <sheetData>.

    Stock openpyxl looks for the <dimension> element with end-events, so for a sheet without one it
    parses the whole sheet while *opening* the workbook: 10 s for a million empty rows, before our
    row loop (which stops after MAX_EMPTY_RUN empty rows) even starts. Everything else is openpyxl's
    own code (load_workbook is ExcelReader(...).read()).
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.xml.functions import iterparse

    class BoundedReadOnlyWorksheet(ReadOnlyWorksheet):
        def _get_size(self):
            with self._get_source() as src:
                for _event, element in iterparse(src, events=("start",)):
                    if element.tag == DIMENSION_TAG:
                        try:
                            bounds = SheetDimension.from_tree(element).boundaries
                        except (ValueError, TypeError, AttributeError):
                            return  # a malformed dimension: the size stays unknown
                        if bounds is not None:
                            self._min_column, self._min_row, self._max_column, self._max_row = bounds
                        return
                    if element.tag == DATA_TAG:
                        return

    class BoundedExcelReader(ExcelReader):
        def read_worksheets(self):
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files or "chartsheet" in rel.Type:
                    continue
                ws = BoundedReadOnlyWorksheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)

    return BoundedExcelReader


def close_workbook(wb) -> None:
    """Close a workbook opened by open_workbook_safely (and the file handle behind it)."""
    try:
        wb.close()
    finally:
        handle = getattr(wb, "_swdesk_handle", None)
        if handle is not None:
            handle.close()


def first_worksheet(wb):
    sheets = wb.worksheets
    if not sheets:
        raise UserError("工作簿中没有工作表")
    return sheets[0]


def iter_sheet_rows(ws, min_row: int = 1, max_col: int = MAX_COLUMNS,
                    max_empty_run: int = MAX_EMPTY_RUN) -> Iterator[tuple[int, tuple]]:
    """(row number, values) of a read-only sheet, stopping after `max_empty_run` empty rows in a row.

    The sheet's declared dimension is ignored (it is often wrong, and a hostile one claims a
    million rows): rows are read as they are in the file, at most `max_col` columns each.
    Empty rows are skipped.
    """
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    empty_run = 0
    for number, values in enumerate(ws.iter_rows(min_row=min_row, max_col=max_col, values_only=True),
                                    start=min_row):
        if is_empty_row(values):
            empty_run += 1
            if empty_run >= max_empty_run:
                return
            continue
        empty_run = 0
        yield number, values


def is_empty_row(values) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


# --- cell parsing ------------------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u2060"), None)
_DATE_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
# Excel serial numbers of 1900-01-01 .. 2199-12-31 (a date cell formatted as 常规 shows these).
_SERIAL_MIN, _SERIAL_MAX = 1, 109574


def parse_text(value: Any) -> str:
    """A cell as stripped text: numbers without a trailing '.0', dates as 2026-01-05, None → ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    text = str(value).translate(_INVISIBLE).replace("\u3000", " ").replace("\xa0", " ")
    return text.strip()


def parse_date(value: Any) -> _dt.date | None:
    """A date cell: an Excel date, '2026-01-05', '2026/1/5', '2026.1.5', '2026年1月5日',
    '20260105' (text or number), or an Excel serial number. Empty → None.

    Raises CellError with a Chinese message for anything else (never another exception).
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, bool):
        raise CellError("日期格式无法识别，请写成 2026-01-05")
    if isinstance(value, (int, float)):
        return _date_from_number(value)
    text = parse_text(value)
    if not text:
        return None
    text = _TIME_SUFFIX.sub("", text).strip()
    match = _DATE_SEPARATED.match(text) or _DATE_COMPACT.match(text)
    if match is None:
        raise CellError(f"日期“{_short(text)}”格式无法识别，请写成 2026-01-05")
    return _make_date(*match.groups(), text=text)


def _date_from_number(value: float) -> _dt.date:
    if value != value or value in (float("inf"), float("-inf")):  # NaN / infinity
        raise CellError("日期格式无法识别，请写成 2026-01-05")
    if float(value).is_integer() and 10_000_000 <= value <= 99_999_999:
        digits = str(int(value))
        return _make_date(digits[:4], digits[4:6], digits[6:], text=digits)
    if _SERIAL_MIN <= value <= _SERIAL_MAX:
        from openpyxl.utils.datetime import from_excel

        # Excel's own calendar, including its fictitious 29 February 1900.
        return from_excel(int(value)).date()
    raise CellError(f"日期“{_short(parse_text(value))}”格式无法识别，请写成 2026-01-05")


def _make_date(year: str, month: str, day: str, text: str) -> _dt.date:
    try:
        result = _dt.date(int(year), int(month), int(day))
    except ValueError:
        raise CellError(f"日期“{_short(text)}”不存在") from None
    if result.year < 1900:
        raise CellError(f"日期“{_short(text)}”不合理（早于1900年）")
    return result


def _short(text: str, limit: int = 20) -> str:
    """Cell text quoted in a one-line message: blanks and line breaks collapsed, long text cut."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit] + "…"


def parse_id_number(value: Any) -> str:
    """An ID-number cell as text. A number cell cannot hold 18 digits exactly (Excel keeps 15), so a
    numeric ID is refused with a message saying how to fix the column."""
    if isinstance(value, bool):
        raise CellError("身份证号格式不正确")
    if isinstance(value, (int, float)):
        if isinstance(value, float) or abs(value) >= 10**15:
            raise CellError("身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”格式后重新填写")
        return str(value)
    return parse_text(value).replace(" ", "")


def parse_phone(value: Any) -> str:
    """A phone cell as digits: blanks and hyphens removed, a leading +86 dropped."""
    text = parse_text(value)
    text = re.sub(r"[\s\-()（）]", "", text)
    if text.startswith("+86"):
        text = text[3:]
    return text


# --- writing -----------------------------------------------------------------------------------------

def needs_guard(value: Any) -> bool:
    """Whether text would be read as a formula by a spreadsheet program."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def safe_text(value: Any) -> Any:
    """For places where no cell style can be set: text that would start a formula gets a leading
    apostrophe character (the OWASP advice for spreadsheets); anything else is returned as it is."""
    if needs_guard(value):
        return "'" + value
    return value


def safe_cell(ws, value: Any, number_format: str | None = None):
    """A value for `ws.append` on a write-only sheet: text that would start a formula becomes a
    string cell with quotePrefix (shown and kept as text, stored unchanged); a date gets
    `number_format` (default yyyy-mm-dd)."""
    from openpyxl.cell import WriteOnlyCell

    if needs_guard(value):
        cell = WriteOnlyCell(ws, value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        cell = WriteOnlyCell(ws, value)
        cell.number_format = number_format or "yyyy-mm-dd"
        return cell
    return value


def guard_cell(cell) -> None:
    """Apply the formula-injection guard to a cell of a normal (not write-only) worksheet."""
    if needs_guard(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


@contextlib.contextmanager
def writing(wb: Workbook, path: str | os.PathLike) -> Iterator[Workbook]:
    """Build `wb` in the block, then save it to `path` (a job's temporary file: see
    swdesk/jobs/output.py). On any failure — a full disk, a folder that refuses files, a cancel —
    nothing stays open or behind: the write-only sheets' streams are closed and their temporary
    files deleted, and a half-written zip is abandoned without writing its directory (otherwise
    the garbage collector retries the writes and prints "Exception ignored … LxmlSyntaxError" or
    "ZipFile.__del__" tracebacks on the clerk's terminal)."""
    made: list[str] = []
    token = _temp_files_made.set(made)
    try:
        try:
            yield wb
            _save(wb, path)
        except etree.LxmlError as exc:
            error = _os_error_of(exc, path)
            if error is None:
                raise
            raise error from exc
    except BaseException:
        discard_write_only(wb)
        for name in made:
            _remove_temp_file(name)
        raise
    finally:
        _temp_files_made.reset(token)


def _os_error_of(exc: Exception, path: str | os.PathLike) -> OSError | None:
    """lxml reports a failed write as SerialisationError('IO_ENOSPC') (the write-only sheets
    stream through it): the OSError it stands for, so that files.os_error_text can say
    磁盘已满 / 权限不足. None for anything else lxml raises."""
    match = re.search(r"IO_(E[A-Z]+)", str(exc))
    if match is None:
        return None
    code = getattr(errno, match.group(1), errno.EIO)
    return OSError(code, os.strerror(code), str(path))


def _save(wb: Workbook, path: str | os.PathLike) -> None:
    """openpyxl's save_workbook, except that a failed save leaves no zip nor XML stream for the
    collector."""
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    writer = _ExcelWriter(wb, archive)
    try:
        wb.properties.modified = _dt.datetime.now(tz=_dt.UTC).replace(tzinfo=None)
        writer.save()
    except BaseException:
        if writer.sheet_writer is not None:
            with contextlib.suppress(Exception):  # lxml's own kinds on a full disk
                writer.sheet_writer.close()
        _abandon_zip(archive)
        raise


class _ExcelWriter(ExcelWriter):
    """openpyxl's ExcelWriter, except that the writer of a normal (not write-only) sheet is kept
    while it writes, so that a failed save can close its XML stream (openpyxl 3.1.5's
    write_worksheet, otherwise unchanged)."""

    sheet_writer: WorksheetWriter | None = None

    def write_worksheet(self, ws) -> None:
        if self.workbook.write_only:
            super().write_worksheet(ws)
            return
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = self.sheet_writer = WorksheetWriter(ws)
        writer.write()
        ws._rels = writer._rels
        self._archive.write(writer.out, ws.path[1:])
        self.manifest.append(ws)
        writer.cleanup()
        self.sheet_writer = None


def _abandon_zip(archive: zipfile.ZipFile) -> None:
    fp, archive.fp = archive.fp, None  # ZipFile.close() (and __del__) do nothing without fp
    if fp is not None:
        with contextlib.suppress(OSError, ValueError):
            fp.close()


def discard_write_only(wb) -> None:
    """Abandon a write-only workbook (an export cancelled or failed half-way): close each sheet's
    XML streams (errors of a full disk swallowed: the file is deleted anyway) and delete its
    temporary file, so that no generator is left for the garbage collector to finish."""
    for ws in list(getattr(wb, "_sheets", [])):
        writer = getattr(ws, "_writer", None)
        for stream in (getattr(ws, "_rows", None), getattr(writer, "xf", None)):
            if stream is not None:
                with contextlib.suppress(Exception):  # lxml raises its own kinds on a full disk
                    stream.close()
        out = getattr(writer, "out", None)
        if isinstance(out, str):
            _remove_temp_file(out)


def _remove_temp_file(name: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(name)
    with contextlib.suppress(ValueError):
        _openpyxl_writer.ALL_TEMP_FILES.remove(name)


def _create_temporary_file(suffix: str = "") -> str:
    """openpyxl's write-only sheets stream to temporary files; during a job they go to the output's
    folder under swdesk's temporary name (swept after a kill), never to the system TEMP folder
    (where a killed export once left 35–52 MB files holding 6,020 full ID numbers)."""
    folder = files.library_temp_dir()
    if folder is None:
        name = _openpyxl_create_temporary_file(suffix)
    else:
        name = str(files.temp_name(Path(folder), suffix or ".xml"))
        open(name, "w").close()
        _openpyxl_writer.ALL_TEMP_FILES.append(name)
    made = _temp_files_made.get()
    if made is not None:
        made.append(name)
    return name


# The temporary files openpyxl made inside the current `writing` block (per thread: a window's
# job and another one never delete each other's), removed if the block fails.
_temp_files_made: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar(
    "swdesk_xlsx_temp_files", default=None)


_openpyxl_create_temporary_file = _openpyxl_writer.create_temporary_file
_openpyxl_writer.create_temporary_file = _create_temporary_file
