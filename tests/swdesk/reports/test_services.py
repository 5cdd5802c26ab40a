"""服务开展, 服务热线, 培训: SQL figures equal figures counted here from all rows in Python."""
from __future__ import annotations

import datetime as _dt

import pytest
from conftest import load_quarter_factory

from swdesk import periods, vocab
from swdesk.models import (
    GroupVisit,
    GroupVisitMember,
    HomeVisit,
    HotlineRequest,
    MentoringPair,
    MentoringSession,
    ServiceHours,
    TrainingAttendance,
    TrainingCourse,
)
from swdesk.reports import services
from swdesk.services.base import Session, set_session

qf = load_quarter_factory()
P = periods.parse(qf.PERIOD)


def _in(day, p=P):
    if isinstance(day, _dt.datetime):
        day = day.date()
    return day is not None and p.start <= day <= p.end


def _street(db, seed=1):
    office = qf.make_office("甲街道", "000001")
    street = qf.random_workers(office, 30, seed=seed)
    qf.add_services(street, seed=seed)
    return street


def test_mentoring_figures(db):
    _street(db)
    pairs = list(MentoringPair.select())
    for p in (P, P.year_to_date, P.same_last_year):
        got = services.mentoring(p.start, p.end)
        assert got["新结对数"] == sum(_in(x.start_date, p) for x in pairs)
        assert got["在帮结对数"] == sum(x.start_date <= p.end and (x.ended_on is None or x.ended_on >= p.start)
                                    for x in pairs)
        assert got["帮教成功青少年数"] == sum(_in(x.ended_on, p) and x.status == "已结对完成"
                                        and x.positive_outcome for x in pairs)
        assert got["帮教次数"] == sum(_in(s.date, p) for s in MentoringSession.select())
    assert services.mentoring(P.start, P.end)["新结对数"] == 2


def test_eldercare_and_homebed_figures(db):
    _street(db)
    visits = [v for v in GroupVisit.select() if _in(v.date)]
    got = services.eldercare(P.start, P.end)
    assert got["探访次数"] == len(visits) == 2
    assert got["开展探访小组数"] == len({v.group_id for v in visits})
    assert got["志愿者服务人次"] == sum(1 for m in GroupVisitMember.select() if _in(m.visit.date))
    homes = [v for v in HomeVisit.select() if _in(v.date)]
    got = services.homebed(P.start, P.end)
    assert got["上门服务次数"] == len(homes)
    assert got["服务家庭户数"] == len({v.household_id for v in homes})
    assert got["覆盖社区数"] == 1


def test_hotline_by_category_and_status(db):
    _street(db)
    requests = [r for r in HotlineRequest.select() if _in(r.received_at)]
    tables = {t.key: t for t in services.hotline_tables(P)}
    status = tables["hotline.status"]
    assert status.labels() == list(vocab.HOTLINE_CATEGORIES)
    for row in status.rows:
        for col, value in zip(status.columns, row[1:], strict=True):
            assert value == sum(r.category == row[0] and r.status == col for r in requests)
    satisfaction = tables["hotline.satisfaction"]
    done = [r for r in requests if r.status in ("已完成", "已回访")]
    assert sum(satisfaction.column_totals()) == len(done)
    rated = sum(r.satisfaction in vocab.SATISFACTIONS for r in done)
    assert sum(satisfaction.column_totals()[:3]) == rated
    trend = tables["hotline.trend"]
    assert trend.column_totals() == [len(requests),
                                     sum(_in(r.received_at, P.year_to_date) for r in HotlineRequest.select()),
                                     sum(_in(r.received_at, P.same_last_year) for r in HotlineRequest.select())]


def test_training_and_hours(db):
    _street(db)
    courses = [c for c in TrainingCourse.select() if _in(c.start_date)]
    attendance = [a for a in TrainingAttendance.select() if _in(a.course.start_date)]
    got = services.training(P.start, P.end)
    assert got == {"培训班次": len(courses), "培训人次": len(attendance),
                   "参训人数": len({a.worker_id for a in attendance})}
    assert services.training_hours(P.start, P.end) == sum(a.course.hours for a in attendance)
    hours = services.hours_by_programme(P.start, P.end)
    for programme in vocab.PROGRAMMES:
        minutes = sum(h.minutes for h in ServiceHours.select() if h.programme == programme and _in(h.date))
        assert abs(hours.get(programme, 0) - minutes / 60) < 1e-9
    topic = {t.key: t for t in services.training_tables(P)}["training.topic"]
    assert topic.column_totals()[:2] == [len(courses), len(attendance)]


def test_service_tables_have_three_columns_and_scope(db):
    street = _street(db)
    other = qf.make_office("乙街道", "000002")
    qf.add_services(qf.random_workers(other, 10, seed=9, start_n=500), seed=9)
    tables = services.service_tables(P)
    assert all(t.columns == ["本季度", "本年累计", "上年同期"] for t in tables)
    both = {t.key: t for t in tables}["services.mentoring"].value("新结对数")
    set_session(Session(office_id=street.office.id))
    one = {t.key: t for t in services.service_tables(P)}["services.mentoring"].value("新结对数")
    assert (both, one) == (4, 2)
    mine = [h for h in ServiceHours.select() if _in(h.date) and h.worker.office_id == street.office.id]
    hours = {t.key: t for t in services.service_tables(P)}["services.hours"]
    assert sum(r[1] for r in hours.rows) == pytest.approx(sum(h.minutes for h in mine) / 60)
    assert services.participation(P.start, P.end)["参与服务人数"] == len({h.worker_id for h in mine})



def test_participation_counts_party_members_and_their_hours(db):
    _street(db)
    rows = [h for h in ServiceHours.select() if _in(h.date)]
    party = [h for h in rows if h.worker.political_status in vocab.PARTY_MEMBER_STATUSES]
    got = services.participation(P.start, P.end)
    assert got["参与服务人数"] == len({h.worker_id for h in rows})
    assert got["其中：党员人数"] == len({h.worker_id for h in party})
    assert got["党员服务时长（小时）"] == pytest.approx(sum(h.minutes for h in party) / 60)
