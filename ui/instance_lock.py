"""One window per SQLite database file.

Two windows on one file both logged in would each keep their own view of the data, their own idle
lock and their own daily backup; a clerk who forgot the first window types into both. So the
window takes a lock file beside the database (`swdesk.db.lock`, Qt's QLockFile: it holds the
process id, the computer's name and the program's name) before opening it:

- a second start on the same file asks the first window (through a local socket named after the
  file) to come to the front, and explains which computer and process holds the file;
- a lock left by a crashed window (its process is gone on this computer) is taken over silently —
  QLockFile checks the recorded process; a lock from another computer (a file on a shared folder)
  is never guessed stale, the message names that computer instead;
- a PostgreSQL database has no lock: many clerks share it, each save compare-and-swap checked.
"""
from __future__ import annotations

import datetime as _dt
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QLockFile, QSysInfo, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from swdesk import locations

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
RAISE_MESSAGE = b"raise\n"
CONNECT_WAIT_MS = 500   # the first window answers within a few ms; a hung one must not hold us up
# The window listens for a second start once it is painted: QtNetwork and the socket cost ~7 ms
# of the start (bench/startup.py). A second start before then is refused all the same; only
# the first window does not come forward.
LISTEN_AFTER_MS = 100


def _tr(text: str) -> str:
    return QCoreApplication.translate("InstanceLock", text)


def lock_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + LOCK_SUFFIX)


def server_name(db_file: Path) -> str:
    """The local socket's name: one per database file (case-folded on Windows, where
    C:\\Data\\swdesk.db and c:\\data\\SWDESK.DB are the same file)."""
    key = str(db_file.resolve())
    if sys.platform == "win32":
        key = key.lower()
    import hashlib  # with QtNetwork, after the paint: ~3 ms (python -X importtime)

    return "swdesk-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


class Holder(NamedTuple):
    """Who holds a database's lock, as the lock file records it. (A NamedTuple: dataclasses' import
    is ~2 ms before the first dialog is painted.)"""

    pid: int
    host: str
    since: _dt.datetime | None

    def describe(self) -> str:
        here = self.host in ("", QSysInfo.machineHostName())
        where = _tr("本机") if here else _tr("计算机“{0}”").format(self.host)
        since = _tr("，自 {0} 起").format(f"{self.since:%Y-%m-%d %H:%M}") if self.since else ""
        return _tr("{0}，进程号 {1}{2}").format(where, self.pid, since)


class AlreadyOpen(Exception):
    """Another window holds the database; `brought_to_front` when it answered our call."""

    def __init__(self, db_file: Path, holder: Holder | None, brought_to_front: bool):
        self.db_file = db_file
        self.holder = holder
        self.brought_to_front = brought_to_front
        super().__init__(self.text())

    def text(self) -> str:
        who = self.holder.describe() if self.holder else _tr("另一个窗口")
        lines = [_tr("数据库 {0} 已在另一个社工服务台窗口中打开（{1}）。").format(self.db_file, who),
                 _tr("同一个数据库文件只能在一个窗口中使用，以免两处同时修改、互相覆盖。")]
        if self.brought_to_front:
            lines.append(_tr("已切换到那个窗口，请在那里继续工作。"))
        elif self.holder and self.holder.host not in ("", QSysInfo.machineHostName()):
            lines.append(_tr("请在那台计算机上关闭程序后再打开；多人同时使用请改用 PostgreSQL 共享数据库。"))
        else:
            lines.append(_tr("请在任务栏中找到那个窗口继续工作，或关闭它后再打开。"))
        return "\n".join(lines)


