"""个人志愿服务记录: one worker's whole record for a date range, as 民政部令第67号 lists it —
个人基本信息、志愿服务情况、培训情况、表彰奖励情况和评价情况 — plus the star level; and its
numbered register (RecordIssue), numbered like certificates.

The range may not end after the issue day. Services come from the hours ledger (each session
or visit once per worker), described without naming the people served (a youth's or an elder's
name is not the volunteer's record to carry).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from swdesk.models import (
    Award,
    ElderGroup,
    Evaluation,
    GroupVisit,
    HomeVisit,
    HotlineRequest,
    MentoringSession,
    RecordIssue,
    ServiceHours,
    TrainingAttendance,
    TrainingCourse,
    Worker,
)
from swdesk.services import stars
from swdesk.services.base import UserError, audit, current, get_scoped, snapshot, writes


@dataclass
class ServiceLine:
    programme: str
    date: _dt.date
    content: str
    minutes: int


@dataclass
class TrainingLine:
    date: _dt.date
    title: str
    hours: float
    continuing_education: bool


@dataclass
class WorkerRecord:
    worker: Worker
    start: _dt.date
    end: _dt.date
    services: list[ServiceLine]
    training: list[TrainingLine]
    awards: list[Award]
    evaluations: list[Evaluation]
    star: stars.StarStatus
    opening_minutes: int                        # hours before swdesk, within the star total
    by_programme: dict[str, list[ServiceLine]] = field(default_factory=dict)

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes for s in self.services)


def check_range(start: _dt.date | None, end: _dt.date | None, worker: Worker,
                today: _dt.date) -> tuple[_dt.date, _dt.date]:
    """The range asked, defaulting to the worker's joining day (or first service) up to today."""
    end = end or today
    start = start or worker.joined_on or _first_service(worker.id) or end
    if end > today:
        raise UserError(f"服务记录的截止日期（{end:%Y-%m-%d}）不能晚于今天（{today:%Y-%m-%d}）")
    if start > end:
        raise UserError(f"服务记录的起始日期（{start:%Y-%m-%d}）不能晚于截止日期（{end:%Y-%m-%d}）")
    return start, end


def _first_service(worker_id: int) -> _dt.date | None:
    row = (ServiceHours.select(ServiceHours.date).where(ServiceHours.worker == worker_id)
           .order_by(ServiceHours.date).first())
    return row.date if row else None


def collect(worker_id: int, start: _dt.date | None = None, end: _dt.date | None = None,
            today: _dt.date | None = None) -> WorkerRecord:
    today = today or _dt.date.today()
    worker = get_scoped(Worker, worker_id, "人员")
    start, end = check_range(start, end, worker, today)
    services = _services(worker_id, start, end)
    by_programme: dict[str, list[ServiceLine]] = {}
    for line in services:
        by_programme.setdefault(line.programme, []).append(line)
    return WorkerRecord(worker, start, end, services, _training(worker_id, start, end),
                        list(Award.select().where((Award.worker == worker_id) & Award.date.between(start, end))
                             .order_by(Award.date)),
                        list(Evaluation.select().where((Evaluation.worker == worker_id)
                                                       & Evaluation.year.between(start.year, end.year))
                             .order_by(Evaluation.year)),
                        stars.star_status(worker_id, end), _opening_minutes(worker_id, end), by_programme)


def _opening_minutes(worker_id: int, end: _dt.date) -> int:
    row = stars.opening_balance(worker_id)
    return row.minutes if row is not None and row.as_of <= end else 0


def _services(worker_id: int, start: _dt.date, end: _dt.date) -> list[ServiceLine]:
    rows = list(ServiceHours.select(ServiceHours.programme, ServiceHours.date, ServiceHours.minutes,
                                    ServiceHours.source, ServiceHours.source_id)
                .where((ServiceHours.worker == worker_id) & ServiceHours.date.between(start, end))
                .order_by(ServiceHours.programme, ServiceHours.date, ServiceHours.id).tuples())
    ids: dict[str, list[int]] = {}
    for _p, _d, _m, source, source_id in rows:
        ids.setdefault(source, []).append(source_id)
    texts = _contents(ids)
    return [ServiceLine(p, d, texts.get((source, sid), p), int(m)) for p, d, m, source, sid in rows]


def _contents(ids: dict[str, list[int]]) -> dict[tuple[str, int], str]:
    """What each session or visit was, one query per source table."""
    out: dict[tuple[str, int], str] = {}
    if ids.get("group_visit"):
        for vid, group, services in (GroupVisit.select(GroupVisit.id, ElderGroup.name, GroupVisit.services)
                                     .join(ElderGroup).where(GroupVisit.id.in_(ids["group_visit"])).tuples()):
            out[("group_visit", vid)] = f"{group}探访" + (f"：{services}" if services else "")
    if ids.get("home_visit"):
        for vid, services in (HomeVisit.select(HomeVisit.id, HomeVisit.services)
                              .where(HomeVisit.id.in_(ids["home_visit"])).tuples()):
            out[("home_visit", vid)] = "入户探访" + (f"：{services}" if services else "")
    if ids.get("mentoring_session"):
        for sid, kind in (MentoringSession.select(MentoringSession.id, MentoringSession.kind)
                          .where(MentoringSession.id.in_(ids["mentoring_session"])).tuples()):
            out[("mentoring_session", sid)] = f"帮教（{kind}）"
    if ids.get("hotline_request"):
        for rid, category in (HotlineRequest.select(HotlineRequest.id, HotlineRequest.category)
                              .where(HotlineRequest.id.in_(ids["hotline_request"])).tuples()):
            out[("hotline_request", rid)] = f"热线服务：{category}"
    return out


def _training(worker_id: int, start: _dt.date, end: _dt.date) -> list[TrainingLine]:
    query = (TrainingAttendance.select(TrainingAttendance, TrainingCourse).join(TrainingCourse)
             .where((TrainingAttendance.worker == worker_id) & TrainingCourse.start_date.between(start, end))
             .order_by(TrainingCourse.start_date))
    return [TrainingLine(a.course.start_date, a.course.title,
                         float(a.hours if a.hours is not None else a.course.hours),
                         bool(a.course.continuing_education)) for a in query]


# --- the register ----------------------------------------------------------------------------------

def _next_number(street_code: str, year: int) -> str:
    prefix = f"JL{street_code}-{year}-"
    numbers = RecordIssue.select(RecordIssue.number).where(RecordIssue.number.startswith(prefix)).tuples()
    seqs = [int(n[len(prefix):]) for (n,) in numbers if n[len(prefix):].isdigit()]
    return f"{prefix}{max(seqs, default=0) + 1:05d}"


@writes("record_issue")
def register(record: WorkerRecord, today: _dt.date | None = None) -> RecordIssue:
    """Take the next register number for a printed record (inside the print job's transaction)."""
    today = today or _dt.date.today()
    if not record.services and not record.training:
        raise UserError(f"{record.worker.name}在{record.start:%Y-%m-%d}至{record.end:%Y-%m-%d}没有服务或培训记录，"
                        "不出具服务记录")
    row = RecordIssue.create(number=_next_number(record.worker.office.street_code, today.year),
                             worker=record.worker.id, start=record.start, end=record.end,
                             operator=current().operator_name)
    audit("create", row, after=snapshot(row), summary=f"出具个人志愿服务记录 {row.number}（{record.worker.name}）")
    return row
