"""需求缺口: the talent demand plan (DemandTarget) against the active workers at a period's end.

Shown as 需求 and 现有; the derived 缺口 is max(需求 − 现有, 0) — a label with more workers than
planned shows 0 (no shortage), not a negative number — and 完成率 = 现有 ÷ 需求. Over several
streets the 缺口 is the sum of each street's own (缺口 = Σ max(需求 − 现有, 0)): a surplus of
social workers in one street does not fill another street's need (streets with gaps of 17 and 0
showed 15 when the plan and the workers were netted first).
"""
from __future__ import annotations

import datetime as _dt

from peewee import fn

from swdesk import vocab
from swdesk.models import DemandTarget, Worker, WorkerSpecialty
from swdesk.reports import structure
from swdesk.reports.structure import active_condition, office_condition
from swdesk.reports.tables import Table

SHEET = "需求缺口"
GAP_NOTE = ("缺口 = 需求 − 现有（现有已达到需求时记为 0；多个街道时为各街道缺口之和）；"
            "完成率 = 现有 ÷ 需求；合计行的完成率 =（需求 − 缺口）÷ 需求")
SPECIALTY_NOTE = "一人可有多项专业特长，各项分别计数。"

# dimension → (block title, label header)
DIMENSIONS = {
    "specialty": ("专业特长", "专业特长"),
    "education": ("学历", "学历"),
    "age_band": ("年龄段", "年龄段"),
    "title": ("职称", "职称"),
}


def dimension_labels(dimension: str) -> list[str]:
    """The labels a dimension of the plan is made of, in vocabulary order."""
    if dimension == "specialty":
        return structure.specialty_labels()
    return list({"education": vocab.EDUCATIONS, "age_band": vocab.AGE_BANDS,
                 "title": vocab.TITLES}[dimension])


def targets(dimension: str) -> dict[str, int]:
    """{label: target} of the plan for one dimension (summed over offices for a district user)."""
    out: dict[str, int] = {}
    query = DemandTarget.select(DemandTarget.label, DemandTarget.target).where(
        DemandTarget.dimension == dimension)
    scope = office_condition(DemandTarget.office)
    if scope is not None:
        query = query.where(scope)
    for label, target in query.tuples():
        out[label] = out.get(label, 0) + int(target)
    return out


def have(dimension: str, end: _dt.date,
         counts: dict[str, dict] | None = None) -> dict[str, int]:
    """Active workers by label; `counts` (structure.structure_counts) saves a scan."""
    if counts is not None and dimension in counts:
        return counts[dimension]
    if dimension == "specialty":
        return structure.count_by_specialty(end)
    if dimension == "age_band":
        return structure.count_by_age_band(end)
    return structure.count_by(getattr(Worker, dimension), end)


def gap_tables(end: _dt.date, counts: dict[str, dict] | None = None) -> list[Table]:
    """One block per dimension: every label of the vocabulary, then plan labels outside it."""
    several = office_condition(Worker.office) is None
    tables = []
    for dimension, (title, header) in DIMENSIONS.items():
        need = targets(dimension)
        now = have(dimension, end, counts)
        labels = dimension_labels(dimension)
        labels += [label for label in need if label not in labels]
        rows = [[label, need.get(label, 0), now.get(label, 0)] for label in labels]
        table = Table(key=f"demand.{dimension}", sheet=SHEET, title=title,
                      label_header=header, columns=["需求", "现有"], rows=rows, kind="gap",
                      note=(SPECIALTY_NOTE if dimension == "specialty" else "") + GAP_NOTE)
        if several:
            table.gaps = street_gaps(dimension, end, labels)
        tables.append(table)
    return tables


def street_gaps(dimension: str, end: _dt.date, labels: list[str]) -> list[int]:
    """Per label, the sum over offices of max(需求 − 现有, 0) (all offices: a district user)."""
    need: dict[tuple[int, str], int] = {}
    for office, label, target in DemandTarget.select(
            DemandTarget.office, DemandTarget.label, DemandTarget.target).where(
            DemandTarget.dimension == dimension).tuples():
        need[(office, label)] = need.get((office, label), 0) + int(target)
    now = _have_by_office(dimension, end)
    gaps = dict.fromkeys(labels, 0)
    for (office, label), target in need.items():
        if label in gaps:
            gaps[label] += max(target - now.get((office, label), 0), 0)
    return [gaps[label] for label in labels]


def _have_by_office(dimension: str, end: _dt.date) -> dict[tuple[int, str], int]:
    """{(office id, label): active workers} in one grouped query."""
    active = active_condition(end)
    if dimension == "age_band":
        query = (Worker.select(Worker.office, *structure.band_sums(end)).where(active)
                 .group_by(Worker.office).tuples())
        return {(row[0], label): int(n or 0) for row in query
                for label, n in zip(vocab.AGE_BANDS, row[1:], strict=True)}
    if dimension == "specialty":
        query = (WorkerSpecialty.select(Worker.office, WorkerSpecialty.specialty,
                                        fn.COUNT(fn.DISTINCT(Worker.id)))
                 .join(Worker).where(active).group_by(Worker.office, WorkerSpecialty.specialty))
    else:
        column = getattr(Worker, dimension)
        query = Worker.select(Worker.office, column, fn.COUNT(Worker.id)).where(active).group_by(
            Worker.office, column)
    return {(office, label): int(n) for office, label, n in query.tuples()}
