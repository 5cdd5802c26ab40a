"""How long the window takes to open on a 10,000-worker database, beside a bare PySide6 window
process started the same way (the floor), in the same run; beside it too the fastest plain way of
doing the same work (a plain window showing the same first page from sqlite3; a plain dialog with
the login dialog's fields), which a bare empty window does not do.

    .venv/bin/python bench/startup.py [--workers 10000] [--runs 5]

Each measurement is a fresh process (imports included) that shows the window, lets the roster
tab load its first page, prints the elapsed wall and CPU time and quits: the window alone (built
in main.py's import order), the program's whole start through main.py (arguments, logging,
translator, instance lock, the start check of the file) in single-user mode, and the program's
start until its first dialog is painted: the login dialog (a database with an account), the login
that unlocks an encrypted file, the first-run wizard (a new database). One more: from 登录 to the
window's first page after the clerk typed for a second. Each process closes the database as the
program does (a left open marker made the next run quick-check the file as after a crash). The
processes run with compiled bytecode (cached in a temporary folder, one warm-up run each), as an
installed program does: with PYTHONDONTWRITEBYTECODE set, every run compiled swdesk's and ui's
sources again (~80 ms CPU of ~380), which no clerk pays.
"""
from __future__ import annotations

import argparse
import os
import shutil
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

# The fastest plain way of doing the window's work: a bare window that reads the first 200
# workers with sqlite3 and shows them, with Chinese headers, through the simplest table model.
# Its model's headerData alone makes PySide6 build the Qt namespace's ~90 enums (~15 ms), and
# the first page's Chinese text costs its paint, which the bare window (an empty table) has not.
SAME_WORK = r"""
import time; t0 = time.perf_counter()
import sqlite3, sys
from PySide6.QtCore import QAbstractTableModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
HEADERS = ("服务证号", "姓名", "性别", "出生日期", "所属领域", "学历", "职称", "专业特长", "人员类别",
           "手机号码", "状态")
con = sqlite3.connect(sys.argv[1])
rows = con.execute("SELECT card_no, name, gender, birth_date, sector, education, title, specialties, kind, "
                   "phone, status FROM worker ORDER BY name_pinyin LIMIT 200").fetchall()
class Rows(QAbstractTableModel):
    def rowCount(self, parent=None): return len(rows)
    def columnCount(self, parent=None): return len(HEADERS)
    def data(self, index, role=0):
        return None if role != 0 else str(rows[index.row()][index.column()] or "")
    def headerData(self, section, orientation, role=0):
        return HEADERS[section] if role == 0 and orientation.value == 1 else None
app = QApplication([]); w = QMainWindow(); view = QTableView(); model = Rows(); view.setModel(model)
w.setCentralWidget(view); w.resize(1200, 700); w.show(); app.processEvents()
print(time.perf_counter() - t0, time.process_time())
"""

# The same for the login dialog: a bare process that paints a dialog with the same fields and
# Chinese labels (its text's paint loads the font database, ~4 ms, as the program's does).
SAME_DIALOG = r"""
import time; t0 = time.perf_counter()
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)
app = QApplication([])
dialog = QDialog(); dialog.setWindowTitle("登录 — 社工服务台")
layout = QVBoxLayout(dialog); layout.addWidget(QLabel("请输入用户名和密码"))
form = QFormLayout(); login = QLineEdit(); password = QLineEdit()
password.setEchoMode(QLineEdit.EchoMode.Password)
form.addRow("用户名", login); form.addRow("密码", password); layout.addLayout(form)
ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
buttons = QDialogButtonBox(ok | cancel)
buttons.button(ok).setText("登录"); buttons.button(cancel).setText("退出")
layout.addWidget(buttons); dialog.show(); app.processEvents()
print(time.perf_counter() - t0, time.process_time())
"""

SWDESK = r"""
import time; t0 = time.perf_counter()
import sys; sys.path.insert(0, sys.argv[2])
import swdesk.services.search, ui.opening  # the core before PySide6, in main.py's order
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
from ui import jobs  # closed as the program closes it: a left open marker makes the next run
jobs.release_database(w, 10000)  # quick-check the file (~30 ms CPU of ~300 on 10,000 workers)
db.close_database()
"""

# Patches the program's Qt classes once ui/app.py has imported PySide6, not before: imported
# first, PySide6's import hook would read the source of every module the program imports after
# it (shibokensupport.feature), ~10-20 ms the program itself never pays (main.py orders its imports).
AFTER_UI_APP = r"""
import importlib.util
class _AfterUiApp:
    def __init__(self, patch):
        self.patch = patch
    def find_spec(self, name, path=None, target=None):
        if name != "ui.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            self.patch()
        spec.loader.exec_module = exec_module
        return spec
"""

