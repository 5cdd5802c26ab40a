"""Rows for the report tests, inserted straight through the models (small and seeded), with the
expected figures counted here in Python from the rows made — independently of the SQL under test.

Imported by tests in several folders through `load_quarter_factory()` in tests/conftest.py,
since a module under tests/swdesk/ cannot be imported by its dotted name beside the real package.
"""
from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass, field

from swdesk import idcard, vocab
from swdesk.models import (
    Community,
    Elder,
    ElderAssignment,
    ElderGroup,
    GroupMember,
    GroupVisit,
    GroupVisitElder,
    GroupVisitMember,
    HomeVisit,
    HomeVisitWorker,
    HotlineRequest,
    Household,
    MentoringPair,
    MentoringSession,
    Office,
    ServiceHours,
    TrainingAttendance,
    TrainingCourse,
    Worker,
    WorkerSpecialty,
)

PERIOD = "2026Q4"
START = _dt.date(2026, 10, 1)
END = _dt.date(2026, 12, 31)


def make_office(street: str, code: str) -> Office:
    return Office.create(district="示例区", street=street, street_code=code,
                         centre_name=f"{street}社会工作服务中心")


def make_worker(office: Office, n: int, **kw) -> Worker:
    birth = kw.pop("birth_date", _dt.date(1980, 5, 5))
    values = dict(office=office, name=f"工{n}", gender="男", birth_date=birth, sector="企业",
                  education="大专", title="无", id_number=idcard.make("350502", birth, n % 1000))
    values.update(kw)
    return Worker.create(**values)


@dataclass
class Street:
    office: Office
    workers: list[Worker] = field(default_factory=list)
    active: list[Worker] = field(default_factory=list)


def is_active(w: Worker, end: _dt.date = END) -> bool:
    if w.joined_on is not None and w.joined_on > end:
        return False
    return w.status == "在册" or (w.status == "离队" and w.left_on is not None and w.left_on > end)


def random_workers(office: Office, count: int, seed: int, start_n: int = 0) -> Street:
    """Workers with every attribute drawn at random, some who left or joined after the end,
    some turning 36 exactly on the period's last day."""
    rnd = random.Random(seed)
    street = Street(office)
    for i in range(count):
        n = start_n + i
        if i % 9 == 0:
            birth = _dt.date(1990, 12, 31)          # turns 36 on 2026-12-31
        elif i % 9 == 1:
            birth = _dt.date(1991, 1, 1)            # still 35 on 2026-12-31
        else:
            birth = _dt.date(rnd.randint(1950, 2004), rnd.randint(1, 12), rnd.randint(1, 28))
        status, left_on, joined = "在册", None, None
        r = rnd.random()
        if r < 0.1:
            status, left_on = "离队", END - _dt.timedelta(days=rnd.randint(0, 300))
        elif r < 0.2:
            status, left_on = "离队", END + _dt.timedelta(days=rnd.randint(1, 30))  # still active at END
        if rnd.random() < 0.1:
            joined = END + _dt.timedelta(days=rnd.randint(1, 30))
        elif rnd.random() < 0.5:
            joined = _dt.date(rnd.randint(2015, 2026), rnd.randint(1, 12), 1)
        specialties = rnd.sample(vocab.SPECIALTIES, rnd.randint(0, 2))
        w = make_worker(office, n, birth_date=birth, gender=rnd.choice(vocab.GENDERS),
                        sector=rnd.choice(vocab.SECTORS), education=rnd.choice(vocab.EDUCATIONS),
                        title=rnd.choice(vocab.TITLES), sw_level=rnd.choice(vocab.SW_LEVELS),
                        kind=rnd.choice(vocab.WORKER_KINDS),
                        political_status=rnd.choice(vocab.POLITICAL_STATUSES),
                        status=status, left_on=left_on, joined_on=joined,
                        specialties=vocab.SPECIALTY_JOINER.join(specialties),
                        name=("=HYPERLINK(\"x\")" if i == 3 else f"工{n}"))
        for s in specialties:
            WorkerSpecialty.create(worker=w, specialty=s)
        street.workers.append(w)
        if is_active(w):
            street.active.append(w)
    return street


def add_services(street: Street, seed: int) -> None:
    """Some of every programme's records in 2026Q4, earlier in 2026 and in 2025Q4."""
    rnd = random.Random(seed)
    office, workers = street.office, street.active
    community = Community.create(office=office, name=f"{office.street}社区{seed}")
    days = [_dt.date(2026, 11, 3), _dt.date(2026, 5, 6), _dt.date(2025, 12, 1), _dt.date(2026, 12, 31)]
    for k, day in enumerate(days):
        pair = MentoringPair.create(office=office, mentor=workers[k], youth_name=f"青{k}",
                                    youth_gender="男", youth_birth_date=_dt.date(2010, 1, 1),
                                    concern="学业", unit="教育局", start_date=day,
                                    status="已结对完成" if k % 2 == 0 else "进行中",
                                    ended_on=day + _dt.timedelta(days=20) if k % 2 == 0 else None,
                                    positive_outcome=k % 2 == 0)
        session = MentoringSession.create(pair=pair, date=day, minutes=60, kind="面谈")
        ServiceHours.create(worker=workers[k], programme="一对一帮教", date=day, minutes=60,
                            source="mentoring_session", source_id=session.id)
        group = ElderGroup.create(office=office, name=f"组{k}", leader=workers[k])
        GroupMember.create(group=group, worker=workers[k + 1], role="律师", joined_on=day)
        elder = Elder.create(office=office, name=f"老{k}", gender="女", birth_date=_dt.date(1940, 1, 1))
        ElderAssignment.create(elder=elder, group=group, start_date=day)
        visit = GroupVisit.create(group=group, date=day, minutes=90)
        GroupVisitMember.create(visit=visit, worker=workers[k + 1])
        GroupVisitElder.create(visit=visit, elder=elder)
        ServiceHours.create(worker=workers[k + 1], programme="扶老助老", date=day, minutes=90,
                            source="group_visit", source_id=visit.id)
        household = Household.create(office=office, community=community, head_name=f"户{k}")
        home = HomeVisit.create(household=household, date=day, minutes=45)
        HomeVisitWorker.create(visit=home, worker=workers[k + 2])
        ServiceHours.create(worker=workers[k + 2], programme="家庭病床", date=day, minutes=45,
                            source="home_visit", source_id=home.id)
        for j, category in enumerate(vocab.HOTLINE_CATEGORIES):
            status = rnd.choice(vocab.HOTLINE_STATUSES)
            HotlineRequest.create(
                office=office, received_at=_dt.datetime.combine(day, _dt.time(9 + j)),
                resident_name="居民", category=category, text="求助", status=status,
                satisfaction=rnd.choice(vocab.SATISFACTIONS) if status == "已回访" else "")
        course = TrainingCourse.create(office=office, title=f"课{k}", start_date=day, hours=3.5,
                                       topic=vocab.TRAINING_TOPICS[k])
        for w in workers[:3]:
            TrainingAttendance.create(course=course, worker=w)
