"""社会工作者职业水平 and continuing education (《社会工作者继续教育办法》).

A certified worker registers every 3 years; each registration opens a period of 3 years less a
day, and within it must show continuing education: 72 hours for 助理社会工作师, 90 for 社会工作师
and 高级社会工作师 (office setting `ce_hours_required`). Hours come from two places, each counted
once: swdesk's own training courses marked 继续教育 (attendance rows, unique per worker and
course) and external hours the clerk enters (one row per proof).

The registration falls due on the day after the period ends; `at_risk()` lists the workers
whose registration falls due within 90 days (setting `ce_remind_days`) while hours are missing,
and registers them as reminders (kind "roster": opening one shows the worker on the 人才队伍 tab).
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from peewee import fn

from swdesk import db, vocab
from swdesk.models import (
    ExternalEducation,
    SwQualification,
    SwRegistration,
    TrainingAttendance,
    TrainingCourse,
    Worker,
)
from swdesk.services import reminders, settings, training, versions
from swdesk.services.base import (
    UserError,
    ValidationError,
    audit,
    get_scoped,
    scoped,
    snapshot,
    writes,
)
from swdesk.services.fieldcheck import Checker

PERIOD_YEARS = 3
settings.DEFAULTS.setdefault("ce_hours_required", {"助理社会工作师": 72, "社会工作师": 90, "高级社会工作师": 90})
settings.DEFAULTS.setdefault("ce_remind_days", 90)

QUALIFICATION_LABELS = {"sw_level": "职业水平", "certificate_no": "证书编号", "obtained_on": "取得日期"}
EXTERNAL_LABELS = {"institution": "培训机构", "date": "日期", "hours": "学时", "note": "备注",
                   "scan": "证明扫描件", "scan_name": "扫描件文件名"}
REGISTRATION_LABELS = {"registered_on": "登记日期", "note": "备注"}


def required_hours(level: str) -> float:
    """Hours one registration period asks of a level (0 for 无)."""
    return requirements()(level)


def requirements():
    """required_hours with the setting read once (a list of 3,500 workers read it 3,500 times:
    2.4 s of a 3.1 s report block)."""
    table = settings.get("ce_hours_required")

    def hours(level: str) -> float:
        return float(table.get(level, 0))

    return hours


@writes("setting")
def set_required_hours(hours: dict[str, float]) -> None:
    """The office's hours per registration period by level (all three levels, 1 to 500 each)."""
    problems = {}
    clean = {}
    for level in vocab.SW_LEVELS[1:]:
        try:
            value = float(hours.get(level))
        except (TypeError, ValueError):
            value = 0.0
        if not 0 < value <= 500:
            problems[level] = "每个登记期的继续教育学时应为大于0、不超过500的数"
        clean[level] = value
    if problems:
        raise ValidationError(problems)
    settings.put("ce_hours_required", clean)


def period_end(start: _dt.date) -> _dt.date:
    """The last day of the 3-year period opened on `start` (29 February → 28 February)."""
    try:
        return start.replace(year=start.year + PERIOD_YEARS) - _dt.timedelta(days=1)
    except ValueError:
        return start.replace(year=start.year + PERIOD_YEARS, day=28) - _dt.timedelta(days=1)


# --- 职业水平 ---------------------------------------------------------------------------------------

@dataclass
class Qualification:
    worker_id: int
    level: str
    certificate_no: str
    obtained_on: _dt.date | None
    version: int | None          # None: no certificate saved yet
    registrations: list[_dt.date]


def qualification(worker_id: int) -> Qualification:
    worker = get_scoped(Worker, worker_id, "社工")
    row = SwQualification.get_or_none(SwQualification.worker == worker_id)
    dates = [r.registered_on for r in SwRegistration.select().where(SwRegistration.worker == worker_id)
             .order_by(SwRegistration.registered_on)]
    return Qualification(worker_id, worker.sw_level, row.certificate_no if row else "",
                         row.obtained_on if row else None, row.version if row else None, dates)


