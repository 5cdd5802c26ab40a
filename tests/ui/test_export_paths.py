"""One path per export: each spreadsheet export run from the window (its real action, with Qt's
file dialog answered) and from the command line (`main.py … export …` in a subprocess) on the
same database gives the same workbook — every cell of every sheet — the same message and the
same warnings. ui/ imports no spreadsheet code of its own."""
from __future__ import annotations

import ast
import datetime
import sqlite3
import threading
from pathlib import Path

import pytest
from conftest import run_cli
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from swdesk import db as swdb
from swdesk import periods
from ui import jobs

UI = Path(__file__).resolve().parents[2] / "ui"


@pytest.fixture(params=["demo", "empty"])
def database(request, db_target):
    """The demo's data (120 workers), or an empty database (every export then warns)."""
    if request.param == "demo":
        code, out, err = run_cli("demo", "--workers", "120", db_target=db_target)
        assert code == 0, out + err
    yield swdb.open_database(db_target)
    swdb.close_database()


@pytest.fixture
def window(database, qtbot):
    from swdesk.services import base, scope
    from ui.app import settings
    from ui.main_window import MainWindow

    # Qt keeps one QSettings store per process: filters an earlier test left on the roster tab
    # would narrow "the current view" that 导出花名册 exports. A first start has none.
    settings().clear()
    base.set_session(scope.single_user_session())   # as the window's start-up sets it (login.py)
    win = MainWindow()
    qtbot.addWidget(win)
    return win


class Shown:
    """What the window showed in message boxes (Qt's static QMessageBox functions)."""

    def __init__(self, monkeypatch):
        self.boxes: list[tuple[str, str]] = []
        for kind in ("information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, self._recorder(kind))

    def _recorder(self, kind):
        def record(_parent, _title, text, *args, **kwargs):
            self.boxes.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return record

    def warnings(self) -> list[str]:
        """The warnings of the result box (after its first paragraph, the message)."""
        return [w for kind, text in self.boxes if kind == "warning" for w in text.split("\n\n")[1:]]


def answer_save_dialog(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def wait_for_job(qtbot, path: Path) -> None:
    qtbot.waitUntil(lambda: path.exists() and not jobs._running, timeout=30000)


def cells(path: Path, skip=lambda sheet, row: False) -> dict[str, list[tuple]]:
    wb = load_workbook(path, read_only=True)
    try:
        return {ws.title: [row for row in ws.iter_rows(values_only=True) if not skip(ws.title, row)]
                for ws in wb.worksheets}
    finally:
        wb.close()


def command_line(db_target: str, *args: str) -> tuple[str, list[str]]:
    """(the message, the warnings) of a command; it must succeed."""
    code, stdout, stderr = run_cli(*args, db_target=db_target)
    assert code == 0, stderr
    warnings = [line.removeprefix("注意：") for line in stderr.splitlines()]
    assert all(line.startswith("注意：") for line in stderr.splitlines()), stderr
    return stdout.strip(), warnings


def status(window) -> str:
    return window.statusBar().currentMessage()


def test_roster(window, qtbot, tmp_path, monkeypatch, db_target):
    from ui.dialogs import export_roster as dialog

    shown = Shown(monkeypatch)
    out = tmp_path / "窗口.xlsx"

    def fill_and_export():
        box = QApplication.activeModalWidget()
        if not isinstance(box, dialog.ExportRosterDialog):
            QTimer.singleShot(20, fill_and_export)
            return
        box.path_edit.setText(str(out))
        box._accept()

    QTimer.singleShot(0, fill_and_export)
    dialog.export_roster(window)              # menu 文件 → 导出花名册 (the whole roster)
    wait_for_job(qtbot, out)
    message, warnings = command_line(db_target, "export", "roster", str(tmp_path / "命令行.xlsx"))
    assert cells(out) == cells(tmp_path / "命令行.xlsx")
    assert status(window) == message.replace("命令行", "窗口")
    assert shown.warnings() == warnings


def test_quarter(window, qtbot, tmp_path, monkeypatch, db_target):
    from ui.dialogs import quarter as dialog

    shown = Shown(monkeypatch)
    out = tmp_path / "窗口.xlsx"
    answer_save_dialog(monkeypatch, out)
    dialog.export_quarter(window, periods.parse("2026Q4"))
    wait_for_job(qtbot, out)
    message, warnings = command_line(db_target, "export", "quarter", "2026Q4", str(tmp_path / "命令行.xlsx"))
    assert cells(out) == cells(tmp_path / "命令行.xlsx")
    assert status(window) == message.replace("命令行", "窗口")
    assert shown.warnings() == warnings


@pytest.mark.parametrize("tab_key,action,command", [
    ("hotline", "export_requests", "hotline"),
    ("training", "export_attendance", "training"),
])
def test_hotline_and_training(window, qtbot, tmp_path, monkeypatch, db_target, tab_key, action, command):
    shown = Shown(monkeypatch)
    out = tmp_path / "窗口.xlsx"
    answer_save_dialog(monkeypatch, out)
    tab = window.switch_to(tab_key)
    getattr(tab, action)()                    # the tab's 导出… button
    wait_for_job(qtbot, out)
    period = tab.export_period().label
    message, warnings = command_line(db_target, "export", command, period, str(tmp_path / "命令行.xlsx"))
    assert cells(out) == cells(tmp_path / "命令行.xlsx")
    assert status(window) == message.replace("命令行", "窗口")
    assert shown.warnings() == warnings


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_audit_log(window, qtbot, tmp_path, monkeypatch, db_target, sqlite_only):
    from ui.dialogs.audit import AuditDialog

    # Each export adds its own line to the log: the command line exports a copy of the log as it
    # was before the window's export.
    before = tmp_path / "导出前.db"
    with sqlite3.connect(db_target) as source, sqlite3.connect(before) as copy:
        source.backup(copy)
    shown = Shown(monkeypatch)
    out = tmp_path / "窗口.xlsx"
    answer_save_dialog(monkeypatch, out)
    dialog = AuditDialog(window)
    qtbot.addWidget(dialog)
    dialog.choose_export_file()               # the viewer's 导出… (no filter set)
    wait_for_job(qtbot, out)
    qtbot.waitUntil(lambda: bool(shown.boxes), timeout=10000)
    message, warnings = command_line(str(before), "export", "audit", str(tmp_path / "命令行.xlsx"))
    assert cells(out) == cells(tmp_path / "命令行.xlsx")
    [(kind, text)] = shown.boxes              # a dialog has no status bar: the result in a box
    assert text.split("\n\n")[0] == message.replace("命令行", "窗口")
    assert shown.warnings() == warnings and kind == ("warning" if warnings else "information")


def test_template(window, qtbot, tmp_path, monkeypatch, db_target):
    from ui.dialogs.import_roster import ImportRosterDialog

    out = tmp_path / "窗口.xlsx"
    answer_save_dialog(monkeypatch, out)
    dialog = ImportRosterDialog(window)
    qtbot.addWidget(dialog)
    dialog.save_template()
    wait_for_job(qtbot, out)
    message, warnings = command_line(db_target, "template", "roster", str(tmp_path / "命令行.xlsx"))
    assert cells(out) == cells(tmp_path / "命令行.xlsx")
    assert dialog.summary.text() == message.replace("命令行", "窗口") and warnings == []


def test_merge(window, qtbot, tmp_path, monkeypatch, db_target):
    from ui.dialogs import quarter as dialog

    street = tmp_path / "街道.xlsx"
    command_line(db_target, "export", "quarter", "2026Q4", str(street))
    shown = Shown(monkeypatch)
    out = tmp_path / "窗口.xlsx"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(street)], ""))
    answer_save_dialog(monkeypatch, out)
    dialog.merge_quarter(window)
    wait_for_job(qtbot, out)
    code, stdout, stderr = run_cli("merge", "quarter", str(tmp_path / "命令行.xlsx"), str(street))
    assert code == 0 and stderr == ""
    assert cells(out) == cells(tmp_path / "命令行.xlsx")
    assert status(window) == stdout.strip().replace("命令行", "窗口") and shown.warnings() == []


