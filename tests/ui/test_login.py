"""Login at start, the first-run wizard (or 跳过 = single-user mode), locking and the idle lock."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenuBar

from swdesk import db, encryption, peek
from swdesk.models import Office, Operator
from swdesk.services import base, operators, settings
from ui import instance_lock
from ui.dialogs import login

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def accounts(db, office):
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    operators.create_operator("李录入", "clerk", "录入员", "clerk1234")
    base.reset_session()


def test_login_dialog_refuses_wrong_password_then_logs_in(qtbot, accounts):
    dialog = login.LoginDialog("clerk")
    qtbot.addWidget(dialog)
    dialog.password_edit.setText("wrong-pass")
    assert not dialog.try_login()
    assert dialog.error.text() == "登录名或密码错误" and dialog.password_edit.text() == ""
    dialog.password_edit.setText("clerk1234")
    assert dialog.try_login() and dialog.result() == 1
    assert (base.current().operator_login, base.current().role) == ("clerk", "录入员")


def test_login_dialog_prepares_once_after_its_first_paint(qtbot, accounts):
    """At start the database opens behind the painted dialog (ui/app.py): `prepare` runs once,
    after the paint, and a 登录 pressed before it runs it first."""
    calls = []
    dialog = login.LoginDialog("clerk", prepare=lambda: calls.append(dialog.isVisible()) or True)
    qtbot.addWidget(dialog)
    assert calls == []
    dialog.show()
    qtbot.waitUntil(lambda: calls == [True])
    dialog.password_edit.setText("clerk1234")
    assert dialog.try_login() and calls == [True]
    early = login.LoginDialog("clerk", prepare=lambda: calls.append("early") or True)
    qtbot.addWidget(early)
    early.password_edit.setText("clerk1234")
    assert early.try_login() and calls == [True, "early"]


@pytest.mark.parametrize("outcome", ["refused", "raised"])
def test_login_dialog_ends_not_ready_when_prepare_fails(qtbot, accounts, outcome, caplog):
    def prepare():
        if outcome == "raised":
            raise OSError("磁盘错误")
        return False

    dialog = login.LoginDialog("clerk", prepare=prepare)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.result() == login.LoginDialog.NOT_READY)
    assert not dialog.isVisible() and base.current().operator_login == ""   # nobody logged in
    assert ("cannot open the database behind the LoginDialog" in caplog.text) == (outcome == "raised")


def test_first_run_wizard_fills_the_office_once_the_database_is_open(qtbot, db, office):
    """Painted before the database opens (ui/app.py), the wizard fills the office's fields from it
    after `prepare`; a button pressed before that runs it first."""
    office.district, office.street, office.street_code = "鼓楼区", "东街街道", "350102001"
    office.save()
    wizard = login.FirstRunWizard(prepare=lambda: True)
    qtbot.addWidget(wizard)
    assert wizard.office_edits["street"].text() == "" and wizard.office_id is None
    wizard.show()
    qtbot.waitUntil(lambda: wizard.office_edits["street"].text() == "东街街道")
    assert wizard.office_id == office.id and wizard.office_edits["street_code"].text() == "350102001"
    early = login.FirstRunWizard(prepare=lambda: False)
    qtbot.addWidget(early)
    early.skip()
    assert early.result() == login.FirstRunWizard.NOT_READY and settings.get(peek.SINGLE_USER_SETTING) is None


def test_login_at_start_with_accounts(qtbot, accounts):
    def answer():
        dialog = QApplication.activeModalWidget()
        dialog.password_edit.setText("geheim123")
        dialog.ok_button.click()

    QTimer.singleShot(50, answer)
    assert login.login_at_start("admin")
    assert base.current().operator_login == "admin"
    QTimer.singleShot(50, lambda: QApplication.activeModalWidget().cancel_button.click())
    assert not login.login_at_start("admin")


def test_first_run_wizard_creates_admin_and_office(qtbot, db, office):
    wizard = login.FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.office_edits["street_code"].setText("12a")
    wizard.name_edit.setText("")
    wizard.password_edit.setText("abc")
    wizard.confirm_edit.setText("abd")
    assert not wizard.finish()
    assert "两次输入的密码不一致" in wizard.error.text()
    wizard.confirm_edit.setText("abc")
    assert not wizard.finish()
    for text in ("街道代码", "姓名", "密码至少6位"):
        assert text in wizard.error.text()
    assert not operators.has_operators()
    assert Office.get_by_id(office.id).street_code == office.street_code  # nothing half-written
    wizard.office_edits["district"].setText("鼓楼区")
    wizard.office_edits["street"].setText("东街街道")
    wizard.office_edits["street_code"].setText("350102001")
    wizard.office_edits["centre_name"].setText("东街街道社会工作服务中心")
    wizard.name_edit.setText("陈主任")
    wizard.login_edit.setText("chen")
    wizard.password_edit.setText("secret99")
    wizard.confirm_edit.setText("secret99")
    assert wizard.finish()
    saved = Office.get_by_id(office.id)
    assert (saved.street, saved.street_code, saved.centre_name) == ("东街街道", "350102001", "东街街道社会工作服务中心")
    assert Operator.get(Operator.login == "chen").role == "管理员"
    assert base.current().operator_login == "chen"


def test_skip_means_single_user_and_is_remembered(qtbot, db, office):
    QTimer.singleShot(50, lambda: QApplication.activeModalWidget().skip_button.click())
    assert login.login_at_start(None)
    assert base.current().is_admin and not operators.has_operators()
    assert settings.get(peek.SINGLE_USER_SETTING) is True
    assert login.login_at_start(None)  # no wizard the second time (no timer: would block)


def make_window(qtbot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QLabel("李奶奶 350502********1234"))
    window.setMenuBar(QMenuBar())
    window.menuBar().addMenu("文件")
    qtbot.addWidget(window)
    window.show()
    return window


def test_lock_hides_records_until_password(qtbot, accounts):
    operators.log_in("clerk", "clerk1234")
    window = make_window(qtbot)
    dialog = login.lock_now(window)
    assert dialog is not None and login.is_locked(window)
    assert not window.centralWidget().isVisible()
    dialog.reject()  # Esc does not unlock
    assert login.is_locked(window) and dialog.isVisible()
    dialog.password_edit.setText("nope")
    assert not dialog.try_unlock() and login.is_locked(window)
    dialog.password_edit.setText("clerk1234")
    assert dialog.try_unlock()
    assert not login.is_locked(window) and window.centralWidget().isVisible()


def test_lock_covers_open_forms_without_closing_them(qtbot, accounts):
    from PySide6.QtWidgets import QDialog, QLineEdit

    operators.log_in("clerk", "clerk1234")
    window = make_window(qtbot)
    form = QDialog(window)
    typed = QLineEdit("unsaved text", form)
    form.show()
    dialog = login.lock_now(window)
    covers = form.findChildren(QLabel, "LockCover")
    assert covers and covers[0].isVisible() and covers[0].geometry() == form.rect()
    assert form.isVisible() and typed.text() == "unsaved text"
    dialog.password_edit.setText("clerk1234")
    assert dialog.try_unlock()
    qtbot.waitUntil(lambda: not form.findChildren(QLabel, "LockCover"))
    assert form.isVisible()


def test_lock_can_switch_operator(qtbot, accounts):
    operators.log_in("clerk", "clerk1234")
    window = make_window(qtbot)
    dialog = login.lock_now(window)
    dialog.login_edit.setText("admin")
    dialog.password_edit.setText("geheim123")
    assert dialog.try_unlock() and base.current().operator_login == "admin"


def test_single_user_cannot_lock(qtbot, db):
    window = make_window(qtbot)
    QTimer.singleShot(50, lambda: QApplication.activeModalWidget().close())
    assert login.lock_now(window) is None and not login.is_locked(window)


def test_idle_lock(qtbot, accounts):
    operators.log_in("admin", "geheim123")
    window = make_window(qtbot)
    watcher = login.install_idle_lock(minutes=0.5 / 60)  # half a second
    try:
        qtbot.waitUntil(lambda: login.is_locked(window), timeout=3000)
        window._swdesk_lock.password_edit.setText("geheim123")
        window._swdesk_lock.try_unlock()
    finally:
        watcher.set_minutes(0)
    settings.put("idle_lock_minutes", 0)
    assert login.install_idle_lock() is watcher and not watcher.timer.isActive()


def test_input_keeps_the_idle_lock_away(qtbot, accounts):
    operators.log_in("admin", "geheim123")
    window = make_window(qtbot)
    watcher = login.install_idle_lock(minutes=1.5 / 60)  # a second and a half
    try:
        qtbot.wait(login.IDLE_WATCH_AFTER_MS + 100)      # watching by now
        for _ in range(15):                               # typing for 3 s
            qtbot.keyClick(window, "a")
            qtbot.wait(200)
        assert not login.is_locked(window)
        qtbot.waitUntil(lambda: login.is_locked(window), timeout=3000)   # then idle
        window._swdesk_lock.password_edit.setText("geheim123")
        window._swdesk_lock.try_unlock()
    finally:
        watcher.set_minutes(0)


def test_operators_dialog_admin_and_clerk(qtbot, accounts):
    from ui.dialogs import operators as operators_dialog

    operators.log_in("admin", "geheim123")
    dialog = operators_dialog.OperatorsDialog()
    qtbot.addWidget(dialog)
    assert [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())] == ["admin", "clerk"]
    form = operators_dialog.NewOperatorDialog(dialog)
    qtbot.addWidget(form)
    form.name_edit.setText("王只读")
    form.login_edit.setText("wang")
    form.role_combo.setCurrentText("只读")
    form.password_edit.setText("wang12345")
    form.confirm_edit.setText("wang12345")
    assert form.save()
    dialog.refresh()
    dialog.select_login("clerk")
    dialog.toggle_active()
    assert not Operator.get(Operator.login == "clerk").active
    assert dialog.toggle_button.text() == "启用(&E)"      # its own letter, 停用(&D) before
    operators.log_in("wang", "wang12345")
    viewer = operators_dialog.OperatorsDialog()
    qtbot.addWidget(viewer)
    assert not viewer.new_button.isEnabled() and not viewer.toggle_button.isEnabled()
    assert viewer.own_button.isEnabled() and not viewer.idle_spin.isEnabled()
    operators.log_in("admin", "geheim123")
    dialog.idle_spin.setValue(5)
    assert dialog.save_idle_minutes()
    assert settings.get("idle_lock_minutes") == 5
    watcher = QApplication.instance()._swdesk_idle_lock
    assert watcher.minutes == 5 and watcher.timer.interval() == 300_000
    watcher.set_minutes(0)


def test_first_account_from_single_user_mode_logs_in(qtbot, db, office):
    from ui.dialogs import operators as operators_dialog

    form = operators_dialog.NewOperatorDialog()
    qtbot.addWidget(form)
    form.name_edit.setText("陈主任")
    form.login_edit.setText("chen")
    form.role_combo.setCurrentText("管理员")
    form.password_edit.setText("secret99")
    form.confirm_edit.setText("secret99")
    assert form.save()
    assert base.current().operator_login == "chen"
    QApplication.instance()._swdesk_idle_lock.set_minutes(0)


CANCEL_AT_START = """
import sys
from PySide6.QtWidgets import QDialog
QDialog.exec = lambda self: 0   # the clerk presses 取消 at the login dialog
from main import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def test_cancelled_login_at_start_closes_the_file_cleanly(account_file):
    """The program quits after 取消 leaving neither its open marker nor its lock file: the next
    start would otherwise quick-check the whole file as after a crash."""
    target = account_file
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CANCEL_AT_START, str(target)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert list(db.data_dir().glob("open-*.marker")) == []
    assert not instance_lock.lock_path(target).exists()


