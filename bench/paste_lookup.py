"""Benchmark of the training tab's 粘贴名单 lookup on a 100,000-worker database.

    .venv/bin/python bench/paste_lookup.py [--db PATH] [--workers 100000] [--names 300] [--rounds 20]

Pastes --names entries (names of the roster, a tenth card numbers, a few unknown) and times
swdesk.services.training.workers_for_entries (the bounded set lookup: `name IN (…) OR card_no
IN (…)` in chunks of PASTE_CHUNK) and attendance_from_pasted_text (split, look up, decide) against
a raw sqlite3 query of the same rows (one `IN` per column over a temporary table of the entries).
Wall and CPU time (time.process_time: the machine is shared), best of --rounds.
Target (issue 15): under 100 ms for a few hundred names on 100,000 workers.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ensure_data(path: Path, count: int) -> None:
    from bench import roster_data
    from swdesk import db
    from swdesk.models import Worker

    db.open_database(str(path))
    have = Worker.select().count()
    if have < count:
        started = time.perf_counter()
        roster_data.fill(count - have)
        print(f"生成 {count - have} 名人员用时 {time.perf_counter() - started:.1f} 秒")


def best(fn, rounds: int) -> tuple[float, float]:
    """(best wall, best CPU) seconds of `rounds` runs."""
    walls, cpus = [], []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def raw_lookup(con: sqlite3.Connection, entries: list[str], office_id: int) -> int:
    con.execute("CREATE TEMP TABLE IF NOT EXISTS pasted(entry TEXT PRIMARY KEY)")
    con.execute("DELETE FROM pasted")
    con.executemany("INSERT OR IGNORE INTO pasted VALUES (?)", [(e,) for e in entries])
    rows = con.execute(
        "SELECT w.id, w.name, w.card_no, w.status, w.id_number, w.birth_date, c.name FROM worker w "
        "LEFT JOIN community c ON c.id = w.community_id WHERE w.office_id = ? AND "
        "(w.name IN (SELECT entry FROM pasted) OR w.card_no IN (SELECT entry FROM pasted))",
        (office_id,)).fetchall()
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "swdesk_bench_paste.sqlite"))
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--names", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    ensure_data(Path(args.db), args.workers)

    from swdesk import db
    from swdesk.models import Worker
    from swdesk.services import training
    from swdesk.services.base import default_office

    office = default_office()
    rng = random.Random(3)
    people = list(Worker.select(Worker.name, Worker.card_no).tuples())
    picked = rng.sample(people, args.names)
    entries = [card if i % 10 == 0 else name for i, (name, card) in enumerate(picked)]
    entries[-5:] = [f"无此人{i}" for i in range(5)]
    course = training.create_course(dict(title="基准测试课程", start_date=dt.date.today(), hours=1))
    text = "\n".join(entries)

    lookup = best(lambda: training.workers_for_entries(entries, office.id), args.rounds)
    whole = best(lambda: training.attendance_from_pasted_text(course.id, text), args.rounds)
    con = sqlite3.connect(args.db)
    raw = best(lambda: raw_lookup(con, entries, office.id), args.rounds)
    _by_card, by_name = training.workers_for_entries(entries, office.id)
    found = sum(len(v) for v in by_name.values())
    print(f"{len(people)} 名人员，粘贴 {len(entries)} 条（读回 {found} 名人员：同名者都读回）")
    print(f"workers_for_entries         {lookup[0] * 1000:7.1f} ms 墙钟  {lookup[1] * 1000:7.1f} ms CPU")
    print(f"attendance_from_pasted_text {whole[0] * 1000:7.1f} ms 墙钟  {whole[1] * 1000:7.1f} ms CPU")
    print(f"raw sqlite3 (temp table)    {raw[0] * 1000:7.1f} ms 墙钟  {raw[1] * 1000:7.1f} ms CPU")
    print(f"ratio lookup / raw (CPU)    {lookup[1] / raw[1]:.2f}×")
    training.delete_course(course.id)
    db.close_database()


if __name__ == "__main__":
    main()
