"""The service-hours ledger: every session and visit credits each worker present with its minutes.

One row per (source record, worker); crediting again replaces the rows of that source, so a
visit edited later never counts twice. Certificates and the quarterly workbook read only this.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from peewee import fn

from swdesk import vocab
from swdesk.models import ServiceHours


def credit(programme: str, source: str, source_id: int, date: _dt.date, minutes: int,
           worker_ids: Iterable[int]) -> int:
    """Credit `minutes` to each distinct worker for one session/visit; call inside the writer's
    transaction. Returns the number of workers credited."""
    if programme not in vocab.PROGRAMMES:
        raise ValueError(f"unknown programme {programme!r}")
    uncredit(source, source_id)
    ids = sorted(set(worker_ids))
    if ids and minutes > 0:
        ServiceHours.insert_many(
            [dict(worker=w, programme=programme, date=date, minutes=int(minutes), source=source,
                  source_id=source_id) for w in ids]
        ).execute()
    return len(ids) if minutes > 0 else 0


def uncredit(source: str, source_id: int) -> None:
    """Remove the credit of one session/visit (when it is deleted or re-credited)."""
    ServiceHours.delete().where(
        (ServiceHours.source == source) & (ServiceHours.source_id == source_id)).execute()


def minutes_by_programme(worker_id: int, start: _dt.date | None = None,
                         end: _dt.date | None = None) -> dict[str, int]:
    """Total minutes of one worker per programme between start and end (inclusive)."""
    query = (ServiceHours.select(ServiceHours.programme, fn.SUM(ServiceHours.minutes).alias("m"))
             .where(ServiceHours.worker == worker_id))
    if start:
        query = query.where(ServiceHours.date >= start)
    if end:
        query = query.where(ServiceHours.date <= end)
    rows = query.group_by(ServiceHours.programme).tuples()
    return {programme: int(m or 0) for programme, m in rows}


def minutes_by_quarter(worker_id: int) -> list[tuple[str, str, int]]:
    """(quarter like '2026Q4', programme, minutes) for one worker, newest quarter first.

    The database sums by year and month (peewee's portable date parts), so at most twelve rows
    per programme and year come back however many sessions the worker has; Python folds the
    months into quarters."""
    year, month = ServiceHours.date.year, ServiceHours.date.month
    rows = (ServiceHours
            .select(year, month, ServiceHours.programme, fn.SUM(ServiceHours.minutes))
            .where(ServiceHours.worker == worker_id)
            .group_by(year, month, ServiceHours.programme)
            .tuples())
    totals: dict[tuple[str, str], int] = {}
    for y, m, programme, minutes in rows:
        key = (f"{int(y)}Q{(int(m) - 1) // 3 + 1}", programme)
        totals[key] = totals.get(key, 0) + int(minutes or 0)
    return sorted(((q, p, m) for (q, p), m in totals.items()), key=lambda r: (r[0], r[1]), reverse=True)
