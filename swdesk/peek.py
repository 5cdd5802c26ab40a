"""What the start needs to know of a database file before it is opened, read with sqlite3 alone:
does the login dialog come first, the first-run wizard, or the window?

The window's start uses it to paint the login dialog before peewee, the models, the migrations
and the file's check are loaded: they load behind the painted dialog while the clerk types
(ui/app.py). On the 10,000-worker bench file the dialog then shows in about half the time
(bench/startup.py).

It says only what it knows for sure; None means "open the database first", as always: a
PostgreSQL address, an encrypted file without operators' passwords in its key file, a file another
process left open (its quick check comes before anything reads it), a schema without the tables. What it says is checked again once the
database is open (operators.has_operators), so a wrong answer costs the old order, nothing more.

start_quick_check() then runs the file's quick check on a thread of its own: SQLite leaves
Python's lock while it reads the file, so on the second core the check costs the start no wall
time (27 ms on the 14 MB bench file, 313–416 ms on the 187 MB district file, where a clerk typing
at the login dialog had felt it). The window's start (single-user mode) begins it at once, while
it imports Qt and the core; a start with a dialog first begins it once the dialog is painted, as
it loads the core behind it (begun at once, its thread slowed the dialog's paint by ~7 ms,
bench/startup.py). The outcome is read where the file was always checked
(swdesk/check.raise_if_damaged), before the window is built.
"""
from __future__ import annotations

import atexit
import os
import sqlite3
import threading
from pathlib import Path

from swdesk import locations

LOGIN = "login"     # accounts exist: the login dialog
UNLOCK = "unlock"   # an encrypted file its operators open with their own password: that login
WIZARD = "wizard"   # no account and no choice of single-user mode yet (a new file too)
WINDOW = "window"   # single-user mode: straight to the window

# The setting 跳过 in the first-run wizard leaves in the database (ui/dialogs/login_dialog.py).
SINGLE_USER_SETTING = "single_user_mode"


def new_file(target: str | None) -> Path | None:
    """The SQLite file `target` when it does not exist yet (or is empty): asked before it is
    opened, so that the first-run wizard may create it encrypted instead (issue 20)."""
    target = target or locations.default_target()
    if locations.is_url(target):
        return None
    path = Path(target).expanduser()
    return path if not path.exists() or (path.is_file() and path.stat().st_size == 0) else None


def first_step(target: str | None) -> str | None:
    """LOGIN, UNLOCK, WIZARD, WINDOW, or None when only opening the database can tell."""
    target = target or locations.default_target()
    if locations.is_url(target):
        return None
    path = Path(target).expanduser()
    try:
        if not path.exists() or (path.is_file() and path.stat().st_size == 0):
            return WIZARD
        if not path.is_file() or _left_open(path):
            return None
        if _encrypted(path):
            return UNLOCK if _operator_slots(path) else None
        return _read(path)
    except (OSError, sqlite3.Error, ValueError, KeyError, TypeError, AttributeError):
        return None


def _encrypted(path: Path) -> bool:
    """Not plain SQLite: SQLCipher's first 16 bytes are a random salt (swdesk/encryption.py). Read
    with a plain handle: nothing in this process has the file open yet."""
    with path.open("rb") as fh:
        return fh.read(16) != b"SQLite format 3\x00"


def _operator_slots(path: Path) -> bool:
    """The key file "<db>.keys" (JSON, swdesk/encryption.py) holds a slot of an operator: its
    operators open the file with their own password (ui/dialogs/login_dialog.UnlockLoginDialog)."""
    import json  # only for an encrypted file: ~2 ms of every other start

    keys = json.loads(path.with_name(path.name + ".keys").read_text(encoding="utf-8"))
    return any(str(slot["label"]).startswith("operator:") for slot in keys["slots"])


def _left_open(path: Path) -> bool:
    """A marker of another process: that one still has the file open, or it ended without closing
    it, and then the quick check must be the first to read the file (swdesk/db.py)."""
    names = [n for n in os.listdir(locations.data_dir()) if n.startswith("open-")]
    if not names:   # as after every clean exit: no need to hash the path (hashlib, ~3 ms)
        return False
    stem = locations.open_marker_stem(path)
    return any(name.startswith(stem) for name in names)


def _read(path: Path) -> str | None:
    # A plain path, not a "file:" URI with mode=ro: a URI takes a host (\\server\share, the
    # network drive) only in some SQLite builds. query_only refuses any write instead.
    con = sqlite3.connect(str(path), timeout=1)
    try:
        con.execute("PRAGMA query_only = ON")
        if con.execute("SELECT EXISTS (SELECT 1 FROM operator)").fetchone()[0]:
            return LOGIN
        row = con.execute("SELECT value FROM setting WHERE key = ?", (SINGLE_USER_SETTING,)).fetchone()
    finally:
        con.close()
    # The value is JSON (services/settings.py); True is written "true".
    return WINDOW if row is not None and row[0].strip() == "true" else WIZARD


class QuickCheck:
    """PRAGMA quick_check of a plain SQLite file on its own thread and connection (read only)."""

    def __init__(self, path: Path):
        self.file = path            # opened as given (a mapped drive stays one on Windows)
        self.path = path.resolve()  # compared with the file the database opened
        self.rows: list[str] | None = None     # quick_check's lines: ["ok"] when intact
        self.error: sqlite3.Error | None = None   # the file could not be read at all
        self._con: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="swdesk-quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with self._lock:
                if self._stopped:
                    return
                self._con = sqlite3.connect(str(self.file), timeout=5, check_same_thread=False)
            self._con.execute("PRAGMA query_only = ON")
            if self._stopped:   # stop() came before the check began: its interrupt is lost
                return
            self.rows = [row[0] for row in self._con.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.Error as exc:
            self.error = exc
        finally:
            with self._lock:
                if self._con is not None:
                    self._con.close()
                    self._con = None

    def outcome(self) -> tuple[list[str] | None, sqlite3.Error | None]:
        """(rows, error) once the check has ended (waits for it)."""
        self._thread.join()
        return self.rows, self.error

    def stop(self) -> None:
        """Interrupt the check (its outcome is not wanted) and wait for its thread to end."""
        with self._lock:
            self._stopped = True
            if self._con is not None:
                self._con.interrupt()
        self._thread.join()


_started: QuickCheck | None = None


def start_quick_check(target: str | None, step: str | None) -> None:
    """Start checking the file first_step read (`step` LOGIN, WINDOW or WIZARD on an existing
    plain file); nothing for a PostgreSQL address, an encrypted file (UNLOCK: its key comes
    first) or a file left open (None: open_database checks it before anything reads it)."""
    global _started
    if step not in (LOGIN, WINDOW, WIZARD) or new_file(target) is not None:
        return
    stop_quick_check()
    _started = QuickCheck(Path(target or locations.default_target()).expanduser())


def take_quick_check(path: str | os.PathLike) -> tuple[list[str] | None, sqlite3.Error | None] | None:
    """The outcome of the check started for `path` (once: a later open checks again), or None when
    none was started for it."""
    global _started
    check, _started = _started, None
    if check is None:
        return None
    if check.path != Path(path).resolve():
        check.stop()
        return None
    return check.outcome()


@atexit.register
def stop_quick_check() -> None:
    """An unread check (the clerk cancelled the login) ends before the program does."""
    global _started
    check, _started = _started, None
    if check is not None:
        check.stop()