def fill_wizard(wizard: login.FirstRunWizard, password: str) -> None:
    for key, value in (("district", "鼓楼区"), ("street", "东街街道"), ("street_code", "350102001"),
                       ("centre_name", "东街街道社会工作服务中心")):
        wizard.office_edits[key].setText(value)
    wizard.name_edit.setText("陈主任")
    wizard.login_edit.setText("chen")
    wizard.password_edit.setText(password)
    wizard.confirm_edit.setText(password)


@pytest.fixture
def new_target(tmp_path):
    """A database file about to be created by this start, opened as run_window opens it."""
    target = tmp_path / "new" / "swdesk.db"
    target.parent.mkdir()
    new_file = peek.new_file(str(target))
    db.open_database(str(target))
    yield new_file
    db.close_database()
    encryption.forget()


def reopened_with(target: Path, password: str) -> None:
    db.close_database()
    encryption.forget()
    encryption.unlock(target, password)
    db.open_database(str(target))


@pytest.mark.usefixtures("sqlite_only")
def test_first_run_wizard_creates_the_new_database_encrypted(qtbot, new_target):
    assert new_target is not None and peek.new_file(str(new_target)) is None  # now it exists
    wizard = login.FirstRunWizard(new_file=new_target)
    qtbot.addWidget(wizard)
    assert not wizard.encrypt_box.isEnabled()
    fill_wizard(wizard, "secret99")
    assert wizard.encrypt_box.isEnabled() and wizard.encrypt_box.isChecked()
    assert wizard.finish() and db.is_encrypted()
    assert base.current().operator_login == "chen"
    db.close_database()
    assert new_target.read_bytes()[:16] != b"SQLite format 3\x00"
    reopened_with(new_target, "secret99")
    assert Operator.get(Operator.login == "chen").role == "管理员"
    assert Office.select().count() == 1 and Office.get().street == "东街街道"
    assert encryption.operator_label("chen") in encryption.labels(new_target)


