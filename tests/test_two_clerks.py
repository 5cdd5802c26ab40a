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
from swdesk.models import Community, ElderGroup, Household, MentoringPair, Worker
from swdesk.services import base, eldercare, homebed, mentoring, workers

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


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
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


# Clerk A's save of each programme record, run in its own process: (kind, record id, version).
CLERK_A_PROGRAMMES = r"""
import sys
from swdesk import db
from swdesk.services import eldercare, homebed, mentoring
db.open_database(sys.argv[1])
kind, record_id, version = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
if kind == "pair":
    mentoring.update_pair(record_id, {"guardian_phone": "13912345678"}, version=version)
elif kind == "group":
    eldercare.update_group(record_id, {"site": "东湖社区活动室"}, version=version)
else:
    homebed.update_household(record_id, {"members": 4}, version=version)
db.close_database()
"""


def _programme_records() -> dict[str, tuple[int, int]]:
    """One mentoring pair, elder group and household: {kind: (id, version)}."""
    office = base.default_office()
    today = dt.date.today()
    mentor = Worker.create(office=office, name="李玥", gender="女", birth_date=dt.date(1985, 3, 1),
                           sector="事业单位", education="本科及以上", title="中级")
    pair = mentoring.create_pair({
        "mentor_id": mentor.id, "youth_name": "张晓明", "youth_gender": "男",
        "youth_birth_date": today.replace(year=today.year - 15) - dt.timedelta(days=3),
        "guardian_phone": "13812345678", "concern": "学业", "unit": "教育局",
        "start_date": today - dt.timedelta(days=30)})
    group = eldercare.create_group({"name": "律师服务队", "leader_id": mentor.id, "site": "区福利院"})
    place = Community.create(office=office, name="东湖社区")
    household = homebed.create_household({
        "head_name": "黄德昇", "phone": "13705951234", "address": "东湖路12号", "community_id": place.id,
        "dibao_no": "DB-001", "members": 2, "conditions": "卧床", "visit_every_days": 14})
    return {"pair": (pair.id, pair.version), "group": (group.id, group.version),
            "household": (household.id, household.version)}


def _clerk_b_saves(kind: str, record_id: int, version: int) -> None:
    if kind == "pair":
        mentoring.update_pair(record_id, {"unit": "团区委"}, version=version)
    elif kind == "group":
        eldercare.update_group(record_id, {"visit_every_days": 7}, version=version)
    else:
        homebed.update_household(record_id, {"conditions": "卧床，需吸氧"}, version=version)


# What clerk A changed, as clerk B is told: (field label, value now saved).
A_CHANGED = {"pair": ("监护人电话", "13912345678"), "group": ("服务地点", "东湖社区活动室"),
             "household": ("家庭人数", "4")}
A_FIELD = {"pair": (MentoringPair, "guardian_phone"), "group": (ElderGroup, "site"),
           "household": (Household, "members")}


@pytest.mark.usefixtures("plain_sqlite_only")  # reads the file with sqlite3 itself
@pytest.mark.parametrize("kind", ["pair", "group", "household"])
def test_second_save_of_a_programme_record_is_refused_with_what_changed(db_target, kind):
    swdb.open_database(db_target)
    record_id, version_read_by_b = _programme_records()[kind]  # both clerks open the same version

    proc = subprocess.run([sys.executable, "-c", CLERK_A_PROGRAMMES, db_target, kind, str(record_id),
                           str(version_read_by_b)],
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr

    with pytest.raises(base.ConflictError) as info:
        _clerk_b_saves(kind, record_id, version_read_by_b)
    label, value = A_CHANGED[kind]
    assert (label, value) in info.value.changes
    assert f"{label}：{value}" in str(info.value)
    # B's change was not written over A's; after reopening (the new version) B's save goes through.
    _clerk_b_saves(kind, record_id, version_read_by_b + 1)
    model, field = A_FIELD[kind]
    saved = model.get_by_id(record_id)
    assert str(getattr(saved, field)) == value and saved.version == version_read_by_b + 2
    swdb.close_database()
