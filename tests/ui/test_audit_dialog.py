"""The audit log viewer: real service writes listed with before → after, filters, masking, export."""
from __future__ import annotations

import datetime as _dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from swdesk import idcard, privacy
from swdesk.models import AuditLog
from swdesk.services import base, operators, settings
from ui.dialogs import audit

ID = idcard.make("350502", _dt.date(1950, 5, 6), 12)


@pytest.fixture
def history(db, office):
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    operators.log_in("admin", "geheim123")
    settings.put("hotline_due_hours", 24)
    settings.put("hotline_due_hours", 36)
    settings.update_office(office.id, {"contact_phone": "13812345678", "person_in_charge": "陈主任"})
    # a snapshot with an ID number, as the elder/worker services write them
    base.audit("update", table="elder", record_id=5, before={"id_number": ""}, after={"id_number": ID})


def rows_of(dialog) -> list[list[str]]:
    return [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())]


def test_lists_changes_newest_first_with_before_after(qtbot, history):
    dialog = audit.show_audit_log(None)
    qtbot.addWidget(dialog)
    rows = rows_of(dialog)
    assert dialog.count_label.text() == f"共 {AuditLog.select().count()} 条，已显示 {len(rows)} 条"
    assert rows[0][3] == "老人" and privacy.mask_id(ID) in rows[0][6] and ID not in rows[0][6]
    setting_rows = [r for r in rows if r[3] == "设置"]
    assert setting_rows[0][6] == "值：24 → 36" and setting_rows[0][1] == "王管理"
    dialog.table.selectRow(rows.index(setting_rows[0]))
    assert [dialog.detail.item(0, c).text() for c in range(3)] == ["值", "24", "36"]


def test_filters_by_record_operator_and_date(qtbot, history):
    dialog = audit.AuditDialog()
    qtbot.addWidget(dialog)
    dialog.set_filters(table="office")
    assert {r[3] for r in rows_of(dialog)} == {"单位设置"}
    dialog.set_filters(table="elder", record_id=5)
    assert len(rows_of(dialog)) == 1
    dialog.set_filters(table="elder", record_id=6)
    assert rows_of(dialog) == []
    dialog.table_combo.setCurrentIndex(0)
    dialog.record_edit.clear()
    tomorrow = _dt.date.today() + _dt.timedelta(days=1)
    dialog.start_edit.setDate(audit._qdate(tomorrow))
    dialog.end_edit.setDate(audit._qdate(tomorrow))
    dialog.reload()
    assert rows_of(dialog) == []


def test_full_values_only_for_admin(qtbot, history):
    dialog = audit.AuditDialog()
    qtbot.addWidget(dialog)
    assert dialog.reveal_check.isEnabled()
    dialog.reveal_check.setChecked(True)
    assert ID in rows_of(dialog)[0][6]
    base.set_session(base.Session(operator_login="clerk", operator_name="李录入", role="录入员"))
    clerk_view = audit.AuditDialog()
    qtbot.addWidget(clerk_view)
    assert not clerk_view.reveal_check.isEnabled()
    assert all(ID not in " ".join(r) for r in rows_of(clerk_view))


def test_export_through_background_job_is_logged(qtbot, history, tmp_path):
    dialog = audit.AuditDialog()
    qtbot.addWidget(dialog)
    out = tmp_path / "日志.xlsx"
    seen = []

    def close_message():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, close_message)

    QTimer.singleShot(50, close_message)
    dialog.export_to(out)
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "已导出" in seen[0] and str(out) in seen[0]
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][0] == "时间" and len(rows) > 4
    last = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert (last.action, last.table, last.operator) == ("export", "audit_log", "admin")
    assert rows_of(dialog)[0][2] == "导出"  # the viewer reloaded and shows the export itself


def test_menu_actions_open_the_dialogs(qtbot, db, office):
    from PySide6.QtWidgets import QDialog

    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    for target, cls in (("ui.dialogs.audit:show_audit_log", "AuditDialog"),
                        ("ui.dialogs.operators:manage_operators", "OperatorsDialog"),
                        ("ui.dialogs.backup:backup_now", "BackupDialog")):
        assert target in window.menu_actions
        window.menu_actions[target].trigger()
        shown = [w for w in window.findChildren(QDialog) if type(w).__name__ == cls and w.isVisible()]
        assert shown, target
        shown[0].close()