def test_register(window, qtbot, tmp_path, monkeypatch, db_target):
    from PySide6.QtWidgets import QInputDialog

    from swdesk.models import ServiceHours, Worker
    from swdesk.services import certificates
    from swdesk.services.base import scoped
    from ui.dialogs import quarter as dialog

    this_year = periods.parse(str(datetime.date.today().year))
    # A worker of the session's street (the register lists that street only); in id order, as
    # PostgreSQL returns an unordered first row from any street.
    credited = (scoped(ServiceHours.select().join(Worker), Worker).where(ServiceHours.date >= this_year.start)
                .order_by(ServiceHours.id).first())
    if credited is not None:                 # the demo: one certificate to list
        certificates.issue(credited.worker_id, this_year.label, clerk="林晓")
    shown = Shown(monkeypatch)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (this_year.label, True))
    out = tmp_path / "窗口.xlsx"
    answer_save_dialog(monkeypatch, out)
    dialog.export_register(window)
    wait_for_job(qtbot, out)
    message, warnings = command_line(db_target, "export", "register", this_year.label,
                                     str(tmp_path / "命令行.xlsx"))
    assert cells(out) == cells(tmp_path / "命令行.xlsx")
    assert status(window) == message.replace("命令行", "窗口") and shown.warnings() == warnings
    assert (credited is None) == bool(warnings)


def test_the_window_reaches_spreadsheets_only_through_the_jobs():
    """ui/ imports swdesk.jobs, never swdesk.xlsx (except the roster import, not an export)."""
    offenders = []
    for path in UI.rglob("*.py"):
        if path.name == "import_roster.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name}: {n}" for n in names if n.startswith("swdesk.xlsx")]
    assert offenders == []


def test_phases_reach_the_progress_dialog(db, qtbot):
    """A job's phase text becomes the label of the window's progress dialog."""
    from PySide6.QtWidgets import QProgressDialog, QWidget

    from swdesk.jobs import JobResult, phase

    parent = QWidget()
    qtbot.addWidget(parent)
    labels: list[str] = []
    seen = []

    connected = threading.Event()

    def work(progress):
        connected.wait(10)
        phase(progress, "正在统计…")
        phase(progress, "正在写入文件（3 人）…", 3)
        return JobResult("done")

    job = jobs.run_job(parent, "正在导出…", work, on_done=seen.append)
    dialog = parent.findChild(QProgressDialog)
    job.signals.phase.connect(lambda text: labels.append(dialog.labelText()))
    connected.set()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen[0].message == "done"
    assert labels == ["正在统计…", "正在写入文件（3 人）…"]
