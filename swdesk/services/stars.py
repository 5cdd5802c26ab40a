"""星级志愿者: star levels from recorded hours.

A worker's hours are the ledger (ServiceHours: one row per worker per session or visit, so a
session is counted once however often it is saved) plus an opening balance for service before
swdesk. Level k is reached on the first day the running total is at least the k-th threshold
(office setting `star_thresholds`, hours; defaults 100/300/600/1,000/1,500): exactly 100 h is
一星, 99.9 h is not. The day each level was reached is computed from the ledger, so it follows
corrections of the sessions themselves; a printed star certificate keeps it in its register.
"""
from __future__ import annotations

import datetime as _dt
from bisect import insort
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from peewee import fn

from swdesk import db, periods, vocab
from swdesk.models import OpeningBalance, ServiceHours, StarCertificate, Worker
from swdesk.services import settings, versions
from swdesk.services.base import (
    UserError,
    ValidationError,
    audit,
    current,
    get_scoped,
    scoped,
    snapshot,
    writes,
)
from swdesk.services.fieldcheck import Checker

settings.DEFAULTS.setdefault("star_thresholds", [100, 300, 600, 1000, 1500])
# Cards and badges show the star level ({stars}, {star_name}) only when the office asks for it.
settings.DEFAULTS.setdefault("print_stars", False)
OPENING_LABELS = {"minutes": "以往服务时长", "as_of": "截至日期", "note": "说明"}


def thresholds() -> list[float]:
    """Hours for 一星 … 五星, ascending."""
    return [float(h) for h in settings.get("star_thresholds")]


@writes("setting")
def set_thresholds(hours: list[float]) -> None:
    values = [float(h) for h in hours]
    if len(values) != 5 or any(h <= 0 for h in values) or values != sorted(set(values)):
        raise ValidationError({"star_thresholds": "应为5个递增的正数（一星到五星所需小时数）"})
    settings.put("star_thresholds", values)


def print_stars() -> bool:
    """Whether cards and badges print the star level (swdesk/pdf/templates.py STAR_PLACEHOLDERS)."""
    return bool(settings.get("print_stars"))


@writes("setting")
def set_print_stars(on: bool) -> None:
    settings.put("print_stars", bool(on))


def level_for(minutes: int, limits: list[float] | None = None) -> int:
    """The star level of a total (0 = none); a total equal to a threshold reaches it."""
    limits = thresholds() if limits is None else limits
    return sum(1 for h in limits if minutes >= round(h * 60))


# --- opening balances ------------------------------------------------------------------------------

@writes("opening_balance")
def set_opening_balance(worker_id: int, data: dict[str, Any], version: int | None = None) -> OpeningBalance:
    """Hours before swdesk (`hours`, `as_of`, `note` required: where the figure comes from)."""
    worker = get_scoped(Worker, worker_id, "社工")
    c = Checker(data)
    hours = c.number("hours", -0.01, 20000, message="以往服务时长应为0到20000小时")
    as_of = c.date("as_of", not_after=_dt.date.today())
    note = c.text("note", required=True, max_len=500, missing="请说明以往时长的来源（如原服务记录）")
    c.raise_if_any()
    row = OpeningBalance.get_or_none(OpeningBalance.worker == worker_id)
    changes = {"minutes": round(hours * 60), "as_of": as_of, "note": note}
    if row is None:
        row = OpeningBalance.create(worker=worker_id, **changes)
        audit("create", row, after=snapshot(row), summary=f"以往服务时长 {worker.name} {hours:g}小时")
    else:
        before = snapshot(row)
        versions.save(row, changes, version, "以往服务时长", OPENING_LABELS, subject=f"{worker.name}的以往服务时长")
        audit("update", row, before=before, after=snapshot(row), summary=f"以往服务时长 {worker.name} {hours:g}小时")
    return row


def opening_balance(worker_id: int) -> OpeningBalance | None:
    return OpeningBalance.get_or_none(OpeningBalance.worker == worker_id)


# --- levels ----------------------------------------------------------------------------------------

@dataclass
class StarStatus:
    worker_id: int
    name: str
    minutes: int                               # ledger + opening balance up to the day asked
    level: int
    reached: dict[int, _dt.date]               # level → day reached

    @property
    def label(self) -> str:
        return vocab.STAR_NAMES[self.level] or "未达星级"

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)

    def next_missing_hours(self, limits: list[float]) -> float | None:
        if self.level >= len(limits):
            return None
        return round(limits[self.level] - self.minutes / 60, 1)