@writes("sw_qualification")
def save_qualification(worker_id: int, data: dict[str, Any], version: int | None = None) -> Qualification:
    """Level, certificate number and date obtained. The level is written to the worker's record
    (the reports read it there) without touching the worker's version: a worker form open at the
    same time keeps its other fields."""
    worker = get_scoped(Worker, worker_id, "社工")
    c = Checker(data)
    level = c.choice("sw_level", vocab.SW_LEVELS)
    number = c.text("certificate_no", max_len=40)
    obtained = c.date("obtained_on", required=False, not_after=_dt.date.today())
    if level and level != "无" and not number:
        c.fail("certificate_no", "请填写职业水平证书编号")
    c.raise_if_any()
    row = SwQualification.get_or_none(SwQualification.worker == worker_id)
    changes = {"certificate_no": number, "obtained_on": obtained}
    if row is None:
        row = SwQualification.create(worker=worker_id, **changes)
        audit("create", row, after=snapshot(row), summary=f"职业水平证书 {worker.name}")
    else:
        before = snapshot(row)
        versions.save(row, changes, version, "职业水平证书", QUALIFICATION_LABELS, subject=f"{worker.name}的职业水平证书")
        audit("update", row, before=before, after=snapshot(row), summary=f"职业水平证书 {worker.name}")
    if level != worker.sw_level:
        Worker.update(sw_level=level).where(Worker.id == worker_id).execute()
        audit("update", table="worker", record_id=worker_id, before={"sw_level": worker.sw_level},
              after={"sw_level": level}, summary=f"职业水平 {worker.name}：{level}")
    return qualification(worker_id)


@writes("sw_registration")
def add_registration(worker_id: int, registered_on: _dt.date | str, note: str = "") -> SwRegistration:
    worker = get_scoped(Worker, worker_id, "社工")
    c = Checker({"registered_on": registered_on, "note": note})
    day = c.date("registered_on", not_after=_dt.date.today())
    note = c.text("note", max_len=200)
    if day and SwRegistration.get_or_none((SwRegistration.worker == worker_id)
                                          & (SwRegistration.registered_on == day)):
        c.fail("registered_on", "这一天已有登记记录")
    c.raise_if_any()
    row = SwRegistration.create(worker=worker_id, registered_on=day, note=note)
    audit("create", row, after=snapshot(row), summary=f"职业水平登记 {worker.name} {day:%Y-%m-%d}")
    return row


@writes("sw_registration")
def delete_registration(registration_id: int) -> None:
    row = SwRegistration.get_or_none(SwRegistration.id == registration_id)
    if row is None:
        raise UserError("这条登记记录已被删除")
    worker = get_scoped(Worker, row.worker_id, "社工")
    audit("delete", row, before=snapshot(row), summary=f"删除职业水平登记 {worker.name} {row.registered_on:%Y-%m-%d}")
    row.delete_instance()


# --- external hours --------------------------------------------------------------------------------

def _check_external(data: dict[str, Any]) -> dict[str, Any]:
    c = Checker(data)
    clean = {
        "institution": c.text("institution", required=True, max_len=100, missing="请填写培训机构"),
        "date": c.date("date", not_after=_dt.date.today()),
        "hours": c.number("hours", 0, 500, message="学时应为大于0、不超过500的数"),
        "note": c.text("note", max_len=2000),
    }
    if data.get("scan") is not None:
        clean["scan"] = bytes(data["scan"])
        clean["scan_name"] = c.text("scan_name", max_len=200)
        if len(clean["scan"]) > 10 * 1024 * 1024:
            c.fail("scan", "扫描件不能超过10 MB")
    c.raise_if_any()
    return clean


@writes("external_education")
def add_external(worker_id: int, data: dict[str, Any]) -> ExternalEducation:
    worker = get_scoped(Worker, worker_id, "社工")
    clean = _check_external(data)
    row = ExternalEducation.create(worker=worker_id, **clean)
    audit("create", row, after=snapshot(row),
          summary=f"外部继续教育 {worker.name} {row.date:%Y-%m-%d} {row.hours:g}学时")
    return row


@writes("external_education")
def update_external(row_id: int, data: dict[str, Any], version: int | None = None) -> ExternalEducation:
    row = _external(row_id)
    versions.require(row, version, "继续教育记录", EXTERNAL_LABELS)
    clean = _check_external({**snapshot(row), **data})
    before = snapshot(row)
    versions.save(row, clean, version, "继续教育记录", EXTERNAL_LABELS)
    audit("update", row, before=before, after=snapshot(row), summary=f"修改外部继续教育 {row.worker.name}")
    return row


