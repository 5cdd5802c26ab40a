"""Records encrypted at rest (issue 20): the key file, passwords, the recovery key, backups."""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
from pathlib import Path

import pytest

from swdesk import backup, check, db, encryption, idcard
from swdesk.services import operators, workers
from swdesk.services.base import Session, UserError, reset_session, set_session

pytestmark = pytest.mark.usefixtures("sqlite_only")

PASSWORD = "office-pass-1"
NAME = "欧阳秘密"
ID_NUMBER = idcard.make("350502", _dt.date(1987, 6, 5), 123)
PHONE = "13976543210"


@pytest.fixture
def encrypted(tmp_path):
    """A new encrypted database holding one planted worker; yields its path (open)."""
    path = tmp_path / "office" / "swdesk.db"
    path.parent.mkdir()
    encryption.prepare_new(path, PASSWORD)
    db.open_database(str(path))
    workers.create({"name": NAME, "id_number": ID_NUMBER, "phone": PHONE, "sector": "企业",
                    "education": "大专", "title": "初级"})
    yield path
    db.close_database()
    encryption.forget()


def planted_in(path: Path) -> list[str]:
    data = path.read_bytes()
    return [s for s in (NAME, ID_NUMBER, PHONE) if s.encode("utf-8") in data or s.encode("utf-16-le") in data]


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def reopen(path: Path, secret: str, label: str | None = None) -> None:
    db.close_database()
    encryption.forget()
    encryption.unlock(path, secret, label)
    db.open_database(str(path))


def test_database_and_backup_bytes_hold_no_planted_value(encrypted, tmp_path):
    folder = tmp_path / "bk"
    copy = backup.backup_to_dir(folder)
    # While open: the database, its WAL and the backup; the plain control proves the probe works.
    for file in [*encrypted.parent.iterdir(), *folder.iterdir()]:
        assert planted_in(file) == [], file
    assert copy.read_bytes()[:16] != b"SQLite format 3\x00"
    assert encryption.keys_path(copy).is_file()
    db.close_database()
    for file in encrypted.parent.iterdir():
        assert planted_in(file) == [], file
    plain = tmp_path / "plain.db"
    db.open_database(str(plain))
    workers.create({"name": NAME, "id_number": ID_NUMBER, "phone": PHONE, "sector": "企业",
                    "education": "大专", "title": "初级"})
    db.close_database()
    assert planted_in(plain) == [NAME, ID_NUMBER, PHONE]


def test_closed_encrypted_database_asks_for_its_password(encrypted):
    db.close_database()
    encryption.forget()
    with pytest.raises(db.DatabaseLocked, match="数据库已加密"):
        db.open_database(str(encrypted))
    encryption.unlock(encrypted, PASSWORD)
    db.open_database(str(encrypted))
    assert db.is_encrypted() and check.run_checks() == []


def test_wrong_password_says_so_and_changes_nothing(encrypted):
    db.close_database()
    encryption.forget()
    before = fingerprint(encrypted.parent)
    with pytest.raises(encryption.WrongSecret, match="密码或恢复密钥不正确.*未作任何改动"):
        encryption.unlock(encrypted, "not-the-password")
    assert encryption.key_for(encrypted) is None
    with pytest.raises(db.DatabaseLocked):
        db.open_database(str(encrypted))
    assert fingerprint(encrypted.parent) == before


@pytest.mark.parametrize("damage", ["garbage", "truncated", "missing", "wrong-database"])
def test_damaged_key_file_says_so_and_changes_nothing(encrypted, tmp_path, damage):
    db.close_database()
    encryption.forget()
    keys = encryption.keys_path(encrypted)
    if damage == "garbage":
        keys.write_bytes(b"\x00\xff not json")
    elif damage == "truncated":
        keys.write_bytes(keys.read_bytes()[:120])
    elif damage == "missing":
        keys.unlink()
    else:  # the key file of another encrypted database, same password
        other = tmp_path / "other.db"
        encryption.prepare_new(other, PASSWORD)
        db.open_database(str(other))
        db.close_database()
        keys.write_bytes(encryption.keys_path(other).read_bytes())
    before = fingerprint(encrypted.parent)
    with pytest.raises(encryption.DamagedKeyFile, match=r"密钥文件.*\.keys.*未作任何改动") as caught:
        encryption.unlock(encrypted, PASSWORD)
    assert "Traceback" not in str(caught.value) and "Error" not in str(caught.value)
    assert fingerprint(encrypted.parent) == before


def test_password_change_rewraps_and_never_rewrites_the_database(encrypted):
    db.close_database()
    database_bytes = encrypted.read_bytes()
    encryption.change_password(encrypted, PASSWORD, "new-office-pass")
    assert encrypted.read_bytes() == database_bytes
    with pytest.raises(encryption.WrongSecret):
        encryption.change_password(encrypted, PASSWORD, "another-pass")
    with pytest.raises(encryption.WrongSecret):
        reopen(encrypted, PASSWORD)
    reopen(encrypted, "new-office-pass")
    assert workers.Worker.get().name == NAME


def test_recovery_key_opens_and_replaces_the_old_one(encrypted):
    first = operators.create_recovery_key()
    second = operators.create_recovery_key()
    assert first != second and len(second) == 39
    reopen(encrypted, second.lower().replace("-", " "))
    assert workers.Worker.get().name == NAME
    with pytest.raises(encryption.WrongSecret):
        reopen(encrypted, first)
    slots = json.loads(encryption.keys_path(encrypted).read_text(encoding="utf-8"))["slots"]
    assert second not in json.dumps(slots) and [s["kind"] for s in slots].count("recovery") == 1


