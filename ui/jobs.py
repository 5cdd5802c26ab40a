"""Background jobs: long work (import, export, printing, demo fill) runs off the GUI thread with a
progress bar and a cancel button; its result or error comes back on the main thread.

The work function has the core's progress protocol: it is called as `work(progress)` where
`progress(done, total) -> bool` returns False once the user pressed cancel; the core then stops and
rolls back (raising swdesk.jobs.Cancelled or returning early).

    run_job(parent, "正在导出…", lambda progress: roster.export_roster(path, progress=progress),
            on_done=lambda result: ..., on_error=None)
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from swdesk import db
from swdesk.jobs import Cancelled
from swdesk.services.base import UserError
from ui.models.roster import RosterModel

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """One background task. Signals arrive on the thread that created the job (the GUI)."""

    def __init__(self, work: Callable[[Callable[[int, int], bool]], Any]):
        super().__init__()
        self.setAutoDelete(False)
        self._work = work
        self._cancel = threading.Event()
        self.signals = _Signals()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progress.emit(int(done), int(total))
        return not self._cancel.is_set()

    def run(self) -> None:  # runs on a pool thread
        # The database this job's thread connects to: closed at the end even if the window has
        # switched the proxy to another database meanwhile (a leaked connection on a file that is
        # later replaced deletes the new file's WAL when it finally closes: swdesk/connection.py).
        database = db.proxy.obj
        try:
            result = self._work(self._progress)
        except BaseException as exc:
            if not isinstance(exc, (UserError, Cancelled)):
                log.exception("background job failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            # SQLite connections are per thread in peewee: close this thread's one.
            for each in {id(database): database, id(db.proxy.obj): db.proxy.obj}.values():
                try:
                    if each is not None and not each.is_closed():
                        each.close()
                except Exception:
                    log.warning("closing a job's connection failed", exc_info=True)


_running: set[Job] = set()


def run_job(parent: QWidget | None, label: str, work: Callable[[Callable[[int, int], bool]], Any],
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None,
            show_progress: bool = True) -> Job:
    """Start `work` on the thread pool with a modal progress dialog that has a 取消 button."""
    job = Job(work)
    dialog: QProgressDialog | None = None
    if show_progress:
        dialog = QProgressDialog(label, QCoreApplication.translate("Jobs", "取消"), 0, 0, parent)
        dialog.setWindowTitle(QCoreApplication.translate("Jobs", "请稍候"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)

        def show_progress_value(done: int, total: int) -> None:
            if dialog is not None:
                dialog.setMaximum(max(total, 0))
                dialog.setValue(min(done, total) if total else 0)

        job.signals.progress.connect(show_progress_value)

    def finish() -> None:
        _running.discard(job)
        if dialog is not None:
            dialog.canceled.disconnect(job.cancel)
            dialog.close()
            dialog.deleteLater()

    def done(result: Any) -> None:
        finish()
        if on_done:
            on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        if on_error:
            on_error(exc)
        else:
            from ui.app import show_error

            show_error(parent, exc)

    job.signals.finished.connect(done)
    job.signals.failed.connect(failed)
    _running.add(job)
    QThreadPool.globalInstance().start(job)
    return job


def ask_xlsx_path(parent: QWidget, title: str, default_name: str) -> str:
    """The file an export goes to ("" when the clerk cancels)."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(
        parent, title, default_name, QCoreApplication.translate("Jobs", "Excel 工作簿 (*.xlsx)"))
    return path


def export_in_background(parent: QWidget, label: str, work: Callable[[Callable[[int, int], bool]], Any],
                         status_text: Callable[[Any], str]) -> Job:
    """Run an export as a job; when it is done, say what was written in the window's status bar."""

    def done(result: Any) -> None:
        window = parent.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(status_text(result), 10000)

    return run_job(parent, label, work, on_done=done)


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Wait for running jobs (used at exit and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def cancel_all() -> int:
    """Ask every running job to stop (quit, restore); returns how many were running."""
    running = list(_running)
    for job in running:
        job.cancel()
    return len(running)


def release_database(window: QWidget | None, timeout_ms: int = 30000) -> bool:
    """Before the database is closed, replaced or switched: stop every job and the roster's
    search threads, so that every thread has closed its own connection (swdesk/connection.py)."""
    stopped = stop_all(timeout_ms)
    for model in window.findChildren(RosterModel) if window is not None else ():
        model.shutdown()
    return stopped


def stop_all(timeout_ms: int = 30000) -> bool:
    """Cancel every running job and wait until they have ended (before the database file is
    closed or replaced)."""
    cancel_all()
    return wait_for_all(timeout_ms)
