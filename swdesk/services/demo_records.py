"""The demo's worker records of issue 18, written through the bulk path after the programmes:
职业水平 certificates and registrations (a share due within 90 days and short of continuing
education), external continuing-education hours, opening balances of long-serving volunteers
(some of whom thereby already hold stars), awards and evaluations.

It draws from its own random.Random (seeded from the demo's), so the data the demo made before
it stays the same for a given seed.
"""
from __future__ import annotations

import datetime as _dt
import random
from dataclasses import dataclass

from swdesk import vocab
from swdesk.models import (
    Award,
    Evaluation,
    ExternalEducation,
    Office,
    OpeningBalance,
    SwQualification,
    SwRegistration,
    Worker,
)
from swdesk.services import bulk, stars
from swdesk.services.education import period_end, requirements

INSTITUTIONS = ("泉州市社会工作者协会", "福建省社会工作联合会", "华侨大学社会工作系", "鲤城区民政局",
                "中国社会工作教育协会网络学院", "泉州市民政局社会工作培训中心")
COURSES = ("社会工作督导能力提升班", "个案管理实务研修", "社区社会工作方法", "社会工作伦理专题讲座",
           "老年社会工作实务", "儿童保护与家庭社会工作")
AWARDS = {
    "国家": (("全国优秀志愿者", "民政部", "民函"),),
    "省": (("福建省优秀社会工作者", "福建省民政厅", "闽民"), ("福建省最美志愿者", "福建省民政厅", "闽民")),
    "市": (("泉州市优秀社会工作者", "泉州市民政局", "泉民"), ("泉州市志愿服务先进个人", "泉州市民政局", "泉民")),
    "区": (("鲤城区优秀志愿者", "鲤城区民政局", "鲤民"), ("鲤城区优秀社工督导", "鲤城区民政局", "鲤民")),
    "街道": (("优秀志愿者", "", ""), ("热心公益服务先进个人", "", "")),
}
AWARD_LEVEL_WEIGHTS = {"国家": 1, "省": 4, "市": 12, "区": 33, "街道": 50}
GRADE_WEIGHTS = {"优秀": 20, "合格": 70, "基本合格": 8, "不合格": 2}
COMMENTS = {"优秀": ("服务认真负责，群众评价好", "带教新人，表现突出"), "合格": ("能按时完成服务任务", "服务态度良好"),
            "基本合格": ("服务次数偏少", "需加强服务记录"), "不合格": ("全年服务不足", "多次未按计划参加服务")}
AT_RISK_SHARE = 0.2            # certified workers whose registration falls due within 90 days
SHORT_SHARE = 0.6              # of those, how many are still short of hours
OPENING_SHARE = 0.35           # long-serving volunteers with an earlier record
NEAR_SHARE = 0.4              # of those, how many were a little short of a star level
AWARD_SHARE = 0.06
LEVEL_CODES = {"助理社会工作师": "A", "社会工作师": "B", "高级社会工作师": "C"}


@dataclass
class DemoRecords:
    certified: int = 0
    registrations: int = 0
    external_rows: int = 0
    opening_balances: int = 0
    awards: int = 0
    evaluations: int = 0


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _shift(day: _dt.date, years: int) -> _dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def fill(rng: random.Random, today: _dt.date, records_start: _dt.date, first_worker_id: int) -> DemoRecords:
    """Write every record of issue 18 for the workers this demo run made (ids from
    `first_worker_id`: a run with --force leaves earlier workers alone); `records_start` is where
    the demo's service records begin (opening balances end the day before)."""
    out = DemoRecords()
    active = list(Worker.select(Worker.id, Worker.office, Worker.sw_level, Worker.kind, Worker.joined_on)
                  .where((Worker.status == vocab.STATUS_ACTIVE) & (Worker.id >= first_worker_id))
                  .order_by(Worker.id).tuples())
    _certified(rng, today, [w for w in active if w[2] != "无"], out)
    _opening(rng, records_start, [w for w in active if w[3] == "志愿者" and w[4] and w[4] <= _shift(today, -4)], out)
    streets = dict(Office.select(Office.id, Office.street).tuples())
    _awards(rng, today, active, streets, out)
    _evaluations(rng, today, [w for w in active if w[3] != "志愿者"], streets, out)
    return out