@pytest.mark.usefixtures("sqlite_only")
def test_first_run_wizard_refused_once_then_the_changed_password_opens_it(qtbot, new_target):
    wizard = login.FirstRunWizard(new_file=new_target)
    qtbot.addWidget(wizard)
    fill_wizard(wizard, "first-pass1")
    wizard.office_edits["street_code"].setText("12a")
    assert not wizard.finish() and "街道代码" in wizard.error.text()
    assert db.is_encrypted() and not wizard.encrypt_box.isEnabled()   # made once, not again
    fill_wizard(wizard, "second-pass2")
    assert wizard.finish()
    with pytest.raises(encryption.WrongSecret):
        reopened_with(new_target, "first-pass1")
    reopened_with(new_target, "second-pass2")
    assert Office.get().street_code == "350102001"


@pytest.mark.usefixtures("sqlite_only")
def test_first_run_wizard_without_the_box_keeps_the_database_plain(qtbot, new_target):
    wizard = login.FirstRunWizard(new_file=new_target)
    qtbot.addWidget(wizard)
    fill_wizard(wizard, "secret99")
    wizard.encrypt_box.setChecked(False)
    assert wizard.finish() and not db.is_encrypted()
    db.close_database()
    assert new_target.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not encryption.keys_path(new_target).exists()


