"""The register of service certificates (志愿服务记录证明: 《志愿服务记录与证明出具办法（试行）》
（民政部令第67号） and 《关于规范志愿服务记录证明工作的指导意见》（民发〔2015〕149号）).

Each certificate gets a number from the register: `<street code>-<year>-<5-digit sequence>`. The
hours come from the service-hours ledger only. Printing the same worker and period again with
the same hours is a reprint: the register gets a row `<number>-B<k>` pointing at the original,
the paper is marked 补打, and the audit log records it. If the ledger changed meanwhile, a new
certificate with a new number is issued instead (a reprint must say what the original said).
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
from dataclasses import dataclass, field

from peewee import fn

from swdesk import periods, vocab
from swdesk.models import Certificate, ServiceHours, Worker
from swdesk.services.base import UserError, audit, current, scoped, snapshot, writes

# The earliest year a certificate may cover: swdesk keeps no service records before it, and a typo
# like 0026 or 9999 must not take a register number.


@dataclass
class IssuedCertificate:
    record: Certificate
    original: Certificate          # the first issue (== record unless a reprint)
    reprint: bool
    minutes: dict[str, int]        # by programme, as printed
    period: periods.Period         # as certified: a running period ends on the issue day
    times: dict[str, int] = field(default_factory=dict)   # sessions and visits by programme
    cut: bool = False              # the period had not ended on the issue day
    issue_date: _dt.date | None = None
    clerk: str = ""

    @property
    def total_minutes(self) -> int:
        return sum(self.minutes.values())


def ledger_minutes(worker_id: int, period: periods.Period) -> dict[str, int]:
    """Minutes by programme from the ledger, in the order of vocab.PROGRAMMES, zero rows dropped."""
    return {p: m for p, (_n, m) in ledger(worker_id, period).items()}


def ledger(worker_id: int, period: periods.Period) -> dict[str, tuple[int, int]]:
    """(times, minutes) by programme from the ledger, in the order of vocab.PROGRAMMES, zero rows
    dropped: 149号 asks for the service's content, not only the hours."""
    rows = (ServiceHours.select(ServiceHours.programme, fn.COUNT(ServiceHours.id), fn.SUM(ServiceHours.minutes))
            .where((ServiceHours.worker == worker_id) & (ServiceHours.date >= period.start)
                   & (ServiceHours.date <= period.end))
            .group_by(ServiceHours.programme).tuples())
    raw = {programme: (int(n), int(m or 0)) for programme, n, m in rows if m}
    ordered = {p: raw[p] for p in vocab.PROGRAMMES if p in raw}
    ordered.update({p: v for p, v in raw.items() if p not in ordered})
    return ordered


def certified_period(period_label: str, today: _dt.date) -> tuple[periods.Period, bool]:
    """The period a certificate issued `today` may cover, and whether it was cut at the issue day.

    A certificate never covers days after its issue date (民政部令第67号: it certifies recorded
    service): a future period is refused, a running one ends today."""
    period = periods.parse(period_label)
    if period.start > today:
        raise UserError(f"服务期间 {period.label} 自{_fmt(period.start)}开始，尚未到来：不能为尚未发生的服务开具证明")
    if period.end > today:
        return periods.Period(period.label, period.start, today), True
    return period, False


