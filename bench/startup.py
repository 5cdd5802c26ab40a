"""How long the window takes to open on a 10,000-worker database, beside a bare PySide6 window
process started the same way (the floor), in the same run.

    .venv/bin/python bench/startup.py [--workers 10000] [--runs 5]

Each measurement is a fresh process (imports included) that shows the window, lets the roster
tab load its first page, prints the elapsed wall and CPU time and quits. The processes run with
compiled bytecode (cached in a temporary folder, one warm-up run each), as an installed program
does: with PYTHONDONTWRITEBYTECODE set, every run compiled swdesk's and ui's sources again
(~80 ms CPU of ~380), which no clerk pays.
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
print(time.perf_counter() - t0, time.process_time())
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
print(time.perf_counter() - t0, time.process_time())
"""


def _run(code: str, pycache: str, *args: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one fresh process."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONPYCACHEPREFIX=pycache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                         check=True).stdout
    wall, cpu = out.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


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
    with tempfile.TemporaryDirectory() as pycache:
        _run(BARE, pycache), _run(SWDESK, pycache, target, str(ROOT))  # warm-up: bytecode written
        bare, ours = [], []
        for _ in range(args.runs):  # alternated, so that a burst of load hits both
            bare.append(_run(BARE, pycache))
            ours.append(_run(SWDESK, pycache, target, str(ROOT)))
    b, o = statistics.median(w for w, _ in bare), statistics.median(w for w, _ in ours)
    bc, oc = statistics.median(c for _, c in bare), statistics.median(c for _, c in ours)
    print(f"bare PySide6 window:            median {b * 1000:.0f} ms, CPU {bc * 1000:.0f} ms  "
          f"(best {min(w for w, _ in bare) * 1000:.0f} ms)")
    print(f"swdesk window, first page shown: median {o * 1000:.0f} ms, CPU {oc * 1000:.0f} ms  "
          f"(best {min(w for w, _ in ours) * 1000:.0f} ms)")
    print(f"ratio swdesk / bare: {o / b:.1f}×  (CPU {oc / bc:.1f}×; target <= 1.5×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
