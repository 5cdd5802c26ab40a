"""设置 → 数据加密 and the password asked at start (issue 20), with real widgets."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLabel, QMessageBox, QWidget

from swdesk import check, db, encryption
from swdesk.jobs import demo as demo_job
from swdesk.services import base, operators
from swdesk.services.base import reset_session
from ui import opening
from ui.dialogs import encryption as dialog_module
from ui.dialogs import login, printing
from ui.dialogs.pdf_preview import PdfPreviewDialog

pytestmark = pytest.mark.usefixtures("sqlite_only")

PASSWORD = "office-pass-1"


@pytest.fixture
def boxes(monkeypatch):
    """Every message box answered at once and remembered (title, text)."""
    shown: list[tuple[str, str]] = []

    def answer(_parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, answer)
    return shown


def typed(monkeypatch, answers: list[str | None]) -> None:
    """The password box answers these in turn (None = 取消)."""
    queue = list(answers)

    def get_text(*_args, **_kwargs):
        value = queue.pop(0)
        return ("", False) if value is None else (value, True)

    monkeypatch.setattr(QInputDialog, "getText", get_text)


@pytest.fixture
def encrypted_file(tmp_path):
    path = tmp_path / "swdesk.db"
    encryption.prepare_new(path, PASSWORD)
    db.open_database(str(path))
    db.close_database()
    encryption.forget()
    yield path
    db.close_database()


def test_start_asks_the_password_until_it_is_right(qtbot, monkeypatch, boxes, encrypted_file):
    typed(monkeypatch, ["wrong-one", PASSWORD])
    assert opening.open_database_interactively(str(encrypted_file))
    assert db.is_encrypted() and check.run_checks() == []
    assert [title for title, _ in boxes] == ["密码不正确"]


def test_start_cancelled_opens_nothing(qtbot, monkeypatch, boxes, encrypted_file):
    typed(monkeypatch, [None])
    assert not opening.open_database_interactively(str(encrypted_file))
    assert encryption.key_for(encrypted_file) is None and boxes == []


def test_damaged_key_file_at_start_is_said_once(qtbot, monkeypatch, boxes, encrypted_file):
    encryption.keys_path(encrypted_file).write_text("{broken", encoding="utf-8")
    typed(monkeypatch, [PASSWORD])
    assert not opening.open_database_interactively(str(encrypted_file))
    assert len(boxes) == 1 and "密钥文件已损坏" in boxes[0][1]


def test_new_password_dialog_wants_the_same_twice(qtbot):
    dialog = dialog_module.NewPasswordDialog(None, "设置数据库密码")
    qtbot.addWidget(dialog)
    dialog.new.setText("abcdef1")
    dialog.again.setText("abcdef2")
    dialog._check()
    assert dialog.result() != QDialog.DialogCode.Accepted and "不一致" in dialog.problem.text()
    dialog.again.setText("abcdef1")
    dialog._check()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_menu_converts_the_open_database_in_the_background(qtbot, monkeypatch, boxes, tmp_path):
    path = tmp_path / "office.db"
    db.open_database(str(path))
    demo_job.fill_demo(200)
    window = QWidget()
    qtbot.addWidget(window)
    dialog = dialog_module.EncryptionDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.encrypt_button.isEnabled() and not dialog.recovery_button.isEnabled()
    dialog_module.encrypt_open_database(window, PASSWORD, dialog.refresh)
    qtbot.waitUntil(lambda: any("数据库已加密" in text for _, text in boxes), timeout=60000)
    try:
        assert db.is_encrypted() and encryption.is_encrypted_file(path)
        assert check.run_checks() == []
        assert not dialog.encrypt_button.isEnabled() and dialog.recovery_button.isEnabled()

        shown = []
        monkeypatch.setattr(dialog_module.RecoveryKeyDialog, "exec", lambda box: shown.extend(
            label.text() for label in box.findChildren(QLabel)))
        dialog.create_recovery_key()
        key = next(text for text in shown if encryption.normalize_recovery_key(text))
        db.close_database()
        encryption.forget()
        encryption.unlock(path, key)
        db.open_database(str(path))
        assert operators.list_operators() == []
    finally:
        db.close_database()


@pytest.fixture
def key_dialog(qtbot, tmp_path):
    """The recovery key window of a new encrypted database, as shown after 创建恢复密钥…."""
    path = tmp_path / "office" / "swdesk.db"
    path.parent.mkdir()
    encryption.prepare_new(path, PASSWORD)
    db.open_database(str(path))
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = dialog_module.RecoveryKeyDialog(parent, operators.create_recovery_key())
    qtbot.addWidget(dialog)
    yield dialog
    db.close_database()
    encryption.forget()


def preview_of(qtbot, dialog) -> PdfPreviewDialog:
    qtbot.waitUntil(lambda: bool(dialog.findChildren(PdfPreviewDialog)), timeout=60000)
    return dialog.findChildren(PdfPreviewDialog)[0]


def key_in(pdf: str) -> str:
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    return "-".join(re.findall(r"(?<![A-Z0-9])[A-Z2-9]{4}(?![A-Z0-9])", text))


@pytest.mark.usefixtures("poppler", "boxes")
def test_recovery_key_saved_as_pdf_from_where_it_is_shown(qtbot, monkeypatch, key_dialog, tmp_path):
    out = tmp_path / "sheet.pdf"
    monkeypatch.setattr(printing, "ask_pdf_path", lambda *_args: str(out))
    assert key_dialog.key_label.text() == key_dialog.key
    key_dialog.save_button.click()
    preview = preview_of(qtbot, key_dialog)
    assert preview.path == str(out) and key_in(str(out)) == key_dialog.key
    preview.close()


@pytest.mark.usefixtures("poppler", "boxes")
def test_recovery_key_printed_through_a_file_removed_when_the_window_closes(qtbot, key_dialog):
    key_dialog.print_button.click()
    preview = preview_of(qtbot, key_dialog)
    assert preview.print_button.isEnabled() and key_in(preview.path) == key_dialog.key
    preview.close()
    key_dialog.reject()
    assert not Path(preview.path).exists() and not Path(preview.path).parent.exists()


@pytest.fixture
def with_accounts(tmp_path):
    """A closed encrypted database with two operators (each with a slot in the key file)."""
    path = tmp_path / "accounts.db"
    encryption.prepare_new(path, PASSWORD)
    db.open_database(str(path))
    operators.create_operator("管理员甲", "admin", "管理员", "admin-pass")
    operators.create_operator("录入员乙", "clerk", "录入员", "clerk-pass")
    db.close_database()
    reset_session()
    encryption.forget()
    yield path
    db.close_database()
    encryption.forget()


class ModalWatch:
    """Every modal dialog that opens is remembered and answered by `answer(dialog)` (default: 取消)."""

    def __init__(self, answer=None):
        self.seen: list[QDialog] = []
        self.answer = answer or (lambda dialog: dialog.reject())
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(20)

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog not in self.seen:
            self.seen.append(dialog)
            self.answer(dialog)

    def stop(self) -> None:
        self.timer.stop()


def sign_in(dialog, name: str, secret: str) -> None:
    dialog.login_edit.setText(name)
    dialog.password_edit.setText(secret)
    dialog.ok_button.click()


def test_operator_types_one_password_for_database_and_login(qtbot, monkeypatch, boxes, with_accounts):
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: pytest.fail("office password asked"))
    tries = []

    def answer(dialog):
        assert isinstance(dialog, dialog_module.UnlockLoginDialog)
        sign_in(dialog, "clerk", "wrong-pass")
        tries.append(dialog.error.text())
        sign_in(dialog, "clerk", "clerk-pass")

    watch = ModalWatch(answer)
    try:
        assert opening.open_database_interactively(str(with_accounts))
        assert tries == ["密码或恢复密钥不正确，无法打开加密的数据库（数据库未作任何改动）"]
        assert login.login_at_start(None)
    finally:
        watch.stop()
    assert len(watch.seen) == 1   # no second dialog: the login used the same password
    assert base.current().operator_login == "clerk" and db.is_encrypted()


def test_recovery_key_at_start_opens_then_the_login_asks(qtbot, monkeypatch, boxes, with_accounts):
    encryption.unlock(with_accounts, PASSWORD)
    db.open_database(str(with_accounts))
    operators.log_in("admin", "admin-pass")
    key = operators.create_recovery_key()
    db.close_database()
    reset_session()
    encryption.forget()

    def answer(dialog):
        if isinstance(dialog, dialog_module.UnlockLoginDialog):
            sign_in(dialog, "admin", key)
        else:
            assert dialog.login_edit.text() == "admin"
            sign_in(dialog, "admin", "admin-pass")

    watch = ModalWatch(answer)
    try:
        assert opening.open_database_interactively(str(with_accounts))
        assert login.login_at_start(None)
    finally:
        watch.stop()
    assert [type(d).__name__ for d in watch.seen] == ["UnlockLoginDialog", "LoginDialog"]
    assert base.current().operator_login == "admin"
