"""The spreadsheet exports as a clerk runs them from the command line, and as the disk, the folder
or a kill treats them: the open database is never overwritten, a full disk or a folder that
refuses files is one Chinese line, a killed export leaves the earlier file as it was and nothing
in TEMP, and what a killed export left beside its file is removed by the next export there."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import KILLED_STATUS, hard_kill, run_cli

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.usefixtures("sqlite_only")

EXPORTS = [
    ("roster", ["export", "roster"]),
    ("quarter", ["export", "quarter", "2026Q4"]),
    ("hotline", ["export", "hotline", "2026Q4"]),
    ("training", ["export", "training", "2026"]),
    ("audit", ["export", "audit"]),
    ("template", ["template", "roster"]),
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".swdesk-tmp-"))


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    """A database filled by `demo` (300 workers), made once and copied for each test."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    code, out, err = run_cli("demo", "--workers", "300", db_target=str(path))
    assert code == 0, out + err
    return path


@pytest.fixture
def demo_db(demo_file, tmp_path) -> Path:
    path = tmp_path / "x.db"
    shutil.copy(demo_file, path)
    return path


# --- the open database and other SQLite files ------------------------------------------------------

def test_the_open_database_its_wal_and_other_databases_are_refused(demo_db, tmp_path):
    named_like_a_workbook = tmp_path / "库.xlsx"
    shutil.copy(demo_db, named_like_a_workbook)
    other = tmp_path / "另一个库.xlsx"
    shutil.copy(demo_db, other)
    cases = [
        (demo_db, ["export", "roster", str(demo_db)], f"错误：输出文件应以 .xlsx 结尾：{demo_db}"),
        (demo_db, ["export", "roster", f"{demo_db}-wal"], f"错误：输出文件应以 .xlsx 结尾：{demo_db}-wal"),
        (demo_db, ["export", "roster", "--full-id", str(other)],
         f"错误：目标文件是一个数据库文件，不能覆盖：{other}"),
        (demo_db, ["export", "quarter", "2026Q4", str(other)], f"错误：目标文件是一个数据库文件，不能覆盖：{other}"),
        (named_like_a_workbook, ["export", "roster", str(named_like_a_workbook)],
         f"错误：不能写到正在使用的数据库文件上：{named_like_a_workbook}"),
        (named_like_a_workbook, ["template", "roster", str(named_like_a_workbook)],
         f"错误：不能写到正在使用的数据库文件上：{named_like_a_workbook}"),
    ]
    for database, args, message in cases:
        before = {p: digest(p) for p in (demo_db, named_like_a_workbook, other)}
        code, stdout, stderr = run_cli(*args, db_target=str(database))
        assert (code, stdout, stderr) == (1, "", message + "\n"), args
        assert {p: digest(p) for p in before} == before, args
    for database in (demo_db, named_like_a_workbook, other):
        code, stdout, stderr = run_cli("check", db_target=str(database))
        assert code == 0 and "检查通过" in stdout, stdout + stderr


@pytest.mark.parametrize("text", ["9999Q4", "0000", "9999-12"])
def test_a_period_outside_2000_to_2099_is_one_chinese_line(demo_db, tmp_path, text):
    code, stdout, stderr = run_cli("export", "quarter", text, str(tmp_path / "q.xlsx"), db_target=str(demo_db))
    assert (code, stdout) == (1, "")
    assert stderr == f"错误：期间“{text}”的年份超出范围，应在 2000 至 2099 年之间\n"
    assert not (tmp_path / "q.xlsx").exists()


def test_messages_name_what_was_written(demo_db, tmp_path):
    for name, args in EXPORTS:
        out = tmp_path / f"{name}.xlsx"
        code, stdout, stderr = run_cli(*args, str(out), db_target=str(demo_db))
        assert (code, stderr) == (0, ""), name
        assert stdout.startswith(("已导出", "已生成导入模板")) and stdout.endswith(f"：{out}\n"), stdout
    assert temp_files(tmp_path) == []


def test_an_empty_export_warns_on_stderr(tmp_path):
    database = tmp_path / "empty.db"
    code, stdout, stderr = run_cli("export", "hotline", "2030Q1", str(tmp_path / "h.xlsx"), db_target=str(database))
    assert code == 0
    assert stderr == "注意：2030Q1 没有受理的热线工单，导出的工单表只有表头\n"
    assert stdout == f"已导出 2030Q1 热线工单 0 条：{tmp_path / 'h.xlsx'}\n"


# --- disks and folders -----------------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path, request) -> Path:
    """A 200 KB tmpfs (the test runs as root), nearly filled: every export finds the disk full."""
    folder = tmp_path / "u盘"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(folder)], check=True)
    request.addfinalizer(lambda: subprocess.run(["umount", str(folder)], check=True))
    free = shutil.disk_usage(folder).free
    (folder / "别的文件").write_bytes(b"\0" * (free - 16 * 1024))
    return folder


