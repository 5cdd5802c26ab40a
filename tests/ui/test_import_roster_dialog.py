"""文件 → 导入花名册 runs the same job as `main.py import roster`: the same file gives the same workers
and the same problem lines both ways; the file is read once for 检查 and 导入; the progress dialog
shows the job's phases with counts; several roster sheets make the dialog ask which one."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from conftest import run_cli
from PySide6.QtWidgets import QInputDialog, QProgressDialog

from swdesk import db as swdb
from swdesk.models import Community, Worker
from swdesk.xlsx import roster, table
from tests.swdesk.xlsx.roster_files import good_row, write_roster

COLUMNS = (Worker.name, Worker.gender, Worker.id_number, Worker.birth_date, Worker.phone, Worker.sector,
           Worker.education, Worker.title, Worker.political_status, Worker.status, Worker.specialties,
           Worker.name_pinyin, Community.name)


def workers_in_database() -> list[tuple]:
    return sorted(Worker.select(*COLUMNS).join(Community).tuples())


def clerk_file(path: Path) -> Path:
    """Good rows, bad rows, a possible duplicate, synonyms and a merged community block."""
    rows = [good_row(0, 所属领域="公司"), good_row(1, 学历="私塾"), good_row(2, 所属社区=None),
            good_row(3, 姓名="陈静", 身份证号="", 性别="女", 出生日期="1985-01-01"),
            good_row(4, 姓名="陈静", 身份证号="", 性别="女", 出生日期="1985-01-01"),
            good_row(5, 身份证号="3.50502E+17"), good_row(6, 职称="高档")]
    write_roster(path, rows)
    wb = openpyxl.load_workbook(path)
    column = roster.HEADERS.index("所属社区") + 1
    wb.active.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    wb.save(path)
    return path


@pytest.fixture
def window(db, qtbot):
    from ui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    return win


def test_the_same_file_through_the_command_line_and_the_dialog(window, qtbot, tmp_path, monkeypatch):
    from ui.dialogs.import_roster import ImportRosterDialog

    path = clerk_file(tmp_path / "名单.xlsx")
    cli_db = str(tmp_path / "cli.db")
    code, out, err = run_cli("import", "roster", str(path), "--skip-bad", db_target=cli_db)
    assert code == 0, err
    cli_notes = [line.removeprefix("注意：") for line in err.splitlines() if line.startswith("注意：")]
    cli_problems = [line for line in err.splitlines() if not line.startswith("注意：")]

    opened = []
    real_open = table.open_table
    monkeypatch.setattr(table, "open_table", lambda p: opened.append(p) or real_open(p))
    labels = []
    real_label = QProgressDialog.setLabelText
    monkeypatch.setattr(QProgressDialog, "setLabelText", lambda self, text: labels.append(text) or real_label(self, text))
    dialog = ImportRosterDialog(window, path=str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.path is not None, timeout=20000)
    shown = [f"第{dialog.report.item(r, 0).text()}行 〈{dialog.report.item(r, 1).text()}〉 "
             f"{dialog.report.item(r, 2).text()}" for r in range(dialog.report.rowCount())]
    assert shown == cli_problems
    assert dialog.notes.text().splitlines() == cli_notes
    assert "第3–4行 〈所属社区〉 合并单元格，已按“东湖社区”填入" in cli_notes
    assert not dialog.import_all_button.isEnabled() and dialog.import_good_button.isEnabled()
    assert dialog.allow_duplicates.isVisibleTo(dialog)
    dialog.import_good_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20000)
    assert dialog.summary.text() == out.strip()
    assert len(opened) == 1                                   # 检查 and 导入: one read of the file
    assert any(text.startswith("正在检查…") and "/" in text for text in labels)
    assert any(text.startswith("正在导入…") for text in labels)

    in_window = workers_in_database()
    swdb.close_database()
    swdb.open_database(cli_db)
    try:
        assert workers_in_database() == in_window and len(in_window) == 4
    finally:
        swdb.close_database()


def test_possible_duplicates_can_be_allowed_in_the_dialog(window, qtbot, tmp_path):
    from ui.dialogs.import_roster import ImportRosterDialog

    rows = [good_row(0, 姓名="陈静", 身份证号="", 性别="女", 出生日期=dt.date(1985, 1, 1)),
            good_row(1, 姓名="陈静", 身份证号="", 性别="女", 出生日期=dt.date(1985, 1, 1))]
    dialog = ImportRosterDialog(window, path=str(write_roster(tmp_path / "r.xlsx", rows)))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.path is not None, timeout=20000)
    assert dialog.report.rowCount() == 1 and not dialog.import_all_button.isEnabled()
    dialog.allow_duplicates.setChecked(True)
    qtbot.waitUntil(lambda: dialog.import_all_button.isEnabled(), timeout=20000)
    assert dialog.report.rowCount() == 0
    dialog.import_all_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20000)
    assert Worker.select().where(Worker.name == "陈静").count() == 2


def test_several_roster_sheets_make_the_dialog_ask(window, qtbot, tmp_path, monkeypatch):
    from ui.dialogs.import_roster import ImportRosterDialog

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in (("一季度", [good_row(0)]), ("二季度", [good_row(1), good_row(2)])):
        ws = wb.create_sheet(title)
        ws.append(list(roster.HEADERS))
        for row in rows:
            ws.append([row.get(h) for h in roster.HEADERS])
    path = tmp_path / "两季.xlsx"
    wb.save(path)
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, text, items, *a: asked.append(list(items)) or ("二季度", True))
    dialog = ImportRosterDialog(window, path=str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.path is not None, timeout=20000)
    assert asked == [["一季度", "二季度"]]
    dialog.import_all_button.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=20000)
    assert Worker.select().count() == 2


def test_the_dialogs_reach_files_only_through_the_jobs():
    """ui/ never imports swdesk.xlsx or swdesk.pdf: the import and demo dialogs call swdesk.jobs."""
    import ast

    root = Path(__file__).resolve().parents[2]
    for module in ("ui/dialogs/import_roster.py", "ui/dialogs/demo.py"):
        tree = ast.parse((root / module).read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert not {m for m in imported if m.startswith(("swdesk.xlsx", "swdesk.pdf"))}, module
        assert any(m.startswith("swdesk.jobs.") for m in imported), module
