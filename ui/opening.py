"""Opening the database at start: the file's check, the password of an encrypted file, and the
recovery offer when the file cannot be used.

Imported by ui/app.py once the first dialog is painted (or, when no dialog comes first, before the
window is built): this is where peewee, the models and the migrations are loaded.
"""
from __future__ import annotations

import logging

import peewee

from swdesk import check, db, peek
from swdesk.errors import BackupError
from swdesk.services import base, operators, scope, settings
from ui.first_use import OnFirstUse

log = logging.getLogger(__name__)

# Needed only when the database does not open, and after the window is painted: imported then
# (ui/first_use.py). At start their Qt classes' enums cost ~25 ms CPU and 110 ms wall on the
# loaded 2-core machine (python -X importtime, bench/startup.py).
offer_recovery = OnFirstUse("ui.dialogs.recovery", "offer_recovery")
unlock_database = OnFirstUse("ui.dialogs.encryption", "unlock_at_start")


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
    finally:
        # The check main.py began (swdesk/peek.py) ends here if it was not taken: its connection
        # must not hold the file while the recovery offer may replace it (Windows refuses that).
        peek.stop_quick_check()


def _opened_behind(target: str | None, dialog: str) -> bool:
    """Open and check the file behind a painted dialog of the start. False (and nothing said)
    when it does not open: the usual start then meets it again and explains or offers what it
    always does."""
    try:
        open_and_check(target)
    except db.DatabaseOpenError as exc:   # DatabaseLocked included
        log.info("the database did not open behind the %s: %s", dialog, exc)
        db.close_database()
        return False
    return True


def open_for_first_run(target: str | None) -> bool:
    """Behind the painted first-run wizard, in single-user mode until the 管理员's account exists
    (as login_at_start). False (the database closed again) when it does not open, or has an
    account or single-user mode after all."""
    if not _opened_behind(target, "first-run wizard"):
        return False
    if operators.has_operators() or settings.get(peek.SINGLE_USER_SETTING, False):
        db.close_database()
        return False
    base.set_session(scope.single_user_session())
    return True


def open_for_login(target: str | None) -> bool:
    """Behind the painted login dialog. False (the database closed again) when it does not open
    or has no account after all."""
    if not _opened_behind(target, "login dialog"):
        return False
    if not operators.has_operators():
        db.close_database()
        return False
    return True
