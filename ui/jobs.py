"""Background jobs: long work (import, export, printing, demo fill) runs off the GUI thread with a
progress bar and a cancel button; its result or error comes back on the main thread.

The work function has the core's progress protocol: it is called as `work(progress)` where
`progress(done, total) -> bool` returns False once the user pressed cancel; the core then stops and
rolls back (raising swdesk.jobs.Cancelled or returning early).

    run_job(parent, "正在导出…", lambda progress: export_roster(path, progress=progress),
            on_done=lambda result: show_result(parent, result))

The progress passed to `work` also has `phase(text)` (swdesk.jobs.phase): the dialog's label
then says what the job is doing ("正在写入文件（2672 人）…"). A job of swdesk/jobs returns a
JobResult: `show_result` shows it the same way for every job.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from swdesk import db
from swdesk.errors import UserError
from swdesk.jobs import Cancelled, JobResult
from ui.models.roster import RosterModel

log = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int)
    phase = Signal(str)
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

    def _phase(self, text: str) -> None:
        self.signals.phase.emit(text)

    def run(self) -> None:  # runs on a pool thread
        # The database this job's thread connects to: closed at the end even if the window has
        # switched the proxy to another database meanwhile (a leaked connection on a file that is
        # later replaced deletes the new file's WAL when it finally closes: swdesk/connection.py).
        database = db.proxy.obj
        try:
            result = self._work(_Progress(self))
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


class _Progress:
    """What `work` is given: progress(done, total) -> bool, and phase(text) for the label."""

    def __init__(self, job: Job):
        self._job = job

    def __call__(self, done: int, total: int) -> bool:
        return self._job._progress(done, total)

    def phase(self, text: str) -> None:
        self._job.signals.phase.emit(text)


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

        phase_text = [label]

        def show_progress_value(done: int, total: int) -> None:
            if dialog is not None:
                dialog.setMaximum(max(total, 0))
                dialog.setValue(min(done, total) if total else 0)
                # The phase and its real units ("正在检查… 1,200 / 10,000").
                dialog.setLabelText(f"{phase_text[0]}  {done:,} / {total:,}" if total else phase_text[0])

        def show_phase(text: str) -> None:
            phase_text[0] = text
            if dialog is not None:
                dialog.setLabelText(text)

        job.signals.progress.connect(show_progress_value)
        job.signals.phase.connect(show_phase)

    def gone() -> bool:
        """The widget that asked was closed meanwhile (say the window shut during the statistics'
        recompute): the result has nowhere to go, and touching that widget would raise."""
        if parent is None or isValid(parent):
            return False
        _running.discard(job)
        return True

    def finish() -> None:
        _running.discard(job)
        if dialog is not None:
            dialog.canceled.disconnect(job.cancel)
            dialog.close()
            dialog.deleteLater()

    def done(result: Any) -> None:
        if gone():
            return
        finish()
        if on_done:
            on_done(result)

    def failed(exc: BaseException) -> None:
        if gone():
            return
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


def show_result(parent: QWidget | None, result: JobResult) -> None:
    """A finished job's result, the same for every job: its one-line message in the status bar of
    the window it was started from (an information box when that window has none, e.g. a dialog),
    and its warnings, if any, in a message box the clerk must close."""
    window = parent.window() if parent is not None else None
    has_bar = window is not None and hasattr(window, "statusBar")
    if has_bar:
        window.statusBar().showMessage(result.message, 10000)
    if result.warnings:
        QMessageBox.warning(parent, QCoreApplication.translate("Jobs", "注意"),
                            "\n\n".join([result.message, *result.warnings]))
    elif not has_bar:
        QMessageBox.information(parent, QCoreApplication.translate("Jobs", "完成"), result.message)


def export_in_background(parent: QWidget, label: str, work: Callable[[Callable[[int, int], bool]], JobResult],
                         on_done: Callable[[JobResult], None] | None = None) -> Job:
    """Run an export job (`work(progress)` returns its JobResult); show its result when done."""

    def done(result: JobResult) -> None:
        show_result(parent, result)
        if on_done is not None:
            on_done(result)

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
