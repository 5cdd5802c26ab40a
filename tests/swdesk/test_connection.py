"""Transactions of two connections on one database, as two jobs of the window run them."""
from __future__ import annotations

import json
import threading

from swdesk import db as swdb
from swdesk.models import Setting
from swdesk.services import settings


def test_a_save_that_reads_first_waits_for_another_writer_instead_of_failing(db):
    """A save that reads the old value, then writes (settings.put, versioned saves) while another
    thread commits a write in between: it must wait its turn, not fail at once. SQLite in WAL mode
    refuses a deferred transaction's write after another connection's commit with SQLITE_BUSY
    without waiting busy_timeout ("数据库正被其他程序占用", seen in the soak test)."""
    settings.put("counter", 0)
    read_done, other_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def other_writer() -> None:
        read_done.wait(10)
        try:
            with swdb.database().atomic():
                Setting.update(value=json.dumps(100)).where(Setting.key == "counter").execute()
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)
        finally:
            other_done.set()
            swdb.database().close()

    thread = threading.Thread(target=other_writer)
    thread.start()
    with swdb.database().atomic():
        before = json.loads(Setting.get(Setting.key == "counter").value)
        read_done.set()
        # Give the other writer the time to commit (deferred) or to queue behind us (immediate).
        other_done.wait(1.0)
        Setting.update(value=json.dumps(before + 1)).where(Setting.key == "counter").execute()
    thread.join(30)
    assert not errors, errors
    # Both writes happened, one after the other.
    assert settings.get("counter") in (1, 100)
    assert not thread.is_alive()
