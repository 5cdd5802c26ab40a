"""文件 → 打开数据库: switching to another file, and a bad file leaving the current one in place."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from swdesk import db as swdb
from swdesk.models import Office
from swdesk.services import settings
from ui.dialogs import database
from ui.main_window import MainWindow


def test_switch_to_another_file_and_back(qtbot, db, office, tmp_path, sqlite_only):
    window = MainWindow()
    qtbot.addWidget(window)
    other = tmp_path / "other.db"
    swdb.close_database()
    swdb.open_database(str(other))
    from swdesk.services.base import default_office

    settings.update_office(default_office().id, {"centre_name": "另一个服务中心"})
    swdb.close_database()
    swdb.open_database(str(tmp_path / "swdesk.db"))

    with qtbot.waitSignal(window.data_changed, timeout=2000):
        assert database.switch_database(window, str(other))
    assert swdb.sqlite_path() == other
    assert "另一个服务中心" in window.windowTitle()


def test_a_bad_file_keeps_the_current_database(qtbot, db, office, tmp_path, monkeypatch, sqlite_only):
    window = MainWindow()
    qtbot.addWidget(window)
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database" * 500)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    current = swdb.sqlite_path()
    assert not database.switch_database(window, str(bogus))
    assert shown and "不是有效的 swdesk 数据库" in shown[0]
    assert swdb.sqlite_path() == current
    assert Office.select().count() == 1  # the old database still answers


def test_server_dialog_builds_a_url(qtbot):
    dialog = database.ServerDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText("10.0.0.5")
    dialog.user.setText("clerk")
    dialog.password.setText("p@ss word")
    dialog.name.setText("district")
    assert dialog.url() == "postgresql://clerk:p%40ss%20word@10.0.0.5:5432/district"
