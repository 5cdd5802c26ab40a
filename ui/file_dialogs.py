"""File dialogs that never open the files they list.

Qt's file dialog (the widget one: Linux, and every platform in tests) opens each listed file whose
name says nothing of its type to read its first bytes (QMimeDatabase: big.db → "SQLite format 3"
→ application/vnd.sqlite3; big.db-wal, big.db-shm alike). On POSIX, closing that handle drops
every lock this process holds on the file — SQLite's too — which let another program's sqlite3
delete the live WAL or truncate the mapped -shm (issue 22; tests/ui/test_database_file_guard.py).
swdesk/connection.py's FileGuard keeps the locks that matter; this module keeps the dialogs from
touching the files at all: icons and type names come from the file name only.

`install()` (ui/app.py, at start) makes QFileDialog's static functions — which every dialog of
the window uses — build their dialog with that icon provider. On Linux the widget dialog is used
(a native GTK dialog would sniff the files inside this process just the same).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

_ORIGINAL = {name: getattr(QFileDialog, name) for name in
             ("getSaveFileName", "getOpenFileName", "getOpenFileNames", "getExistingDirectory")}


class NameOnlyIconProvider(QFileIconProvider):
    """A folder or a file icon and "XLSX 文件"-style type names, without opening anything."""

    def icon(self, what):
        if isinstance(what, QFileInfo):
            kind = QFileIconProvider.IconType.Folder if what.isDir() else QFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "文件夹")
        suffix = info.suffix().upper()
        return QCoreApplication.translate("FileDialogs", "{0} 文件").format(suffix) if suffix else \
            QCoreApplication.translate("FileDialogs", "文件")


_provider: NameOnlyIconProvider | None = None
_empty_dir: str | None = None


def _make(parent: QWidget | None, caption: str, directory: str, filters: str) -> QFileDialog:
    """A dialog that lists nothing before its icon provider is set (it starts in an empty folder)."""
    global _provider, _empty_dir
    if _provider is None:
        _provider = NameOnlyIconProvider()
        _empty_dir = tempfile.mkdtemp(prefix="swdesk-dialog-")
    dialog = QFileDialog(parent, caption, _empty_dir)
    dialog.setIconProvider(_provider)
    if sys.platform.startswith("linux"):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if filters:
        dialog.setNameFilters([f for f in filters.split(";;") if f])
    start = Path(directory) if directory else Path.cwd()
    if directory and not start.is_dir():
        dialog.setDirectory(str(start.parent if str(start.parent) else Path.cwd()))
        dialog.selectFile(start.name)
    else:
        dialog.setDirectory(str(start))
    return dialog


def _run(dialog: QFileDialog, many: bool = False):
    accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
    files = dialog.selectedFiles() if accepted else []
    chosen_filter = dialog.selectedNameFilter() if accepted else ""
    dialog.deleteLater()
    if many:
        return files, chosen_filter
    return (files[0] if files else ""), chosen_filter


def get_save_file_name(parent=None, caption="", dir="", filter="", *args, **kwargs):  # Qt's parameter names
    dialog = _make(parent, caption, dir, filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _run(dialog)


def get_open_file_name(parent=None, caption="", dir="", filter="", *args, **kwargs):
    dialog = _make(parent, caption, dir, filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def get_open_file_names(parent=None, caption="", dir="", filter="", *args, **kwargs):
    dialog = _make(parent, caption, dir, filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog, many=True)


def get_existing_directory(parent=None, caption="", dir="", *args, **kwargs):
    dialog = _make(parent, caption, dir, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    path, _ = _run(dialog)
    return path


def install() -> None:
    """Route QFileDialog's static functions through the dialogs above (idempotent)."""
    QFileDialog.getSaveFileName = staticmethod(get_save_file_name)
    QFileDialog.getOpenFileName = staticmethod(get_open_file_name)
    QFileDialog.getOpenFileNames = staticmethod(get_open_file_names)
    QFileDialog.getExistingDirectory = staticmethod(get_existing_directory)


def uninstall() -> None:
    for name, function in _ORIGINAL.items():
        setattr(QFileDialog, name, function)
