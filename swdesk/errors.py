"""The errors every layer raises. The bottom of the import graph: this module imports nothing of
swdesk, so that any module may raise a UserError without pulling in the services."""
from __future__ import annotations

from typing import Any


class UserError(Exception):
    """A mistake the clerk can fix; str() is a one-line Chinese message. Never a traceback."""


class ValidationError(UserError):
    """Several problems at once: {field name: Chinese message}."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        super().__init__("；".join(f"{k}：{v}" for k, v in self.problems.items()))


class PermissionDenied(UserError):
    pass


class ConflictError(UserError):
    """Another window saved the same record first (optimistic version check).

    `changes` lists (field label, value now in the database) that the other save made.
    """

    def __init__(self, message: str, changes: list[tuple[str, Any]] | None = None):
        self.changes = changes or []
        super().__init__(message)


class PossibleDuplicate(UserError):
    """A worker being saved may be someone already on the roster (same name and birth date or
    phone, one of the two without an ID number): the clerk decides. `candidates` lists
    (worker id, one Chinese line naming them and why)."""

    def __init__(self, candidates: list[tuple[int, str]]):
        self.candidates = list(candidates)
        super().__init__("可能重复：" + "；".join(line for _id, line in self.candidates))


class StorageError(UserError):
    """The database refused a write: disk full, file read-only, locked by another program."""


class Cancelled(UserError):
    """The clerk pressed 取消: the job stopped, its transaction rolled back, no file was written."""

    def __init__(self, message: str = "已取消，未写入任何数据。"):
        super().__init__(message)


class BackupError(UserError):
    """A backup, restore or copy of the database failed (swdesk/backup.py); str() is a Chinese
    message for the clerk. Here, not in backup.py, so that the start catches it (a migration's
    backup) without importing the backup module (ui/opening.py)."""


class DatabaseOpenError(Exception):
    """The database cannot be opened; str() is a Chinese message for the clerk."""