# The program's own start (main.py: arguments, logging, translator, instance lock, database,
# then the login dialog or the first-run wizard), timed until that dialog is painted; the dialog
# is then cancelled, so the program quits as a clerk's 取消 makes it quit.
DIALOG = r"""
import time; t0 = time.perf_counter()
import sys; sys.path.insert(0, sys.argv[2])
""" + AFTER_UI_APP + r"""
def patch():
    from PySide6.QtWidgets import QApplication, QDialog
    def painted(self):
        self.show(); QApplication.processEvents()
        print(time.perf_counter() - t0, time.process_time(), flush=True)
        return 0
    QDialog.exec = painted
sys.meta_path.insert(0, _AfterUiApp(patch))
from main import main
main(["--db", sys.argv[1]])
"""

# The program's event loop replaced: wait until the roster's first page is shown, print the wall
# and CPU time since `since`, and end at once, so the program quits as after 退出.
FIRST_PAGE = r"""
def first_page(since):
    from PySide6.QtWidgets import QApplication, QTableView
    def shown(self):
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "MainWindow")
        view = window.tab("roster").findChild(QTableView)
        while view.model().rowCount() == 0:
            QApplication.processEvents()
        print(time.perf_counter() - since["wall"], time.process_time() - since["cpu"], flush=True)
        return 0
    return shown
"""

# The program's own start in single-user mode (no account: no login) until the roster's first
# page is shown.
PROGRAM = r"""
import time; t0 = time.perf_counter()
import sys; sys.path.insert(0, sys.argv[2])
""" + AFTER_UI_APP + FIRST_PAGE + r"""
def patch():
    from PySide6.QtWidgets import QApplication
    QApplication.exec = first_page({"wall": t0, "cpu": 0.0})
sys.meta_path.insert(0, _AfterUiApp(patch))
from main import main
main(["--db", sys.argv[1]])
"""

# From 登录 to the window's first roster page, after the clerk typed for a second at the painted
# login dialog (the file opened and the window's modules loaded behind it meanwhile). It includes
# the password's scrypt (~60 ms by design, swdesk/services/operators.py).
AFTER_LOGIN = r"""
import time
import sys; sys.path.insert(0, sys.argv[2])
""" + AFTER_UI_APP + FIRST_PAGE + r"""
mark = {}
def patch():
    from PySide6.QtWidgets import QApplication
    from ui.dialogs.login_dialog import LoginDialog
    def typed(self):
        self.show()
        end = time.perf_counter() + 1.0
        while time.perf_counter() < end:
            QApplication.processEvents()
            time.sleep(0.005)
        self.login_edit.setText("admin")
        self.password_edit.setText("geheim123")
        mark["wall"], mark["cpu"] = time.perf_counter(), time.process_time()
        self.try_login()
        return int(self.result())
    LoginDialog.exec = typed
    QApplication.exec = first_page(mark)
sys.meta_path.insert(0, _AfterUiApp(patch))
from main import main
main(["--db", sys.argv[1]])
"""

SINGLE_USER = r"""
import sys; sys.path.insert(0, sys.argv[2])
from swdesk import db
from swdesk.services import base, scope, settings
db.open_database(sys.argv[1])
base.set_session(scope.single_user_session())
settings.put("single_user_mode", True)   # as 跳过 in the first-run wizard leaves it
db.close_database()
"""

# One account, so that the program asks for a login (the demo database has none).
ADD_ACCOUNT = r"""
import sys; sys.path.insert(0, sys.argv[2])
from swdesk import db
from swdesk.services import base, operators, scope
db.open_database(sys.argv[1])
base.set_session(scope.single_user_session())
if not operators.has_operators():
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
db.close_database()
"""