def _daily_minutes(on: _dt.date, worker_ids: list[int] | None) -> Iterator[tuple[int, list[tuple[Any, int]]]]:
    """(worker, [(day, minutes)] ascending) for each worker with hours, opening balances included
    at their day; one worker's days at a time, streamed from the cursor in worker order.

    Streamed, not a dict of every worker's days: on 100,000 workers and 1.3 million worker-days
    that dict was ~150 MB, the quarterly workbook's whole peak (bench/quarterly.py). The plain
    cursor, not peewee's rows: its date conversion per row was 60 % of the time."""
    query = (ServiceHours.select(ServiceHours.worker, ServiceHours.date, fn.SUM(ServiceHours.minutes))
             .where(ServiceHours.date <= on))
    opening = OpeningBalance.select(OpeningBalance.worker, OpeningBalance.as_of, OpeningBalance.minutes)
    if worker_ids is not None:
        query = query.where(ServiceHours.worker.in_(worker_ids))
        opening = opening.where(OpeningBalance.worker.in_(worker_ids))
    # Days stay as the driver gives them (ISO text on SQLite, in date order; dates on PostgreSQL);
    # _status converts only the days a level is reached.
    database = db.database()
    before = {w: (day, int(minutes))  # one per worker (unique)
              for w, day, minutes in database.execute(opening.where(OpeningBalance.as_of <= on))}
    grouped = (query.group_by(ServiceHours.worker, ServiceHours.date)
               .order_by(ServiceHours.worker, ServiceHours.date))
    for worker_id, rows in groupby(database.execute(grouped), key=itemgetter(0)):
        days = [(day, int(minutes or 0)) for _w, day, minutes in rows]
        if worker_id in before:
            insort(days, before.pop(worker_id))
        yield worker_id, days
    for worker_id, day in before.items():   # an opening balance and no hours yet
        yield worker_id, [day]


def _as_date(value: Any) -> _dt.date:
    return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value)[:10])


def _status(worker_id: int, name: str, days: list[tuple[Any, int]], limits: list[float]) -> StarStatus:
    goals = [round(hours * 60) for hours in limits]
    total, reached = 0, {}
    lowest = min(goals, default=None)   # the smallest goal not yet reached (None: all reached)
    for day, minutes in days:
        total += minutes
        if lowest is None or total < lowest:   # most days reach nothing: one comparison
            continue
        for k, goal in enumerate(goals, start=1):
            if k not in reached and total >= goal:
                reached[k] = _as_date(day)
        lowest = min((g for k, g in enumerate(goals, start=1) if k not in reached), default=None)
    return StarStatus(worker_id, name, total, len(reached), reached)


def star_levels(on: _dt.date | None = None, worker_ids: list[int] | None = None) -> list[StarStatus]:
    """Every worker in scope with recorded hours, highest total first."""
    on = on or _dt.date.today()
    limits = thresholds()
    names = _names(worker_ids)
    out = [_status(w, names[w], days, limits) for w, days in _daily_minutes(on, worker_ids) if w in names]
    out.sort(key=lambda s: (-s.minutes, s.name))
    return out


def levels(worker_ids: list[int], on: _dt.date | None = None) -> dict[int, int]:
    """The star level of each of `worker_ids` with one (level ≥ 1) at `on` (default today): what a
    roster row or a card shows. One sum per worker instead of star_levels' day-by-day ledger (which
    also finds the day each level was reached): on 20,000 workers with 200,000 ledger rows the
    roster export took 1.2 s more CPU through star_levels."""
    on = on or _dt.date.today()
    limits = thresholds()
    totals: dict[int, int] = {}
    ledger = (ServiceHours.select(ServiceHours.worker, fn.SUM(ServiceHours.minutes))
              .where(ServiceHours.worker.in_(worker_ids) & (ServiceHours.date <= on)).group_by(ServiceHours.worker))
    opening = (OpeningBalance.select(OpeningBalance.worker, OpeningBalance.minutes)
               .where(OpeningBalance.worker.in_(worker_ids) & (OpeningBalance.as_of <= on)))
    for query in (ledger, opening):
        for worker_id, minutes in query.tuples():
            totals[worker_id] = totals.get(worker_id, 0) + int(minutes or 0)
    found = {w: level_for(m, limits) for w, m in totals.items()}
    return {w: level for w, level in found.items() if level}


