"""ui/app.py's start: with accounts the login dialog (on an encrypted file, the one that unlocks it),
on a new file the first-run wizard, is painted before the database is opened, and the file opens
behind it; when it does not, the usual start takes over."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from swdesk import db, encryption, migrations
from swdesk.models import Office, SchemaVersion
from swdesk.services import base, operators, scope

ROOT = Path(__file__).resolve().parents[2]

# Each dialog the start shows is answered here and reported on stdout, one line each.
START = """
import sys
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

def answer(self):
    self.show()
    QApplication.processEvents()
    print(type(self).__name__, "peewee" in sys.modules, flush=True)
    if type(self).__name__ == "FirstRunWizard":
        for key, value in (("district", "鼓楼区"), ("street", "东街街道"), ("street_code", "350102001"),
                           ("centre_name", "东街街道社会工作服务中心")):
            self.office_edits[key].setText(value)
        self.name_edit.setText("陈主任")
        self.login_edit.setText("chen")
        self.password_edit.setText(sys.argv[2])
        self.confirm_edit.setText(sys.argv[2])
        self.encrypt_box.setChecked(False)
        self.finish()
        print("result", self.result(), self.error.text(), flush=True)
        return int(self.result())
    if type(self).__name__ in ("LoginDialog", "UnlockLoginDialog"):
        self.login_edit.setText("admin")
        self.password_edit.setText(sys.argv[2])
        self.try_login()
        print("result", self.result(), self.error.text(), flush=True)
        return int(self.result())
    return 0   # anything else (the recovery offer): 退出

def window_shown(self):
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())
    from swdesk.services import base
    print("window", base.current().operator_login, flush=True)
    return 0

QDialog.exec = answer
QApplication.exec = window_shown
from main import main
sys.exit(main(["--db", sys.argv[1]]))
"""


@pytest.fixture
def office_file(account_file, plain_sqlite_only) -> Path:
    return account_file


def start(target: Path, password: str) -> tuple[int, list[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", START, str(target), password], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout.splitlines() + [f"stderr: {done.stderr[-2000:]}"]


def test_the_login_dialog_is_painted_before_the_database_is_opened(office_file):
    code, lines = start(office_file, "geheim123")
    assert code == 0, lines
    assert lines[:3] == ["LoginDialog False", "result 1 ", "window admin"], lines


def test_a_wrong_password_opens_no_window(office_file):
    code, lines = start(office_file, "wrong-pass")
    assert code == 1 and lines[:2] == ["LoginDialog False", "result 0 登录名或密码错误"], lines
    assert not any(line.startswith("window") for line in lines), lines


def test_a_file_that_does_not_open_behind_the_dialog_gets_the_usual_recovery_offer(office_file):
    """The schema is newer than this program: the file opened behind the login dialog is
    refused, the dialog ends, and the start explains it as always (the recovery dialog)."""
    db.open_database(str(office_file))
    SchemaVersion.create(version=migrations.LATEST + 1)
    db.close_database()
    code, lines = start(office_file, "geheim123")
    assert code == 1, lines
    assert lines[:3] == ["LoginDialog False", "result 3 ", "RecoveryDialog True"], lines   # NOT_READY


def test_the_first_run_wizard_is_painted_before_a_new_file_is_made(tmp_path):
    target = tmp_path / "new" / "swdesk.db"
    target.parent.mkdir()
    code, lines = start(target, "secret99")
    assert code == 0, lines
    assert lines[:3] == ["FirstRunWizard False", "result 1 ", "window chen"], lines
    db.open_database(str(target))
    assert operators.has_operators() and Office.get().street == "东街街道"
    db.close_database()


def test_the_login_that_unlocks_an_encrypted_file_is_painted_before_the_core_loads(tmp_path, plain_sqlite_only):
    target = tmp_path / "encrypted.db"
    encryption.prepare_new(target, "office-pass1")
    db.open_database(str(target))
    base.set_session(scope.single_user_session())
    operators.create_operator("王管理", "admin", "管理员", "geheim123")
    db.close_database()
    base.reset_session()
    encryption.forget()
    code, lines = start(target, "geheim123")
    assert code == 0, lines
    assert lines[:3] == ["UnlockLoginDialog False", "result 1 ", "window admin"], lines
    code, lines = start(target, "wrong-pass")
    assert code == 1 and lines[:2] == ["UnlockLoginDialog False",
                                      "result 0 密码或恢复密钥不正确，无法打开加密的数据库（数据库未作任何改动）"], lines


def test_the_window_options_are_read_as_main_py_passes_them():
    from ui.app import WindowArgs, parse_window_args

    assert parse_window_args([]) == WindowArgs()
    assert parse_window_args(["--db", "D:\\社工\\swdesk.db", "--user=admin", "--lang", "en",
                              "--smoke-test"]) == WindowArgs("D:\\社工\\swdesk.db", "admin", "en", True)
    assert parse_window_args(["--db=a=b.db", "--db", "c.db"]).db == "c.db"   # the last one counts
    assert parse_window_args(["--db"]).db is None                            # the default database
