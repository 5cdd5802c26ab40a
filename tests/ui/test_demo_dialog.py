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
