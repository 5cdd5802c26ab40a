"""帮助 → 填充示例数据: fills an empty database in the background; refuses a database with workers."""
from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox

from swdesk.models import Worker
from ui import jobs
from ui.dialogs import demo
from ui.main_window import MainWindow


def test_fill_demo_data_from_the_menu(qtbot, db, monkeypatch):
    window = MainWindow()
    qtbot.addWidget(window)
    messages = []
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (60, True))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: messages.append(text))
    with qtbot.waitSignal(window.data_changed, timeout=60000):
        demo.fill_demo_data(window)
    jobs.wait_for_all()
    assert Worker.select().count() == 60
    assert messages and "已生成示例数据" in messages[-1]

    demo.fill_demo_data(window)  # not empty any more: explained, nothing added
    assert "已有人员记录" in messages[-1]
    assert Worker.select().count() == 60


def test_the_menu_and_the_command_line_make_the_same_workers(qtbot, db, monkeypatch, tmp_path):
    """One job (swdesk.jobs.demo.fill_demo) behind both: the same seed gives the same people and
    card numbers, and the same message."""
    from conftest import run_cli

    from swdesk import db as swdb

    cli_db = str(tmp_path / "cli.db")
    code, out, err = run_cli("demo", "--workers", "60", db_target=cli_db)
    assert code == 0, err
    window = MainWindow()
    qtbot.addWidget(window)
    messages = []
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (60, True))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: messages.append(text))
    with qtbot.waitSignal(window.data_changed, timeout=60000):
        demo.fill_demo_data(window)
    jobs.wait_for_all()
    columns = (Worker.name, Worker.id_number, Worker.card_no, Worker.card_valid_until, Worker.name_pinyin,
               Worker.sector, Worker.specialties)
    in_window = sorted(Worker.select(*columns).tuples())
    assert messages[-1] == out.strip()
    swdb.close_database()
    swdb.open_database(cli_db)
    try:
        assert sorted(Worker.select(*columns).tuples()) == in_window and len(in_window) == 60
    finally:
        swdb.close_database()
