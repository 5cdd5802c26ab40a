"""Opening the database at start: the file's check, the password of an encrypted file, and the
recovery offer when the file cannot be used.

Imported by ui/app.py once the first dialog is painted (or, when no dialog comes first, before the
window is built): this is where peewee, the models and the migrations are loaded.
"""
from __future__ import annotations

import logging
from pathlib import Path

import peewee

from swdesk import check, db
from swdesk.backup import BackupError
from swdesk.services import operators
from ui.first_use import OnFirstUse

log = logging.getLogger(__name__)

# Needed only when the database does not open, and after the window is painted: imported then
# (ui/first_use.py). At start their Qt classes' enums cost ~25 ms CPU and 110 ms wall on the
# loaded 2-core machine (python -X importtime, bench/startup.py).
offer_recovery = OnFirstUse("ui.dialogs.recovery", "offer_recovery")
unlock_database = OnFirstUse("ui.dialogs.encryption", "unlock_at_start")


def new_database_file(target: str | None) -> Path | None:
    """The SQLite file `target` when it does not exist yet (or is empty): called before it is
    opened, so that the first-run wizard may create it encrypted instead."""
    target = target or db.default_target()
    if db.is_url(target):
        return None
    path = Path(target).expanduser()
    return path if not path.exists() or (path.is_file() and path.stat().st_size == 0) else None


def open_database_interactively(target: str | None) -> bool:
    """Open the database; on failure explain it and offer the startup recovery dialog."""
    try:
        open_and_check(target)
    except db.DatabaseLocked:  # an encrypted file (issue 20): its password first, then open
        db.close_database()
        if not unlock_database(target):
            return False
        return open_database_interactively(target)
    except db.DatabaseOpenError as exc:
        log.warning("cannot open database %s: %s", target, exc)
        db.close_database()
        if not offer_recovery(target, exc):
            return False
    return True


def open_and_check(target: str | None) -> None:
    """Open (and migrate) the database and quick-check the file; any failure → DatabaseOpenError."""
    try:
        db.open_database(target)
        if not db.unclean_exit_checked():  # after an unclean exit open_database already checked
            check.raise_if_damaged()
    except (peewee.DatabaseError, BackupError) as exc:  # e.g. a migration on a read-only file
        raise db.DatabaseOpenError(
            db.describe_error(exc, target or db.default_target()) if isinstance(exc, peewee.DatabaseError)
            else str(exc)) from exc


def open_for_login(target: str | None) -> bool:
    """Behind the painted login dialog: open and check the file. False (the database closed again)
    when it does not open or has no account after all: the usual start then takes over, and
    explains or offers what it always does."""
    try:
        open_and_check(target)
    except db.DatabaseOpenError as exc:   # DatabaseLocked included
        log.info("the database did not open behind the login dialog: %s", exc)
        db.close_database()
        return False
    if not operators.has_operators():
        db.close_database()
        return False
    return True
