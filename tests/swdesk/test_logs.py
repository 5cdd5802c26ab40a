"""swdesk/logs.py: the rotating log keeps its newest files, and a log file shared with another
process survives a refused rotation."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from swdesk import logs


def write_records(path: Path, max_bytes: int, records: list[str]) -> None:
    """Each record through a SharedRotatingFileHandler (two older files kept) of its own logger."""
    handler = logs.SharedRotatingFileHandler(path, maxBytes=max_bytes, backupCount=2, encoding="utf-8")
    log = logging.getLogger(f"test-rotation-{path}")
    log.addHandler(handler)
    log.propagate = False
    try:
        for record in records:
            log.warning(record)
    finally:
        log.removeHandler(handler)
        handler.close()


def test_rotation_refused_by_another_process_is_put_off(tmp_path, monkeypatch, capsys):
    """Windows refuses to rename a file another process holds open (winerror 32)."""
    path = tmp_path / "swdesk.log"

    def refuse(src, dst):
        error = PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")
        error.winerror = 32
        raise error

    monkeypatch.setattr(os, "rename", refuse)
    monkeypatch.setattr(os, "replace", refuse)
    write_records(path, 200, [f"record {i} {'x' * 40}" for i in range(20)])
    text = path.read_text(encoding="utf-8")
    assert "record 0 " in text and "record 19 " in text  # nothing lost, written on
    assert not (tmp_path / "swdesk.log.1").exists()
    assert "Logging error" not in capsys.readouterr().err


def test_rotation_keeps_the_newest_files(tmp_path):
    write_records(tmp_path / "swdesk.log", 300, [f"记录 {i:02d} {'x' * 40}" for i in range(40)])
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["swdesk.log", "swdesk.log.1", "swdesk.log.2"]
    assert all(p.stat().st_size <= 300 for p in tmp_path.iterdir())   # bytes, not characters
    newest, older, oldest = (tmp_path / n for n in files)
    assert "记录 39" in newest.read_text(encoding="utf-8")
    numbers = [int(line.split()[1]) for f in (oldest, older, newest)
               for line in f.read_text(encoding="utf-8").splitlines()]
    assert numbers == list(range(numbers[0], 40))   # in order, nothing lost between the kept files
