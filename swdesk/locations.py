"""Where the database is: the user's data folder, the default file in it, and what a PostgreSQL
address looks like. No peewee here: the start reads these before the database is opened
(swdesk/peek.py, ui/instance_lock.py).
"""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "swdesk"
DB_FILENAME = "swdesk.db"


def data_dir() -> Path:
    """The user's data folder for swdesk (created on demand). SWDESK_DATA_DIR overrides it."""
    override = os.environ.get("SWDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_target() -> str:
    return str(data_dir() / DB_FILENAME)


def is_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def open_marker_stem(path: str | os.PathLike) -> str:
    """The start of the names of the markers "<data dir>/open-<hash>-<pid>.marker" that say a
    process has `path` open (swdesk/db.py)."""
    import hashlib  # here: its OpenSSL load is ~3 ms, and the start rarely hashes (peek._left_open)

    digest = hashlib.sha1(str(Path(path).expanduser().resolve()).encode("utf-8")).hexdigest()[:16]
    return f"open-{digest}-"
