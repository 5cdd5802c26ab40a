"""swdesk/peek.py: what the start knows of a database file before opening it (sqlite3 alone)."""
from __future__ import annotations

import os
import sys

from swdesk import db, encryption, locations, peek
from swdesk.services import base, operators, scope, settings


def made(path, *, account: bool = False, single_user: bool = False) -> str:
    db.open_database(str(path))
    base.set_session(scope.single_user_session())
    if account:
        operators.create_operator("王管理", "admin", "管理员", "geheim123")
    if single_user:
        settings.put(peek.SINGLE_USER_SETTING, True)
    db.close_database()
    base.reset_session()
    return str(path)


def test_accounts_mean_the_login_dialog(tmp_path):
    assert peek.first_step(made(tmp_path / "社工 数据?#.db", account=True)) == peek.LOGIN


def test_no_account_means_the_wizard_unless_single_user_mode_was_chosen(tmp_path):
    assert peek.first_step(made(tmp_path / "empty.db")) == peek.WIZARD
    assert peek.first_step(made(tmp_path / "single.db", single_user=True)) == peek.WINDOW


def test_a_new_or_empty_file_means_the_wizard(tmp_path):
    assert peek.first_step(str(tmp_path / "new.db")) == peek.WIZARD
    (tmp_path / "zero.db").touch()
    assert peek.first_step(str(tmp_path / "zero.db")) == peek.WIZARD
    assert not (tmp_path / "new.db").exists()   # looking created nothing


def test_the_default_database_is_looked_at_when_no_target_is_given(tmp_path):
    made(locations.default_target(), account=True)
    assert peek.first_step(None) == peek.LOGIN


def test_only_opening_can_tell_for_other_files(tmp_path):
    assert peek.first_step("postgresql://clerk@127.0.0.1:5432/swdesk") is None
    (tmp_path / "notes.db").write_text("不是数据库" * 200, encoding="utf-8")
    assert peek.first_step(str(tmp_path / "notes.db")) is None
    (tmp_path / "folder.db").mkdir()
    assert peek.first_step(str(tmp_path / "folder.db")) is None
    encrypted = tmp_path / "encrypted.db"
    encryption.prepare_new(encrypted, "secret99")
    made(encrypted)
    encryption.forget()
    assert peek.first_step(str(encrypted)) is None   # the office password: asked after opening


def test_an_encrypted_file_with_operators_passwords_means_their_login(tmp_path):
    encrypted = tmp_path / "encrypted.db"
    encryption.prepare_new(encrypted, "secret99")
    made(encrypted, account=True)
    encryption.forget()
    assert "operator:admin" in encryption.labels(encrypted)
    assert peek.first_step(str(encrypted)) == peek.UNLOCK
    keys = encryption.keys_path(encrypted)
    keys.write_text("{不是密钥文件", encoding="utf-8")
    assert peek.first_step(str(encrypted)) is None   # the usual start says what is wrong with it
    keys.unlink()
    assert peek.first_step(str(encrypted)) is None


def test_a_file_another_process_has_open_is_left_to_the_open(tmp_path):
    """Its marker says another process has it open or ended without closing it: then the quick
    check must read the file first (swdesk/db.py), not this look."""
    target = made(tmp_path / "office.db", account=True)
    marker = locations.data_dir() / f"{locations.open_marker_stem(target)}99999999.marker"
    marker.write_text("", encoding="utf-8")
    assert peek.first_step(target) is None
    marker.unlink()
    assert peek.first_step(target) == peek.LOGIN
    other = made(tmp_path / "other.db")   # another file's marker says nothing of this one
    marker = locations.data_dir() / f"{locations.open_marker_stem(other)}99999999.marker"
    marker.write_text("", encoding="utf-8")
    assert peek.first_step(target) == peek.LOGIN
    assert peek.first_step(other) is None
    marker.unlink()


def test_looking_loads_no_peewee(tmp_path):
    import subprocess

    target = made(tmp_path / "office.db", account=True)
    code = ("import sys; from swdesk import peek; print(peek.first_step(sys.argv[1]), "
            "*(m in sys.modules for m in ('peewee', 'PySide6', 'json', 'hashlib')))")
    env = dict(os.environ, SWDESK_DATA_DIR=str(tmp_path / "data"))   # no marker: nothing hashed
    done = subprocess.run([sys.executable, "-c", code, target], capture_output=True, text=True, timeout=60,
                          check=True, env=env)
    # json and hashlib only when needed (an encrypted file; some marker): ~5 ms of the login
    # dialog's start (bench/startup.py)
    assert done.stdout.split() == ["login", "False", "False", "False", "False"]



def test_the_quick_check_runs_behind_the_start_and_its_outcome_is_taken_once(tmp_path):
    target = made(tmp_path / "office.db", account=True)
    peek.start_quick_check(target, peek.first_step(target))
    assert peek.take_quick_check(target) == (["ok"], None)
    assert peek.take_quick_check(target) is None     # taken: a later open checks by itself

def test_no_early_check_where_the_open_must_look_first(tmp_path):
    new = str(tmp_path / "new.db")
    peek.start_quick_check(new, peek.first_step(new))
    assert peek._started is None and not (tmp_path / "new.db").exists()   # nothing created
    peek.start_quick_check("postgresql://clerk@127.0.0.1:5432/swdesk", None)
    peek.start_quick_check(made(tmp_path / "left_open.db"), None)         # a file left open
    peek.start_quick_check(made(tmp_path / "encrypted.db"), peek.UNLOCK)
    assert peek._started is None


def test_a_check_of_another_file_is_stopped_not_used(tmp_path):
    first = made(tmp_path / "first.db", account=True)
    second = made(tmp_path / "second.db", account=True)
    peek.start_quick_check(first, peek.LOGIN)
    check = peek._started
    assert peek.take_quick_check(second) is None
    assert not check._thread.is_alive() and peek._started is None
    peek.start_quick_check(first, peek.LOGIN)
    check = peek._started
    peek.stop_quick_check()                     # at exit, unread (the login was cancelled)
    assert not check._thread.is_alive() and peek._started is None
