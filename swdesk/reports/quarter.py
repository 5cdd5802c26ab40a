"""The quarterly report as data: every table of the workbook and the dashboard for one period.

`build(period)` computes it from the database; swdesk/xlsx/quarter.py writes it and reads it back
(the district roll-up sums read-back reports), the dashboard shows it.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, fn

from swdesk import db, jobs, periods, vocab
from swdesk.jobs import Progress
from swdesk.models import Community, HotlineRequest, Office, ServiceHours, Worker
from swdesk.privacy import mask_id
from swdesk.reports import demand, records, services, structure
from swdesk.reports.structure import active_condition, office_condition
from swdesk.reports.tables import Table, merge_tables
from swdesk.services import scope
from swdesk.services.base import current

ROSTER_HEADERS = ("序号", "街道", "社区", "姓名", "性别", "身份证号", "年龄段", "所属领域", "学历",
                  "职称", "社工职业水平", "专业特长", "政治面貌", "人员类别", "加入日期")


@dataclass
class QuarterReport:
    period: periods.Period            # 2026Q4
    office: str                       # the centre's name, or the district roll-up's
    district: str
    streets: list[str]                # the streets counted (one for a street workbook)
    prepared_by: str
    prepared_on: _dt.date
    tables: list[Table] = field(default_factory=list)

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def sheets(self) -> list[str]:
        """Sheet names of the tables, in order of first appearance."""
        out: list[str] = []
        for table in self.tables:
            if table.sheet not in out:
                out.append(table.sheet)
        return out

    def tables_on(self, sheet: str) -> list[Table]:
        return [t for t in self.tables if t.sheet == sheet]


def period_title(p: periods.Period) -> str:
    """2026Q4 → '2026年第四季度（2026-10-01至2026-12-31）'."""
    names = "一二三四"
    if "Q" in p.label:
        year, q = p.label.split("Q")
        head = f"{year}年第{names[int(q) - 1]}季度"
    else:
        head = p.label
    return f"{head}（{p.start:%Y-%m-%d}至{p.end:%Y-%m-%d}）"


def offices() -> list[Office]:
    query = Office.select().order_by(Office.id)
    scope = office_condition(Office.id)
    return list(query.where(scope) if scope is not None else query)


def build(period: periods.Period, progress: Progress | None = None) -> QuarterReport:
    """Compute every table of the quarterly report for the session's office (or all offices)."""
    steps = 5
    jobs.report(progress, 0, steps)
    found = offices()
    if len(found) == 1:
        office_name, district = found[0].centre_name, found[0].district
    else:
        district = found[0].district if found else ""
        office_name = scope.title(found)   # "鲤城区（2个街道）": the same words as the window's title
    counts = structure.structure_counts(period.end)
    tables = structure.structure_tables(period.end, counts)
    jobs.report(progress, 1, steps)
    tables += services.service_tables(period)
    jobs.report(progress, 2, steps)
    tables += services.hotline_tables(period)
    jobs.report(progress, 3, steps)
    tables += services.training_tables(period)
    tables += demand.gap_tables(period.end, counts)
    tables += records.certified_tables(period) + records.star_tables(period)
    jobs.report(progress, 4, steps)
    return QuarterReport(period=period, office=office_name, district=district,
                         streets=[o.street for o in found], prepared_by=current().operator_name,
                         prepared_on=_dt.date.today(), tables=tables)


def merge_reports(reports: list[QuarterReport], prepared_by: str) -> QuarterReport:
    """The district report: counts summed table by table (shares are derived afresh when shown)."""
    first = reports[0]
    keys = [t.key for t in first.tables]
    tables = [merge_tables([r.table(key) for r in reports]) for key in keys]
    streets = [s for r in reports for s in r.streets]
    district = first.district
    return QuarterReport(period=first.period, office=f"{district}（{len(streets)}个街道汇总）",
                         district=district, streets=streets, prepared_by=prepared_by,
                         prepared_on=_dt.date.today(), tables=tables)


# --- the roster sheet -------------------------------------------------------------------------

def roster_query(end: _dt.date):
    return (Worker.select(Office.street, Community.name, Worker.name, Worker.gender,
                          Worker.id_number, Worker.birth_date, Worker.sector, Worker.education,
                          Worker.title, Worker.sw_level, Worker.specialties,
                          Worker.political_status, Worker.kind, Worker.joined_on)
            .join(Office, on=(Worker.office == Office.id))
            .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id))
            .where(active_condition(end))
            .order_by(Worker.office, Worker.id))


def roster_count(end: _dt.date) -> int:
    return structure.total_active(end)


def roster_rows(end: _dt.date) -> Iterator[list[Any]]:
    """The roster of active workers at `end`, one list per worker in ROSTER_HEADERS order,
    ID numbers masked, streamed from the cursor (never all rows in memory)."""
    # The plain cursor: peewee's conversion of every value (1.4 million) was a quarter of the
    # roster's time on 100,000 workers (bench/quarterly.py); only the two dates need one.
    cursor = db.database().execute(roster_query(end))
    for n, (street, community, name, gender, id_number, birth, sector, education, title,
            level, specialties, political, kind, joined) in enumerate(cursor, 1):
        birth, joined = _as_date(birth), _as_date(joined)
        band = vocab.age_band(birth, end) if birth else ""
        yield [n, street, community or "", name, gender, mask_id(id_number), band, sector,
               education, title, level, specialties, political, kind, joined]


def _as_date(value: Any) -> Any:
    """A date column's value as peewee's DateField gives it: ISO text (SQLite) parsed, a date
    (PostgreSQL) or None as it is, anything unparsable left as it is."""
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return value


# --- the dashboard's trend --------------------------------------------------------------------

def trend(labels: list[str]) -> list[tuple[str, float, int]]:
    """(quarter, service hours, hotline requests) for each quarter label, oldest first."""
    out = []
    for label in labels:
        p = periods.parse(label)
        hours = services.where_all(ServiceHours.select(fn.SUM(ServiceHours.minutes)).join(Worker),
                                (ServiceHours.date >= p.start) & (ServiceHours.date <= p.end),
                                office_condition(Worker.office)).scalar() or 0
        requests = services.hotline_query(p.start, p.end, fn.COUNT(HotlineRequest.id)).scalar() or 0
        out.append((p.label, int(hours) / 60, int(requests)))
    return out
