"""The talent demand plan (人才需求计划): target numbers by specialty, education, age band and title.

Stored as DemandTarget rows of the office; the quarterly workbook's 需求缺口 sheet compares them
with the active workers (swdesk/reports/demand.py).
"""
from __future__ import annotations

from collections.abc import Mapping

from swdesk.models import DemandTarget
from swdesk.reports import demand as demand_report
from swdesk.services.base import ValidationError, audit, default_office, writes

DIMENSIONS = tuple(demand_report.DIMENSIONS)
DIMENSION_TITLES = {key: title for key, (title, _header) in demand_report.DIMENSIONS.items()}
MAX_TARGET = 1_000_000

# The district report's plan of needed workers by specialty (the demo's example plan).
REPORT_PLAN = {
    "specialty": {"心理疏导": 60, "医疗卫生": 60, "法律援助": 30, "司法矫治": 20, "社区建设": 40,
                  "社会养老": 50, "慈善救济": 20},
}


def labels(dimension: str) -> list[str]:
    """The labels a dimension offers for editing, in vocabulary order."""
    _check_dimension(dimension)
    return demand_report.dimension_labels(dimension)


def targets(dimension: str) -> dict[str, int]:
    """{label: target} of the current office's plan for one dimension."""
    _check_dimension(dimension)
    office = default_office()
    query = (DemandTarget.select(DemandTarget.label, DemandTarget.target)
             .where((DemandTarget.office == office.id) & (DemandTarget.dimension == dimension))
             .order_by(DemandTarget.id).tuples())
    return {label: int(target) for label, target in query}


def _check_dimension(dimension: str) -> None:
    if dimension not in DIMENSIONS:
        raise ValidationError({"dimension": f"未知的需求维度“{dimension}”"})


def _validate(dimension: str, values: Mapping[str, object]) -> dict[str, int]:
    problems: dict[str, str] = {}
    if dimension not in DIMENSIONS:
        problems["dimension"] = f"未知的需求维度“{dimension}”"
    clean: dict[str, int] = {}
    for label, value in values.items():
        name = str(label or "").strip()
        if not name:
            problems["label"] = "类别名称不能为空"
            continue
        if len(name) > 30:
            problems[name] = "类别名称不能超过30个字"
            continue
        if value is None or value == "":
            continue  # an empty cell means no target
        try:
            number = int(value)
            if number != value and str(number) != str(value).strip():
                raise ValueError
        except (TypeError, ValueError):
            problems[name] = f"需求人数应为整数，现为“{value}”"
            continue
        if number < 0 or number > MAX_TARGET:
            problems[name] = f"需求人数应在 0 到 {MAX_TARGET} 之间"
            continue
        clean[name] = number
    if problems:
        raise ValidationError(problems)
    return clean


@writes("demand_target")
def set_targets(dimension: str, values: Mapping[str, object]) -> dict[str, int]:
    """Replace the office's plan for one dimension with `values` ({label: target}); a label with
    target 0 or empty is removed from the plan. Returns the plan as saved."""
    clean = _validate(dimension, values)
    office = default_office()
    before = targets(dimension)
    keep = {label: n for label, n in clean.items() if n > 0}
    DemandTarget.delete().where((DemandTarget.office == office.id)
                                & (DemandTarget.dimension == dimension)).execute()
    if keep:
        DemandTarget.insert_many([dict(office=office.id, dimension=dimension, label=label, target=n)
                                  for label, n in keep.items()]).execute()
    if before != keep:
        audit("update", table="demand_target", record_id=dimension, before=before, after=keep,
              summary=f"修改人才需求计划（{DIMENSION_TITLES[dimension]}）")
    return keep


@writes("demand_target")
def set_plan(plan: Mapping[str, Mapping[str, object]]) -> None:
    """Save several dimensions at once (the editing dialog): all or none."""
    problems: dict[str, str] = {}
    for dimension, values in plan.items():
        try:
            _validate(dimension, values)
        except ValidationError as exc:
            problems.update({f"{DIMENSION_TITLES.get(dimension, dimension)}·{k}": v
                             for k, v in exc.problems.items()})
    if problems:
        raise ValidationError(problems)
    for dimension, values in plan.items():
        set_targets(dimension, values)


def load_report_plan() -> None:
    """Set the district report's demand plan (used by the demo data and as an example)."""
    for dimension, values in REPORT_PLAN.items():
        set_targets(dimension, values)
