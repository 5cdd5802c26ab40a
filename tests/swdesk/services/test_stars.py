"""Star levels: thresholds at their edges, hours counted once, opening balances audited, the
day each level was reached, 本季度新晋星级, the star-certificate register."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk import periods
from swdesk.models import AuditLog, Worker
from swdesk.services import hours, stars
from swdesk.services.base import ValidationError


def make_worker(office, name="林海"):
    return Worker.create(office=office, name=name, gender="男", birth_date=dt.date(1960, 5, 5), sector="企业",
                         education="大专", title="无")


def credit(worker, day, minutes, source_id):
    hours.credit("扶老助老", "group_visit", source_id, day, minutes, [worker.id])


def test_thresholds_at_their_edges(office):
    assert stars.level_for(100 * 60 - 1) == 0
    assert stars.level_for(100 * 60) == 1
    assert stars.level_for(300 * 60 - 1) == 1
    assert stars.level_for(1500 * 60) == 5
    assert stars.level_for(99999 * 60) == 5


def test_level_and_day_reached_from_the_ledger(office):
    w = make_worker(office)
    credit(w, dt.date(2026, 1, 5), 99 * 60, 1)
    credit(w, dt.date(2026, 2, 5), 59, 2)
    assert stars.star_status(w.id).level == 0                      # 99 h 59 min
    credit(w, dt.date(2026, 3, 5), 1, 3)
    s = stars.star_status(w.id)
    assert (s.level, s.reached, s.label) == (1, {1: dt.date(2026, 3, 5)}, "一星")
    assert stars.star_status(w.id, dt.date(2026, 3, 4)).level == 0


def test_hours_counted_once_when_a_visit_is_credited_again(office):
    w = make_worker(office)
    for _ in range(3):
        credit(w, dt.date(2026, 4, 1), 100 * 60, 7)   # the same visit saved three times
    assert stars.star_status(w.id).minutes == 100 * 60


def test_opening_balance_counts_and_is_audited(office):
    w = make_worker(office)
    with pytest.raises(ValidationError) as info:
        stars.set_opening_balance(w.id, {"hours": -5, "as_of": "2030-01-01", "note": ""})
    assert set(info.value.problems) == {"hours", "as_of", "note"}
    stars.set_opening_balance(w.id, {"hours": 280, "as_of": dt.date(2020, 12, 31), "note": "原区志愿者协会记录"})
    credit(w, dt.date(2026, 5, 2), 20 * 60, 9)
    s = stars.star_status(w.id)
    assert (s.hours, s.level, s.reached) == (300, 2, {1: dt.date(2020, 12, 31), 2: dt.date(2026, 5, 2)})
    stars.set_opening_balance(w.id, {"hours": 200, "as_of": dt.date(2020, 12, 31), "note": "核对后更正"}, version=1)
    entries = list(AuditLog.select().where(AuditLog.table == "opening_balance").order_by(AuditLog.id))
    assert [e.action for e in entries] == ["create", "update"]
    assert '"minutes": 16800' in entries[0].after and '"minutes": 12000' in entries[1].after
    assert stars.star_status(w.id).level == 1


def test_new_in_quarter_and_register(office):
    a, b, c = make_worker(office, "甲"), make_worker(office, "乙"), make_worker(office, "丙")
    credit(a, dt.date(2026, 6, 30), 100 * 60, 1)        # 一星 in Q2
    credit(a, dt.date(2026, 10, 1), 200 * 60, 2)        # 二星 in Q4
    credit(b, dt.date(2026, 11, 1), 600 * 60, 3)        # straight to 三星 in Q4
    credit(c, dt.date(2026, 11, 1), 50 * 60, 4)
    new = stars.new_in_period(periods.parse("2026Q4"))
    assert [(s.name, level, day) for s, level, day in new] == [("乙", 3, dt.date(2026, 11, 1)),
                                                                ("甲", 2, dt.date(2026, 10, 1))]
    assert stars.counts_by_level(dt.date(2026, 12, 31)) == {1: 0, 2: 1, 3: 1, 4: 0, 5: 0}
    first = stars.issue(a.id, 2, dt.date(2026, 11, 20))
    again = stars.issue(a.id, 2, dt.date(2026, 11, 21))
    assert first.number == again.number and again.reprint and not first.reprint
    assert first.number.endswith("-2026-00001")
    assert [s.name for s in stars.unprinted(dt.date(2026, 12, 31))] == ["乙"]


def test_thresholds_setting(office):
    with pytest.raises(ValidationError):
        stars.set_thresholds([100, 50, 600, 1000, 1500])
    stars.set_thresholds([50, 100, 200, 400, 800])
    assert stars.level_for(200 * 60) == 3


def test_levels_of_a_list_agree_with_the_ledger_day_by_day(office):
    """stars.levels (one sum per worker: roster export, cards) gives star_levels' level at any day."""
    edge, short, late, none = (make_worker(office, n) for n in ("甲", "乙", "丙", "丁"))
    credit(edge, dt.date(2026, 1, 5), 299 * 60, 11)
    credit(edge, dt.date(2026, 2, 5), 60, 12)                     # exactly 300 h on 2026-02-05
    credit(short, dt.date(2026, 1, 5), 100 * 60 - 1, 13)
    stars.set_opening_balance(short.id, {"hours": 0.1, "as_of": dt.date(2026, 3, 1), "note": "原记录"})
    stars.set_opening_balance(late.id, {"hours": 700, "as_of": dt.date(2026, 6, 1), "note": "原记录"})
    ids = [edge.id, short.id, late.id, none.id]
    for day in (dt.date(2026, 2, 4), dt.date(2026, 2, 5), dt.date(2026, 3, 1), dt.date(2026, 6, 1)):
        expected = {s.worker_id: s.level for s in stars.star_levels(day, ids) if s.level}
        assert stars.levels(ids, day) == expected
    assert stars.levels(ids, dt.date(2026, 6, 1)) == {edge.id: 2, short.id: 1, late.id: 3}
    assert stars.levels(ids, dt.date(2026, 2, 4)) == {edge.id: 1}