def _names(worker_ids: list[int] | None) -> dict[int, str]:
    """Names of the workers in scope (all of them rather than an IN list of every worker with
    hours, which passes SQLite's 32,766 bound variables on a large roster)."""
    query = scoped(Worker.select(Worker.id, Worker.name), Worker)
    if worker_ids is not None:
        query = query.where(Worker.id.in_(worker_ids))
    return dict(query.tuples())


def star_status(worker_id: int, on: _dt.date | None = None) -> StarStatus:
    worker = get_scoped(Worker, worker_id, "社工")
    rows = star_levels(on, [worker_id])
    return rows[0] if rows else StarStatus(worker_id, worker.name, 0, 0, {})


def new_in_period(period: periods.Period) -> list[tuple[StarStatus, int, _dt.date]]:
    """本季度新晋星级: (status, level, day) for each level first reached inside the period (a
    worker who jumped two levels appears once, at the higher)."""
    out = []
    for s in star_levels(period.end):
        inside = [(k, d) for k, d in s.reached.items() if period.start <= d <= period.end]
        if inside:
            level, day = max(inside)
            out.append((s, level, day))
    out.sort(key=lambda item: (-item[1], item[2], item[0].name))
    return out


def counts_by_level(on: _dt.date) -> dict[int, int]:
    """level (1..5) → workers at that level on `on`."""
    result = dict.fromkeys(range(1, 6), 0)
    for s in star_levels(on):
        if s.level:
            result[s.level] += 1
    return result


def period_counts(period: periods.Period) -> tuple[dict[int, int], dict[int, int]]:
    """level (1..5) → workers at it at the period's end (counts_by_level), and → workers whose
    highest level reached inside the period it is (new_in_period), in one pass that keeps no
    worker's status: the quarterly workbook on 100,000 workers computed every status twice and
    then held them all (~50 MB of its peak, bench/quarterly.py)."""
    limits = thresholds()
    names = _names(None)
    at_end, new = dict.fromkeys(range(1, 6), 0), dict.fromkeys(range(1, 6), 0)
    for worker_id, days in _daily_minutes(period.end, None):
        if worker_id not in names:
            continue
        s = _status(worker_id, names[worker_id], days, limits)
        if s.level:
            at_end[s.level] += 1
        inside = [k for k, d in s.reached.items() if period.start <= d <= period.end]
        if inside:
            new[max(inside)] += 1
    return at_end, new


# --- the star-certificate register -----------------------------------------------------------------

@dataclass
class IssuedStar:
    number: str
    worker_id: int
    name: str
    level: int
    reached_on: _dt.date
    hours: float
    reprint: bool


def _next_number(street_code: str, year: int) -> str:
    prefix = f"XJ{street_code}-{year}-"
    numbers = StarCertificate.select(StarCertificate.number).where(StarCertificate.number.startswith(prefix)).tuples()
    seqs = [int(n[len(prefix):]) for (n,) in numbers if n[len(prefix):].isdigit()]
    return f"{prefix}{max(seqs, default=0) + 1:05d}"


def unprinted(on: _dt.date | None = None) -> list[StarStatus]:
    """Workers whose current level has no star certificate yet."""
    printed = set(StarCertificate.select(StarCertificate.worker, StarCertificate.level).tuples())
    return [s for s in star_levels(on) if s.level and (s.worker_id, s.level) not in printed]


@writes("star_certificate")
def issue(worker_id: int, level: int, today: _dt.date | None = None) -> IssuedStar:
    """Register the certificate of one reached level; a level already registered keeps its number
    (a reprint)."""
    today = today or _dt.date.today()
    status = star_status(worker_id, today)
    if level < 1 or level > status.level:
        raise UserError(f"{status.name}尚未达到{vocab.STAR_NAMES[max(0, min(level, 5))] or '星级'}，不能出具星级证书")
    existing = StarCertificate.get_or_none((StarCertificate.worker == worker_id) & (StarCertificate.level == level))
    if existing:
        return IssuedStar(existing.number, worker_id, status.name, level, existing.reached_on, status.hours, True)
    worker = Worker.get_by_id(worker_id)
    row = StarCertificate.create(number=_next_number(worker.office.street_code, today.year), worker=worker_id,
                                 level=level, reached_on=status.reached[level],
                                 operator=current().operator_name)
    audit("create", row, after=snapshot(row),
          summary=f"出具星级证书 {row.number}（{status.name}，{vocab.STAR_NAMES[level]}）")
    return IssuedStar(row.number, worker_id, status.name, level, row.reached_on, status.hours, False)
