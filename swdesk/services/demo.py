"""Demo data: fill an empty database with a realistic street office (`python main.py demo`).

For 2,672 workers the workforce has exactly the district report's structure (sector, education,
title), and the programmes have the report's sizes (16 mentoring pairs, 5 elder-care groups with
34 elders, 54 home-bed households in 11 communities, 4 training courses with 295 person-times),
spread over the last four quarters. Other sizes scale the workforce proportionally and the
programmes mildly (square root), so that a 100,000-worker benchmark database stays plausible.

Everything is drawn from one random.Random(seed), so a seed and a `today` give the same data.
Workers are written through the roster import's bulk path (services.workers.add_many: card
numbers, card validity and pinyin made by the functions a single save uses; 100,000 workers in
~13 s of CPU, as fast as the demo's former insert of its own); sessions, visits and hours through
services.bulk.insert_tuples; the few hundred parent records (pairs, groups, households) go one
INSERT each, because their ids are needed for their children.
"""
from __future__ import annotations

import datetime as _dt
import json
import math
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass

import peewee

from swdesk import idcard, jobs, vocab
from swdesk.models import (
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
)
from swdesk.services import bulk, demo_records, settings, workers
from swdesk.services import demo_names as names
from swdesk.services.base import UserError, audit, writes

REPORT_WORKERS = 2672
# The report's structure tables (exact for 2,672 workers, proportional otherwise).
SECTOR_COUNTS = {"党政机关": 400, "事业单位": 729, "企业": 22, "民间组织": 263, "社区/群团/离退休": 1258}
EDUCATION_COUNTS = {"本科及以上": 481, "大专": 756, "中专/中职/中师": 345, "高中及以下": 1090}
TITLE_COUNTS = {"高级": 115, "中级": 332, "初级": 274, "无": 1951}
VOLUNTEERS = 672          # the report's volunteer service team
FULL_TIME_SHARE = 0.16
# The report's age table (issue 14): exact for 2,672 workers, proportional otherwise.
AGE_BAND_COUNTS = {"35岁及以下": 805, "36–45岁": 700, "46–55岁": 147, "56–60岁": 537, "60岁以上": 483}
AGE_BAND_YEARS = {"35岁及以下": (20, 35), "36–45岁": (36, 45), "46–55岁": (46, 55), "56–60岁": (56, 60),
                  "60岁以上": (61, 75)}
PARTY_SHARE_BY_SECTOR = {"党政机关": 0.85, "事业单位": 0.5, "企业": 0.3, "民间组织": 0.3}
SPECIALTY_WEIGHTS = {"社区建设": 30, "社会养老": 22, "慈善救济": 18, "医疗卫生": 12, "心理疏导": 9,
                     "法律援助": 5, "司法矫治": 4}
# The report's programme sizes for 2,672 workers.
MENTORING_PAIRS = 16
ELDER_GROUPS = 5
ELDERS = 34
HOUSEHOLDS = 54
HOTLINE_REQUESTS = 300
TRAINING_PERSON_TIMES = 295
# The report's demand plan (需求): specialists wanted.
DEMAND_SPECIALTIES = {"心理疏导": 60, "医疗卫生": 60, "法律援助": 30, "司法矫治": 20, "社区建设": 40,
                      "社会养老": 50, "慈善救济": 20}
# Structure targets as shares of the active workforce (it has about 18 %, 28 %, 30 %, 4 %, 12 %, 10 %).
DEMAND_STRUCTURE = (("education", "本科及以上", 0.22), ("education", "大专", 0.30), ("age_band", "35岁及以下", 0.33),
                    ("title", "高级", 0.05), ("title", "中级", 0.14), ("title", "初级", 0.12))
LEFT_SHARE = 0.02   # workers who have left (离队); they count in the N workers generated

PLACEHOLDER_STREET_CODE = "000000"   # the office base.default_office() makes on an empty database
MOBILE_PREFIXES = tuple(f"13{d}" for d in range(10)) + tuple(f"15{d}" for d in "0123456789" if d != "4") \
    + tuple(f"18{d}" for d in range(10))

# Sessions and visits: model, columns, programme credited, (link model, event, worker),
# (link model, event, elder). The hours ledger's source is the event's table name.
_EVENT_TABLES = {
    "mentoring_session": (
        MentoringSession, (MentoringSession.pair, MentoringSession.date, MentoringSession.minutes,
                           MentoringSession.place, MentoringSession.kind, MentoringSession.notes),
        "一对一帮教", None, None),
    "group_visit": (
        GroupVisit, (GroupVisit.group, GroupVisit.date, GroupVisit.minutes, GroupVisit.services, GroupVisit.notes),
        "扶老助老", (GroupVisitMember, GroupVisitMember.visit, GroupVisitMember.worker),
        (GroupVisitElder, GroupVisitElder.visit, GroupVisitElder.elder)),
    "home_visit": (
        HomeVisit, (HomeVisit.household, HomeVisit.date, HomeVisit.minutes, HomeVisit.services,
                    HomeVisit.findings, HomeVisit.next_due),
        "家庭病床", (HomeVisitWorker, HomeVisitWorker.visit, HomeVisitWorker.worker), None),
}

_HOTLINE_FIELDS = (
    HotlineRequest.office, HotlineRequest.received_at, HotlineRequest.channel, HotlineRequest.resident_name,
    HotlineRequest.phone, HotlineRequest.community, HotlineRequest.category, HotlineRequest.text,
    HotlineRequest.urgency, HotlineRequest.preferred_time, HotlineRequest.due_at, HotlineRequest.status,
    HotlineRequest.assigned_at, HotlineRequest.completed_at, HotlineRequest.followed_up_at,
    HotlineRequest.satisfaction, HotlineRequest.followup_note, HotlineRequest.closed_at,
    HotlineRequest.closed_reason, HotlineRequest.minutes, HotlineRequest.completion_note,
)
# Courses whose attendance counts as 继续教育 for 职业水平 registration.
CONTINUING_EDUCATION_TOPICS = ("专业技能", "实务督导")

# Values of the columns a request's stage has not reached yet (texts default to "").
_HOTLINE_BLANK = {"assigned_at": None, "completed_at": None, "followed_up_at": None, "closed_at": None,
                  "minutes": 0}