def _fmt(day: _dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _next_number(street_code: str, year: int) -> str:
    prefix = f"{street_code}-{year}-"
    numbers = (Certificate.select(Certificate.number)
               .where(Certificate.number.startswith(prefix) & Certificate.reprint_of.is_null()).tuples())
    highest = 0
    for (number,) in numbers:
        tail = number[len(prefix):]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{prefix}{highest + 1:05d}"


@writes("certificate")
def issue(worker_id: int, period_label: str, today: _dt.date | None = None, clerk: str = "") -> IssuedCertificate:
    """Register a certificate for one worker and period (or a reprint of the matching one).

    Refused, using no number: a future period, a period without hours (periods.parse bounds the years)."""
    today = today or _dt.date.today()
    period, cut = certified_period(period_label, today)
    worker = Worker.get_or_none(Worker.id == worker_id)
    if worker is None:
        raise UserError(f"找不到编号为 {worker_id} 的人员")
    content_by = ledger(worker.id, period)
    minutes = {p: m for p, (_n, m) in content_by.items()}
    times = {p: n for p, (n, _m) in content_by.items()}
    if not minutes:
        raise UserError(f"{worker.name}在{_fmt(period.start)}至{_fmt(period.end)}没有服务时长记录，"
                        "不能开具志愿服务记录证明（未占用证明编号）")
    content = {"period": period.label, "start": period.start.isoformat(), "end": period.end.isoformat(),
               "minutes": minutes, "times": times, "total_minutes": sum(minutes.values()), "cut": cut,
               "clerk": clerk}
    operator = current().operator_name
    made = functools.partial(IssuedCertificate, minutes=minutes, period=period, times=times, cut=cut,
                             issue_date=today, clerk=clerk)
    original = _same_content(worker.id, period, minutes, times)
    if original is not None:
        reprints = Certificate.select().where(Certificate.reprint_of == original.id).count()
        record = Certificate.create(number=f"{original.number}-B{reprints + 1}", worker=worker.id,
                                    period=period.label, reprint_of=original.id, operator=operator,
                                    content=original.content)
        audit("reprint", record, after=snapshot(record),
              summary=f"补打服务证明 {original.number}（{worker.name}，{period.label}）")
        return made(record=record, original=original, reprint=True)
    number = _next_number(worker.office.street_code, today.year)
    record = Certificate.create(number=number, worker=worker.id, period=period.label, operator=operator,
                                content=json.dumps(content, ensure_ascii=False))
    audit("create", record, after=snapshot(record),
          summary=f"开具服务证明 {number}（{worker.name}，{period.label}）")
    return made(record=record, original=record, reprint=False)


def _same_content(worker_id: int, period: periods.Period, minutes: dict[str, int],
                  times: dict[str, int]) -> Certificate | None:
    """The original certificate saying exactly this (same days, hours and times), if any: printing
    it again is a reprint (补打), which must say what the original said."""
    originals = (Certificate.select()
                 .where((Certificate.worker == worker_id) & (Certificate.period == period.label)
                        & Certificate.reprint_of.is_null())
                 .order_by(Certificate.id.desc()))
    for original in originals:
        content = json.loads(original.content or "{}")
        if (content.get("minutes") == minutes and content.get("end") == period.end.isoformat()
                and content.get("times", times) == times):
            return original
    return None


def history(worker_id: int) -> list[Certificate]:
    """The register's rows for one worker, newest first."""
    return list(Certificate.select().where(Certificate.worker == worker_id).order_by(Certificate.id.desc()))


@dataclass
class RegisterRow:
    """One line of the register as shown to the unit (公示, 149号: at least 7 days)."""

    number: str
    name: str
    period: str          # 2026年10月1日至2026年11月28日
    hours: str           # one decimal
    issued_by: str       # the 经办人 printed on it (else the operator who issued it)
    issued_on: _dt.date
    reprint_of: str      # the original's number for a 补打 line, else ""


def register_rows(start: _dt.date | None = None, end: _dt.date | None = None) -> list[RegisterRow]:
    """The register's lines issued between `start` and `end` (inclusive), in number order — what
    an export for 公示 lists (number, name, period, hours, issued by, date). The session's street
    only (a district user: every street)."""
    query = scoped(Certificate.select(Certificate, Worker.name).join(Worker), Worker)
    if start:
        query = query.where(Certificate.issued_at >= _dt.datetime.combine(start, _dt.time.min))
    if end:
        query = query.where(Certificate.issued_at < _dt.datetime.combine(end + _dt.timedelta(days=1), _dt.time.min))
    originals = {c.id: c.number for c in Certificate.select(Certificate.id, Certificate.number)
                 .where(Certificate.reprint_of.is_null())}
    rows = []
    for record in query.order_by(Certificate.issued_at, Certificate.id):
        content = json.loads(record.content or "{}")
        days = (f"{_fmt(_dt.date.fromisoformat(content['start']))}至{_fmt(_dt.date.fromisoformat(content['end']))}"
                if content.get("start") and content.get("end") else record.period)
        hours_total = f"{round(int(content.get('total_minutes', 0)) / 60 + 1e-9, 1):.1f}"
        issued = record.issued_at if isinstance(record.issued_at, _dt.datetime) else \
            _dt.datetime.fromisoformat(str(record.issued_at))
        rows.append(RegisterRow(record.number, record.worker.name, days, hours_total,
                                content.get("clerk") or record.operator, issued.date(),
                                originals.get(record.reprint_of_id, "")))
    return rows
