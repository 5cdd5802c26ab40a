"""The start-up dialog when the database cannot be opened: say why in plain Chinese and offer what
can help (the latest good backup OF THIS DATABASE, another backup file, another database, retry),
never a crash.

Only backups with the damaged database's identity are offered (swdesk.backup.recovery_candidates),
each with whose it is (time, workers, size); a backup smaller than the damaged file is never the
default and asks first. The damaged file is moved aside by the restore, never deleted.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from swdesk import backup, db
from swdesk.errors import UserError
from swdesk.jobs import restore as restore_job
from swdesk.migrations import SchemaTooNewError

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def kind_of(exc: BaseException) -> str:
    """damaged / too_new / locked / read_only / other, from the error's message."""
    text = str(exc)
    if isinstance(exc, SchemaTooNewError) or "更新版本" in text:
        return "too_new"
    if "损坏" in text or "不是有效" in text:
        return "damaged"
    if "占用" in text or "locked" in text:
        return "locked"
    if "只读" in text:
        return "read_only"
    return "other"


ADVICE = {
    "damaged": "数据库文件已损坏（可能是停电或强行关机造成的）。建议从最近一次完好的备份恢复；"
               "恢复前，损坏的文件会另存一份，不会丢失。",
    "too_new": "这个数据库由更新版本的社工服务台使用过。请安装新版程序后再打开；数据没有任何改动。",
    "locked": "数据库正被另一个程序（或另一个社工服务台窗口）使用。请关闭它后点“重试”。",
    "read_only": "数据库文件或所在文件夹是只读的（例如在光盘上，或文件属性设为只读）。"
                 "请把文件复制到可写的位置，或取消只读属性后重试。",
    "other": "请检查文件位置或网络连接后重试。",
}


class RecoveryDialog(QDialog):
    """Shows the problem and one button per way out; `choice` is the key of the button pressed.

    `candidates`: verified backups of this very database, newest first (may be empty)."""

    def __init__(self, target: str | None, exc: BaseException, candidates: list[backup.Candidate],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("RecoveryDialog")
        self.setWindowTitle(self.tr("无法打开数据库 — 社工服务台"))
        self.kind = kind_of(exc)
        self.choice = "quit"
        self.candidates = candidates
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(f"<b>{_escape(str(exc))}</b><br><br>{self.tr(ADVICE[self.kind])}"
                              + self._backups_note(target))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        self._add_buttons(column, target)
        self.default_key = self._default_key()
        self.buttons[self.default_key].setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(column)
        self.setMinimumWidth(520)

    def _backups_note(self, target: str | None) -> str:
        if self.kind != "damaged" or db.is_url(target or ""):
            return ""
        if not self.candidates:
            return "<br><br>" + self.tr("没有找到这个数据库自己的备份（其他数据库的备份不会用于恢复）。")
        latest = self.candidates[0]
        note = self.tr("这个数据库最近的备份：{0}。").format(_escape(latest.label()))
        if latest.smaller_than_current:
            note += "<br><b>" + self.tr("注意：该备份比损坏的文件小，可能缺少最近录入的数据。") + "</b>"
        return "<br><br>" + note

    def _add_buttons(self, column: QVBoxLayout, target: str | None) -> None:
        local = not db.is_url(target or "")
        if self.kind == "damaged" and local:
            if self.candidates:
                latest = self.candidates[0]
                text = self.tr("从最近的备份恢复（{0}）").format(latest.label())
                if latest.smaller_than_current:
                    text += self.tr("——比损坏的文件小")
                self._add(column, "latest", text)
            self._add(column, "choose_backup", self.tr("选择备份文件恢复…"))
        if self.kind in ("locked", "read_only", "other"):
            self._add(column, "retry", self.tr("重试"))
        self._add(column, "open_other", self.tr("打开其他数据库文件…"))
        self._add(column, "quit", self.tr("退出"))

    def _default_key(self) -> str:
        """Never a backup smaller than the damaged file as the default (a click would lose data)."""
        keys = list(self.buttons)
        if keys[0] == "latest" and self.candidates[0].smaller_than_current:
            return keys[1]
        return keys[0]

    def _add(self, layout: QVBoxLayout, key: str, text: str) -> None:
        button = QPushButton(text)
        button.setObjectName(f"recovery_{key}")
        button.clicked.connect(lambda _=False, k=key: self.choose(k))
        self.buttons[key] = button
        layout.addWidget(button)

    def choose(self, key: str) -> None:
        if key == "latest" and self.candidates and self.candidates[0].smaller_than_current:
            answer = QMessageBox.question(
                self, self.tr("确认恢复"),
                self.tr("这个备份（{0}）比损坏的文件小，恢复后可能缺少最近录入的数据。损坏的文件会另存一份。"
                        "\n\n仍要用它恢复吗？").format(self.candidates[0].label()))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.choice = key
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _open(target: str | None) -> None:
    from ui.opening import open_and_check

    open_and_check(target)


def _restore_and_open(file: str | Path, target: str | None) -> bool:
    """Restore `file` over `target` and open it; False when the clerk declined a backup of another
    database. DatabaseOpenError when the restore or the open fails."""
    try:
        try:
            result = restore_job.run(file, target)
        except backup.OtherDatabaseError as exc:
            answer = QMessageBox.question(None, _tr("不是这个数据库的备份"),
                                          str(exc) + _tr("\n\n仍要用它替换损坏的数据库吗？损坏的文件会另存一份。"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
            result = restore_job.run(file, target, allow_other_database=True)
    except UserError as exc:
        raise db.DatabaseOpenError(str(exc)) from exc
    log.info("recovered %s from %s (damaged copy kept as %s)", result.path, file, result.data)
    _open(str(result.path))
    return True


def offer_recovery(target: str | None, exc: BaseException) -> bool:
    """Loop until a database is open (True) or the clerk chooses 退出 (False)."""
    while True:
        db.close_database()
        candidates: list[backup.Candidate] = []
        if kind_of(exc) == "damaged" and not db.is_url(target or ""):
            try:
                candidates = backup.recovery_candidates(target or db.default_target())
            except Exception:
                log.exception("looking for backups failed")
        dialog = RecoveryDialog(target, exc, candidates)
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        try:
            if choice == "quit":
                return False
            if choice == "retry":
                _open(target)
            elif choice == "latest" and candidates:
                _restore_and_open(candidates[0].path, target)  # same identity: never refused as other
            elif choice == "choose_backup":
                path, _ = QFileDialog.getOpenFileName(
                    None, _tr("选择备份文件"), str(backup.configured_dir()),
                    _tr("社工服务台备份 (*.db *.bak);;所有文件 (*)"))
                if not path or not _restore_and_open(path, target):
                    continue
            elif choice == "open_other":
                path, _ = QFileDialog.getOpenFileName(
                    None, _tr("打开数据库"), "", _tr("社工服务台数据库 (*.db);;所有文件 (*)"))
                if not path:
                    continue
                _open(path)
                target = path
            else:
                continue
        except db.DatabaseOpenError as again:
            log.warning("recovery attempt %s failed: %s", choice, again)
            exc = again
            continue
        return True
