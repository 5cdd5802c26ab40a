"""The register of service certificates (志愿服务记录证明, after 民发〔2015〕149号).

Each certificate gets a number from the register: `<street code>-<year>-<5-digit sequence>`. The
hours come from the service-hours ledger only. Printing the same worker and period again with
the same hours is a reprint: the register gets a row `<number>-B<k>` pointing at the original,
the paper is marked 补打, and the audit log records it. If the ledger changed meanwhile, a new
certificate with a new number is issued instead (a reprint must say what the original said).
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass

from swdesk import periods
from swdesk.models import Certificate, Worker
from swdesk.services import hours
from swdesk.services.base import UserError, audit, current, snapshot, writes


@dataclass
class IssuedCertificate:
    record: Certificate
    original: Certificate          # the first issue (== record unless a reprint)
    reprint: bool
    minutes: dict[str, int]        # by programme, as printed
    period: periods.Period

    @property
    def total_minutes(self) -> int:
        return sum(self.minutes.values())


def ledger_minutes(worker_id: int, period: periods.Period) -> dict[str, int]:
    """Minutes by programme from the ledger, in the order of vocab.PROGRAMMES, zero rows dropped."""
    from swdesk import vocab

    raw = hours.minutes_by_programme(worker_id, period.start, period.end)
    ordered = {p: raw[p] for p in vocab.PROGRAMMES if raw.get(p)}
    ordered.update({p: m for p, m in raw.items() if p not in ordered and m})
    return ordered


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
def issue(worker_id: int, period_label: str, today: _dt.date | None = None) -> IssuedCertificate:
    """Register a certificate for one worker and period (or a reprint of the matching one)."""
    period = periods.parse(period_label)
    worker = Worker.get_or_none(Worker.id == worker_id)
    if worker is None:
        raise UserError(f"找不到编号为 {worker_id} 的人员")
    today = today or _dt.date.today()
    minutes = ledger_minutes(worker.id, period)
    content = {"period": period.label, "start": period.start.isoformat(), "end": period.end.isoformat(),
               "minutes": minutes, "total_minutes": sum(minutes.values())}
    originals = (Certificate.select()
                 .where((Certificate.worker == worker.id) & (Certificate.period == period.label)
                        & Certificate.reprint_of.is_null())
                 .order_by(Certificate.id.desc()))
    operator = current().operator_name
    for original in originals:
        if json.loads(original.content or "{}").get("minutes") == minutes:
            reprints = Certificate.select().where(Certificate.reprint_of == original.id).count()
            record = Certificate.create(number=f"{original.number}-B{reprints + 1}", worker=worker.id,
                                        period=period.label, reprint_of=original.id, operator=operator,
                                        content=original.content)
            audit("reprint", record, after=snapshot(record),
                  summary=f"补打服务证明 {original.number}（{worker.name}，{period.label}）")
            return IssuedCertificate(record, original, True, minutes, period)
    number = _next_number(worker.office.street_code, today.year)
    record = Certificate.create(number=number, worker=worker.id, period=period.label, operator=operator,
                                content=json.dumps(content, ensure_ascii=False))
    audit("create", record, after=snapshot(record),
          summary=f"开具服务证明 {number}（{worker.name}，{period.label}）")
    return IssuedCertificate(record, record, False, minutes, period)


def history(worker_id: int) -> list[Certificate]:
    """The register's rows for one worker, newest first."""
    return list(Certificate.select().where(Certificate.worker == worker_id).order_by(Certificate.id.desc()))