# The same file encrypted, as the first-run wizard now makes a new one (issue 20): the operator's
# password opens it (one password), so the start paints UnlockLoginDialog.
ENCRYPT = r"""
import sys; sys.path.insert(0, sys.argv[2])
from swdesk import db, encryption
from swdesk.jobs import encrypt
from swdesk.services import operators
db.open_database(sys.argv[1])
operators.log_in("admin", "geheim123")   # as the encrypt command does: a 管理员 converts
db.close_database()
encrypt.run(sys.argv[1], "office-pass1")
db.open_database(sys.argv[1])
operators.log_in("admin", "geheim123")   # adds the operator's slot to the key file
db.close_database()
assert encryption.operator_label("admin") in encryption.labels(sys.argv[1])
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
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
    target = args.db
    if not target:
        target = str(Path(tempfile.gettempdir()) / f"swdesk_bench_startup_{args.workers}.db")
        if not Path(target).exists():
            print(f"generating {args.workers} demo workers into {target} …")
            subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", target, "demo",
                            "--workers", str(args.workers)], check=True)
    login_db = str(Path(target).with_name(Path(target).stem + "_login.db"))
    if not Path(login_db).exists():
        shutil.copyfile(target, login_db)
        subprocess.run([sys.executable, "-c", ADD_ACCOUNT, login_db, str(ROOT)], check=True)
    encrypted_db = str(Path(target).with_name(Path(target).stem + "_encrypted.db"))
    if not Path(encrypted_db).exists():
        shutil.copyfile(login_db, encrypted_db)
        subprocess.run([sys.executable, "-c", ENCRYPT, encrypted_db, str(ROOT)], check=True)
    single_db = str(Path(target).with_name(Path(target).stem + "_single.db"))
    if not Path(single_db).exists():
        shutil.copyfile(target, single_db)
        subprocess.run([sys.executable, "-c", SINGLE_USER, single_db, str(ROOT)], check=True)
    with tempfile.TemporaryDirectory() as pycache:
        def wizard() -> tuple[float, float]:  # a new database each time, as on a first run
            new = Path(pycache) / "first_run.db"
            try:
                return _run(DIALOG, pycache, str(new), str(ROOT))
            finally:
                for leftover in Path(pycache).glob("first_run.db*"):
                    leftover.unlink()

        measured = {"bare": lambda: _run(BARE, pycache),
                    "same_work": lambda: _run(SAME_WORK, pycache, target),
                    "same_dialog": lambda: _run(SAME_DIALOG, pycache),
                    "window": lambda: _run(SWDESK, pycache, target, str(ROOT)),
                    "program": lambda: _run(PROGRAM, pycache, single_db, str(ROOT)),
                    "login": lambda: _run(DIALOG, pycache, login_db, str(ROOT)),
                    "unlock": lambda: _run(DIALOG, pycache, encrypted_db, str(ROOT)),
                    "after_login": lambda: _run(AFTER_LOGIN, pycache, login_db, str(ROOT)),
                    "wizard": wizard}
        for measure in measured.values():  # warm-up: bytecode written
            measure()
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in measured}
        for _ in range(args.runs):  # alternated, so that a burst of load hits all alike
            for name, measure in measured.items():
                times[name].append(measure())
    b = statistics.median(w for w, _ in times["bare"])
    bc = statistics.median(c for _, c in times["bare"])
    labels = {"bare": "bare PySide6 window:           ",
              "same_work": "plain window, same first page: ",
              "same_dialog": "plain login dialog, same fields:", "window": "swdesk window, first page shown:",
              "program": "main.py to first page (1 user):",
              "login": "login dialog shown:            ", "unlock": "login, encrypted file, shown:  ",
              "wizard": "first-run wizard shown:        ", "after_login": "登录 → first page (typed 1 s):  "}
    targets = {"window": 1.5, "program": 1.5, "login": 1.2, "unlock": 1.2, "wizard": 1.5}
    print(f"load average before: {load_before}, after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, runs in times.items():
        wall, cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
        line = (f"{labels[name]} median {wall * 1000:.0f} ms, CPU {cpu * 1000:.0f} ms  "
                f"(best {min(w for w, _ in runs) * 1000:.0f} ms)")
        if name in targets:
            line += f"  {wall / b:.1f}× bare (CPU {cpu / bc:.1f}×; target <= {targets[name]}×)"
        print(line)
    # The ratio is the program's own start (main.py, single-user mode) to its first page: what a
    # clerk waits for. It quick-checks the file and takes the instance lock, which the window
    # harness above leaves out.
    o = statistics.median(w for w, _ in times["program"])
    oc = statistics.median(c for _, c in times["program"])
    s = statistics.median(w for w, _ in times["same_work"])
    print(f"ratio swdesk / bare: {o / b:.1f}×  (CPU {oc / bc:.1f}×; target <= 1.5×); "
          f"swdesk / plain window with the same first page: {o / s:.1f}×")
    login = statistics.median(w for w, _ in times["login"])
    print(f"login dialog / plain login dialog with the same fields: "
          f"{login / statistics.median(w for w, _ in times['same_dialog']):.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
