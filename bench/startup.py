"""How long the window takes to open on a 10,000-worker database, beside a bare PySide6 window
process started the same way (the floor), in the same run.

    .venv/bin/python bench/startup.py [--workers 10000] [--runs 5]

Each measurement is a fresh process (imports included) that shows the window, lets the roster
tab load its first page, prints the elapsed time and quits.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = r"""
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([]); w = QMainWindow(); w.setCentralWidget(QTableView()); w.show(); app.processEvents()
print(time.perf_counter() - t0)
"""

SWDESK = r"""
import time; t0 = time.perf_counter()
import sys; sys.path.insert(0, sys.argv[2])
from ui.app import make_application
from swdesk import db
app = make_application()
db.open_database(sys.argv[1])
from ui.main_window import MainWindow
w = MainWindow(); w.show(); app.processEvents()
view = w.tab("roster").findChild(__import__("PySide6.QtWidgets", fromlist=["QTableView"]).QTableView)
deadline = time.perf_counter() + 5
while view.model().rowCount() == 0 and time.perf_counter() < deadline:
    app.processEvents()
print(time.perf_counter() - t0)
"""


def _run(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                         check=True).stdout
    return float(out.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="an existing database to use instead of a new demo one")
    args = parser.parse_args()
    target = args.db
    if not target:
        target = str(Path(tempfile.gettempdir()) / f"swdesk_bench_startup_{args.workers}.db")
        if not Path(target).exists():
            print(f"generating {args.workers} demo workers into {target} …")
            subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", target, "demo",
                            "--workers", str(args.workers)], check=True)
    bare = [_run(BARE) for _ in range(args.runs)]
    ours = [_run(SWDESK, target, str(ROOT)) for _ in range(args.runs)]
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window:            median {b * 1000:.0f} ms  (best {min(bare) * 1000:.0f} ms)")
    print(f"swdesk window, first page shown: median {o * 1000:.0f} ms  (best {min(ours) * 1000:.0f} ms)")
    print(f"ratio swdesk / bare: {o / b:.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