def _certified(rng: random.Random, today: _dt.date, workers: list[tuple], out: DemoRecords) -> None:
    qualifications, registrations, external = [], [], []
    required_hours = requirements()
    for worker_id, _office, level, _kind, _joined in workers:
        obtained = _dt.date(rng.randint(2010, today.year - 2), 9, 1) + _dt.timedelta(days=rng.randint(0, 80))
        at_risk = rng.random() < AT_RISK_SHARE
        if at_risk:   # the running period ends within 90 days: chain the registrations back from it
            latest = _shift(today, -3) + _dt.timedelta(days=rng.randint(10, 85))
            obtained = min(obtained, latest - _dt.timedelta(days=90))
        else:
            latest = obtained + _dt.timedelta(days=rng.randint(60, 120))
            while period_end(latest) < today:
                latest = _shift(latest, 3)
        dates = [latest]
        while _shift(dates[-1], -3) > obtained:
            dates.append(_shift(dates[-1], -3))
        qualifications.append((worker_id, f"{LEVEL_CODES[level]}{obtained.year}35{rng.randint(0, 999999):06d}",
                               obtained))
        registrations.extend((worker_id, day, "再登记" if i < len(dates) - 1 else "首次登记")
                             for i, day in enumerate(dates))
        elapsed = min(1.0, (today - latest).days / max(1, (period_end(latest) - latest).days))
        share = rng.uniform(0.15, 0.75) if at_risk and rng.random() < SHORT_SHARE else \
            min(1.25, elapsed * rng.uniform(1.0, 1.5)) if not at_risk else rng.uniform(1.0, 1.2)
        external.extend(_external_rows(rng, worker_id, latest, min(today, period_end(latest)),
                                       required_hours(level) * share))
    out.certified = len(qualifications)
    bulk.insert_tuples(SwQualification, (SwQualification.worker, SwQualification.certificate_no,
                                         SwQualification.obtained_on), qualifications)
    out.registrations = bulk.insert_tuples(SwRegistration, (SwRegistration.worker, SwRegistration.registered_on,
                                                            SwRegistration.note), registrations)
    out.external_rows = bulk.insert_tuples(ExternalEducation, (ExternalEducation.worker, ExternalEducation.institution,
                                                               ExternalEducation.date, ExternalEducation.hours,
                                                               ExternalEducation.note), external)


def _external_rows(rng: random.Random, worker_id: int, start: _dt.date, end: _dt.date,
                   hours: float) -> list[tuple]:
    rows, left = [], round(hours)
    span = max(0, (end - start).days)
    while left > 0:
        h = min(left, rng.choice((6, 8, 12, 16, 24, 30)))
        rows.append((worker_id, rng.choice(INSTITUTIONS), start + _dt.timedelta(days=rng.randint(0, span)),
                     float(h), rng.choice(COURSES)))
        left -= h
    return rows


def _opening(rng: random.Random, records_start: _dt.date, workers: list[tuple], out: DemoRecords) -> None:
    as_of = records_start - _dt.timedelta(days=1)
    rows = []
    for worker_id, *_rest in workers:
        if rng.random() < OPENING_SHARE:
            if rng.random() < NEAR_SHARE:   # a little short of a level: this year's service crosses it
                hours = rng.choice(stars.thresholds()) - rng.randint(3, 30)
            else:
                hours = round(rng.choice((60, 90, 120, 180, 260, 340, 450, 620, 800, 1100, 1600))
                              * rng.uniform(0.9, 1.1))
            minutes = hours * 60
            rows.append((worker_id, minutes, as_of, f"原鲤城区志愿服务信息系统记录（截至{as_of:%Y-%m-%d}）"))
    out.opening_balances = bulk.insert_tuples(
        OpeningBalance, (OpeningBalance.worker, OpeningBalance.minutes, OpeningBalance.as_of, OpeningBalance.note), rows)


def _awards(rng: random.Random, today: _dt.date, workers: list[tuple], streets: dict[int, str],
            out: DemoRecords) -> None:
    rows = []
    for worker_id, office, _level, _kind, joined in workers:
        if rng.random() >= AWARD_SHARE or not joined or (today - joined).days < 200:
            continue
        level = _weighted(rng, AWARD_LEVEL_WEIGHTS)
        title, issuer, prefix = rng.choice(AWARDS[level])
        day = joined + _dt.timedelta(days=rng.randint(180, (today - joined).days))
        street = streets[office]
        rows.append((worker_id, title, level, issuer or f"{street}办事处",
                     day, f"{prefix or street[:2] + '街'}〔{day.year}〕{rng.randint(3, 60)}号"))
    out.awards = bulk.insert_tuples(Award, (Award.worker, Award.title, Award.level, Award.issuer, Award.date,
                                            Award.document_no), rows)


def _evaluations(rng: random.Random, today: _dt.date, workers: list[tuple], streets: dict[int, str],
                 out: DemoRecords) -> None:
    rows = []
    for worker_id, office, _level, _kind, joined in workers:
        for year in (today.year - 2, today.year - 1):
            if joined and joined <= _dt.date(year, 9, 30) and rng.random() < 0.85:
                grade = _weighted(rng, GRADE_WEIGHTS)
                rows.append((worker_id, year, grade, f"{streets[office]}社会工作服务中心",
                             min(today, _dt.date(year + 1, 1, rng.randint(8, 25))), rng.choice(COMMENTS[grade])))
    out.evaluations = bulk.insert_tuples(Evaluation, (Evaluation.worker, Evaluation.year, Evaluation.grade,
                                                      Evaluation.evaluator, Evaluation.date, Evaluation.note), rows)
