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
"""
from __future__ import annotations

import json
import os
import sqlite3
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
    keys = json.loads(path.with_name(path.name + ".keys").read_text(encoding="utf-8"))
    return any(str(slot["label"]).startswith("operator:") for slot in keys["slots"])


def _left_open(path: Path) -> bool:
    """A marker of another process: that one still has the file open, or it ended without closing
    it, and then the quick check must be the first to read the file (swdesk/db.py)."""
    stem = locations.open_marker_stem(path)
    return any(name.startswith(stem) for name in os.listdir(locations.data_dir()))


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
