"""Benchmark of the 人才队伍 tab on a 100,000-worker database.

    .venv/bin/python bench/roster.py [--db PATH] [--workers 100000] [--rounds 15]

Prints, each beside a raw sqlite3 query for the same rows run in the same process:
- opening the tab and showing the first page (RosterTab built, first page painted);
- per search keystroke, for a surname, pinyin initials and 4 ID digits: the time from the search
  starting (after the 150 ms typing pause) to the rows and counts arriving in the table model,
  by the model's real path (answered on the GUI thread when SQLite answers within the model's
  2 ms limit, otherwise on its search thread); beside it the same with every search on the search
  thread, and the service call alone.
The raw baseline is hand-written SQL on sqlite3 doing the same work: the first page of 200 rows
(the same 13 columns with the community name, the same WHERE and ORDER BY, so the same indexes)
and, when the page is full, the count. Every keystroke figure, ours and raw, is the best of
--rounds runs, each started from the full list (as the clerk's next search is).
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
    return f"{seconds * 1000:7.2f} ms"


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


class Keystrokes:
    """Times search keystrokes on a RosterModel: set_view → rows and counts in the model, by the
    model's own path (answered on the GUI thread if SQLite answers within the model's 2 ms limit,
    else on its search thread). The GUI thread waits in a Qt event loop, as in the window (a
    Python busy loop would hold the GIL and slow the search thread down)."""

    def __init__(self, model) -> None:
        from PySide6.QtCore import QEventLoop

        self.model = model
        self.loop = QEventLoop()
        self.arrived: list[float] = []
        model.loaded.connect(self._finished)

    def _finished(self, _matched: int, _total: int) -> None:
        self.arrived.append(time.perf_counter())
        self.loop.quit()

    def show(self, view) -> float:
        self.arrived.clear()
        started = time.perf_counter()
        self.model.set_view(view)
        if not self.arrived:                 # not answered at once on the GUI thread
            self.loop.exec()
        return self.arrived[0] - started

    def close(self) -> None:
        self.model.loaded.disconnect(self._finished)


def time_search(ours: Keystrokes, threaded: Keystrokes, con: sqlite3.Connection, kind: str, text: str,
                rounds: int, total: int) -> dict[str, list[float]]:
    """Times of the whole search text, four ways, interleaved round by round (so that a burst of
    load on the machine hits all four alike); each run starts from the full list, as the clerk's
    next search does, its first page read just before (untimed)."""
    from swdesk.services import search

    view, everyone = search.View(text=text), search.View()
    where, params = raw_where(kind, text)
    times: dict[str, list[float]] = {"ours": [], "threaded": [], "service": [], "raw": []}
    for _ in range(rounds):
        ours.show(everyone)
        times["ours"].append(ours.show(view))
        threaded.show(everyone)
        times["threaded"].append(threaded.show(view))
        search.first_page(everyone, PAGE, total)
        started = time.perf_counter()
        search.first_page(view, PAGE, total)
        times["service"].append(time.perf_counter() - started)
        raw_first_page(con, *raw_where("all", ""))
        started = time.perf_counter()
        raw_first_page(con, where, params)
        times["raw"].append(time.perf_counter() - started)
    return times


def time_prefixes(keys: Keystrokes, text: str, rounds: int) -> list[float]:
    """Best time of each prefix of `text` typed as one search (after the full list)."""
    from swdesk.services import search

    per_key = []
    for n in range(1, len(text) + 1):
        best = None
        for _ in range(rounds):
            keys.show(search.View())
            elapsed = keys.show(search.View(text=text[:n]))
            best = elapsed if best is None else min(best, elapsed)
        per_key.append(best)
    return per_key


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="/tmp/swdesk_bench_roster.db")
    parser.add_argument("--workers", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    path = Path(args.db)

    ensure_data(path, args.workers)
    from ui.app import make_application

    app = make_application([])
    from swdesk import db
    from swdesk.models import Worker
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
    threaded = RosterModel()
    threaded.quick_limit = 0                # for reference: every search on the search thread
    keys, threaded_keys = Keystrokes(model), Keystrokes(threaded)
    print(f"每项取 {args.rounds} 轮最快（中位），四种测法逐轮交替进行；比值 = 本程序最快 / 原始最快")
    print(f"{'搜索':<18}{'本程序':>18}{'(全在搜索线程)':>20}{'服务层':>18}{'原始sqlite3':>20}{'比值':>7}  匹配")
    failures = []
    for kind, text in (("surname", surname), ("initials", initials), ("id digits", digits)):
        label = {"surname": "姓", "initials": "拼音首字母", "id digits": "身份证号4位"}[kind]
        times = time_search(keys, threaded_keys, con, kind, text, args.rounds, total)
        matched = model.matched
        rows, raw_count = raw_first_page(con, *raw_where(kind, text))
        assert raw_count == matched, (kind, raw_count, matched)
        best = {name: min(values) for name, values in times.items()}
        median = {name: statistics.median(values) for name, values in times.items()}
        ours, raw_best = best["ours"], best["raw"]
        ratio = ours / raw_best if raw_best else float("inf")

        def cell(name: str, best=best, median=median) -> str:
            return f"{best[name] * 1000:.2f} ({median[name] * 1000:.2f}) ms"

        print(f"{label + '“' + text + '”':<16}{cell('ours'):>20}{cell('threaded'):>20}{cell('service'):>20}"
              f"{cell('raw'):>20}{ratio:>6.1f}x  {matched}")
        if len(text) > 1:
            per_key = time_prefixes(keys, text, args.rounds)
            steps = "、".join(f"“{text[:i + 1]}” {t * 1000:.2f}" for i, t in enumerate(per_key))
            print(f"{'':<4}逐键（本程序，ms）：{steps}")
        if ours >= 0.050:
            failures.append(f"{label} {ours * 1000:.1f} ms ≥ 50 ms")
        if ratio > 2.0:
            failures.append(f"{label} 比值 {ratio:.1f}x > 2x（多出 {(ours - raw_best) * 1000:.2f} ms）")
    keys.close()
    threaded_keys.close()
    # For reference: what the ID search would cost without the trigram index.
    scan = ("(instr(w.id_number, ?) > 0 OR instr(w.phone, ?) > 0 OR instr(w.card_no, ?) > 0)", (digits,) * 3)
    scan_best, _ = best_and_median(lambda: raw_first_page(con, *scan), 3)
    print(f"\n参考：不用 trigram 索引逐行扫描身份证号/手机/服务证号 4 位数字，原始 sqlite3 {ms(scan_best)}")
    for each in (model, threaded):
        each.shutdown()
        each.deleteLater()
    app.processEvents()
    del model, threaded
    if first >= 0.300:
        failures.append(f"首次打开 {first * 1000:.0f} ms ≥ 300 ms")
    print("\n结论：" + ("全部达标" if not failures else "未达标：" + "；".join(failures)))
    if failures:
        print("说明：原始查询不到 0.2 ms 时，本程序固定的开销（约 0.05 ms：分词、取缓存的 SQL、建表格模型）"
              "已接近查询本身；机器负载高时请多跑几次（--rounds 15）。")
    con.close()
    db.close_database()
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
