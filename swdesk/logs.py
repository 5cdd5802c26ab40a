"""Logging to a rotating file in the user's log folder. Full ID numbers never reach the log."""
from __future__ import annotations

import logging
import os
from pathlib import Path


def log_dir() -> Path:
    override = os.environ.get("SWDESK_LOG_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_log_dir("swdesk", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / "swdesk.log"


class MaskIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # At the first log line, not at the top: privacy's ID rules import dataclasses and
        # datetime, ~4 ms before the first dialog is painted (bench/startup.py).
        from swdesk.privacy import mask_ids

        message = record.getMessage()
        masked = mask_ids(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_ids(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = mask_ids(record.exc_text)
        return True


class SharedRotatingFileHandler(logging.FileHandler):
    """A rotating log (the file and `backupCount` older ones, .1 the newest) that tolerates a
    second writer. The window and a command-line job (a scheduled backup) write the same
    swdesk.log; on Windows renaming a file another process holds open fails, and the standard
    RotatingFileHandler then printed "--- Logging error ---" with a traceback on every record.
    Here a refused rotation is put off: the file is reopened and written on, and the next record
    past the size limit tries again. Built on FileHandler, not logging.handlers, which imports
    socket, pickle and queue: ~5 ms of every start before the first dialog (python -X importtime).
    """

    def __init__(self, filename: str | os.PathLike, maxBytes: int, backupCount: int,  # noqa: N803
                 encoding: str = "utf-8"):
        super().__init__(filename, mode="a", encoding=encoding)
        self.max_bytes = maxBytes
        self.backup_count = backupCount

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self.rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        if self.max_bytes <= 0 or not os.path.isfile(self.baseFilename):
            return False
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() + len(self.format(record).encode(self.encoding or "utf-8", "replace")) + 1 > self.max_bytes

    def rotate(self) -> None:
        """swdesk.log → swdesk.log.1 → … → swdesk.log.<backupCount> (the oldest dropped)."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        try:
            for i in range(self.backup_count - 1, 0, -1):
                older = f"{self.baseFilename}.{i}"
                if os.path.exists(older):
                    os.replace(older, f"{self.baseFilename}.{i + 1}")
            if self.backup_count > 0:
                os.replace(self.baseFilename, f"{self.baseFilename}.1")
        except OSError:
            pass   # held open elsewhere (Windows): written on, tried again at the next record
        self.stream = self._open()


def setup_logging(level: int = logging.INFO) -> Path:
    """Attach the rotating file handler to the root logger once; returns the log file."""
    path = log_file()
    root = logging.getLogger()
    if not any(getattr(h, "_swdesk", False) for h in root.handlers):
        handler = SharedRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
        handler._swdesk = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(MaskIdFilter())
        root.addHandler(handler)
        root.setLevel(level)
    return path
