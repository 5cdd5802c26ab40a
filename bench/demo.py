"""Benchmark of the demo data: `python bench/demo.py [--workers 2672,100000]`.

For each size: time `swdesk.services.demo.fill(workers=N)` into a fresh temporary SQLite file
(everything: workers, specialties, programmes, hours, in one transaction), then, as the raw
baseline in the same run, read back the same worker rows and insert them with plain sqlite3
`executemany` into another fresh swdesk database (same schema, indexes and triggers), in one
transaction. Prints both times and their ratio. The goal: 100,000 workers in under 60 s.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from swdesk import db
from swdesk.models import Worker, WorkerSpecialty
from swdesk.services import demo


def fresh_database(path: Path) -> None:
    """Create an empty migrated swdesk database at `path` (then closed)."""
    db.open_database(str(path))
    db.close_database()


def time_fill(path: Path, workers: int) -> tuple[float, float, demo.DemoResult]:
    """(wall seconds, CPU seconds of this process, result)."""
    db.open_database(str(path))
    try:
        started, cpu = time.perf_counter(), time.process_time()
        result = demo.fill(workers=workers, today=dt.date.today())
        return time.perf_counter() - started, time.process_time() - cpu, result
    finally:
        db.close_database()


def worker_rows(path: Path) -> tuple[list[str], list[tuple]]:
    """The worker rows as written by fill (every column but the id)."""
    con = sqlite3.connect(path)
    try:
        columns = [f.column_name for f in Worker._meta.sorted_fields if f.column_name != "id"]
        rows = con.execute(f"SELECT {', '.join(columns)} FROM worker ORDER BY id").fetchall()
        return columns, rows
    finally:
        con.close()


def time_raw(path: Path, columns: list[str], rows: list[tuple], pause_trigram: bool) -> tuple[float, float]:
    """Plain sqlite3: one transaction, executemany. With pause_trigram, the trigram search index's
    insert trigger is dropped during the insert and the index rebuilt after it (what
    db.trigram_bulk_load does for fill); otherwise the trigger indexes row by row."""
    fresh_database(path)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma, value in db.SQLITE_PRAGMAS.items():
            con.execute(f"PRAGMA {pragma} = {value}")
        office_ids = {row[0] for row in rows}
        con.execute("BEGIN")
        for office_id in office_ids:   # the foreign key's targets
            con.execute("INSERT INTO office (id, district, street, street_code, centre_name, hotlines, card_issuer, "
                        "charter_text, person_in_charge, contact_phone, address) "
                        "VALUES (?, '', '', '', '', '[]', '', '', '', '', '')", (office_id,))
        community_col = columns.index("community_id")
        for community_id in {row[community_col] for row in rows}:
            con.execute("INSERT INTO community (id, office_id, name, code) VALUES (?, ?, ?, '')",
                        (community_id, min(office_ids), f"c{community_id}"))
        started, cpu = time.perf_counter(), time.process_time()
        trigger = con.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                              (f"{db.trigram_table('worker')}_ai",)).fetchone()
        if pause_trigram and trigger:
            con.execute(f"DROP TRIGGER {db.trigram_table('worker')}_ai")
        con.executemany(f"INSERT INTO worker ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                        rows)
        if pause_trigram and trigger:
            con.execute(trigger[0])
            name = db.trigram_table("worker")
            con.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
        con.execute("COMMIT")
        return time.perf_counter() - started, time.process_time() - cpu
    finally:
        con.close()


def run(workers: int, folder: Path) -> None:
    filled = folder / f"demo_{workers}.db"
    raw = folder / f"raw_{workers}.db"
    fresh_database(filled)
    seconds, cpu, result = time_fill(filled, workers)
    columns, rows = worker_rows(filled)
    raw_seconds, raw_cpu = time_raw(raw, columns, rows, pause_trigram=True)
    raw.unlink()
    trigger_seconds, trigger_cpu = time_raw(raw, columns, rows, pause_trigram=False)
    db.open_database(str(filled))
    specialties = WorkerSpecialty.select().count()
    db.close_database()
    size_mb = filled.stat().st_size / 1e6
    print(f"workers={workers:>7}: demo.fill {seconds:6.2f} s wall, {cpu:6.2f} s CPU  ({workers / seconds:,.0f} "
          f"workers/s, {specialties} specialty rows, file {size_mb:.0f} MB)")
    print(f"                 raw sqlite3 executemany of the same {len(rows)} worker rows {raw_seconds:6.2f} s wall, "
          f"{raw_cpu:6.2f} s CPU  → ratio {seconds / raw_seconds:.1f}× wall, {cpu / raw_cpu:.1f}× CPU "
          "(search index rebuilt once, as fill does)")
    print(f"                 raw executemany, search index kept row by row by its trigger {trigger_seconds:6.2f} s "
          f"wall, {trigger_cpu:6.2f} s CPU  → ratio {seconds / trigger_seconds:.1f}× wall")
    print(f"                 {result.summary()}")
    if workers >= 100_000:
        print(f"                 goal < 60 s: {'met' if seconds < 60 else 'NOT MET'} (wall); CPU {cpu:.1f} s "
              "(wall exceeds CPU when other processes share the cores)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="2672,100000", help="comma-separated sizes")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()})")
    with tempfile.TemporaryDirectory(prefix="swdesk-bench-demo-") as tmp:
        for size in (int(x) for x in args.workers.split(",")):
            run(size, Path(tmp))
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