def test_first_run_wizard_offers_no_encryption_for_an_existing_file(qtbot, db, office):
    wizard = login.FirstRunWizard(new_file=None)   # run_window: the file was there before
    qtbot.addWidget(wizard)
    assert wizard.encrypt_box.isHidden() and not wizard.wants_encryption()


WIZARD_AT_START = """
import os
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.dialogs import login

def run(wizard):   # the clerk fills the wizard, leaves 加密数据库（推荐） ticked, presses 完成
    QTimer.singleShot(1500, QApplication.instance().quit)   # the window shows, then quits
    for key, value in (("district", "鼓楼区"), ("street", "东街街道"), ("street_code", "350102001"),
                       ("centre_name", "东街街道社会工作服务中心")):
        wizard.office_edits[key].setText(value)
    wizard.name_edit.setText("陈主任")
    wizard.password_edit.setText("secret99")
    wizard.confirm_edit.setText("secret99")
    if wizard.encrypt_box.isHidden() or not wizard.finish():   # said at once, not by a hung window
        print("no encryption offered" if wizard.encrypt_box.isHidden() else wizard.error.text(), file=sys.stderr)
        os._exit(3)
    return int(wizard.result())

login.FirstRunWizard.exec = run
from main import main
sys.exit(main(["--db", sys.argv[1]]))
"""


@pytest.mark.usefixtures("sqlite_only")
def test_program_started_on_a_new_file_creates_it_encrypted(tmp_path):
    target = tmp_path / "first" / "swdesk.db"
    target.parent.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", WIZARD_AT_START, str(target)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes()[:16] != b"SQLite format 3\x00"
    reopened_with(target, "secret99")
    assert Operator.get().login == "admin" and Office.get().street == "东街街道"
    db.close_database()
    encryption.forget()
