"""Several processes write hotline requests and home-bed visits at once, for a bounded time, against
one database (PostgreSQL in the district setting; the SQLite file too). Afterwards every write that
a process saw succeed is there exactly once, and nothing else is."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from swdesk import db as swdb
from swdesk.models import HomeVisit, HotlineRequest, ServiceHours, Worker

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = 4
SECONDS = 3.0

WRITER = r"""
import datetime as dt, json, sys, time
from swdesk import db
from swdesk.services import homebed, hotline
target, tag, household_id, worker_id, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
db.open_database(target)
done, failed = [], 0
deadline = time.monotonic() + seconds
k = 0
while time.monotonic() < deadline and k < 400:
    k += 1
    marker = f"{tag}-{k}"
    try:
        if k % 2:
            hotline.log_request({"resident_name": marker, "category": "生活", "text": "并发测试 " + marker,
                                 "phone": "13800000000"})
        else:
            homebed.add_visit(household_id, dt.date.today(), 30, ["测血压"], [worker_id], findings=marker)
        done.append(marker)
    except Exception as exc:  # a refused write (lock timeout) must leave nothing behind
        failed += 1
        print("refused:", type(exc).__name__, exc, file=sys.stderr)
db.close_database()
print(json.dumps({"done": done, "failed": failed}))
"""


def _make_household(office) -> tuple[int, int]:
    from swdesk.models import Community
    from swdesk.services import homebed

    community = Community.create(office=office, name="并发社区")
    worker = Worker.create(office=office, name="并发测试员", gender="女", birth_date=dt.date(1980, 1, 1),
                           sector="事业单位", education="大专", title="初级", specialties="医疗卫生")
    household = homebed.create_household({
        "head_name": "测试户主", "address": "测试路1号", "phone": "13900000000",
        "community_id": community.id, "dibao_no": "DB0001", "members": 2,
        "conditions": "高血压", "worker_ids": [worker.id]})
    return household.id, worker.id


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
def test_concurrent_writers_lose_and_double_nothing(db_target, tmp_path):
    swdb.open_database(db_target)
    from swdesk.services.base import default_office

    household_id, worker_id = _make_household(default_office())
    swdb.close_database()

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, db_target, f"p{i}", str(household_id),
                               str(worker_id), str(SECONDS)], cwd=ROOT, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for i in range(PROCESSES)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))

    done = [m for r in results for m in r["done"]]
    assert len(done) >= PROCESSES * 5, "the writers made too little progress to test anything"
    assert len(done) == len(set(done))

    swdb.open_database(db_target)
    try:
        requests = [r.resident_name for r in HotlineRequest.select(HotlineRequest.resident_name)]
        visits = [v.findings for v in HomeVisit.select(HomeVisit.findings)]
        written = requests + visits
        assert sorted(written) == sorted(done)  # every success once, no phantom writes
        assert len(set(written)) == len(written)
        credited = ServiceHours.select().where(ServiceHours.source == "home_visit").count()
        assert credited == len(visits)  # one worker per visit, credited exactly once
    finally:
        swdb.close_database()
