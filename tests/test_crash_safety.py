"""Crash safety: a long write killed with SIGKILL at any moment leaves the database intact, with
either none or all of its rows (every write is one transaction; SQLite's WAL journal does the rest).

The long write runs in a subprocess exactly as the clerk starts it (`python main.py … import roster
FILE.xlsx`), and is killed at several moments."""
from __future__ import annotations

import datetime as _dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from swdesk import idcard
from swdesk.xlsx import roster
from tests.conftest import hard_kill, run_cli

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("sqlite_only")]


def worker_count(path: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT COUNT(*) FROM worker").fetchone()[0]
    finally:
        con.close()


def start(args: list[str]) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def kill_at(proc: subprocess.Popen, seconds: float) -> bool:
    """SIGKILL `proc` after `seconds`; False if it had already finished by then."""
    try:
        proc.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        hard_kill(proc)
        proc.wait()
        return True


def assert_clean(path: str, allowed: set[int]) -> int:
    code, out, err = run_cli("check", db_target=path)
    assert code == 0 and "检查通过" in out, out + err
    n = worker_count(path)
    assert n in allowed, f"{n} workers: a partial write survived the kill"
    return n


def prepare_database(path: str) -> None:
    code, out, err = run_cli("check", db_target=path)  # creates the schema
    assert code == 0, out + err


def make_roster_xlsx(path: Path, rows: int) -> None:
    """A valid roster of `rows` workers in the import template's columns (swdesk.xlsx.roster.HEADERS)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(roster.SHEET_TITLE)
    ws.append(list(roster.HEADERS))
    sample = {"所属领域": "企业", "工作单位": "示例企业", "学历": "大专", "职称": "无", "社工职业水平": "无",
              "专业特长": "社区建设", "政治面貌": "群众", "人员类别": "志愿者", "加入日期": "2020-01-01",
              "状态": "在册"}
    for i in range(rows):
        birth = _dt.date(1960, 1, 1) + _dt.timedelta(days=i % 10000)
        sequence = 100 + i // 10000  # (birth, sequence) is unique for up to 9000 × 10000 rows
        values = dict(sample, 姓名=f"测试{i:05d}", 性别="男" if sequence % 2 else "女",
                      身份证号=idcard.make("350502", birth, sequence), 出生日期=birth.isoformat(),
                      手机号码=f"139{i:08d}")
        ws.append([values.get(h, "") for h in roster.HEADERS])
    wb.save(str(path))


def test_kill_during_import_roster(tmp_path):
    # 6,000 rows take several seconds of CPU to import (measured ~1 ms a row), so every kill below
    # lands inside the import: in reading/validating, or inside the single write transaction.
    rows = 6000
    target = str(tmp_path / "swdesk.db")
    prepare_database(target)
    xlsx = tmp_path / "roster.xlsx"
    make_roster_xlsx(xlsx, rows)
    killed = 0
    for seconds in (0.5, 1.5, 3.0, 4.5):
        before = worker_count(target)
        proc = start(["main.py", "--db", target, "import", "roster", str(xlsx)])
        if kill_at(proc, seconds):
            killed += 1
            assert_clean(target, {before, before + rows} if before == 0 else {before})
        else:
            assert_clean(target, {0, rows})
    assert killed >= 1  # otherwise the import was too fast to test anything


LONG_WRITER = """
import sys
from swdesk import db
db.open_database(sys.argv[1])
from swdesk.models import Worker
from swdesk.services.base import default_office, writes
import datetime as dt

@writes("worker")
def fill(n):
    office = default_office()
    for i in range(n):
        Worker.create(office=office, name=f"长{i}", gender="男", birth_date=dt.date(1980, 1, 1),
                      sector="企业", education="大专", title="无", notes="x" * 500)
        if i == 2000:
            print("started", flush=True)

fill(int(sys.argv[2]))
print("done", flush=True)
"""


def test_kill_during_a_long_transaction(tmp_path):
    """Any @writes function (demo fill, import …): committed whole or not at all."""
    target = str(tmp_path / "swdesk.db")
    prepare_database(target)
    script = tmp_path / "long_writer.py"
    script.write_text(LONG_WRITER, encoding="utf-8")
    rows = 400000
    for seconds in (0.8,):
        proc = start([str(script), target, str(rows)])
        assert kill_at(proc, seconds), proc.stderr.read().decode()
        assert_clean(target, {0})
    # and an uninterrupted one commits everything
    proc = start([str(script), target, "3000"])
    assert proc.wait(timeout=60) == 0, proc.stderr.read().decode()
    assert_clean(target, {3000})


def test_kill_during_demo_fill(tmp_path):
    target = str(tmp_path / "swdesk.db")
    prepare_database(target)
    proc = start(["main.py", "--db", target, "demo", "--workers", "2672"])
    if kill_at(proc, 1.0):
        # The kill may land after the commit but before the process exits: complete is fine too.
        assert_clean(target, {0, 2672})
    else:
        assert_clean(target, {2672})
