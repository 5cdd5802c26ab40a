"""The file a job writes, with its audit line: both or neither.

    with output.output_file(out, (".xlsx",)) as written:
        count = xlsx.write_something(written.tmp, rows, total, progress)
        written.record("worker", count, f"导出花名册 {count} 人")
    # here `out` is complete and in place, and the audit line naming it is committed

The file is built in a temporary file beside `out` (swdesk/files.py: checked target, library
temporary files in the same folder, fsync, rename). `record` writes the audit line
(services.audit_log.record_output) in a transaction that is committed only after the rename: if
the line cannot be written (database read-only, locked, full) no file appears, and if the rename
fails (the file is open in Excel on Windows) no line claims an export that did not happen. The
transaction begins at `record`, after the build, so a long export holds no database lock.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import peewee

from swdesk import db, files
from swdesk.services import audit_log
from swdesk.services.base import storage_error

XLSX = (".xlsx",)


class _LateTransaction:
    """A transaction begun on demand (`begin`) and ended when the surrounding block ends."""

    def __init__(self) -> None:
        self._atomic: Any = None

    def begin(self) -> None:
        if self._atomic is None:
            # SQLite's BEGIN IMMEDIATE takes the write lock here, so "database is locked" comes from
            # this call; kept only once begun (ending a transaction never begun fails in peewee).
            atomic = db.database().atomic()
            try:
                atomic.__enter__()
            except peewee.OperationalError as exc:
                storage = storage_error(exc)
                if storage is None:
                    raise
                raise storage from exc
            self._atomic = atomic

    def __enter__(self) -> _LateTransaction:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        if self._atomic is None:
            return
        try:
            self._atomic.__exit__(*exc_info)
        except peewee.OperationalError as exc:
            storage = storage_error(exc)
            if storage is None:
                raise
            raise storage from exc


class Written:
    """The job's view of the file being written: `tmp` to build in, `path` the final name."""

    def __init__(self, path: Path, tmp: Path, transaction: _LateTransaction):
        self.path = path
        self.tmp = tmp
        self._transaction = transaction

    def record(self, kind: str, count: int, summary: str, details: dict[str, Any] | None = None) -> None:
        """The audit line naming the final file (see audit_log.record_output)."""
        self._transaction.begin()
        audit_log.record_output(kind, self.path, count, summary, details)


@contextlib.contextmanager
def output_file(out: str | os.PathLike, suffixes: tuple[str, ...] = XLSX,
                what: str = "输出文件") -> Iterator[Written]:
    """Check `out`, yield where to build it; publish it (and commit its audit line) on success.

    A failure of the disk or the folder becomes one Chinese line naming `out` (a UserError)."""
    with _LateTransaction() as transaction:
        with files.write_atomically(out, suffixes, what) as tmp:
            yield Written(Path(out), tmp, transaction)
