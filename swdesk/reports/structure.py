"""队伍结构: the active workforce at a period's end, counted in SQL by each dimension.

Active at the end of the period = joined on or before the end (or no join date), and either 在册,
or 离队 after the end. Age bands are the age on the period's last day: each band is a range of
birth dates (vocab.age_band_birth_range), so someone turning 36 on the last day is 36–45岁.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from peewee import Case, Expression, fn

from swdesk import vocab
from swdesk.models import VocabItem, Worker, WorkerSpecialty
from swdesk.reports.tables import Table, labelled_counts
from swdesk.services.base import current

SHEET = "队伍结构"

# (key, worker column, block title, labels, chart). Age and party blocks are computed apart.
_COLUMN_DIMENSIONS = (
    ("sector", "sector", "所属领域", vocab.SECTORS, "pie"),
    ("education", "education", "学历", vocab.EDUCATIONS, "pie"),
    ("title", "title", "职称", vocab.TITLES, "bar"),
    ("sw_level", "sw_level", "社工职业水平", vocab.SW_LEVELS, "bar"),
    ("kind", "kind", "人员类别", vocab.WORKER_KINDS, "pie"),
    ("political", "political_status", "政治面貌", vocab.POLITICAL_STATUSES, "bar"),
)
BLOCK_ORDER = ("sector", "age_band", "education", "title", "sw_level", "kind", "political", "party")
PARTY_LABELS = ("中共党员（含预备党员）", "非党员")


def office_condition(field) -> Expression | None:
    """Limit to the session's office; None for a district user (all offices)."""
    office_id = current().office_id
    return None if office_id is None else (field == office_id)


def active_condition(end: _dt.date) -> Expression:
    """Workers active at `end` (see the module's docstring)."""
    joined = Worker.joined_on.is_null() | (Worker.joined_on <= end)
    on_roll = (Worker.status == vocab.STATUS_ACTIVE) | (
        (Worker.status == vocab.STATUS_LEFT) & Worker.left_on.is_null(False) & (Worker.left_on > end))
    condition = joined & on_roll
    scope = office_condition(Worker.office)
    return condition if scope is None else condition & scope


def count_by(column, end: _dt.date) -> dict[Any, int]:
    """{value: number of active workers} for one Worker column."""
    query = (Worker.select(column, fn.COUNT(Worker.id)).where(active_condition(end))
             .group_by(column).tuples())
    return {value: int(n) for value, n in query}


def total_active(end: _dt.date) -> int:
    return Worker.select(fn.COUNT(Worker.id)).where(active_condition(end)).scalar() or 0


def count_by_age_band(end: _dt.date) -> dict[str, int]:
    """{band: count}, one row of SUM(CASE …) so that no engine has to group by an expression."""
    row = Worker.select(*band_sums(end)).where(active_condition(end)).tuples().first()
    return {label: int(n or 0) for label, n in zip(vocab.AGE_BANDS, row or (), strict=False)}


def specialty_labels() -> list[str]:
    """The built-in specialties then the ones the office added (VocabItem kind 'specialty')."""
    labels = list(vocab.SPECIALTIES)
    extra = (VocabItem.select(VocabItem.label).where(VocabItem.kind == "specialty")
             .order_by(VocabItem.position, VocabItem.id).tuples())
    labels += [label for (label,) in extra if label not in labels]
    return labels


def count_by_specialty(end: _dt.date) -> dict[str, int]:
    """Active workers having each specialty (a worker with two specialties counts in both)."""
    query = (WorkerSpecialty.select(WorkerSpecialty.specialty, fn.COUNT(fn.DISTINCT(Worker.id)))
             .join(Worker).where(active_condition(end))
             .group_by(WorkerSpecialty.specialty).tuples())
    return {label: int(n) for label, n in query}


def band_sums(end: _dt.date) -> list:
    """One SUM(CASE …) column per age band: 1 for a worker whose birth date is in the band."""
    columns = []
    for label in vocab.AGE_BANDS:
        earliest, latest = vocab.age_band_birth_range(label, end)
        cond = None
        if earliest is not None:
            cond = Worker.birth_date >= earliest
        if latest is not None:
            upper = Worker.birth_date <= latest
            cond = upper if cond is None else cond & upper
        columns.append(fn.SUM(Case(None, [(cond, 1)], 0)))
    return columns


def structure_counts(end: _dt.date) -> dict[str, dict[Any, int]]:
    """Every structure dimension's counts from one scan of the active workers: grouped by all
    the label columns at once (a few thousand groups at most), then added up per dimension."""
    columns = [getattr(Worker, column) for _key, column, *_rest in _COLUMN_DIMENSIONS]
    query = (Worker.select(*columns, fn.COUNT(Worker.id), *band_sums(end))
             .where(active_condition(end)).group_by(*columns).tuples())
    counts: dict[str, dict[Any, int]] = {key: {} for key, *_rest in _COLUMN_DIMENSIONS}
    counts["age_band"] = dict.fromkeys(vocab.AGE_BANDS, 0)
    counts["party"] = {"member": 0, "total": 0}
    n_cols = len(columns)
    for row in query:
        values, n, bands = row[:n_cols], int(row[n_cols]), row[n_cols + 1:]
        for (key, *_rest), value in zip(_COLUMN_DIMENSIONS, values, strict=True):
            counts[key][value] = counts[key].get(value, 0) + n
        for label, k in zip(vocab.AGE_BANDS, bands, strict=True):
            counts["age_band"][label] += int(k or 0)
        counts["party"]["total"] += n
        if values[-1] in vocab.PARTY_MEMBER_STATUSES:   # political_status is the last column
            counts["party"]["member"] += n
    return counts


def structure_tables(end: _dt.date, counts: dict[str, dict[Any, int]] | None = None) -> list[Table]:
    """The 队伍结构 blocks in BLOCK_ORDER: each 人数 by label (占比 and 合计 are derived)."""
    counts = counts or structure_counts(end)
    tables: dict[str, Table] = {}
    for key, _column, title, labels, chart in _COLUMN_DIMENSIONS:
        tables[key] = _block(key, title, labelled_counts(labels, counts[key]), chart)
    tables["age_band"] = _block("age_band", "年龄段", labelled_counts(
        vocab.AGE_BANDS, counts["age_band"], other=False), "bar")
    party, total = counts["party"]["member"], counts["party"]["total"]
    tables["party"] = _block("party", "党员情况", [[PARTY_LABELS[0], party],
                                                  [PARTY_LABELS[1], total - party]], "pie")
    return [tables[key] for key in BLOCK_ORDER]


def _block(key: str, title: str, rows: list[list[Any]], chart: str) -> Table:
    return Table(key=f"structure.{key}", sheet=SHEET, title=title, label_header="类别",
                 columns=["人数"], rows=rows, kind="share", chart=chart)