def test_every_worker_levelled_in_one_pass(office):
    """star_levels over many workers: opening balances merged at their day, a worker with only an
    opening balance, one whose balance lies after the day asked; the workbook's one-pass counts."""
    a, b, c, d = (make_worker(office, n) for n in ("甲", "乙", "丙", "丁"))
    stars.set_opening_balance(a.id, {"hours": 90, "as_of": dt.date(2026, 3, 1), "note": "原记录"})
    credit(a, dt.date(2026, 2, 1), 5 * 60, 1)
    credit(a, dt.date(2026, 4, 1), 5 * 60, 2)          # 100 h on 4 April: 一星
    stars.set_opening_balance(b.id, {"hours": 320, "as_of": dt.date(2021, 6, 30), "note": "原记录"})
    credit(c, dt.date(2026, 5, 1), 700 * 60, 3)
    stars.set_opening_balance(d.id, {"hours": 150, "as_of": dt.date(2026, 9, 1), "note": "原记录"})
    on = dt.date(2026, 6, 30)
    levels = stars.star_levels(on)
    assert [(s.name, s.minutes, s.reached) for s in levels] == [
        ("丙", 700 * 60, {1: dt.date(2026, 5, 1), 2: dt.date(2026, 5, 1), 3: dt.date(2026, 5, 1)}),
        ("乙", 320 * 60, {1: dt.date(2021, 6, 30), 2: dt.date(2021, 6, 30)}),
        ("甲", 100 * 60, {1: dt.date(2026, 4, 1)})]
    assert stars.counts_by_level(on) == {1: 1, 2: 1, 3: 1, 4: 0, 5: 0}
    q2 = periods.parse("2026Q2")
    assert [(s.name, level) for s, level, _day in stars.new_in_period(q2)] == [("丙", 3), ("甲", 1)]
    assert stars.period_counts(q2) == ({1: 1, 2: 1, 3: 1, 4: 0, 5: 0}, {1: 1, 2: 0, 3: 1, 4: 0, 5: 0})
