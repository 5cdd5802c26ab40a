"""One window per SQLite database (ui/instance_lock.py): a second start is refused with who holds
the file and calls the first window to the front; a crashed window's lock is taken over; a
PostgreSQL database is never locked."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSysInfo
from PySide6.QtWidgets import QMessageBox, QWidget

from ui import instance_lock


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "swdesk.db"
    path.write_bytes(b"")
    yield path
    instance_lock.release()


def test_second_start_is_refused_naming_the_holder_and_raises_the_first(db_file, qtbot, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    first_window = QWidget()
    qtbot.addWidget(first_window)
    first = instance_lock.acquire(str(db_file))
    assert first is not None and first.lock is not None
    first_window.showMinimized()
    assert first_window.isMinimized()
    first.commit(first_window)
    assert (db_file.parent / "swdesk.db.lock").is_file()
    assert first.lock.server is None    # listening follows the window's first paint
    with pytest.raises(instance_lock.AlreadyOpen) as early:
        instance_lock.claim(str(db_file))                      # refused all the same
    assert not early.value.brought_to_front
    qtbot.waitUntil(lambda: first.lock.server is not None, timeout=3000)

    with pytest.raises(instance_lock.AlreadyOpen) as refused:
        instance_lock.claim(str(db_file))                      # what a second process gets
    holder = refused.value.holder
    assert holder.pid == os.getpid() and holder.host == QSysInfo.machineHostName()
    assert refused.value.brought_to_front
    assert "本机" in refused.value.text() and f"进程号 {os.getpid()}" in refused.value.text()
    assert "已切换到那个窗口" in refused.value.text()
    qtbot.waitUntil(lambda: not first_window.isMinimized(), timeout=3000)   # the first came forward

    other = db_file.with_name("other.db")
    other.write_bytes(b"")
    pending = instance_lock.acquire(str(other))                 # switching to a free file: fine
    assert pending is not None and pending.lock is not None
    pending.abandon()
    assert told == []
    assert instance_lock.acquire(str(db_file)).same_as_held     # reopening the own file: fine


def test_acquire_explains_a_held_file_and_opens_nothing(db_file, qtbot, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    holder = instance_lock.claim(str(db_file))
    try:
        # A different holder object in the same process: the file is held by a live process.
        instance_lock._held = None
        assert instance_lock.acquire(str(db_file)) is None
        assert len(told) == 1 and str(db_file) in told[0] and "只能在一个窗口中使用" in told[0]
    finally:
        holder.release()


def test_lock_of_a_crashed_window_is_taken_over(db_file):
    crashed = subprocess.run(
        [sys.executable, "-c",
         "import os, sys\n"
         "from PySide6.QtCore import QLockFile\n"
         "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0)\n"
         "os._exit(0)\n",                                        # dies without unlocking
         str(db_file.parent / "swdesk.db.lock")], capture_output=True, timeout=60)
    assert crashed.returncode == 0, crashed.stderr
    assert (db_file.parent / "swdesk.db.lock").is_file()
    lock = instance_lock.claim(str(db_file))
    assert lock is not None and lock.lock.isLocked()
    lock.release()


def test_postgresql_is_never_locked():
    assert instance_lock.claim("postgresql://clerk@localhost:5432/swdesk") is None
