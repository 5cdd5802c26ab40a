"""Two clerks (two processes, two connections) edit the same worker: the second save is refused with
what the first one changed — never silently overwritten (optimistic version check)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from swdesk import db as swdb
from swdesk.services import base, workers

ROOT = Path(__file__).resolve().parent.parent

CLERK_A = r"""
import sys
from swdesk import db
from swdesk.services import workers
db.open_database(sys.argv[1])
w = workers.get(int(sys.argv[2]))
workers.update(w.id, {"phone": "13912345678"}, expected_version=int(sys.argv[3]))
db.close_database()
"""


def test_second_save_is_refused_with_what_changed(db_target):
    swdb.open_database(db_target)
    worker = workers.create({
        "name": "林玥", "id_number": "350502199003071244", "sector": "事业单位", "education": "本科及以上",
        "title": "中级", "phone": "13800001111", "kind": "专职", "joined_on": dt.date(2020, 5, 1)})
    version_read_by_b = worker.version  # clerk B opens the record …

    # … clerk A, on another PC, saves a new phone number first.
    proc = subprocess.run([sys.executable, "-c", CLERK_A, db_target, str(worker.id), str(worker.version)],
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr

    with pytest.raises(base.ConflictError) as info:
        workers.update(worker.id, {"employer": "区民政局"}, expected_version=version_read_by_b)
    assert "手机号码" in str(info.value) and "13912345678" in str(info.value)
    assert ("手机号码", "13912345678") in info.value.changes

    saved = workers.get(worker.id)
    assert saved.phone == "13912345678" and saved.employer != "区民政局"  # A's save kept, B's refused
    # B reloads and saves again: now it goes through.
    workers.update(worker.id, {"employer": "区民政局"}, expected_version=saved.version)
    assert workers.get(worker.id).employer == "区民政局"
    swdb.close_database()
