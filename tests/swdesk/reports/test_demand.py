"""The demand plan: set_targets validates and replaces a dimension; 需求缺口 compares with workers."""
from __future__ import annotations

import datetime as _dt

import pytest
from conftest import load_quarter_factory

from swdesk.models import AuditLog, DemandTarget, WorkerSpecialty
from swdesk.reports import demand as demand_report
from swdesk.services import demand
from swdesk.services.base import PermissionDenied, Session, ValidationError, set_session

qf = load_quarter_factory()


def test_set_targets_replaces_the_dimension_and_audits(office):
    demand.set_targets("specialty", {"心理疏导": 60, "法律援助": 30})
    assert demand.targets("specialty") == {"心理疏导": 60, "法律援助": 30}
    demand.set_targets("specialty", {"心理疏导": 50, "法律援助": 0, "医疗卫生": "60"})
    assert demand.targets("specialty") == {"心理疏导": 50, "医疗卫生": 60}
    assert AuditLog.select().where(AuditLog.table == "demand_target").count() == 2
    demand.set_targets("title", {"高级": 10})
    assert demand.targets("specialty") == {"心理疏导": 50, "医疗卫生": 60}


def test_set_targets_reports_every_problem_and_writes_nothing(office):
    demand.set_targets("education", {"大专": 5})
    with pytest.raises(ValidationError) as info:
        demand.set_targets("education", {"大专": -1, "本科及以上": "很多", "": 3})
    assert set(info.value.problems) == {"大专", "本科及以上", "label"}
    assert demand.targets("education") == {"大专": 5}
    with pytest.raises(ValidationError):
        demand.set_targets("colour", {"红": 1})


def test_read_only_operator_cannot_edit_the_plan(office):
    set_session(Session(role="只读"))
    with pytest.raises(PermissionDenied):
        demand.set_targets("title", {"高级": 1})
    assert DemandTarget.select().count() == 0


def test_gap_against_active_workers(office):
    demand.load_report_plan()
    demand.set_targets("age_band", {"35岁及以下": 2})
    w1 = qf.make_worker(office, 1, birth_date=_dt.date(1995, 1, 1))
    w2 = qf.make_worker(office, 2, birth_date=_dt.date(1996, 1, 1))
    w3 = qf.make_worker(office, 3, birth_date=_dt.date(1997, 1, 1), status="离队", left_on=_dt.date(2026, 1, 1))
    for w in (w1, w2, w3):
        WorkerSpecialty.create(worker=w, specialty="心理疏导")
    WorkerSpecialty.create(worker=w1, specialty="法律援助")
    tables = {t.key: t for t in demand_report.gap_tables(qf.END)}
    spec = tables["demand.specialty"].display()
    rows = {r[0]: r[1:] for r in spec.rows}
    assert rows["心理疏导"] == [60, 2, 58, pytest.approx(2 / 60)]
    assert rows["法律援助"] == [30, 1, 29, pytest.approx(1 / 30)]
    assert rows["合计"][0] == 280
    age = {r[0]: r[1:] for r in tables["demand.age_band"].display().rows}
    assert age["35岁及以下"] == [2, 2, 0, 1.0]
    assert age["36–45岁"][2] == 0 and age["36–45岁"][3] is None   # no target: no rate


def test_a_surplus_shows_as_no_gap(office):
    demand.set_targets("title", {"无": 1})
    for n in range(3):
        qf.make_worker(office, n, title="无")
    row = next(r for r in demand_report.gap_tables(qf.END)[3].display().rows if r[0] == "无")
    assert row[1:4] == [1, 3, 0]
