"""需求缺口: the talent demand plan (DemandTarget) against the active workers at a period's end.

Shown as 需求 and 现有; the derived 缺口 is max(需求 − 现有, 0) — a label with more workers than
planned shows 0 (no shortage), not a negative number — and 完成率 = 现有 ÷ 需求.
"""
from __future__ import annotations

import datetime as _dt

from swdesk import vocab
from swdesk.models import DemandTarget, Worker
from swdesk.reports import structure
from swdesk.reports.structure import office_condition
from swdesk.reports.tables import Table

SHEET = "需求缺口"
GAP_NOTE = ("缺口 = 需求 − 现有（现有已达到需求时记为 0）；完成率 = 现有 ÷ 需求；"
            "合计行的完成率 =（需求 − 缺口）÷ 需求")
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
    tables = []
    for dimension, (title, header) in DIMENSIONS.items():
        need = targets(dimension)
        now = have(dimension, end, counts)
        labels = dimension_labels(dimension)
        labels += [label for label in need if label not in labels]
        rows = [[label, need.get(label, 0), now.get(label, 0)] for label in labels]
        tables.append(Table(key=f"demand.{dimension}", sheet=SHEET, title=title,
                            label_header=header, columns=["需求", "现有"], rows=rows, kind="gap",
                            note=(SPECIALTY_NOTE if dimension == "specialty" else "") + GAP_NOTE))
    return tables
