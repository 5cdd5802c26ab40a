"""The start-up dialog when the database cannot be opened: say why in plain Chinese and offer what
can help (the latest good backup, another backup file, another database, retry), never a crash.
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
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from swdesk import backup, db
from swdesk.services.base import UserError

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def kind_of(exc: BaseException) -> str:
    """damaged / too_new / locked / read_only / other, from the error's message."""
    from swdesk.migrations import SchemaTooNewError

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
    """Shows the problem and one button per way out; `choice` is the key of the button pressed."""

    def __init__(self, target: str | None, exc: BaseException, latest: Path | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("RecoveryDialog")
        self.setWindowTitle(self.tr("无法打开数据库 — 社工服务台"))
        self.kind = kind_of(exc)
        self.choice = "quit"
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(f"<b>{_escape(str(exc))}</b><br><br>{self.tr(ADVICE[self.kind])}")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        local = not db.is_url(target or "")
        if self.kind == "damaged" and local:
            if latest is not None:
                self._add(column, "latest", self.tr("从最近的备份恢复（{0}）").format(_describe_backup(latest)))
            self._add(column, "choose_backup", self.tr("选择备份文件恢复…"))
        if self.kind in ("locked", "read_only", "other"):
            self._add(column, "retry", self.tr("重试"))
        self._add(column, "open_other", self.tr("打开其他数据库文件…"))
        self._add(column, "quit", self.tr("退出"))
        first = next(iter(self.buttons.values()))
        first.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(column)
        self.setMinimumWidth(520)

    def _add(self, layout: QVBoxLayout, key: str, text: str) -> None:
        button = QPushButton(text)
        button.setObjectName(f"recovery_{key}")
        button.clicked.connect(lambda _=False, k=key: self.choose(k))
        self.buttons[key] = button
        layout.addWidget(button)

    def choose(self, key: str) -> None:
        self.choice = key
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _describe_backup(path: Path) -> str:
    for item in backup.list_backups(path.parent):
        if item.path == path:
            return f"{item.taken_at:%Y-%m-%d %H:%M}"
    return path.name


def _open(target: str | None) -> None:
    from ui.app import open_and_check

    open_and_check(target)


def _restore_and_open(file: str | Path, target: str | None) -> None:
    try:
        replaced, safety = backup.restore(file, target)
    except (UserError, backup.BackupError) as exc:
        raise db.DatabaseOpenError(str(exc)) from exc
    log.info("recovered %s from %s (damaged copy kept as %s)", replaced, file, safety)
    _open(str(replaced))


def offer_recovery(target: str | None, exc: BaseException) -> bool:
    """Loop until a database is open (True) or the clerk chooses 退出 (False)."""
    while True:
        db.close_database()
        latest = None
        if kind_of(exc) == "damaged" and not db.is_url(target or ""):
            try:
                latest = backup.latest_good_backup(target or db.default_target())
            except Exception:
                log.exception("looking for backups failed")
        dialog = RecoveryDialog(target, exc, latest)
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        try:
            if choice == "quit":
                return False
            if choice == "retry":
                _open(target)
            elif choice == "latest" and latest is not None:
                _restore_and_open(latest, target)
            elif choice == "choose_backup":
                path, _ = QFileDialog.getOpenFileName(
                    None, _tr("选择备份文件"), str(backup.configured_dir()),
                    _tr("社工服务台备份 (*.db *.bak);;所有文件 (*)"))
                if not path:
                    continue
                _restore_and_open(path, target)
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