@dataclass
class DemoResult:
    workers: int = 0
    left: int = 0
    offices: int = 0
    communities: int = 0
    mentoring_pairs: int = 0
    mentoring_sessions: int = 0
    elder_groups: int = 0
    group_members: int = 0
    elders: int = 0
    group_visits: int = 0
    households: int = 0
    home_visits: int = 0
    hotline_requests: int = 0
    courses: int = 0
    attendance: int = 0
    hours_rows: int = 0
    certified: int = 0
    external_rows: int = 0
    opening_balances: int = 0
    awards: int = 0
    evaluations: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"人员 {self.workers}（离队 {self.left}），帮教结对 {self.mentoring_pairs}（辅导 {self.mentoring_sessions} 次），"
                f"扶老小组 {self.elder_groups}（老人 {self.elders}，走访 {self.group_visits} 次），"
                f"家庭病床 {self.households} 户（上门 {self.home_visits} 次），热线工单 {self.hotline_requests}，"
                f"培训 {self.courses} 期（{self.attendance}人次），服务时长记录 {self.hours_rows} 条，"
                f"持证 {self.certified} 人，表彰 {self.awards} 项，评价 {self.evaluations} 条")


@writes("demo")
def fill(workers: int = REPORT_WORKERS, force: bool = False, seed: int = 2026,
         progress: jobs.Progress | None = None, today: _dt.date | None = None) -> DemoResult:
    """Fill the database with sample data in one transaction; refuse a database with workers."""
    if not isinstance(workers, int) or not 1 <= workers <= 1_000_000:
        raise UserError("人员数量应为 1 到 1000000 之间的整数")
    existing = Worker.select().count()
    if existing and not force:
        raise UserError(f"数据库中已有 {existing} 名人员，示例数据只能填入空数据库（确需追加请使用 --force）")
    started = time.perf_counter()
    generator = _Generator(random.Random(seed), today or _dt.date.today(), workers, progress)
    result = generator.run()
    result.seconds = round(time.perf_counter() - started, 2)
    audit("demo", table="worker", summary=f"生成示例数据：{result.summary()}"[:200],
          after={k: v for k, v in asdict(result).items() if k != "seconds"} | {"seed": seed})
    return result


# --- helpers ---------------------------------------------------------------------------------------

def exact_counts(counts: dict[str, int], n: int) -> dict[str, int]:
    """Scale `counts` to total n by the largest remainder (exact when n is their own total)."""
    total = sum(counts.values())
    raw = {k: v * n / total for k, v in counts.items()}
    out = {k: math.floor(x) for k, x in raw.items()}
    rest = n - sum(out.values())
    for k in sorted(raw, key=lambda k: (out[k] - raw[k], list(counts).index(k)))[:rest]:
        out[k] += 1
    return out


