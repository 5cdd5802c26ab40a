"""队伍结构: counts from SQL equal counts made here from the rows inserted."""
from __future__ import annotations

import datetime as _dt
from collections import Counter

from conftest import load_quarter_factory

from swdesk import vocab
from swdesk.reports import structure
from swdesk.services.base import Session, set_session

qf = load_quarter_factory()


def _blocks(end=qf.END):
    return {t.key.split(".")[1]: t for t in structure.structure_tables(end)}


def test_structure_counts_equal_independent_counts(db):
    office = qf.make_office("甲街道", "000001")
    street = qf.random_workers(office, 90, seed=1)
    blocks = _blocks()
    active = street.active
    assert 0 < len(active) < len(street.workers)
    expected = {
        "sector": Counter(w.sector for w in active),
        "education": Counter(w.education for w in active),
        "title": Counter(w.title for w in active),
        "sw_level": Counter(w.sw_level for w in active),
        "kind": Counter(w.kind for w in active),
        "political": Counter(w.political_status for w in active),
        "age_band": Counter(vocab.age_band(w.birth_date, qf.END) for w in active),
    }
    for key, counter in expected.items():
        table = blocks[key]
        assert table.as_dict() == {label: counter.get(label, 0) for label in table.labels()}, key
        assert sum(table.as_dict().values()) == len(active)
    party = sum(1 for w in active if w.political_status in vocab.PARTY_MEMBER_STATUSES)
    assert blocks["party"].as_dict() == {"中共党员（含预备党员）": party, "非党员": len(active) - party}


def test_every_label_listed_in_vocabulary_order_even_with_zero(db):
    office = qf.make_office("甲街道", "000001")
    qf.make_worker(office, 1, sector="企业")
    blocks = _blocks()
    assert blocks["sector"].labels() == list(vocab.SECTORS)
    assert blocks["sector"].as_dict()["党政机关"] == 0
    assert blocks["age_band"].labels() == list(vocab.AGE_BANDS)
    assert blocks["title"].labels() == list(vocab.TITLES)


def test_a_worker_turning_36_on_the_last_day_is_36_to_45(db):
    office = qf.make_office("甲街道", "000001")
    qf.make_worker(office, 1, birth_date=_dt.date(1990, 12, 31))   # 36 on 2026-12-31
    qf.make_worker(office, 2, birth_date=_dt.date(1991, 1, 1))     # 35 on 2026-12-31
    qf.make_worker(office, 3, birth_date=_dt.date(1966, 12, 31))   # 60 → 56–60岁
    qf.make_worker(office, 4, birth_date=_dt.date(1966, 12, 30))   # 60 too
    qf.make_worker(office, 5, birth_date=_dt.date(1965, 12, 31))   # 61 → 60岁以上
    ages = _blocks()["age_band"].as_dict()
    assert ages == {"35岁及以下": 1, "36–45岁": 1, "46–55岁": 0, "56–60岁": 2, "60岁以上": 1}
    # A quarter earlier the first worker was still 35.
    assert _blocks(_dt.date(2026, 9, 30))["age_band"].as_dict()["35岁及以下"] == 2


def test_active_rule_join_and_leave_dates(db):
    office = qf.make_office("甲街道", "000001")
    qf.make_worker(office, 1)                                               # active
    qf.make_worker(office, 2, joined_on=qf.END)                             # joined on the last day
    qf.make_worker(office, 3, joined_on=qf.END + _dt.timedelta(days=1))     # joined after
    qf.make_worker(office, 4, status="离队", left_on=qf.END)                # left on the last day
    qf.make_worker(office, 5, status="离队", left_on=qf.END + _dt.timedelta(days=1))  # left after
    qf.make_worker(office, 6, status="离队", left_on=None)                  # left, date unknown
    assert structure.total_active(qf.END) == 3


def test_percentages_of_a_block_add_to_100(db):
    office = qf.make_office("甲街道", "000001")
    qf.random_workers(office, 70, seed=3)
    for table in structure.structure_tables(qf.END):
        display = table.display()
        shares = [row[2] for row in display.rows[:-1]]
        assert abs(sum(shares) - 1.0) < 1e-9, table.key
        assert abs(sum(round(s * 100, 1) for s in shares) - 100) <= 0.1 * len(shares) / 2
        assert display.rows[-1][0] == "合计" and display.rows[-1][2] == 1.0


def test_a_street_user_sees_only_the_street(db):
    a = qf.make_office("甲街道", "000001")
    b = qf.make_office("乙街道", "000002")
    qf.make_worker(a, 1)
    qf.make_worker(b, 2)
    qf.make_worker(b, 3)
    assert structure.total_active(qf.END) == 3
    set_session(Session(office_id=b.id))
    assert structure.total_active(qf.END) == 2
    assert sum(_blocks()["sector"].as_dict().values()) == 2


def test_specialty_counts_a_worker_in_each_of_his_specialties(db):
    office = qf.make_office("甲街道", "000001")
    street = qf.random_workers(office, 40, seed=5)
    expected = Counter(s for w in street.active for s in vocab.split_specialties(w.specialties))
    assert structure.count_by_specialty(qf.END) == dict(expected)