class InstanceLock:
    """The held lock of one database file and the socket a second start calls."""

    def __init__(self, db_file: Path):
        self.db_file = db_file
        self.path = lock_path(db_file)
        self.lock = QLockFile(str(self.path))
        # 0 = never stale by age: an open window can run for days. A crashed window's lock is
        # still taken over, because QLockFile sees its process is gone.
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None

    def try_lock(self) -> bool:
        return self.lock.tryLock(0)

    def holder(self) -> Holder | None:
        info = self.lock.getLockInfo()   # PySide6: (pid, host, app name), or a false value
        if not info or isinstance(info, bool):
            return None
        pid, host, _app = info[-3:]
        try:
            since = _dt.datetime.fromtimestamp(self.path.stat().st_mtime)
        except OSError:
            since = None
        return Holder(int(pid), str(host), since)

    def listen(self, bring_to_front) -> None:
        """Answer a second start on this file by calling `bring_to_front()`."""
        # QtNetwork here and in call_first_window, not at the top: 5 ms of every start, before
        # the first dialog is painted (python -X importtime); listening follows the window.
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.db_file)
        QLocalServer.removeServer(name)   # a crashed window's socket file (Unix) would refuse ours
        server = QLocalServer()
        if not server.listen(name):
            log.warning("instance socket %s: %s", name, server.errorString())
            return
        server.newConnection.connect(lambda: self._answer(server, bring_to_front))
        self.server = server

    @staticmethod
    def _answer(server: QLocalServer, bring_to_front) -> None:
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: _on_message(s, bring_to_front))
            socket.disconnected.connect(socket.deleteLater)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()


def _on_message(socket: QLocalSocket, bring_to_front) -> None:
    if bytes(socket.readAll()).startswith(RAISE_MESSAGE.strip()):
        bring_to_front()


def call_first_window(db_file: Path) -> bool:
    """Ask the window holding `db_file` to come to the front; True when it took the call."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(db_file))
    if not socket.waitForConnected(CONNECT_WAIT_MS):
        return False
    socket.write(RAISE_MESSAGE)
    sent = socket.waitForBytesWritten(CONNECT_WAIT_MS)
    socket.disconnectFromServer()
    return sent


def claim(target: str | None) -> InstanceLock | None:
    """Lock the SQLite file `target` (None = the default database) for this window.

    Returns the held lock, or None when there is nothing to lock (PostgreSQL, or a folder where
    no lock file can be written — opening the database then explains the folder's problem).
    Raises AlreadyOpen when another live window holds it (after calling it to the front)."""
    target = target or locations.default_target()
    if locations.is_url(target):
        return None
    db_file = Path(target).expanduser().resolve()
    if not db_file.parent.is_dir():
        return None
    held = InstanceLock(db_file)
    if held.try_lock():
        return held
    if held.lock.error() != QLockFile.LockError.LockFailedError:
        log.warning("cannot write lock file %s (%s); opening without it", held.path, held.lock.error())
        return None
    raise AlreadyOpen(db_file, held.holder(), call_first_window(db_file))


class Pending:
    """A lock taken for a database the window is about to open: `commit(window)` once it is
    open (the lock held before is released, calls bring `window` to the front); `abandon()` when
    opening failed and the window stays where it was."""

    def __init__(self, lock: InstanceLock | None, same_as_held: bool = False):
        self.lock = lock
        self.same_as_held = same_as_held

    def commit(self, window: QWidget) -> None:
        global _held
        if self.same_as_held:
            return
        if _held is not None:
            _held.release()
        _held = self.lock
        if self.lock is not None:
            QTimer.singleShot(LISTEN_AFTER_MS, window, lambda lock=self.lock: _listen(lock, window))

    def abandon(self) -> None:
        if self.lock is not None and not self.same_as_held:
            self.lock.release()


_held: InstanceLock | None = None   # the lock of the database the window has open


def acquire(target: str | None, parent: QWidget | None = None) -> Pending | None:
    """Take `target`'s lock for the window, or explain who holds it and return None."""
    resolved = None if locations.is_url(target or "") else Path(target or locations.default_target()).expanduser().resolve()
    if _held is not None and resolved == _held.db_file:
        return Pending(_held, same_as_held=True)   # reopening the file this window has open
    try:
        return Pending(claim(target))
    except AlreadyOpen as exc:
        explain(parent, exc)
        return None


def _listen(lock: InstanceLock, window: QWidget) -> None:
    if _held is lock and lock.server is None:   # still the window's lock (not switched away)
        lock.listen(lambda: bring_to_front(window))


def release() -> None:
    """At exit: the window's lock (a crash leaves it behind; the next start takes it over)."""
    global _held
    if _held is not None:
        _held.release()
        _held = None


def explain(parent: QWidget | None, exc: AlreadyOpen) -> None:
    QMessageBox.information(parent, _tr("数据库已在使用中"), exc.text())


def bring_to_front(window: QWidget) -> None:
    """What the first window does when a second start calls it."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