@pytest.mark.parametrize("name,args", EXPORTS, ids=[e[0] for e in EXPORTS])
def test_a_full_disk_is_one_chinese_line_and_leaves_nothing(demo_db, small_disk, name, args):
    out = small_disk / f"{name}.xlsx"
    code, stdout, stderr = run_cli(*args, str(out), db_target=str(demo_db))
    assert (code, stdout) == (1, "")
    assert stderr == f"错误：磁盘已满，文件未能写入（请清理磁盘空间后重试）：{out}\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["别的文件"]


@pytest.fixture
def immutable_folder(tmp_path, request) -> Path:
    folder = tmp_path / "只读文件夹"
    folder.mkdir()
    (folder / "旧.xlsx").write_bytes(b"earlier")
    subprocess.run(["chattr", "+i", str(folder)], check=True)
    request.addfinalizer(lambda: subprocess.run(["chattr", "-i", str(folder)], check=True))
    return folder


@pytest.mark.parametrize("name,args", EXPORTS, ids=[e[0] for e in EXPORTS])
def test_an_immutable_folder_is_exactly_one_chinese_line(demo_db, immutable_folder, name, args):
    for out in (immutable_folder / f"{name}.xlsx", immutable_folder / "旧.xlsx"):
        code, stdout, stderr = run_cli(*args, str(out), db_target=str(demo_db))
        assert (code, stdout) == (1, "")
        assert stderr == f"错误：权限不足，无法写入（文件可能正被其他程序打开，或该文件夹不允许写入）：{out}\n"
    assert sorted(p.name for p in immutable_folder.iterdir()) == ["旧.xlsx"]
    assert (immutable_folder / "旧.xlsx").read_bytes() == b"earlier"


def test_merge_into_a_full_disk_is_one_chinese_line(demo_db, small_disk, tmp_path):
    street = tmp_path / "街道.xlsx"
    assert run_cli("export", "quarter", "2026Q4", str(street), db_target=str(demo_db))[0] == 0
    out = small_disk / "区.xlsx"
    code, stdout, stderr = run_cli("merge", "quarter", str(out), str(street))
    assert (code, stdout) == (1, "")
    assert stderr == f"错误：磁盘已满，文件未能写入（请清理磁盘空间后重试）：{out}\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["别的文件"]


# --- kill -9 while writing ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    """8,000 workers: `export quarter` streams its roster sheet for about a second."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    code, out, err = run_cli("demo", "--workers", "8000", db_target=str(path))
    assert code == 0, out + err
    return path


def start_export(database: Path, out: Path, system_temp: Path) -> subprocess.Popen:
    env = dict(os.environ, TMPDIR=str(system_temp), TEMP=str(system_temp), TMP=str(system_temp))
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(database), "export", "quarter",
                             "2026Q4", str(out)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def kill_while_writing(proc: subprocess.Popen, folder: Path) -> list[str]:
    """SIGKILL `proc` once its temporary files beside the output hold data; return their names."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        started = [p for p in folder.iterdir() if p.name.startswith(f".swdesk-tmp-{proc.pid}-")]
        if any(p.stat().st_size > 64 * 1024 for p in started):
            hard_kill(proc)
            proc.wait()
            return sorted(p.name for p in started)
        assert proc.poll() is None, "the export finished before it could be killed while writing"
        time.sleep(0.005)
    raise AssertionError("the export never started writing")


@pytest.mark.slow
def test_kill_9_while_writing_keeps_the_earlier_file_and_the_next_export_sweeps(big_file, tmp_path):
    database = tmp_path / "big.db"
    shutil.copy(big_file, database)
    folder = tmp_path / "报表"
    folder.mkdir()
    system_temp = tmp_path / "系统TEMP"
    system_temp.mkdir()
    out = folder / "季度报表.xlsx"
    out.write_bytes(b"last quarter's workbook")

    proc = start_export(database, out, system_temp)
    left = kill_while_writing(proc, folder)
    assert proc.returncode == KILLED_STATUS
    assert out.read_bytes() == b"last quarter's workbook"
    assert list(system_temp.iterdir()) == []          # openpyxl's streams went beside the output
    assert left and temp_files(folder) == left        # … and a killed process cannot remove them

    code, stdout, stderr = run_cli("export", "roster", str(folder / "花名册.xlsx"), db_target=str(database))
    assert (code, stderr) == (0, ""), stderr
    assert temp_files(folder) == []                   # the next export there swept them
    assert sorted(p.name for p in folder.iterdir()) == ["季度报表.xlsx", "花名册.xlsx"]
    assert out.read_bytes() == b"last quarter's workbook"
    code, stdout, stderr = run_cli("check", db_target=str(database))
    assert code == 0 and "检查通过" in stdout
