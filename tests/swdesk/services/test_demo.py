"""Demo data: the report's structure for 2,672 workers, valid and unique identifiers, programme
data over the last four quarters whose service hours match the ledger's rules, determinism,
refusal on a non-empty database, and the command line."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from conftest import run_cli
from peewee import fn

from swdesk import db as swdb
from swdesk import idcard, pinyin, vocab
from swdesk.jobs import Cancelled
from swdesk.models import (
    AuditLog,
    Community,
    DemandTarget,
    Elder,
    ElderAssignment,
    ElderGroup,
    GroupMember,
    GroupVisit,
    GroupVisitElder,
    GroupVisitMember,
    HomeVisit,
    HomeVisitWorker,
    HotlineAssignment,
    HotlineRequest,
    Household,
    HouseholdWorker,
    MentoringPair,
    MentoringSession,
    Office,
    ServiceHours,
    TrainingAttendance,
    TrainingCourse,
    Worker,
    WorkerSpecialty,
)
from swdesk.services import base, demo

TODAY = dt.date(2026, 11, 27)
WINDOW_START = TODAY - dt.timedelta(days=364)
RARE = set("喆堃昇镕赟玥燚䶮𠮷")


def counts(field) -> dict[str, int]:
    return {k: n for k, n in Worker.select(field, fn.COUNT(Worker.id)).group_by(field).tuples()}


def test_report_structure_for_2672_workers(db):
    result = demo.fill(workers=2672, today=TODAY)
    assert result.workers == Worker.select().count() == 2672
    assert counts(Worker.sector) == {"党政机关": 400, "事业单位": 729, "企业": 22, "民间组织": 263,
                                     "社区/群团/离退休": 1258}
    assert counts(Worker.education) == {"本科及以上": 481, "大专": 756, "中专/中职/中师": 345, "高中及以下": 1090}
    assert counts(Worker.title) == {"高级": 115, "中级": 332, "初级": 274, "无": 1951}
    assert counts(Worker.kind)["志愿者"] == 672
    bands = Counter(vocab.age_band(b, TODAY) for (b,) in Worker.select(Worker.birth_date).tuples())
    assert bands == {"35岁及以下": 805, "36–45岁": 700, "46–55岁": 147, "56–60岁": 537, "60岁以上": 483}
    party = sum(n for status, n in counts(Worker.political_status).items() if vocab.is_party_member(status))
    assert 0.40 <= party / 2672 <= 0.55
    assert set(counts(Worker.sw_level)) == set(vocab.SW_LEVELS) and counts(Worker.sw_level)["无"] > 2000
    left = counts(Worker.status).get(vocab.STATUS_LEFT, 0)
    assert 20 <= left <= 100
    names = [n for (n,) in Worker.select(Worker.name).tuples()]
    assert sum(1 for n in names if RARE & set(n)) >= 30          # about 3 %: printing must cope
    assert any(n.startswith(("欧阳", "司马", "诸葛")) for n in names)
    # The report's programme sizes.
    assert MentoringPair.select().count() == 16
    assert ElderGroup.select().count() == 5 and Elder.select().count() == 34
    assert Household.select().count() == 54
    assert Household.select(fn.COUNT(Household.community.distinct())).scalar() == 11
    assert TrainingCourse.select().count() == 4 and TrainingAttendance.select().count() == 295
    print("sample names:", "、".join(names[:40]))


@pytest.fixture
def filled(db):
    return demo.fill(workers=300, today=TODAY)


def test_workers_have_valid_consistent_identifiers(filled):
    rows = list(Worker.select().tuples().objects())
    assert len(rows) == 300
    ids = [w.id_number for w in rows]
    assert len(set(ids)) == 300
    for w in rows:
        info = idcard.parse(w.id_number)
        assert info.area == "350502"
        assert (info.birth_date, info.gender) == (w.birth_date, w.gender)
        assert re.fullmatch(r"1[358]\d{9}", w.phone)
        assert (w.name_pinyin, w.name_initials) == (pinyin.full(w.name), pinyin.initials(w.name))
        assert 1 <= len(w.specialties.split("、")) <= 3
        assert w.card_issued_on <= TODAY and w.card_issued_on >= w.joined_on
        assert w.card_valid_until > w.card_issued_on
        if w.status == vocab.STATUS_LEFT:
            assert w.joined_on < w.left_on <= TODAY and w.left_reason
        assert w.community.office_id == w.office_id
    cards = [w.card_no for w in rows]
    assert len(set(cards)) == 300 and all(re.fullmatch(r"35050200[12]\d{4}\d{5}", c) for c in cards)
    specialty_rows = Counter(w for (w,) in WorkerSpecialty.select(WorkerSpecialty.worker).tuples())
    assert all(specialty_rows[w.id] == len(w.specialties.split("、")) for w in rows)
    assert Office.select().count() == 2 and Community.select().count() == 11
    office = Office.select().order_by(Office.id).first()
    assert (office.street, office.street_code, office.district) == ("开元街道", "350502001", "泉州市鲤城区")
    assert "生活服务热线" in office.hotlines and office.charter_text and office.card_issuer


def test_programme_data(filled):
    assert ElderGroup.select().count() == 5
    for group in ElderGroup.select():
        members = GroupMember.select().where(GroupMember.group == group).count()
        assert 4 <= members <= 8
        assert GroupMember.get((GroupMember.group == group) & (GroupMember.role == "组长")).worker_id == group.leader_id
    open_rows = Counter(e for (e,) in ElderAssignment.select(ElderAssignment.elder)
                        .where(ElderAssignment.end_date.is_null()).tuples())
    assert sorted(open_rows.values()) == [1] * Elder.select().count() == [1] * 34
    assert ElderAssignment.select().where(ElderAssignment.end_date.is_null(False)).count() == 2  # history
    assert Household.select().count() == 54
    assert all(1 <= HouseholdWorker.select().where(HouseholdWorker.household == h).count() <= 2
               for h in Household.select())
    last_due = (HomeVisit.select(HomeVisit.household, fn.MAX(HomeVisit.next_due)).group_by(HomeVisit.household)
                .tuples())
    overdue = [h for h, due in last_due if due < TODAY]
    assert 1 <= len(overdue) <= 10
    # Mentoring: the report's mix of statuses, two active pairs waiting for a session.
    statuses = Counter(s for (s,) in MentoringPair.select(MentoringPair.status).tuples())
    assert statuses["转介"] == 1 and statuses["中止"] == 1 and statuses["已结对完成"] == 4
    assert MentoringPair.select().where(MentoringPair.positive_outcome).count() == 3
    stale = [p for p in MentoringPair.select().where(MentoringPair.status == "进行中")
             if not MentoringSession.select().where((MentoringSession.pair == p)
                                                    & (MentoringSession.date > TODAY - dt.timedelta(days=30))).exists()]
    assert len(stale) == 2
    for pair in MentoringPair.select():
        assert 12 <= vocab.age_at(pair.youth_birth_date, TODAY) <= 17
        assert pair.concern in vocab.MENTORING_CONCERNS and pair.unit in vocab.MENTORING_UNITS
    # Hotline: every category and every status, timestamps in the order of the flow.
    assert set(c for (c,) in HotlineRequest.select(HotlineRequest.category).tuples()) == set(vocab.HOTLINE_CATEGORIES)
    assert set(s for (s,) in HotlineRequest.select(HotlineRequest.status).tuples()) == set(vocab.HOTLINE_STATUSES)
    for r in HotlineRequest.select():
        assigned = HotlineAssignment.select().where(HotlineAssignment.request == r).count()
        if r.status == "待分派":
            assert r.assigned_at is None and assigned == 0
        if r.status in ("已分派", "已完成", "已回访"):
            assert r.received_at < r.assigned_at and assigned >= 1
        if r.status in ("已完成", "已回访"):
            assert r.assigned_at < r.completed_at and r.minutes > 0
        if r.status == "已回访":
            assert r.completed_at < r.followed_up_at and r.satisfaction in vocab.SATISFACTIONS
        if r.status in ("已转介", "已撤销"):
            assert r.closed_at > r.received_at and r.closed_reason
        assert max(filter(None, (r.received_at, r.assigned_at, r.completed_at, r.followed_up_at, r.closed_at))) \
            < dt.datetime.combine(TODAY, dt.time())
    # Training: 295 person-times for 2,672 workers, here in proportion; once per worker per course.
    attendance = [(c, w) for c, w in TrainingAttendance.select(TrainingAttendance.course,
                                                                 TrainingAttendance.worker).tuples()]
    assert len(attendance) == len(set(attendance)) == round(295 * 300 / 2672)
    plan = {(d.dimension, d.label): d.target for d in DemandTarget.select()}
    assert {label: t for (dim, label), t in plan.items() if dim == "specialty"} == demo.DEMAND_SPECIALTIES
    assert {dim for dim, _ in plan} == {"specialty", "education", "age_band", "title"}


def test_dates_lie_in_the_last_four_quarters(filled):
    def within(values):
        values = [v for v in values if v is not None]
        assert values and WINDOW_START <= min(values) and max(values) <= TODAY

    within(d for (d,) in MentoringSession.select(MentoringSession.date).tuples())
    within(d for (d,) in MentoringPair.select(MentoringPair.start_date).tuples())
    within(d for (d,) in MentoringPair.select(MentoringPair.ended_on).tuples())
    within(d for (d,) in GroupVisit.select(GroupVisit.date).tuples())
    within(d for (d,) in HomeVisit.select(HomeVisit.date).tuples())
    within(d for (d,) in ElderAssignment.select(ElderAssignment.start_date).tuples())
    within(d for (d,) in GroupMember.select(GroupMember.joined_on).tuples())
    within(d for (d,) in TrainingCourse.select(TrainingCourse.start_date).tuples())
    within(d for (d,) in ServiceHours.select(ServiceHours.date).tuples())
    within(d.date() for (d,) in HotlineRequest.select(HotlineRequest.received_at).tuples())
    within(d for (d,) in Worker.select(Worker.joined_on).tuples() if d >= WINDOW_START)
    assert max(d for (d,) in Worker.select(Worker.joined_on).tuples()) <= TODAY


def test_service_hours_follow_the_ledger_rules(filled):
    """One row per worker per session/visit with its minutes, exactly as swdesk.services.hours."""
    expected = Counter()
    for s in MentoringSession.select(MentoringSession, MentoringPair).join(MentoringPair):
        expected[("一对一帮教", "mentoring_session", s.id, s.pair.mentor_id, s.date, s.minutes)] += 1
    for m in GroupVisitMember.select(GroupVisitMember, GroupVisit).join(GroupVisit):
        expected[("扶老助老", "group_visit", m.visit.id, m.worker_id, m.visit.date, m.visit.minutes)] += 1
    for m in HomeVisitWorker.select(HomeVisitWorker, HomeVisit).join(HomeVisit):
        expected[("家庭病床", "home_visit", m.visit.id, m.worker_id, m.visit.date, m.visit.minutes)] += 1
    for a in (HotlineAssignment.select(HotlineAssignment, HotlineRequest).join(HotlineRequest)
              .where(HotlineRequest.status.in_(("已完成", "已回访")))):
        r = a.request
        expected[("服务热线", "hotline_request", r.id, a.worker_id, r.completed_at.date(), r.minutes)] += 1
    actual = Counter((h.programme, h.source, h.source_id, h.worker_id, h.date, h.minutes)
                     for h in ServiceHours.select())
    assert actual == expected
    assert set(p for p, *_ in actual) == set(vocab.PROGRAMMES)
    assert GroupVisitElder.select().count() > GroupVisit.select().count()  # elders seen on every visit


def test_refuses_a_database_with_workers_unless_forced(filled):
    with pytest.raises(base.UserError, match="已有 300 名人员"):
        demo.fill(workers=10, today=TODAY)
    result = demo.fill(workers=50, force=True, seed=7, today=TODAY)
    assert result.workers == 50 and Worker.select().count() == 350
    assert Office.select().count() == 2 and Community.select().count() == 11   # reused
    assert Worker.select(fn.COUNT(Worker.card_no.distinct())).scalar() == 350
    assert Worker.select(fn.COUNT(Worker.id_number.distinct())).scalar() == 350
    assert AuditLog.select().where(AuditLog.action == "demo").count() == 2


def test_audit_line_and_summary(filled):
    line = AuditLog.get(AuditLog.action == "demo")
    assert line.summary.startswith("生成示例数据：人员 300")
    text = filled.summary()
    assert "帮教结对 16" in text and "扶老小组 5（老人 34" in text and "家庭病床 54 户" in text
    assert "培训 4 期（33人次）" in text


def snapshot_of_data() -> tuple:
    workers = sorted(Worker.select(Worker.name, Worker.id_number, Worker.card_no, Worker.sector,
                                   Worker.specialties, Worker.phone).tuples())
    minutes = sorted(ServiceHours.select(Worker.id_number, fn.SUM(ServiceHours.minutes)).join(Worker)
                     .group_by(Worker.id_number).tuples())
    others = tuple(m.select().count() for m in (MentoringSession, GroupVisit, HomeVisit, HotlineRequest))
    youths = sorted(MentoringPair.select(MentoringPair.youth_name, MentoringPair.start_date).tuples())
    return workers, minutes, others, youths


def test_same_seed_same_data(db):
    database = swdb.database()
    with database.atomic() as txn:
        demo.fill(workers=120, seed=11, today=TODAY)
        first = snapshot_of_data()
        txn.rollback()
    assert Worker.select().count() == 0
    with database.atomic() as txn:
        demo.fill(workers=120, seed=11, today=TODAY)
        assert snapshot_of_data() == first
        txn.rollback()
    demo.fill(workers=120, seed=12, today=TODAY)
    assert snapshot_of_data()[0] != first[0]


def test_cancel_rolls_everything_back(db):
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return len(calls) < 5

    with pytest.raises(Cancelled):
        demo.fill(workers=300, progress=progress, today=TODAY)
    assert Worker.select().count() == 0 and Office.select().count() == 0
    assert all(done <= total for done, total in calls)
    if swdb.has_trigram_index("worker"):   # the paused search-index trigger is back
        assert trigram_trigger_exists()


def trigram_trigger_exists() -> bool:
    name = swdb.trigram_table("worker") + "_ai"
    return swdb.database().execute_sql(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)).fetchone()[0] == 1


def test_search_index_complete_after_fill(filled, sqlite_only):
    """The workers go in with the trigram trigger paused and the index rebuilt once."""
    database, name = swdb.database(), swdb.trigram_table("worker")
    assert trigram_trigger_exists()
    database.execute_sql(f"INSERT INTO {name}({name}) VALUES ('integrity-check')")
    for worker in Worker.select().order_by(Worker.id.desc()).limit(3):
        hits = [r for (r,) in database.execute_sql(f"SELECT rowid FROM {name} WHERE {name} MATCH ?",
                                                   (f'"{worker.id_number[-6:]}"',))]
        assert worker.id in hits


def test_progress_counts_advance_through_every_phase(db):
    """Honest phases, each counted in its own units from 0 to its total."""
    calls = []

    class Progress:
        def __call__(self, done, total):
            calls.append((done, total))
            return True

        def phase(self, text):
            calls.append(text)

    demo.fill(workers=200, progress=Progress(), today=TODAY)
    phases = [c for c in calls if isinstance(c, str)]
    assert phases == ["正在生成人员…", "正在写入人员…", "正在生成服务记录…"]
    for k, text in enumerate(phases):
        start = calls.index(text) + 1
        end = calls.index(phases[k + 1]) if k + 1 < len(phases) else len(calls)
        counts = calls[start:end]
        assert counts[0][0] == 0 and counts[-1][0] == counts[-1][1] > 0
        assert [d for d, _ in counts] == sorted(d for d, _ in counts) and len(counts) >= 2


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_tiny_database_and_the_placeholder_office(db, workers):
    placeholder = base.default_office()          # what the window makes on an empty database
    assert placeholder.street_code == "000000"
    demo.fill(workers=workers, today=TODAY)
    assert Office.select().count() == 2
    assert base.default_office().street == "开元街道"
    assert Worker.select().count() == workers and MentoringPair.select().count() == 16
    assert GroupVisit.select().count() > 0 and HomeVisit.select().count() > 0


def test_bad_size_and_read_only_operator(db):
    with pytest.raises(base.UserError, match="人员数量"):
        demo.fill(workers=0)
    base.set_session(base.Session(operator_login="viewer", role="只读"))
    with pytest.raises(base.PermissionDenied):
        demo.fill(workers=10)
    assert Worker.select().count() == 0


def test_command_line(db_target):
    code, out, err = run_cli("demo", "--workers", "300", db_target=db_target)
    assert code == 0, err
    assert "已生成示例数据：人员 300" in out
    code, out, err = run_cli("demo", "--workers", "300", db_target=db_target)
    assert code == 1
    assert "已有 300 名人员" in err and "Traceback" not in err


def test_records_of_issue_18(filled):
    from swdesk.models import Award, Evaluation, OpeningBalance, SwQualification
    from swdesk.services import education, stars

    certified = Worker.select().where((Worker.sw_level != "无") & (Worker.status == "在册")).count()
    assert filled.certified == certified == SwQualification.select().count() > 0
    running = education.statuses(TODAY)
    assert len(running) == certified     # every certified worker has a running registration
    at_risk = education.at_risk(TODAY)
    assert at_risk and all(s.missing > 0 and (s.due - TODAY).days <= 90 for s in at_risk)
    assert any(s.missing == 0 for s in running)
    with_opening = {w for (w,) in OpeningBalance.select(OpeningBalance.worker).tuples()}
    starred = [s for s in stars.star_levels(TODAY) if s.level]
    assert with_opening and any(s.worker_id in with_opening for s in starred)
    assert Award.select().count() == filled.awards > 0
    assert Evaluation.select().count() == filled.evaluations > 0
    assert {a.level for a in Award.select()} <= set(vocab.AWARD_LEVELS)
    assert "持证" in filled.summary()
