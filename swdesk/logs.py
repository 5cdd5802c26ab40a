"""Logging to a rotating file in the user's log folder. Full ID numbers never reach the log."""
from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from swdesk.privacy import mask_ids


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
        message = record.getMessage()
        masked = mask_ids(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = mask_ids(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = mask_ids(record.exc_text)
        return True


class SharedRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log that tolerates a second writer. The window and a command-line job (a
    scheduled backup) write the same swdesk.log; on Windows renaming a file another process holds
    open fails, and the standard handler then printed "--- Logging error ---" with a traceback on
    every record. Here a refused rotation is put off: the file is reopened and written on, and the
    next record past the size limit tries again."""

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
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
