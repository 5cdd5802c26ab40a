"""Benchmark: memory of printing every card of a big database (issue 22: print-all of 100,000
cards peaked at 1.14 GB and the window kept 1.02 GB afterwards; idle is 135 MB).

Each measurement runs in a fresh process (psutil samples its RSS 50 times a second):
- core:     swdesk.jobs.print_cards.print_cards(out, None) — the command line's path;
- baseline: the same job with the page-by-page writing switched off (StreamingDocument.flush made
            a no-op, so reportlab holds the whole document until the end, as before);
- window:   the window's path (ui.dialogs.printing.start_batch → the job in the background → the
            saved PDF in the preview, paged to its last page → closed), offscreen.
Prints idle, peak and after-job RSS, and the ratio of the peaks over idle (baseline vs ours).
Targets: peak < 400 MB for 100,000 cards; the window back within 100 MB of idle.

    .venv/bin/python bench/printing_memory.py [--cards 100000] [--photos 0] [--keep DIR] [--modes core,window]
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

MB = 1024 * 1024


class Sampler:
    """The process's RSS now and its peak since start (sampled every 20 ms on a thread)."""

    def __init__(self) -> None:
        import psutil

        self.process = psutil.Process()
        self.peak = self.rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def rss(self) -> int:
        return self.process.memory_info().rss

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.rss())

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.rss())


def child_core(db_path: str, out: str, streaming: bool) -> dict:
    from swdesk import db
    from swdesk.jobs.print_cards import print_cards
    from swdesk.pdf import fonts, stream

    if not streaming:
        stream.StreamingDocument.flush = lambda self: None  # everything waits for the end, as before
    db.open_database(db_path)
    fonts.office_chain()  # loaded at start, as in the window
    gc.collect()
    sampler = Sampler()
    idle = sampler.rss()
    t = time.perf_counter()
    result = print_cards(out, None)
    seconds = time.perf_counter() - t
    del result
    gc.collect()
    after = sampler.rss()
    sampler.stop()
    return {"idle": idle, "peak": sampler.peak, "after": after, "seconds": seconds,
            "size": os.path.getsize(out)}


def child_window(db_path: str, out: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent, QPointF
    from PySide6.QtWidgets import QApplication

    from swdesk import db
    from swdesk.pdf import fonts
    from ui.dialogs import printing
    from ui.jobs import wait_for_all

    app = QApplication.instance() or QApplication([])
    db.open_database(db_path)
    fonts.office_chain()
    for _ in range(5):
        app.processEvents()
    gc.collect()
    sampler = Sampler()
    idle = sampler.rss()
    t = time.perf_counter()
    dialog = printing.PrintDialog(None, "cards", [], [])
    previews: list = []
    printing.start_batch(None, dialog, on_preview=previews.append, out=out, include_doubtful=False)
    while not previews:
        app.processEvents()
        time.sleep(0.01)
    seconds = time.perf_counter() - t
    preview = previews[0]
    preview.show()
    navigator = preview.view.pageNavigator()
    for page in (0, preview.page_count() // 2, preview.page_count() - 1):  # page through the file
        navigator.jump(page, QPointF(), navigator.currentZoom())
        for _ in range(20):
            app.processEvents()
    shown = sampler.rss()
    preview.reject()
    dialog.deleteLater()
    wait_for_all()
    for _ in range(50):
        app.processEvents()
    # what returning to the event loop does: the closed preview (WA_DeleteOnClose) is deleted
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    time.sleep(0.5)
    after = sampler.rss()
    sampler.stop()
    return {"idle": idle, "peak": sampler.peak, "after": after, "preview": shown, "seconds": seconds,
            "size": os.path.getsize(out)}


def prepare(work: Path, cards: int, photos: int) -> Path:
    from printing import fill_database  # bench/printing.py

    from swdesk import db

    db_path = work / f"memory-{cards}-{photos}.db"
    if not db_path.exists():
        t = time.perf_counter()
        db.open_database(str(db_path))
        fill_database(cards, photos)
        db.close_database()
        print(f"database with {cards} workers ({photos} with photos): {time.perf_counter() - t:.0f} s")
    return db_path


def run(mode: str, db_path: Path, out: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, str(db_path), str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode:
        raise SystemExit(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--photos", type=int, default=0, help="how many workers have a (distinct) photo")
    parser.add_argument("--keep", help="keep the database and PDFs in this folder (reused next time)")
    parser.add_argument("--modes", default="core,baseline,window")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, db_path, out = args.child
        data = child_window(db_path, out) if mode == "window" else child_core(db_path, out, mode == "core")
        print(json.dumps(data))
        return 0
    work = Path(args.keep or tempfile.mkdtemp(prefix="swdesk-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db_path = prepare(work, args.cards, args.photos)
    results = {}
    for mode in args.modes.split(","):
        r = results[mode] = run(mode, db_path, work / f"{mode}.pdf")
        extra = f", with the preview paged through {r['preview'] / MB:.0f} MB" if "preview" in r else ""
        print(f"{mode:8s}: idle {r['idle'] / MB:.0f} MB, peak {r['peak'] / MB:.0f} MB "
              f"(+{(r['peak'] - r['idle']) / MB:.0f}), after the job {r['after'] / MB:.0f} MB "
              f"(+{(r['after'] - r['idle']) / MB:.0f}){extra}; {r['seconds']:.0f} s, PDF {r['size'] / MB:.0f} MB")
    if "core" in results and "baseline" in results:
        core, base = results["core"], results["baseline"]
        print(f"ratio of peak growth, page-by-page / whole document: "
              f"{(core['peak'] - core['idle']) / max(1, base['peak'] - base['idle']):.2f}")
    print(f"files in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
