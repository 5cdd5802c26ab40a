"""xlsx/common.writing: a workbook build that fails half-way — a full disk, a cancel, a bug — leaves
no temporary file and nothing for the garbage collector to finish (which would print
"Exception ignored … LxmlSyntaxError" or "ZipFile.__del__" tracebacks on the clerk's terminal)."""
from __future__ import annotations

import gc
import shutil
import subprocess
import sys

import pytest
from openpyxl import Workbook

from swdesk import files
from swdesk.errors import UserError
from swdesk.xlsx import common
from swdesk.xlsx.hotline import write_tables

ROWS = [[f"第{i}行", i, "x" * 40] for i in range(20_000)]
COLUMNS = (("文字", 10, "text"), ("数字", 8, "number"), ("长文字", 40, "text"))


@pytest.fixture
def unraisable(monkeypatch):
    """What the interpreter would print as "Exception ignored in …"."""
    seen = []
    monkeypatch.setattr(sys, "unraisablehook", lambda info: seen.append(repr(info.exc_value)))
    yield seen
    gc.collect()


def write_only(path, rows, fail_after: int | None = None) -> None:
    wb = Workbook(write_only=True)
    with common.writing(wb, path):
        ws = wb.create_sheet("表")
        for n, row in enumerate(rows):
            if n == fail_after:
                raise RuntimeError("half-way")
            ws.append(row)


def test_a_failure_half_way_leaves_no_stream_and_no_temporary_file(tmp_path, unraisable):
    out = tmp_path / "out.xlsx"
    with pytest.raises(RuntimeError), files.write_atomically(out, (".xlsx",)) as tmp:
        write_only(tmp, ROWS, fail_after=10_000)
    gc.collect()
    assert list(tmp_path.iterdir()) == [] and unraisable == []
    with files.write_atomically(out, (".xlsx",)) as tmp:
        write_only(tmp, ROWS[:10])
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


@pytest.fixture
def full_disk(tmp_path, request):
    """A nearly full 400 KB tmpfs (the tests run as root)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(folder)], check=True)
    request.addfinalizer(lambda: subprocess.run(["umount", str(folder)], check=True))
    return folder


@pytest.mark.parametrize("free_kb", [8, 40, 120, 200, 280])
def test_a_full_disk_at_any_moment_is_one_message(full_disk, unraisable, free_kb):
    filler = full_disk / "filler"
    filler.write_bytes(b"\0" * (shutil.disk_usage(full_disk).free - free_kb * 1024))
    for name, build in (("write_only.xlsx", lambda tmp: write_only(tmp, ROWS)),
                        ("normal.xlsx", lambda tmp: write_tables(tmp, [("表", COLUMNS, ROWS[:3000], 3000)]))):
        out = full_disk / name
        with pytest.raises(UserError) as caught, files.write_atomically(out, (".xlsx",)) as tmp:
            build(tmp)
        assert str(caught.value) == f"磁盘已满，文件未能写入（请清理磁盘空间后重试）：{out}"
        gc.collect()
        assert [p.name for p in full_disk.iterdir()] == ["filler"] and unraisable == []
