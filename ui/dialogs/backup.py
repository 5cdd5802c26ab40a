"""文件 → 备份 / 恢复, and the automatic backup at the first start of each day.

备份: a dialog with the folder of automatic backups (e.g. a USB drive), how many to keep, the
backups already there, and 立即备份. 恢复: choose a file; swdesk.backup verifies it, backs up the
current database, then replaces it; a damaged file is refused and nothing changes.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from swdesk import backup, db
from swdesk.errors import UserError
from swdesk.jobs import backup as backup_job
from swdesk.jobs import restore as restore_job
from swdesk.services import settings
from ui import jobs
from ui.dialogs.encryption import unlock_backup

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Backup", text)


def daily_backup_at_start() -> Path | None:
    """The day's first start: back up in the background of the start-up (a few hundred ms for a
    typical file). A failure (USB drive missing, disk full) is logged and shown once, not fatal."""
    try:
        result = backup_job.daily()
        return result.path if result is not None else None
    except (OSError, UserError) as exc:
        log.warning("daily backup failed: %s", exc)
        QMessageBox.warning(None, _tr("自动备份未完成"), _tr(
            "今天的自动备份没有完成：{0}\n\n程序可以正常使用。请检查备份文件夹（例如U盘是否插好），"
            "或在“文件 → 备份”中另选文件夹。").format(exc))
    except Exception:
        log.exception("daily backup failed")
    return None


class BackupDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("BackupDialog")
        self.setWindowTitle(self.tr("备份数据库"))
        self.postgres = db.is_postgres()

        settings_box = QGroupBox(self.tr("自动备份（每天第一次打开程序时）"))
        form = QFormLayout(settings_box)
        self.folder_edit = QLineEdit(str(backup.configured_dir()))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("备份文件夹："), row)
        keep = backup.keep_counts()
        self.keep_spins: dict[str, QSpinBox] = {}
        keep_row = QHBoxLayout()
        for key, label, maximum in (("daily", "每日", 60), ("weekly", "每周", 52), ("monthly", "每月", 120)):
            spin = QSpinBox()
            spin.setRange(0 if key != "daily" else 1, maximum)
            spin.setValue(keep[key])
            self.keep_spins[key] = spin
            keep_row.addWidget(QLabel(self.tr(label)))
            keep_row.addWidget(spin)
        keep_row.addStretch(1)
        form.addRow(self.tr("保留份数："), keep_row)
        save = QPushButton(self.tr("保存设置"))
        save.clicked.connect(self.save_settings)
        form.addRow("", save)

        self.listing = QListWidget()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.setDefault(True)
        self.backup_button.clicked.connect(self.backup_now)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(settings_box)
        layout.addWidget(QLabel(self.tr("此文件夹中的备份（最新的在前）：")))
        layout.addWidget(self.listing, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(560, 440)
        self.refresh_listing()

    def folder(self) -> Path:
        text = self.folder_edit.text().strip()
        return Path(text) if text else backup.configured_dir()

    def browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("选择备份文件夹"), str(self.folder()))
        if path:
            self.folder_edit.setText(path)
            self.refresh_listing()

    def refresh_listing(self) -> None:
        """The backups in the folder; this database's first, others marked as another database's."""
        self.listing.clear()
        mine = backup.short_id(backup.open_identity()) if not self.postgres else None
        items = backup.list_backups(self.folder())[:50]
        for item in sorted(items, key=lambda b: b.short_id != mine):
            size = item.path.stat().st_size if item.path.exists() else 0
            workers = item.sidecar().get("workers")
            whose = self.tr("本数据库") if item.short_id == mine else self.tr("其他数据库")
            counted = self.tr("{0} 名人员").format(f"{workers:,}") if isinstance(workers, int) else ""
            self.listing.addItem(f"{item.taken_at:%Y-%m-%d %H:%M:%S}    {whose}    {counted}    "
                                 f"{size / 1024 / 1024:.1f} MB    {item.path.name}")

    def save_settings(self) -> bool:
        try:
            settings.put("backup_dir", self.folder_edit.text().strip())
            settings.put("backup_keep", {k: s.value() for k, s in self.keep_spins.items()})
        except UserError as exc:
            self.show_status(str(exc), error=True)
            return False
        self.show_status(self.tr("已保存备份设置。"))
        return True

    def show_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    def backup_now(self) -> None:
        folder = self.folder()
        self.backup_button.setEnabled(False)
        self.show_status(self.tr("正在备份…"))

        def done(result) -> None:
            self.backup_button.setEnabled(True)
            self.show_status(self.tr("已备份到：{0}").format(result.path))
            self.refresh_listing()

        def failed(exc: BaseException) -> None:
            self.backup_button.setEnabled(True)
            self.show_status(str(exc), error=True)

        jobs.run_job(self, self.tr("正在备份数据库…"), lambda progress: backup_job.run(folder, progress),
                     on_done=done, on_error=failed)


def backup_now(window) -> BackupDialog:
    dialog = BackupDialog(window)
    dialog.open()
    return dialog


def restore_file(window, path: str | Path) -> tuple[Path, Path | None] | None:
    """Restore `path` over the open database; messages for success and refusal. None if refused."""
    target = db.sqlite_path()
    if target is None:
        QMessageBox.information(window, _tr("恢复"), _tr(
            "当前连接的是数据库服务器（PostgreSQL）。请由数据库管理员用 pg_restore 在服务器上恢复。"))
        return None
    # The file is replaced only with every connection closed: background jobs and the roster's
    # search thread stop first (each closes its own connection), then the restore closes ours.
    if not unlock_backup(window, path):   # an encrypted backup of another key asks its password
        return None
    jobs.release_database(window)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        try:
            job = restore_job.run(path, target)
        except backup.OtherDatabaseError as exc:
            QGuiApplication.restoreOverrideCursor()
            answer = QMessageBox.question(window, _tr("不是当前数据库的备份"),
                                          str(exc) + _tr("\n\n仍要用它替换当前数据库吗？当前数据库会另存一份。"))
            if answer != QMessageBox.StandardButton.Yes:
                return None
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            job = restore_job.run(path, target, allow_other_database=True)
    except UserError as exc:
        QGuiApplication.restoreOverrideCursor()
        QMessageBox.warning(window, _tr("无法恢复"), str(exc))
        return None
    QGuiApplication.restoreOverrideCursor()
    replaced, safety = job.path, job.data
    result = (replaced, safety)
    if hasattr(window, "update_title"):
        window.update_title()
    if hasattr(window, "data_changed"):
        window.data_changed.emit("*")
    QMessageBox.information(window, _tr("恢复完成"), _tr(
        "已从 {0} 恢复数据库。\n恢复前的数据库已另存为：{1}").format(Path(path).name, safety or _tr("（无）")))
    return result


def whose_backup(path: Path) -> str:
    """"2026-11-28 16:36，2,672 名人员，3.1 MB，当前数据库的备份" — whose the file is."""
    whose = backup.read_whose(path)
    taken = next((b.taken_at for b in backup.list_backups(path.parent) if b.path == path), None)
    text = backup.describe(path, whose, taken)
    mine = backup.open_identity() if not db.is_postgres() else None
    if whose.identity is None or mine is None:
        return text + _tr("，无法确定是哪个数据库的备份")
    return text + (_tr("，当前数据库的备份") if whose.identity == mine else _tr("，另一个数据库的备份"))


def restore_from_file(window) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window, _tr("选择要恢复的备份文件"), str(backup.configured_dir()),
        _tr("社工服务台备份 (*.db *.bak);;所有文件 (*)"))
    if not path:
        return
    answer = QMessageBox.question(
        window, _tr("确认恢复"),
        _tr("将用备份文件\n{0}\n（{1}）\n替换当前数据库。恢复前会先检查该文件，当前数据库会另存一份。\n\n是否继续？")
        .format(path, whose_backup(Path(path))))
    if answer != QMessageBox.StandardButton.Yes:
        return
    restore_file(window, path)
