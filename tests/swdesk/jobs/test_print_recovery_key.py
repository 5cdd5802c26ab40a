"""The recovery key as a printed sheet (issue 20): the job, and `recovery-key --pdf`."""
from __future__ import annotations

import datetime as _dt
import re
import subprocess
from pathlib import Path

import pytest

from swdesk import db, encryption
from swdesk.errors import UserError
from swdesk.jobs import print_recovery_key as job
from swdesk.models import AuditLog
from swdesk.services import operators
from swdesk.services.base import default_office

pytestmark = pytest.mark.usefixtures("sqlite_only", "poppler")

PASSWORD = "office-pass-1"


@pytest.fixture
def encrypted(tmp_path):
    path = tmp_path / "office" / "机密.db"
    path.parent.mkdir()
    encryption.prepare_new(path, PASSWORD)
    db.open_database(str(path))
    yield path
    db.close_database()
    encryption.forget()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def key_on(text: str) -> str:
    """The key as read off the sheet: its eight groups of four, joined as the program writes it."""
    groups = re.findall(r"(?<![A-Z0-9])[A-Z2-9]{4}(?![A-Z0-9])", text)
    return "-".join(groups)


def reopen_with(path: Path, secret: str) -> None:
    db.close_database()
    encryption.forget()
    encryption.unlock(path, secret)
    db.open_database(str(path))


def test_sheet_holds_the_key_exactly_and_it_opens_the_database(encrypted, tmp_path):
    key = operators.create_recovery_key()
    out = tmp_path / "sheet.pdf"
    result = job.print_recovery_key(out, key, today=_dt.date(2026, 11, 28))
    text = pdf_text(out)
    assert key_on(text) == key
    flat = text.replace(" ", "")
    for expected in (default_office().centre_name, "机密.db", "2026年11月28日", "锁", "个人信息保护法"):
        assert expected in flat
    assert result.path == out and "锁好" in result.message
    line = AuditLog.select().order_by(AuditLog.id.desc()).first()
    assert "sheet.pdf" in line.summary and key not in str(line.after) and key not in line.summary
    reopen_with(encrypted, key_on(text))
    assert db.is_encrypted()


def test_a_typed_key_that_is_not_one_is_refused_and_nothing_written(encrypted, tmp_path):
    with pytest.raises(UserError, match="不是本程序生成的恢复密钥"):
        job.print_recovery_key(tmp_path / "sheet.pdf", "office-pass-1")
    assert not (tmp_path / "sheet.pdf").exists()


def test_command_writes_the_sheet_instead_of_showing_the_key(encrypted, run_cli, monkeypatch, tmp_path):
    db.close_database()
    monkeypatch.setenv("SWDESK_PASSWORD", PASSWORD)
    out = tmp_path / "恢复密钥.pdf"
    status, stdout, err = run_cli("recovery-key", "--pdf", str(out), db_target=str(encrypted))
    assert status == 0, err
    key = key_on(pdf_text(out))
    assert len(key) == 39 and key not in stdout and str(out) in stdout
    encryption.forget()
    encryption.unlock(encrypted, key)


def test_command_refuses_a_bad_target_before_the_old_key_is_voided(encrypted, run_cli, monkeypatch, tmp_path):
    old = operators.create_recovery_key()
    db.close_database()
    monkeypatch.setenv("SWDESK_PASSWORD", PASSWORD)
    status, _out, err = run_cli("recovery-key", "--pdf", str(tmp_path / "no-such-folder" / "k.pdf"),
                                db_target=str(encrypted))
    assert status == 1 and "Traceback" not in err
    encryption.forget()
    encryption.unlock(encrypted, old)   # the old recovery key still opens it
