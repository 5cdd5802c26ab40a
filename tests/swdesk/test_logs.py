"""swdesk/logs.py: a log file shared with another process survives a refused rotation."""
from __future__ import annotations

import logging
import os

from swdesk import logs


def test_rotation_refused_by_another_process_is_put_off(tmp_path, monkeypatch, capsys):
    """Windows refuses to rename a file another process holds open (winerror 32)."""
    path = tmp_path / "swdesk.log"
    handler = logs.SharedRotatingFileHandler(path, maxBytes=200, backupCount=2, encoding="utf-8")
    log = logging.getLogger("test-shared-rotation")
    log.addHandler(handler)
    log.propagate = False

    def refuse(src, dst):
        error = PermissionError(13, "另一个程序正在使用此文件，进程无法访问。")
        error.winerror = 32
        raise error

    monkeypatch.setattr(os, "rename", refuse)
    monkeypatch.setattr(os, "replace", refuse)
    try:
        for i in range(20):
            log.warning("record %d %s", i, "x" * 40)
    finally:
        log.removeHandler(handler)
        handler.close()
    text = path.read_text(encoding="utf-8")
    assert "record 0 " in text and "record 19 " in text  # nothing lost, written on
    assert not (tmp_path / "swdesk.log.1").exists()
    assert "Logging error" not in capsys.readouterr().err