@writes("external_education")
def delete_external(row_id: int) -> None:
    row = _external(row_id)
    audit("delete", row, before=snapshot(row), summary=f"删除外部继续教育 {row.worker.name}")
    row.delete_instance()


def _external(row_id: int) -> ExternalEducation:
    row = ExternalEducation.get_or_none(ExternalEducation.id == row_id)
    if row is None:
        raise UserError("这条继续教育记录已被删除")
    get_scoped(Worker, row.worker_id, "社工")
    return row


def mark_continuing_education(course_id: int, flag: bool) -> None:
    """Mark a training course as 继续教育 (its attendance then counts for registration); the
    course's own writer saves it (versioned, audited)."""
    training.update_course(course_id, {"continuing_education": bool(flag)})


# --- hours per period ------------------------------------------------------------------------------

@dataclass
class EducationLine:
    date: _dt.date
    source: str          # 本中心培训 / the institution
    title: str
    hours: float


@dataclass
class PeriodStatus:
    worker_id: int
    name: str
    level: str
    start: _dt.date
    end: _dt.date
    required: float
    internal: float
    external: float

    @property
    def done(self) -> float:
        return round(self.internal + self.external, 1)

    @property
    def missing(self) -> float:
        return max(0.0, round(self.required - self.done, 1))

    @property
    def due(self) -> _dt.date:
        """The day the next registration falls due."""
        return self.end + _dt.timedelta(days=1)


def _education_days(start: _dt.date, end: _dt.date) -> Iterator[tuple[int, _dt.date, float, bool]]:
    """(worker, day, hours, internal) of every 继续教育 attendance and external row between two
    days, streamed from plain cursors: peewee's per-row date conversion, then _as_date again, was
    most of the 持证 block on 100,000 workers (bench/quarterly.py)."""
    hours = fn.COALESCE(TrainingAttendance.hours, TrainingCourse.hours)
    internal = (TrainingAttendance.select(TrainingAttendance.worker, TrainingCourse.start_date, hours)
                .join(TrainingCourse)
                .where(TrainingCourse.continuing_education & TrainingCourse.start_date.between(start, end)))
    external = (ExternalEducation.select(ExternalEducation.worker, ExternalEducation.date, ExternalEducation.hours)
                .where(ExternalEducation.date.between(start, end)))
    database = db.database()
    for w, d, h in database.execute(internal):
        yield w, _as_date(d), float(h or 0), True
    for w, d, h in database.execute(external):
        yield w, _as_date(d), float(h or 0), False


def _as_date(value) -> _dt.date:
    return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value)[:10])


def _current_starts(on: _dt.date, worker_ids: list[int] | None = None) -> dict[int, _dt.date]:
    """worker → start of the registration period running on `on` (the latest registration on or
    before it whose 3 years have not run out)."""
    query = (SwRegistration.select(SwRegistration.worker, fn.MAX(SwRegistration.registered_on))
             .where(SwRegistration.registered_on <= on))
    if worker_ids is not None:
        query = query.where(SwRegistration.worker.in_(worker_ids))
    rows = query.group_by(SwRegistration.worker).tuples()
    out = {}
    for worker_id, start in rows:
        start = _as_date(start)
        if period_end(start) >= on:
            out[worker_id] = start
    return out


def period_status(worker_id: int, on: _dt.date | None = None) -> PeriodStatus | None:
    """The registration period running on `on` with hours done up to `on` and still missing;
    None when the worker has no running registration or no level."""
    rows = statuses(on, worker_ids=[worker_id])
    return rows[0] if rows else None


def statuses(on: _dt.date | None = None, worker_ids: list[int] | None = None) -> list[PeriodStatus]:
    """Every certified worker in scope with a running registration period, by due date."""
    on = on or _dt.date.today()
    starts = _current_starts(on, worker_ids)
    if not starts:
        return []
    out = []
    need = requirements()
    for w in _certified_workers(worker_ids):
        if w.id not in starts:
            continue
        start = starts[w.id]
        out.append(PeriodStatus(w.id, w.name, w.sw_level, start, period_end(start), need(w.sw_level), 0.0, 0.0))
    _fill_hours(out, on)
    out.sort(key=lambda s: (s.end, s.name))
    return out