def shift_years(day: _dt.date, years: int) -> _dt.date:
    """The same day `years` later (negative: earlier); 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def insert_returning_ids(model: type[peewee.Model], fields: Sequence[peewee.Field], rows: Sequence[tuple],
                        key: Sequence[int]) -> list[int]:
    """Bulk-insert rows and return their ids in row order, matched back through `key` (positions
    of fields whose values are unique among these rows), which works on every engine."""
    keys = [tuple(row[i] for i in key) for row in rows]
    if len(set(keys)) != len(keys):
        raise ValueError(f"demo rows of {model.__name__} are not unique by their key")
    before = model.select(peewee.fn.MAX(model.id)).scalar() or 0
    bulk.insert_tuples(model, fields, rows)
    found = {tuple(values): id_ for id_, *values in
             model.select(model.id, *(fields[i] for i in key)).where(model.id > before).tuples()}
    return [found[k] for k in keys]


class _Person:
    """What the programmes need to know about a generated worker."""

    __slots__ = ("id", "office", "community", "gender", "age", "kind", "specialties", "party",
                 "active", "joined_on")


class _Generator:
    def __init__(self, rng: random.Random, today: _dt.date, n: int, progress: jobs.Progress | None):
        self.rng = rng
        self.today = today
        self.n = n
        self.progress = progress
        self.window_start = today - _dt.timedelta(days=364)   # the last four quarters
        self.midnight = _dt.datetime.combine(today, _dt.time())  # nothing happens later than this
        # Programmes grow with the square root of the workforce, never below the report's sizes.
        self.scale = max(1.0, math.sqrt(n / REPORT_WORKERS))
        self.result = DemoResult()
        self.used_ids: set[str] = set(
            x for (x,) in Worker.select(Worker.id_number).where(Worker.id_number.is_null(False)).tuples())
        self.hours: list[tuple] = []
        self._valid_until = settings.card_validity()
        self._id_heads: dict[_dt.date, str] = {}
        self._specialty_cum: dict[tuple[str, ...], list[float]] = {}
        self._specialty_labels = list(SPECIALTY_WEIGHTS)
        self._pools: dict[tuple, list[_Person]] = {}
        # Sessions and visits waiting to be written: (row, workers present, elders seen).
        self._events: dict[str, list[tuple[tuple, list[int], list[int]]]] = {k: [] for k in _EVENT_TABLES}
        self._surnames = [s for s, _ in names.SURNAMES]
        self._surname_cum = list(_cumulative(w for _, w in names.SURNAMES))
        self._step = max(1, n // 40)
        self.first_worker_id = (Worker.select(peewee.fn.MAX(Worker.id)).scalar() or 0) + 1

    def run(self) -> DemoResult:
        """Phases with their own units: workers generated, workers written, programmes made."""
        self.offices = self._make_offices()
        people = self._make_workers()
        steps = (self._make_training, self._make_mentoring, self._make_elder_care, self._make_home_beds,
                 self._make_hotline)
        jobs.phase(self.progress, "正在生成服务记录…", len(steps) + 1)
        for done, step in enumerate(steps, start=1):
            step(people)
            jobs.report(self.progress, done, len(steps) + 1)
        self._make_demand_plan()
        self.result.hours_rows = bulk.insert_tuples(
            ServiceHours, (ServiceHours.worker, ServiceHours.programme, ServiceHours.date, ServiceHours.minutes,
                           ServiceHours.source, ServiceHours.source_id), self.hours)
        self._make_records()
        jobs.report(self.progress, len(steps) + 1, len(steps) + 1)
        return self.result

    def _make_records(self) -> None:
        """Issue 18's records, last and from their own generator: the data before stays the same."""
        made = demo_records.fill(random.Random(self.rng.random()), self.today, self.window_start,
                                 self.first_worker_id)
        for key in ("certified", "external_rows", "opening_balances", "awards", "evaluations"):
            setattr(self.result, key, getattr(made, key))

    # -- small random things --------------------------------------------------------------------------
    def _date_between(self, first: _dt.date, last: _dt.date) -> _dt.date:
        if last <= first:
            return first
        return first + _dt.timedelta(days=self.rng.randint(0, (last - first).days))

    def _phone(self) -> str:
        return f"{self.rng.choice(MOBILE_PREFIXES)}{self.rng.randrange(10 ** 8):08d}"

    def _surname(self) -> str:
        if self.rng.random() < 0.003:
            return names.RARE_SURNAME
        return self.rng.choices(self._surnames, cum_weights=self._surname_cum)[0]

    def _name(self, gender: str, birth_year: int, surname: str | None = None) -> str:
        rng = self.rng
        male = gender == "男"
        if birth_year < 1980:
            pool = names.GIVEN_MALE_OLD if male else names.GIVEN_FEMALE_OLD
        else:
            pool = names.GIVEN_MALE_YOUNG if male else names.GIVEN_FEMALE_YOUNG
        given = rng.choice(pool) if rng.random() < 0.22 else rng.choice(pool) + rng.choice(pool)
        if rng.random() < 0.028:   # a rare character, as real rosters have
            rare = rng.choice(names.RARE_MALE if male else names.RARE_FEMALE)
            given = given[:-1] + rare
        return (surname or self._surname()) + given

    def _birth_for_age(self, age: int) -> _dt.date:
        """A birth date of someone exactly `age` years old today."""
        latest = shift_years(self.today, -age)
        earliest = shift_years(self.today, -age - 1) + _dt.timedelta(days=1)
        return self._date_between(earliest, latest)

    def _id_number(self, birth: _dt.date, gender: str) -> str:
        male = gender == "男"
        # idcard.make, with the area-and-birth-date part kept per date (strftime is slow).
        head = self._id_heads.get(birth)
        if head is None:
            head = self._id_heads[birth] = f"{names.AREA_CODE}{birth:%Y%m%d}"
        while True:
            first17 = f"{head}{self.rng.randrange(500) * 2 + (1 if male else 0):03d}"
            number = first17 + idcard.check_char(first17)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    # -- offices ---------------------------------------------------------------------------------------
    def _make_offices(self) -> list[tuple[Office, list[Community]]]:
        out = []
        for i, spec in enumerate(names.STREETS):
            hotlines = [{"name": label, "number": f"0595-22{17 + 2 * i}{6800 + 11 * k}"}
                        for k, label in enumerate(names.HOTLINE_NAMES)]
            data = dict(
                district=names.DISTRICT, street=spec["street"], street_code=spec["street_code"],
                centre_name=f"{spec['street']}社会工作服务中心",
                hotlines=json.dumps(hotlines, ensure_ascii=False),
                card_issuer=f"{names.DISTRICT}{spec['street']}办事处", charter_text=names.CHARTER_TEXT,
                person_in_charge=spec["person_in_charge"], contact_phone=hotlines[0]["number"],
                address=spec["address"],
            )
            office = Office.get_or_none(Office.street_code == spec["street_code"])
            if office is None and i == 0:
                office = self._placeholder_office()
                if office is not None:
                    Office.update(**data).where(Office.id == office.id).execute()
                    office = Office.get_by_id(office.id)
            if office is None:
                office = Office.create(**data)
                self.result.offices += 1
            communities = []
            for k, cname in enumerate(spec["communities"], start=1):
                community = Community.get_or_none((Community.office == office) & (Community.name == cname))
                if community is None:
                    community = Community.create(office=office, name=cname, code=f"{spec['street_code']}{k:03d}")
                    self.result.communities += 1
                communities.append(community)
            out.append((office, communities))
        return out

    @staticmethod
    def _placeholder_office() -> Office | None:
        """The empty 示例街道 office that default_office() creates on a fresh database: reuse it,
        so that the window does not open on an office without data."""
        office = Office.get_or_none(Office.street_code == PLACEHOLDER_STREET_CODE)
        if office is None or Worker.select().where(Worker.office == office).exists():
            return None
        return office

    # -- workers ---------------------------------------------------------------------------------------
    def _shuffled_labels(self, counts: dict[str, int]) -> list[str]:
        labels = [label for label, k in counts.items() for _ in range(k)]
        self.rng.shuffle(labels)
        return labels

    def _ranked_labels(self, counts: dict[str, int], keys: list[float]) -> list[str]:
        """Give the first label to the lowest keys, and so on: exact counts, correlated with keys."""
        order = sorted(range(len(keys)), key=keys.__getitem__)
        out = [""] * len(keys)
        labels = [label for label, k in counts.items() for _ in range(k)]
        for idx, label in zip(order, labels, strict=True):
            out[idx] = label
        return out

    def _make_workers(self) -> list[_Person]:
        """Generate the workers, then write them through the one bulk path of the roster import
        (workers.add_many: card numbers, validity and pinyin as a single save makes them)."""
        n = self.n
        structure = self._workforce_structure(n)
        people: list[_Person] = []
        records: list[dict] = []
        jobs.phase(self.progress, "正在生成人员…", n)
        for i, (sector, age, kind, education, title) in enumerate(zip(*structure, strict=True)):
            record, person = self._worker(sector, age, kind, education, title)
            records.append(record)
            people.append(person)
            if (i + 1) % self._step == 0:
                jobs.report(self.progress, i + 1, n)
        jobs.report(self.progress, n, n)
        jobs.phase(self.progress, "正在写入人员…", n)
        ids = workers.add_many(records, self.progress, source="示例数据", action="create")
        for person, worker_id in zip(people, ids, strict=True):
            person.id = worker_id
        self.result.workers = n
        self.result.left = sum(1 for p in people if not p.active)
        return people

    def _workforce_structure(self, n: int) -> tuple[list[str], list[int], list[str], list[str], list[str]]:
        """Sector, age, kind, education and title of each worker: the report's exact counts,
        dealt so that they go together plausibly."""
        rng = self.rng
        sectors = self._shuffled_labels(exact_counts(SECTOR_COUNTS, n))
        bands = self._shuffled_labels(exact_counts(AGE_BAND_COUNTS, n))
        ages = [rng.randint(*AGE_BAND_YEARS[b]) for b in bands]
        # Volunteers lean to communities, civil organisations, the young and the retired.
        volunteer_keys = [-(rng.random() + (0.6 if s == "社区/群团/离退休" else 0.35 if s == "民间组织" else 0)
                            + (0.3 if a <= 25 or a > 60 else 0)) for s, a in zip(sectors, ages, strict=True)]
        n_vol = round(n * VOLUNTEERS / REPORT_WORKERS)
        n_full = round(n * FULL_TIME_SHARE)
        order = sorted(range(n), key=volunteer_keys.__getitem__)
        kinds = ["兼职"] * n
        for idx in order[:n_vol]:
            kinds[idx] = "志愿者"
        rest = order[n_vol:]
        full_keys = {i: -(rng.random() + (0.8 if sectors[i] in ("民间组织", "社区/群团/离退休") and ages[i] <= 60 else 0))
                     for i in rest}
        for idx in sorted(rest, key=full_keys.__getitem__)[:n_full]:
            kinds[idx] = "专职"
        # The young studied longer; senior titles go to the educated and experienced.
        educations = self._ranked_labels(exact_counts(EDUCATION_COUNTS, n),
                                         [a * 0.05 + rng.random() * 2.0 for a in ages])
        edu_rank = {label: i for i, label in enumerate(vocab.EDUCATIONS)}
        title_keys = [-((3 - edu_rank[e]) * 0.7 + min(a, 60) / 20 + rng.random() * 1.5
                        - (1.5 if k == "志愿者" else 0) - (2.0 if a < 28 else 0))
                      for e, a, k in zip(educations, ages, kinds, strict=True)]
        titles = self._ranked_labels(exact_counts(TITLE_COUNTS, n), title_keys)
        return sectors, ages, kinds, educations, titles

    def _worker(self, sector: str, age: int, kind: str, education: str, title: str) -> tuple[dict, _Person]:
        """One worker: the record for workers.add_many, and what the programmes need to know."""
        rng, today = self.rng, self.today
        gender = "男" if rng.random() < 0.48 else "女"
        birth = self._birth_for_age(age)
        name = self._name(gender, birth.year)
        office_idx = 0 if rng.random() < 0.55 else 1
        office, communities = self.offices[office_idx]
        community = rng.choice(communities)
        employer, bias = rng.choice(names.EMPLOYERS[sector])
        employer = employer.format(community=community.name)
        if sector == "社区/群团/离退休" and age > 60 and rng.random() < 0.6:
            employer = names.RETIRED_EMPLOYER.format(former=rng.choice(names.FORMER_EMPLOYERS))
        specialties = self._specialties(self._specialty_labels, bias)
        political = self._political(sector, age)
        joined = self._date_between(max(shift_years(birth, 18), shift_years(today, -12)),
                                    today - _dt.timedelta(days=20))
        status, left_on, left_reason = vocab.STATUS_ACTIVE, None, ""
        if rng.random() < LEFT_SHARE and (today - joined).days > 90:
            status = vocab.STATUS_LEFT
            left_on = self._date_between(joined + _dt.timedelta(days=60), today - _dt.timedelta(days=1))
            left_reason = rng.choice(names.LEFT_REASONS)
        record = dict(
            office=office.id, name=name, gender=gender, id_number=self._id_number(birth, gender), birth_date=birth,
            phone=self._phone(), sector=sector, employer=employer, education=education, title=title,
            sw_level=self._sw_level(kind), specialties=vocab.SPECIALTY_JOINER.join(specialties),
            specialty_list=specialties, political_status=political, kind=kind, community=community.id,
            joined_on=joined, status=status, left_on=left_on, left_reason=left_reason, notes="",
            card_issued_on=self._card_issued_on(joined, left_on))
        p = _Person()
        p.office, p.community, p.gender, p.age, p.kind = office_idx, community.id, gender, age, kind
        p.specialties, p.party = frozenset(specialties), vocab.is_party_member(political)
        p.active, p.joined_on = status == vocab.STATUS_ACTIVE, joined
        return record, p

    def _specialties(self, labels: list[str], bias: tuple[str, ...]) -> list[str]:
        rng = self.rng
        cum = self._specialty_cum.get(bias)
        if cum is None:
            cum = self._specialty_cum[bias] = list(_cumulative(
                SPECIALTY_WEIGHTS[s] * (6 if s in bias else 1) for s in labels))
        wanted = 1 if (r := rng.random()) < 0.6 else 2 if r < 0.9 else 3
        chosen: list[str] = []
        while len(chosen) < wanted:
            s = rng.choices(labels, cum_weights=cum)[0]
            if s not in chosen:
                chosen.append(s)
        # Keep the vocabulary's order so that the display text is stable.
        return sorted(chosen, key=labels.index)

    def _political(self, sector: str, age: int) -> str:
        rng = self.rng
        share = PARTY_SHARE_BY_SECTOR.get(sector, 0.38)
        if rng.random() < share:
            return "中共预备党员" if age < 35 and rng.random() < 0.12 else "中共党员"
        if age <= 28 and rng.random() < 0.6:
            return "共青团员"
        r = rng.random()
        return "群众" if r < 0.9 else "民主党派" if r < 0.96 else "无党派人士"

    def _sw_level(self, kind: str) -> str:
        r = self.rng.random()
        if kind == "专职":
            return "无" if r < 0.5 else "助理社会工作师" if r < 0.8 else "社会工作师" if r < 0.97 else "高级社会工作师"
        if kind == "兼职":
            return "无" if r < 0.85 else "助理社会工作师" if r < 0.95 else "社会工作师"
        return "无" if r < 0.95 else "助理社会工作师"

    def _card_issued_on(self, joined: _dt.date, left_on: _dt.date | None) -> _dt.date:
        """Card issued soon after joining and renewed on expiry (a few let it lapse): the day of
        the last issue (its validity is settings.card_valid_until's, applied by add_many)."""
        last_day = min(left_on or self.today, self.today - _dt.timedelta(days=1))
        issued = min(joined + _dt.timedelta(days=self.rng.randint(7, 60)), last_day)
        valid = self._valid_until(issued)
        lapses = self.rng.random() < 0.04
        while valid < self.today and not lapses and valid + _dt.timedelta(days=1) <= last_day:
            issued = valid + _dt.timedelta(days=1)
            valid = self._valid_until(issued)
        return issued

    # -- picking workers for the programmes ------------------------------------------------------------
    _TAGS: dict[str, Callable[[_Person], bool]] = {
        "young": lambda p: p.age <= 24,
        "volunteer": lambda p: p.kind == "志愿者",
        "party": lambda p: p.party,
    }

    def _active(self, people: Sequence[_Person], specialty: str | None = None, office: int | None = None,
                tag: str | None = None) -> list[_Person]:
        """Active workers, optionally with a specialty, in an office, with a tag (memoised: the
        programmes ask for the same pools many times)."""
        key = (specialty, office, tag)
        pool = self._pools.get(key)
        if pool is None:
            test = self._TAGS[tag] if tag else None
            pool = [p for p in people if p.active and (specialty is None or specialty in p.specialties)
                    and (office is None or p.office == office) and (test is None or test(p))]
            self._pools[key] = pool
        return pool

    def _pick(self, k: int, *pools: Sequence[_Person], exclude: set[int] | None = None) -> list[_Person]:
        """k distinct people, from the first pool as far as it goes, then the next …"""
        rng = self.rng
        exclude = set(exclude or ())
        out: list[_Person] = []
        for pool in pools:
            need = k - len(out)
            if need <= 0:
                break
            if len(pool) > 8 * (need + len(exclude)):
                # A big pool: draw until enough distinct ones (filtering 100,000 would be slow).
                tries = 0
                while need and tries < 50 * k:
                    tries += 1
                    p = pool[rng.randrange(len(pool))]
                    if p.id not in exclude:
                        out.append(p)
                        exclude.add(p.id)
                        need -= 1
            if need:
                candidates = [p for p in pool if p.id not in exclude]
                take = rng.sample(candidates, min(need, len(candidates)))
                out.extend(take)
                exclude.update(p.id for p in take)
        return out

    def _credit(self, programme: str, source: str, source_id: int, day: _dt.date, minutes: int,
                worker_ids: Iterable[int]) -> None:
        """The same rows as swdesk.services.hours.credit, collected for one bulk insert."""
        if minutes <= 0:
            return
        for w in sorted(set(worker_ids)):
            self.hours.append((w, programme, day, minutes, source, source_id))

    def _flush_events(self, kind: str) -> None:
        """Write the queued sessions/visits of one kind in bulk, then who was there, then the hours."""
        model, fields, programme, present_link, seen_link = _EVENT_TABLES[kind]
        events = self._events.pop(kind)
        ids = insert_returning_ids(model, fields, [row for row, _, _ in events], key=(0, 1))
        present_rows, seen_rows = [], []
        for event_id, (row, present, seen) in zip(ids, events, strict=True):
            present_rows.extend((event_id, w) for w in present)
            seen_rows.extend((event_id, e) for e in seen)
            self._credit(programme, kind, event_id, row[1], row[2], present)
        if present_link:
            bulk.insert_tuples(present_link[0], present_link[1:], present_rows)
        if seen_link:
            bulk.insert_tuples(seen_link[0], seen_link[1:], seen_rows)

    def _scaled(self, base: int) -> int:
        return max(1, round(base * self.scale))

    # -- training --------------------------------------------------------------------------------------
    def _make_training(self, people: list[_Person]) -> None:
        rng = self.rng
        active = self._active(people)
        target = min(round(TRAINING_PERSON_TIMES * self.n / REPORT_WORKERS), 4 * len(active))
        split = exact_counts({"0": 27, "1": 24, "2": 22, "3": 27}, target)
        rows = []
        for q, (title, topic, hours, lecturer, place) in enumerate(names.TRAINING_COURSES):
            office, _ = self.offices[q % 2]
            start = self.window_start + _dt.timedelta(days=91 * q + rng.randint(10, 70))
            start = min(start, self.today - _dt.timedelta(days=3))
            course_id = TrainingCourse.insert(
                office=office.id, title=title, start_date=start, hours=hours, lecturer=lecturer, place=place,
                topic=topic, notes=f"第{q + 1}期，{'全区' if q == 0 else '街道'}社会工作人才参训",
                continuing_education=topic in CONTINUING_EDUCATION_TOPICS).execute()
            eligible = [p for p in active if p.joined_on <= start]
            same_office = [p for p in eligible if p.office == q % 2]
            preferred = [p for p in same_office if p.kind != "志愿者"]
            attendees = self._pick(split[str(q)], preferred, same_office, eligible, active)
            rows.extend((course_id, p.id) for p in attendees)
            self.result.courses += 1
        self.result.attendance = bulk.insert_tuples(
            TrainingAttendance, (TrainingAttendance.course, TrainingAttendance.worker), rows)

    # -- 一对一帮教 ----------------------------------------------------------------------------------------
    def _make_mentoring(self, people: list[_Person]) -> None:
        rng, today = self.rng, self.today
        n_pairs = self._scaled(MENTORING_PAIRS)
        n_done = max(1, round(n_pairs * 4 / MENTORING_PAIRS))
        statuses = ["已结对完成"] * n_done + ["转介", "中止"]
        statuses = (["进行中"] * max(0, n_pairs - len(statuses)) + statuses)[-n_pairs:]
        mentors_used: set[int] = set()
        stale_left = 2      # active pairs left without a session in the last 30 days (reminders)
        concern_units = {"学业": ("教育局",), "家庭": ("街道", "团区委"), "行为偏差": ("团区委", "司法局", "教育局"),
                         "心理": ("教育局", "团区委"), "社区矫正": ("司法局",)}
        for k, status in enumerate(statuses):
            concern = rng.choices(vocab.MENTORING_CONCERNS, weights=(3, 3, 3, 3, 1))[0]
            preferred = "司法矫治" if concern in ("社区矫正", "行为偏差") else "心理疏导"
            other = "心理疏导" if preferred == "司法矫治" else "司法矫治"
            mentor = self._pick(1, self._active(people, preferred), self._active(people, other),
                                self._active(people), people, exclude=mentors_used)
            if not mentor:
                mentor = [rng.choice(people)]
            mentor = mentor[0]
            mentors_used.add(mentor.id)
            # The youth: 12–17 today; community-corrections cases are 16 or older.
            age = rng.randint(16, 17) if concern == "社区矫正" else rng.randint(12, 17)
            youth_gender = "男" if rng.random() < 0.6 else "女"
            birth = self._birth_for_age(age)
            surname = self._surname()
            youth = self._name(youth_gender, birth.year, surname)
            guardian = self._name("男" if rng.random() < 0.5 else "女", birth.year - 30, surname)
            school = self._school(age, concern)
            if status == "进行中":
                start = self._date_between(self.window_start, today - _dt.timedelta(days=60))
                ended = None
            else:
                start = self._date_between(self.window_start, today - _dt.timedelta(days=200))
                ended = min(start + _dt.timedelta(days=rng.randint(120, 190)), today - _dt.timedelta(days=5))
            outcome, positive = "", False
            if status == "已结对完成":
                positive = k % 4 != 3 or n_done == 1
                outcome = (rng.choice(names.MENTORING_OUTCOMES_GOOD[concern]) if positive
                           else "基本达到帮教目标，转入社区日常关注")
            elif status == "转介":
                outcome = names.MENTORING_REFERRAL
            elif status == "中止":
                outcome = names.MENTORING_STOPPED
            pair_id = MentoringPair.insert(
                office=self.offices[mentor.office][0].id, mentor=mentor.id, youth_name=youth, youth_gender=youth_gender,
                youth_birth_date=birth,
                youth_id_number=self._id_number(birth, youth_gender) if rng.random() < 0.8 else None,
                youth_school=school, guardian_name=guardian, guardian_phone=self._phone(), concern=concern,
                unit=rng.choice(concern_units[concern]), start_date=start,
                planned_end=shift_years(start, 1), status=status, ended_on=ended, outcome=outcome,
                positive_outcome=positive).execute()
            last = ended or today - _dt.timedelta(days=1)
            if status == "进行中" and stale_left:
                stale_left -= 1
                last = today - _dt.timedelta(days=rng.randint(35, 50))
            self._mentoring_sessions(pair_id, mentor.id, concern, start, last)
            self.result.mentoring_pairs += 1
        self._flush_events("mentoring_session")

    def _school(self, age: int, concern: str) -> str:
        rng = self.rng
        if concern == "社区矫正" and rng.random() < 0.5:
            return rng.choice(names.OUT_OF_SCHOOL)
        if age <= 14:
            return f"{rng.choice(names.SCHOOLS[:5])} {names.JUNIOR_GRADES[min(age - 12, 2)]}"
        if rng.random() < 0.3:
            return f"{rng.choice(names.SCHOOLS[5:])} 中职{'一二三'[min(age - 15, 2)]}年级"
        return f"{rng.choice(names.SCHOOLS[:5])} {names.SENIOR_GRADES[min(age - 15, 2)]}"

    def _mentoring_sessions(self, pair_id: int, mentor_id: int, concern: str, start: _dt.date,
                            last: _dt.date) -> None:
        rng = self.rng
        minutes_by_kind = {"面谈": (60, 120), "电话": (15, 30), "家访": (60, 90), "活动": (120, 180)}
        day = start + _dt.timedelta(days=rng.randint(0, 7))
        while day <= last:   # 1–3 sessions a month
            kind = rng.choices(vocab.MENTORING_SESSION_KINDS, weights=(5, 2, 2, 1))[0]
            lo, hi = minutes_by_kind[kind]
            minutes = rng.randrange(lo, hi + 1, 15 if lo >= 60 else 5)
            self._events["mentoring_session"].append((
                (pair_id, day, minutes, rng.choice(names.MENTORING_PLACES[kind]), kind,
                 rng.choice(names.MENTORING_NOTES[concern])), [mentor_id], []))
            self.result.mentoring_sessions += 1
            day += _dt.timedelta(days=rng.randint(9, 20))

    # -- 扶老助老 ----------------------------------------------------------------------------------------
    def _make_elder_care(self, people: list[_Person]) -> None:
        rng, today = self.rng, self.today
        office, _ = self.offices[0]
        start = self.window_start
        in_groups: set[int] = set()
        groups = []   # (group id, [(worker id, joined_on)], services)
        n_groups = ELDER_GROUPS if self.scale == 1 else self._scaled(ELDER_GROUPS)
        for g in range(n_groups):
            gname, role, specialty, services = names.ELDER_GROUPS[g % len(names.ELDER_GROUPS)]
            if g >= len(names.ELDER_GROUPS):
                gname = f"{gname}（{g // len(names.ELDER_GROUPS) + 1}）"
            size = rng.randint(4, 8)
            if role == "大学生":
                main_pool = self._active(people, tag="young")
            elif specialty:
                main_pool = self._active(people, specialty)
            else:
                main_pool = self._active(people, tag="volunteer")
            leader = self._pick(1, self._active(people, tag="party"), self._active(people), people,
                                exclude=in_groups)
            members = self._pick(size - len(leader), main_pool, self._active(people), people,
                                 exclude=in_groups | {p.id for p in leader})
            in_groups.update(p.id for p in leader + members)
            roles = [("组长", p) for p in leader]
            for j, p in enumerate(members):
                if role == "护士" and j == 0:
                    roles.append(("医生", p))
                elif role == "志愿者" and j < 3:
                    roles.append((("医生", "律师", "心理咨询师")[j], p))
                else:
                    roles.append((role, p))
            group_id = ElderGroup.insert(
                office=office.id, name=gname, leader=leader[0].id if leader else None, site=names.WELFARE_HOME,
                visit_every_days=14, active=True, created_on=start).execute()
            roster = []
            for j, (r, p) in enumerate(roles):
                # One member joined the group later in the year.
                joined = start + _dt.timedelta(days=rng.randint(90, 200)) if j == len(roles) - 1 and j >= 4 else start
                GroupMember.insert(group=group_id, worker=p.id, role=r, joined_on=joined).execute()
                roster.append((p.id, joined))
                self.result.group_members += 1
            groups.append((group_id, roster, services))
            self.result.elder_groups += 1
        elder_spans = self._make_elders(office, [g[0] for g in groups])
        for g, (group_id, roster, services) in enumerate(groups):
            # The students' group paused for exams: it has missed its planned fortnightly visit.
            stop = today - _dt.timedelta(days=rng.randint(24, 35)) if g == 3 else today - _dt.timedelta(days=1)
            day = start + _dt.timedelta(days=rng.randint(0, 6))
            while day <= stop:
                self._group_visit(group_id, day, roster, services, elder_spans[group_id])
                day += _dt.timedelta(days=14 + rng.randint(-3, 2))
        self._flush_events("group_visit")

    def _make_elders(self, office: Office, group_ids: list[int]) -> dict[int, list[tuple[int, _dt.date, _dt.date]]]:
        """The elders and their group assignments; returns group → [(elder, from, to)]."""
        rng, today = self.rng, self.today
        spans: dict[int, list[tuple[int, _dt.date, _dt.date]]] = {g: [] for g in group_ids}
        n_elders = self._scaled(ELDERS)
        moved = 2 if len(group_ids) > 1 else 0   # two elders changed groups: history is kept
        for k in range(n_elders):
            gender = "男" if rng.random() < 0.45 else "女"
            birth = self._birth_for_age(rng.randint(70, 95))
            living = rng.choices(("孤寡", "失能", "空巢", "独居"), weights=(5, 2.5, 1, 1.5))[0]
            relative_gender = rng.choice(vocab.GENDERS)
            if living == "孤寡":
                contact = f"福利院护理部 {self._name(relative_gender, 1985)}"
            else:
                contact = (f"{rng.choice(names.ELDER_RELATIVES[relative_gender])} "
                           f"{self._name(relative_gender, birth.year + rng.randint(22, 35))}")
            elder_id = Elder.insert(
                office=office.id, name=self._name(gender, birth.year), gender=gender, birth_date=birth,
                id_number=self._id_number(birth, gender), home=names.WELFARE_HOME,
                room=f"{rng.randint(1, 3)}号楼{rng.randint(1, 5)}{rng.randint(1, 20):02d}", living=living,
                needs="；".join(rng.sample(names.ELDER_NEEDS, rng.randint(1, 2))), emergency_contact=contact,
                emergency_phone=self._phone()).execute()
            group = group_ids[k % len(group_ids)]
            first = self.window_start + _dt.timedelta(days=rng.randint(0, 20))
            if k < moved:
                earlier = group_ids[(k + 1) % len(group_ids)]
                switch = first + _dt.timedelta(days=rng.randint(100, 200))
                ElderAssignment.insert(elder=elder_id, group=earlier, start_date=first, end_date=switch).execute()
                spans[earlier].append((elder_id, first, switch - _dt.timedelta(days=1)))
                first = switch
            ElderAssignment.insert(elder=elder_id, group=group, start_date=first, end_date=None).execute()
            spans[group].append((elder_id, first, today))
            self.result.elders += 1
        return spans

    def _group_visit(self, group_id: int, day: _dt.date, roster: list[tuple[int, _dt.date]],
                     services: tuple[str, ...], elder_spans: list[tuple[int, _dt.date, _dt.date]]) -> None:
        rng = self.rng
        members = [w for w, joined in roster if joined <= day]
        elders = [e for e, first, last in elder_spans if first <= day <= last]
        if not members:
            return
        present = rng.sample(members, rng.randint(min(2, len(members)), len(members)))
        seen = rng.sample(elders, max(1, round(len(elders) * rng.uniform(0.6, 1.0)))) if elders else []
        chosen = sorted(rng.sample(services, rng.randint(1, len(services))), key=vocab.ELDER_SERVICES.index)
        minutes = rng.choice((90, 120, 120, 150, 180))
        self._events["group_visit"].append((
            (group_id, day, minutes, vocab.SPECIALTY_JOINER.join(chosen),
             "；".join(rng.choice(names.ELDER_VISIT_NOTES[service]) for service in chosen)),
            present, seen))
        self.result.group_visits += 1

    # -- 社区家庭病床 --------------------------------------------------------------------------------------
    def _make_home_beds(self, people: list[_Person]) -> None:
        rng, today = self.rng, self.today
        spec_by_office = {i: names.STREETS[i] for i in range(len(self.offices))}
        communities = [(i, c) for i, (_, cs) in enumerate(self.offices) for c in cs]
        n_households = self._scaled(HOUSEHOLDS)
        overdue = set(rng.sample(range(n_households), min(n_households, max(1, round(n_households * 0.08)))))
        for k in range(n_households):
            office_idx, community = communities[k % len(communities)]
            office = self.offices[office_idx][0]
            spec = spec_by_office[office_idx]
            gender = "男" if rng.random() < 0.5 else "女"
            birth = self._birth_for_age(rng.randint(48, 88))
            conditions = rng.sample(names.HOMEBED_CONDITIONS, rng.choice((1, 1, 2, 2, 3)))
            every = rng.choice((14, 14, 14, 30))
            member_notes, members = rng.choice(names.HOMEBED_MEMBER_NOTES)
            added = self.window_start + _dt.timedelta(days=rng.randint(0, every))
            medics = self._pick(rng.choice((1, 2, 2)), self._active(people, "医疗卫生", office_idx),
                                self._active(people, "医疗卫生"), self._active(people), people)
            household_id = Household.insert(
                office=office.id, community=community.id, head_name=self._name(gender, birth.year),
                head_id_number=self._id_number(birth, gender), phone=self._phone(),
                address=f"{names.DISTRICT}{spec['street']}{rng.choice(spec['roads'])}{rng.randint(1, 260)}号"
                        + (f"{rng.randint(1, 6)}0{rng.randint(1, 4)}室" if rng.random() < 0.6 else ""),
                dibao_no=f"鲤民低保{rng.randint(2016, today.year - 1)}{k + 1:04d}号",
                members=members, member_notes=member_notes,
                conditions=vocab.SPECIALTY_JOINER.join(conditions), visit_every_days=every,
                added_on=added).execute()
            HouseholdWorker.insert_many([(household_id, p.id) for p in medics],
                                        fields=[HouseholdWorker.household, HouseholdWorker.worker]).execute()
            # Visits on the planned day (next_due) or a day or two early; overdue households stopped.
            stop = today - _dt.timedelta(days=rng.randint(every + 3, every + 25)) if k in overdue \
                else today - _dt.timedelta(days=1)
            day = added
            while day <= stop:
                due = day + _dt.timedelta(days=every)
                self._home_visit(household_id, day, due, [p.id for p in medics], conditions)
                day = due - _dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
            self.result.households += 1
        self._flush_events("home_visit")

    def _home_visit(self, household_id: int, day: _dt.date, due: _dt.date, medics: list[int],
                    conditions: list[str]) -> None:
        rng = self.rng
        services = {"测血压"} if "高血压" in conditions or rng.random() < 0.5 else set()
        if "糖尿病" in conditions:
            services.add("测血糖")
        services.update(rng.sample(vocab.HOMEBED_SERVICES, rng.randint(1, 2)))
        ordered = [s for s in vocab.HOMEBED_SERVICES if s in services]
        finding = rng.choice(names.HOMEBED_FINDINGS).format(
            sbp=rng.randint(118, 165), dbp=rng.randint(70, 98), glu=f"{rng.uniform(5.2, 9.8):.1f}")
        present = medics if len(medics) == 1 or rng.random() < 0.7 else [rng.choice(medics)]
        minutes = rng.choice((30, 40, 45, 60))
        self._events["home_visit"].append((
            (household_id, day, minutes, vocab.SPECIALTY_JOINER.join(ordered), finding, due), present, []))
        self.result.home_visits += 1

    # -- 服务热线 ----------------------------------------------------------------------------------------
    def _make_hotline(self, people: list[_Person]) -> None:
        rng = self.rng
        due_hours = int(settings.get("hotline_due_hours"))
        communities = [(i, c) for i, (_, cs) in enumerate(self.offices) for c in cs]
        active = self._active(people)
        party = [p for p in active if p.party]
        fitting = {cat: [p for p in party if p.specialties & set(specs)]
                   for cat, specs in vocab.HOTLINE_SPECIALTY_MAP.items()}
        fitting_here: dict[tuple[str, int], list[_Person]] = {}
        for cat, pool in fitting.items():
            for p in pool:
                fitting_here.setdefault((cat, p.community), []).append(p)
        n_requests = self._scaled(HOTLINE_REQUESTS)
        received_times = sorted(self._received_at() for _ in range(n_requests))
        requests: list[tuple[tuple, list[int]]] = []
        seen_keys: set[tuple] = set()
        for received in received_times:
            office_idx, community = rng.choice(communities)
            category = rng.choices(vocab.HOTLINE_CATEGORIES, weights=(30, 15, 15, 18, 22))[0]
            urgency = "紧急" if rng.random() < 0.1 else "一般"
            row = dict(
                office=self.offices[office_idx][0].id, received_at=received,
                channel=rng.choices(vocab.HOTLINE_CHANNELS, weights=(70, 20, 10))[0],
                resident_name=self._name(rng.choice(vocab.GENDERS), rng.randint(1945, 2000)),
                phone=self._phone(), community=community.id, category=category,
                text=rng.choice(names.HOTLINE_TEXTS[category]), urgency=urgency,
                preferred_time=rng.choice(names.PREFERRED_TIMES),
                due_at=received + _dt.timedelta(hours=due_hours // 2 if urgency == "紧急" else due_hours),
            )
            row.update(self._hotline_flow(received))
            while (row["received_at"], row["phone"]) in seen_keys:   # the key that finds its id
                row["phone"] = self._phone()
            seen_keys.add((row["received_at"], row["phone"]))
            same_community = fitting_here.get((category, community.id), [])
            workers = []
            if row.get("assigned_at"):
                workers = self._pick(1 if rng.random() < 0.85 else 2, same_community if rng.random() < 0.4 else [],
                                     fitting[category], party, active, people)
            requests.append((tuple(row.get(f.name, _HOTLINE_BLANK.get(f.name, "")) for f in _HOTLINE_FIELDS),
                             [p.id for p in workers]))
            self.result.hotline_requests += 1
        ids = insert_returning_ids(HotlineRequest, _HOTLINE_FIELDS, [r for r, _ in requests], key=(1, 4))
        assignments = []
        col = {f.name: i for i, f in enumerate(_HOTLINE_FIELDS)}
        for request_id, (row, workers) in zip(ids, requests, strict=True):
            assignments.extend((request_id, w, row[col["assigned_at"]]) for w in workers)
            if row[col["status"]] in ("已完成", "已回访"):
                self._credit("服务热线", "hotline_request", request_id, row[col["completed_at"]].date(),
                             row[col["minutes"]], workers)
        bulk.insert_tuples(HotlineAssignment, (HotlineAssignment.request, HotlineAssignment.worker,
                                        HotlineAssignment.assigned_at), assignments)

    def _received_at(self) -> _dt.datetime:
        rng = self.rng
        day = self._date_between(self.window_start, self.today - _dt.timedelta(days=1))
        if day.weekday() >= 5 and rng.random() < 0.6:   # fewer calls at weekends
            day = self._date_between(self.window_start, self.today - _dt.timedelta(days=1))
        return _dt.datetime.combine(day, _dt.time(rng.randint(8, 17), rng.randrange(0, 60), rng.randrange(0, 60)))

    def _hotline_flow(self, received: _dt.datetime) -> dict:
        """Status and timestamps along 待分派 → 已分派 → 已完成 → 已回访 (or 已转介 / 已撤销), never after
        the start of today; the newer the request, the earlier in the flow."""
        rng, end = self.rng, self.midnight
        age_days = (end - received).days
        if age_days <= 2:
            wanted = rng.choices(("待分派", "已分派", "已完成"), weights=(5, 4, 1))[0]
        elif age_days <= 10:
            wanted = rng.choices(("已分派", "已完成", "已回访", "已撤销"), weights=(3, 4, 2, 0.5))[0]
        else:
            wanted = rng.choices(("已回访", "已完成", "已转介", "已撤销", "已分派"), weights=(70, 10, 9, 5, 2))[0]
        out: dict = {"status": "待分派"}
        if wanted == "待分派":
            return out
        if wanted == "已撤销":
            closed = self._later(received, 1, 30)
            if closed < end:
                out.update(status="已撤销", closed_at=closed,
                           closed_reason=rng.choice(names.HOTLINE_CANCEL_REASONS))
            return out
        assigned = self._later(received, 0.3, 8)
        if assigned >= end:
            return out
        out.update(status="已分派", assigned_at=assigned)
        if wanted == "已分派":
            return out
        if wanted == "已转介":
            closed = self._later(assigned, 2, 48)
            if closed < end:
                out.update(status="已转介", closed_at=closed, closed_reason=rng.choice(names.HOTLINE_REFERRALS))
            return out
        completed = self._later(assigned, 3, 60)
        if completed >= end:
            return out
        out.update(status="已完成", completed_at=completed, minutes=rng.choice((30, 45, 60, 60, 90, 120, 180)),
                   completion_note=rng.choice(names.HOTLINE_COMPLETION_NOTES))
        if wanted == "已完成":
            return out
        followed = self._later(completed, 20, 120)
        if followed < end:
            out.update(status="已回访", followed_up_at=followed,
                       satisfaction=rng.choices(vocab.SATISFACTIONS, weights=(75, 20, 5))[0],
                       followup_note=rng.choice(names.HOTLINE_FOLLOWUP_NOTES))
        return out

    def _later(self, start: _dt.datetime, low_hours: float, high_hours: float) -> _dt.datetime:
        """A moment some hours after `start`, moved into office hours (08:00–19:59)."""
        moment = start + _dt.timedelta(hours=self.rng.uniform(low_hours, high_hours))
        if moment.hour >= 20:
            moment = moment.replace(hour=8) + _dt.timedelta(days=1, minutes=self.rng.randint(0, 150))
        elif moment.hour < 8:
            moment = moment.replace(hour=8) + _dt.timedelta(minutes=self.rng.randint(0, 150))
        return moment.replace(microsecond=0)

    # -- demand plan -----------------------------------------------------------------------------------
    def _make_demand_plan(self) -> None:
        """The report's demand table on the first office, plus structure targets a little above
        what the whole workforce has, so that the 需求缺口 sheet shows gaps."""
        office = self.offices[0][0]
        size = Worker.select().where(Worker.status == vocab.STATUS_ACTIVE).count()

        def tens(share: float) -> int:
            return max(10, round(size * share / 10) * 10)

        rows = [(office.id, "specialty", label, target) for label, target in DEMAND_SPECIALTIES.items()]
        rows += [(office.id, dimension, label, tens(share)) for dimension, label, share in DEMAND_STRUCTURE]
        (DemandTarget.insert_many(rows, fields=[DemandTarget.office, DemandTarget.dimension, DemandTarget.label,
                                                DemandTarget.target])
         .on_conflict_ignore().execute())


def _cumulative(weights: Iterable[float]) -> Iterable[float]:
    total = 0.0
    for w in weights:
        total += w
        yield total