def test_recovery_key_only_for_an_administrator_and_an_encrypted_database(encrypted, tmp_path):
    operators.create_operator("管理员甲", "admin", "管理员", "admin-pass")
    operators.create_operator("录入员乙", "clerk", "录入员", "clerk-pass")
    operators.log_in("clerk", "clerk-pass")
    with pytest.raises(UserError, match="仅限管理员"):
        operators.create_recovery_key()
    db.close_database()
    reset_session()
    db.open_database(str(tmp_path / "plain.db"))
    with pytest.raises(UserError, match="未加密"):
        operators.create_recovery_key()


def test_each_operator_password_opens_and_a_stopped_account_no_longer(encrypted):
    operators.create_operator("管理员甲", "admin", "管理员", "admin-pass")
    operators.create_operator("录入员乙", "clerk", "录入员", "clerk-pass")
    operators.log_in("admin", "admin-pass")
    reopen(encrypted, "clerk-pass", encryption.operator_label("clerk"))
    operators.log_in("admin", "admin-pass")
    operators.change_password(operators.Operator.get(operators.Operator.login == "clerk").id, "clerk-new")
    reopen(encrypted, "clerk-new", encryption.operator_label("clerk"))
    with pytest.raises(encryption.WrongSecret):
        reopen(encrypted, "clerk-pass", encryption.operator_label("clerk"))
    encryption.unlock(encrypted, "admin-pass")
    db.open_database(str(encrypted))
    operators.log_in("admin", "admin-pass")
    operators.deactivate(operators.Operator.get(operators.Operator.login == "clerk").id)
    with pytest.raises(encryption.WrongSecret):
        reopen(encrypted, "clerk-new", encryption.operator_label("clerk"))
    reopen(encrypted, PASSWORD)   # the office password still opens it


def test_operator_of_a_database_encrypted_later_gets_a_slot_at_login(encrypted):
    operators.create_operator("管理员甲", "admin", "管理员", "admin-pass")
    keys = encryption.keys_path(encrypted)
    data = json.loads(keys.read_text(encoding="utf-8"))
    data["slots"] = [s for s in data["slots"] if s["label"] == encryption.OFFICE]
    keys.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(encryption.WrongSecret):
        encryption.unwrap_key(encrypted, "admin-pass")
    set_session(Session())
    operators.log_in("admin", "admin-pass")
    reopen(encrypted, "admin-pass", encryption.operator_label("admin"))


def test_encrypted_backup_restores_with_password_or_recovery_key(encrypted, tmp_path):
    recovery = operators.create_recovery_key()
    copy = backup.backup_to_dir(tmp_path / "bk")
    workers.create({"name": "备份之后", "id_number": idcard.make("350502", _dt.date(1990, 1, 2), 31),
                    "phone": "13800001111", "sector": "企业", "education": "大专", "title": "初级"})
    db.close_database()
    encryption.forget()
    with pytest.raises(encryption.KeyNeeded, match="已加密"):
        backup.verify_file(copy)
    encryption.unlock(copy, recovery)          # the backup's own key file
    encryption.unlock(encrypted, PASSWORD)
    target, aside = backup.restore(copy, encrypted)
    assert aside is not None and encryption.keys_path(aside).is_file()
    encryption.forget()
    encryption.unlock(target, PASSWORD)
    db.open_database(str(target))
    assert [w.name for w in workers.Worker.select()] == [NAME]
    assert check.run_checks() == []


def test_backup_without_its_key_file_opens_with_the_databases_key(encrypted, tmp_path):
    copy = backup.backup_to_dir(tmp_path / "bk")
    encryption.keys_path(copy).unlink()
    db.close_database()
    encryption.forget()
    encryption.unlock(encrypted, PASSWORD)
    assert backup.verify_file(copy) > 0
    assert backup.read_whose(copy).workers == 1


def test_plain_database_stays_plain(tmp_path):
    path = tmp_path / "plain.db"
    db.open_database(str(path))
    try:
        assert not db.is_encrypted()
    finally:
        db.close_database()
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not encryption.keys_path(path).exists()


def test_command_line_takes_the_password_from_the_environment(encrypted, run_cli, monkeypatch):
    db.close_database()
    monkeypatch.delenv("SWDESK_PASSWORD", raising=False)
    status, _out, err = run_cli("check", db_target=str(encrypted))
    assert status == 1 and "SWDESK_PASSWORD" in err
    monkeypatch.setenv("SWDESK_PASSWORD", "wrong-pass")
    status, _out, err = run_cli("check", db_target=str(encrypted))
    assert status == 1 and "密码或恢复密钥不正确" in err and "Traceback" not in err
    monkeypatch.setenv("SWDESK_PASSWORD", PASSWORD)
    status, out, err = run_cli("check", db_target=str(encrypted))
    assert status == 0, err
    status, out, err = run_cli("backup", str(encrypted.parent.parent / "usb"), db_target=str(encrypted))
    assert status == 0, err
    made = Path(out.split("：", 1)[1].strip())
    assert planted_in(made) == [] and encryption.keys_path(made).is_file()


def test_restore_repairs_a_database_whose_key_file_is_damaged(encrypted, run_cli, monkeypatch):
    copy = backup.backup_to_dir(encrypted.parent.parent / "usb")
    db.close_database()
    encryption.keys_path(encrypted).write_text("{damaged", encoding="utf-8")
    monkeypatch.setenv("SWDESK_PASSWORD", PASSWORD)
    status, _out, err = run_cli("check", db_target=str(encrypted))
    assert status == 1 and "密钥文件已损坏" in err
    status, out, err = run_cli("restore", str(copy), db_target=str(encrypted))
    assert status == 0, err
    status, out, err = run_cli("check", db_target=str(encrypted))
    assert status == 0 and "检查通过" in out, err
