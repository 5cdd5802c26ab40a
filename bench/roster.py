"""Benchmark of the 人才队伍 tab on a 100,000-worker database.

    .venv/bin/python bench/roster.py [--db PATH] [--workers 100000] [--rounds 7]

Prints, each beside a raw sqlite3 query for the same rows run in the same process:
- opening the tab and showing the first page (RosterTab built, first page painted);
- per search keystroke, for a surname, pinyin initials and 4 ID digits: the time from the search
  starting (after the 150 ms typing pause) to the rows and counts arriving in the table model,
  through the real background thread; plus the service call alone.
The raw baseline is hand-written SQL on sqlite3 doing the same work: the count and the first page
of 200 rows (with the community name), using the same indexes.
Targets (issue 3): first page < 300 ms; keystroke < 50 ms and within 2x of raw.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PAGE = 200
COLUMNS = ("w.id, w.card_no, w.name, w.gender, w.birth_date, w.sector, w.education, w.title, "
           "w.specialties, w.kind, c.name, w.phone, w.status")
FROM = "FROM worker w LEFT JOIN community c ON c.id = w.community_id"
TOP = "\U0010ffff"


def ensure_data(path: Path, workers: int) -> None:
    from swdesk import db
    from swdesk.models import Worker

    db.open_database(str(path))
    have = Worker.select().count()
    if have >= workers:
        print(f"数据库 {path}：已有 {have} 名人员")
        return
    started = time.perf_counter()
    try:
        from swdesk.services import demo

        demo.fill(workers=workers - have, force=bool(have))
        how = "swdesk.services.demo.fill"
    except ImportError:
        from bench import roster_data

        roster_data.fill(workers - have)
        how = "bench/roster_data.fill"
    db.database().execute_sql("ANALYZE")
    print(f"生成 {workers - have} 名人员（{how}）用时 {time.perf_counter() - started:.1f} 秒")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def best_and_median(fn, rounds: int) -> tuple[float, float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


# --- raw sqlite3 baselines ----------------------------------------------------------------------

def raw_first_page(con: sqlite3.Connection, where: str, params: tuple) -> tuple[int, int]:
    rows = con.execute(f"SELECT {COLUMNS} {FROM} WHERE {where} ORDER BY w.id LIMIT {PAGE}", params).fetchall()
    count = len(rows)
    if count == PAGE:
        count = con.execute(f"SELECT COUNT(*) FROM worker w WHERE {where}", params).fetchone()[0]
    return len(rows), count


def raw_where(kind: str, text: str) -> tuple[str, tuple]:
    if kind == "surname":
        return "w.name >= ? AND w.name < ?", (text, text + TOP)
    if kind == "initials":
        return ("((w.name_pinyin >= ? AND w.name_pinyin < ?) OR (w.name_initials >= ? AND w.name_initials < ?))",
                (text, text + TOP, text, text + TOP))
    if kind == "id digits":
        return "w.id IN (SELECT rowid FROM worker_trigram WHERE worker_trigram MATCH ?)", (f'"{text}"',)
    if kind == "all":
        return "1", ()
    raise ValueError(kind)


# --- the real tab ----------------------------------------------------------------------------------

def warm_up(app) -> None:
    """Start-up costs that belong to the application, not to the tab: importing the modules and
    Qt loading the CJK font on the first paint of Chinese text."""
    from PySide6.QtWidgets import QLabel

    import ui.models.roster
    import ui.tabs.roster  # noqa: F401

    label = QLabel("人才队伍 服务证号 姓名 张三 0123456789")
    label.grab()
    label.deleteLater()
    app.processEvents()


def time_open_tab(app, rounds: int) -> list[float]:
    from ui.tabs.roster import RosterTab

    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        tab = RosterTab(None)
        tab.resize(1366, 700)
        tab.show()
        app.processEvents()          # the first page is painted
        times.append(time.perf_counter() - started)
        assert tab.model.rowCount() > 0
        tab.model.shutdown()
        tab.close()
        tab.deleteLater()
        app.processEvents()
    return times


def time_keystrokes(app, model, text: str, rounds: int) -> tuple[list[float], int]:
    """Each prefix of `text` as one keystroke: set_view → rows and counts in the model. The GUI
    thread waits in a Qt event loop, as in the window (a Python busy loop would hold the GIL
    and slow the search thread down)."""
    from PySide6.QtCore import QEventLoop

    from swdesk.services import roster

    loop = QEventLoop()
    arrived: list[float] = []

    def finished(_matched: int, _total: int) -> None:
        arrived.append(time.perf_counter())
        loop.quit()

    model.loaded.connect(finished)
    per_key: list[float] = []
    matched = 0
    for n in range(1, len(text) + 1):
        best = None
        for _ in range(rounds):
            model.set_view(roster.View())            # start each measurement from the full list
            loop.exec()
            arrived.clear()
            started = time.perf_counter()
            model.set_view(roster.View(text=text[:n]))
            loop.exec()
            elapsed = arrived[0] - started
            best = elapsed if best is None else min(best, elapsed)
        per_key.append(best)
        matched = model.matched
    model.loaded.disconnect(finished)
    return per_key, matched


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="/tmp/swdesk_bench_roster.db")
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    path = Path(args.db)

    ensure_data(path, args.workers)
    from ui.app import make_application

    app = make_application([])
    from swdesk import db
    from swdesk.models import Worker
    from swdesk.services import roster
    from ui.models.roster import RosterModel

    con = sqlite3.connect(str(path))
    total = Worker.select().count()
    sample = Worker.select().where(Worker.id_number.is_null(False)).order_by(Worker.id).offset(total // 3).first()
    surname = sample.name[0]
    initials = sample.name_initials[:3] if len(sample.name_initials) >= 3 else sample.name_initials
    digits = sample.id_number[-5:-1]
    print(f"\n人员 {total} 名；SQLite {sqlite3.sqlite_version}；三种搜索：姓“{surname}”，拼音首字母“{initials}”，"
          f"身份证号4位“{digits}”\n")

    # 1. Open the tab and show the first page.
    raw_best, raw_median = best_and_median(lambda: raw_first_page(con, *raw_where("all", "")), args.rounds)
    warm_up(app)
    tab_times = time_open_tab(app, args.rounds)
    first, best, median = tab_times[0], min(tab_times), statistics.median(tab_times)
    print("打开“人才队伍”并显示第一页")
    print(f"  RosterTab 首次 {ms(first)}   最快 {ms(best)}   中位 {ms(median)}   (目标 < 300 ms)")
    print(f"  原始 sqlite3 第一页+计数 最快 {ms(raw_best)}   中位 {ms(raw_median)}")
    print("  （打开页面包含建表格、9 个筛选框、读取筛选选项、总数和第一页并绘制，原始查询只有后两者）\n")

    # 2. Keystrokes.
    model = RosterModel()
    print(f"{'搜索':<22}{'本程序(线程内)':>14}{'服务层':>12}{'原始sqlite3':>14}{'比值':>8}{'差值':>10}  匹配")
    failures = []
    for kind, text in (("surname", surname), ("initials", initials), ("id digits", digits)):
        label = {"surname": "姓", "initials": "拼音首字母", "id digits": "身份证号4位"}[kind]
        per_key, matched = time_keystrokes(app, model, text, args.rounds)
        view = roster.View(text=text)
        service_best, _ = best_and_median(lambda v=view: roster.first_page(v, PAGE, total), args.rounds)
        where, params = raw_where(kind, text)
        raw_best, _ = best_and_median(lambda w=where, p=params: raw_first_page(con, w, p), args.rounds)
        rows, raw_count = raw_first_page(con, where, params)
        assert raw_count == matched, (kind, raw_count, matched)
        ours = per_key[-1]
        ratio = ours / raw_best if raw_best else float("inf")
        print(f"{label + '“' + text + '”':<20}{ms(ours):>14}{ms(service_best):>12}{ms(raw_best):>14}{ratio:>7.1f}x"
              f"{ms(ours - raw_best):>10}  {matched}")
        if len(text) > 1:
            steps = "、".join(f"“{text[:i + 1]}” {t * 1000:.1f}" for i, t in enumerate(per_key))
            print(f"{'':<4}逐键（ms）：{steps}")
        if ours >= 0.050:
            failures.append(f"{label} {ours * 1000:.1f} ms ≥ 50 ms")
        if ratio > 2.0:
            failures.append(f"{label} 比值 {ratio:.1f}x > 2x（多出 {(ours - raw_best) * 1000:.1f} ms）")
    # For reference: what the ID search would cost without the trigram index.
    scan = ("(instr(w.id_number, ?) > 0 OR instr(w.phone, ?) > 0 OR instr(w.card_no, ?) > 0)", (digits,) * 3)
    scan_best, _ = best_and_median(lambda: raw_first_page(con, *scan), 3)
    print(f"\n参考：不用 trigram 索引逐行扫描身份证号/手机/服务证号 4 位数字，原始 sqlite3 {ms(scan_best)}")
    model.shutdown()
    model.deleteLater()
    app.processEvents()
    del model
    if first >= 0.300:
        failures.append(f"首次打开 {first * 1000:.0f} ms ≥ 300 ms")
    print("\n结论：" + ("全部达标" if not failures else "未达标：" + "；".join(failures)))
    if failures:
        print("说明：本程序每次按键固定多出约 0.5–1 ms（peewee 生成 SQL 约 0.3 ms/条，交给搜索线程再回到界面线程"
              "约 0.3 ms），原始查询本身不到 1 ms 时比值因此超过 2 倍；查询本身较重时（如姓氏）本程序更快。")
    con.close()
    db.close_database()
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
