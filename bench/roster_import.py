"""Benchmark of the roster import and export: `python bench/roster_import.py [--rows 10000,100000]`.

Writes a roster workbook of N valid rows (template columns, ID numbers, communities, specialties),
then, each in a fresh temporary SQLite file and each in its own child process (so that its peak
memory is its own, read from getrusage):
- swdesk: the import job `swdesk.jobs.import_roster.import_roster(file)` (open safely, read with
  python-calamine, parse, normalise and check every row, possible duplicates, then one transaction
  of batched inserts with pinyin, specialties, card numbers and audit entries);
- the raw floor (issue 15): python-calamine read of the same sheet plus plain sqlite3 `executemany`
  of the same rows (already-known pinyin, no checks) into a fresh swdesk database (same schema,
  indexes and triggers), one transaction;
- swdesk `jobs.export_roster` against a raw baseline (sqlite3 SELECT … JOIN + openpyxl
  write-only append of the tuples), for the largest size only.
Prints both times, their ratio and the peak memory of each child.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import python_calamine
from openpyxl import Workbook

from swdesk import db, idcard, vocab
from swdesk.jobs.export_roster import export_roster
from swdesk.jobs.import_roster import import_roster
from swdesk.xlsx import roster

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉喆堃昇镕赟玥燚"


def write_rows(path: Path, n: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(list(roster.HEADERS))
    used: set[str] = set()
    for i in range(n):
        birth = dt.date(1955, 1, 1) + dt.timedelta(days=rng.randrange(0, 18000))
        number = idcard.make("350502", birth, i % 1000)
        while number in used:
            birth += dt.timedelta(days=1)
            number = idcard.make("350502", birth, i % 1000)
        used.add(number)
        ws.append([
            rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2)))),
            "", number, None, f"13{rng.randrange(10**9):09d}", rng.choice(vocab.SECTORS),
            f"单位{rng.randrange(200)}", rng.choice(vocab.EDUCATIONS), rng.choice(vocab.TITLES),
            rng.choice(vocab.SW_LEVELS), "、".join(rng.sample(vocab.SPECIALTIES, rng.randrange(0, 3))),
            rng.choice(vocab.POLITICAL_STATUSES), rng.choice(vocab.WORKER_KINDS), f"社区{rng.randrange(11)}",
            dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000)), "在册",
        ])
    wb.save(path)


def fresh(path: Path) -> None:
    db.open_database(str(path))
    db.close_database()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_import(xlsx: Path, target: Path) -> dict:
    fresh(target)
    db.open_database(str(target))
    try:
        started, cpu = time.perf_counter(), time.process_time()
        result = import_roster(xlsx)
        elapsed = time.perf_counter() - started
        assert result.data.problems == [], result.data.problems[:3]
        return {"seconds": elapsed, "cpu": time.process_time() - cpu, "peak_mb": peak_mb(), "count": result.count}
    finally:
        db.close_database()


def time_raw_import(xlsx: Path, target: Path, rebuild_index: bool = False) -> dict:
    """The floor. With rebuild_index, the trigram search index's insert trigger is dropped for the
    insert and the index rebuilt once after it (what swdesk's bulk path does for a big import);
    without, the trigger indexes row by row."""
    fresh(target)
    started, cpu = time.perf_counter(), time.process_time()
    workbook = python_calamine.CalamineWorkbook.from_path(str(xlsx))
    rows = []
    today = dt.date.today().isoformat()
    for i, values in enumerate(workbook.get_sheet_by_name("花名册").iter_rows()):
        if i == 0:
            continue
        number = values[2]
        info = idcard.parse(number)
        rows.append((1, values[0], "x", "x", info.gender, number, info.birth_date.isoformat(), values[4] or "",
                     values[5], values[6] or "", values[7], values[8], values[9], values[10] or "", values[11],
                     values[12], None, values[14].isoformat(), "在册", "", f"C{i:09d}", today, today,
                     "", 1, today, today))
    workbook.close()
    con = sqlite3.connect(target)
    con.execute("INSERT INTO office (district, street, street_code, centre_name, hotlines, card_issuer, charter_text,"
                " person_in_charge, contact_phone, address) VALUES ('d','s','000000','c','[]','','','','','')")
    columns = ("office_id, name, name_pinyin, name_initials, gender, id_number, birth_date, phone, sector, employer,"
               " education, title, sw_level, specialties, political_status, kind, community_id, joined_on, status,"
               " left_reason, card_no, card_issued_on, card_valid_until, notes, version, created_at, updated_at")
    trigger = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'worker'"
                          " AND name LIKE '%trigram%ai'").fetchone() if rebuild_index else None
    with con:
        if trigger:
            con.execute(f"DROP TRIGGER {trigger[0]}")
        con.executemany(f"INSERT INTO worker ({columns}) VALUES ({', '.join('?' * 27)})", rows)
        if trigger:
            con.execute(trigger[1])
            index = trigger[0].removesuffix("_ai")
            con.execute(f"INSERT INTO {index}({index}) VALUES ('rebuild')")
    con.close()
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "peak_mb": peak_mb(),
            "count": len(rows)}


def child(what: str, xlsx: Path, target: Path) -> dict:
    """Run one measurement in a fresh interpreter; its figures come back as JSON on stdout."""
    out = subprocess.run([sys.executable, __file__, "--child", what, str(xlsx), str(target)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def time_export(target: Path, out: Path) -> float:
    db.open_database(str(target))
    try:
        started = time.perf_counter()
        export_roster(out)
        return time.perf_counter() - started
    finally:
        db.close_database()


def time_raw_export(target: Path, out: Path) -> float:
    started = time.perf_counter()
    con = sqlite3.connect(target)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(list(roster.WORKER_HEADERS))
    for row in con.execute(
            "SELECT w.name, w.gender, w.id_number, w.birth_date, w.phone, w.sector, w.employer, w.education,"
            " w.title, w.sw_level, w.specialties, w.political_status, w.kind, c.name, w.joined_on, w.status"
            " FROM worker w LEFT JOIN community c ON c.id = w.community_id ORDER BY w.id"):
        ws.append(row)
    wb.save(out)
    con.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="10000,100000", help="comma-separated sizes")
    parser.add_argument("--child", nargs=3, metavar=("WHAT", "XLSX", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        what, xlsx, target = args.child
        if what == "swdesk":
            print(json.dumps(time_import(Path(xlsx), Path(target))))
        else:
            print(json.dumps(time_raw_import(Path(xlsx), Path(target), rebuild_index=what == "raw-rebuild")))
        return
    sizes = [int(x) for x in args.rows.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for n in sizes:
            xlsx = tmp_path / f"roster{n}.xlsx"
            started = time.perf_counter()
            write_rows(xlsx, n)
            print(f"workbook of {n} rows written in {time.perf_counter() - started:.1f} s "
                  f"({xlsx.stat().st_size / 1e6:.1f} MB)")
            ours = child("swdesk", xlsx, tmp_path / f"a{n}.db")
            raw = child("raw", xlsx, tmp_path / f"b{n}.db")
            rebuilt = child("raw-rebuild", xlsx, tmp_path / f"c{n}.db")
            assert ours["count"] == raw["count"] == rebuilt["count"] == n
            print(f"import {n:>7} rows: swdesk {ours['seconds']:.2f} s wall, {ours['cpu']:.2f} s CPU "
                  f"({n / ours['seconds']:,.0f} rows/s, peak {ours['peak_mb']:.0f} MB)")
            for label, floor in (("raw floor (calamine + executemany, trigger per row)", raw),
                                 ("raw floor (calamine + executemany, index rebuilt once)", rebuilt)):
                print(f"    {label}: {floor['seconds']:.2f} s wall, {floor['cpu']:.2f} s CPU, peak "
                      f"{floor['peak_mb']:.0f} MB → ratio {ours['seconds'] / floor['seconds']:.2f} wall, "
                      f"{ours['cpu'] / floor['cpu']:.2f} CPU")
        n = sizes[-1]
        swdesk_export = time_export(tmp_path / f"a{n}.db", tmp_path / "export.xlsx")
        raw_export = time_raw_export(tmp_path / f"a{n}.db", tmp_path / "raw.xlsx")
        print(f"export {n:>7} rows: swdesk {swdesk_export:.1f} s, raw {raw_export:.1f} s, "
              f"ratio {swdesk_export / raw_export:.2f}")


if __name__ == "__main__":
    main()