def _certified_workers(worker_ids: list[int] | None):
    """Certified workers on the roll, in scope (no IN list of every registered worker: a large
    roster passes SQLite's 32,766 bound variables)."""
    query = scoped(Worker.select(Worker.id, Worker.name, Worker.sw_level), Worker).where(
        (Worker.sw_level != "无") & (Worker.status == "在册"))
    return query.where(Worker.id.in_(worker_ids)) if worker_ids is not None else query


def _fill_hours(rows: list[PeriodStatus], on: _dt.date) -> None:
    """Hours from each period's start up to `on` (or the period's end): the rows of all the
    periods read at once and summed per worker here (one query per distinct start day cost a
    query per few workers)."""
    if not rows:
        return
    by_worker = {r.worker_id: r for r in rows}
    for worker_id, day, hours, internal in _education_days(min(r.start for r in rows), on):
        r = by_worker.get(worker_id)
        if r is None or not r.start <= day <= min(on, r.end):
            continue
        if internal:
            r.internal += hours
        else:
            r.external += hours
    for r in rows:
        r.internal, r.external = round(r.internal, 1), round(r.external, 1)


def due_between(start: _dt.date, end: _dt.date) -> list[PeriodStatus]:
    """Registration periods whose re-registration falls due between two days (inclusive), with
    their hours counted up to `end` (or the period's last day, if earlier)."""
    first, last = _shift_years(start, -PERIOD_YEARS), _shift_years(end, -PERIOD_YEARS)
    rows = (SwRegistration.select(SwRegistration.worker, SwRegistration.registered_on)
            .where(SwRegistration.registered_on.between(first, last)).tuples())
    starts = {w: _as_date(d) for w, d in rows}
    starts = {w: d for w, d in starts.items() if start <= period_end(d) + _dt.timedelta(days=1) <= end}
    if not starts:
        return []
    need = requirements()
    out = [PeriodStatus(w.id, w.name, w.sw_level, starts[w.id], period_end(starts[w.id]),
                        need(w.sw_level), 0.0, 0.0) for w in _certified_workers(None) if w.id in starts]
    _fill_hours(out, end)
    return sorted(out, key=lambda s: (s.end, s.name))


def _shift_years(day: _dt.date, years: int) -> _dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def lines(worker_id: int, start: _dt.date, end: _dt.date) -> list[EducationLine]:
    """The continuing education of one worker between two days, oldest first."""
    out = [EducationLine(c.start_date, "本中心培训", c.title, float(a.hours if a.hours is not None else c.hours))
           for a, c in ((a, a.course) for a in TrainingAttendance.select(TrainingAttendance, TrainingCourse)
                        .join(TrainingCourse)
                        .where((TrainingAttendance.worker == worker_id) & TrainingCourse.continuing_education
                               & TrainingCourse.start_date.between(start, end)))]
    out += [EducationLine(e.date, e.institution, e.note, float(e.hours))
            for e in ExternalEducation.select().where((ExternalEducation.worker == worker_id)
                                                      & ExternalEducation.date.between(start, end))]
    return sorted(out, key=lambda line: (line.date, line.source))


def external_rows(worker_id: int) -> list[ExternalEducation]:
    get_scoped(Worker, worker_id, "社工")
    return list(ExternalEducation.select(ExternalEducation.id, ExternalEducation.worker, ExternalEducation.institution,
                                         ExternalEducation.date, ExternalEducation.hours, ExternalEducation.note,
                                         ExternalEducation.scan_name, ExternalEducation.version)
                .where(ExternalEducation.worker == worker_id).order_by(ExternalEducation.date.desc()))


def at_risk(on: _dt.date | None = None) -> list[PeriodStatus]:
    """Registration due within `ce_remind_days` (90) of `on` with hours still missing."""
    on = on or _dt.date.today()
    horizon = on + _dt.timedelta(days=int(settings.get("ce_remind_days")))
    return [s for s in statuses(on) if s.missing > 0 and s.due <= horizon]


def education_reminders(on: _dt.date) -> list[reminders.Reminder]:
    return [reminders.Reminder(
        "roster", s.worker_id, f"{s.name}（{s.level}）",
        f"应于{s.due:%Y-%m-%d}再登记，本登记期继续教育{s.done:g}学时，还差{s.missing:g}学时", s.due,
        page="education") for s in at_risk(on)]


reminders.KIND_LABELS.setdefault("roster", "继续教育")
reminders.register_source(education_reminders)
