"""社区家庭病床: low-income (低保) households with a sick member, the medical volunteers
assigned to them, and a visit log with the next visit due.

A household is overdue at a date when the next visit due (set by its latest visit; for a
household never visited, `visit_every_days` after it was added) is before that date. Lists
show overdue households first and mask ID numbers and phones.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, fn

from swdesk.models import Community, HomeVisit, HomeVisitWorker, Household, HouseholdWorker, Worker
from swdesk.privacy import mask_id, mask_phone
from swdesk.services import hours, versions, vocabulary
from swdesk.services.base import UserError, ValidationError, audit, default_office, scoped, snapshot, writes
from swdesk.services.fieldcheck import Checker, join_labels

PROGRAMME = "家庭病床"
SOURCE = "home_visit"

# Field labels for conflict messages ("what the other clerk changed").
HOUSEHOLD_LABELS = {
    "head_name": "户主", "head_id_number": "户主身份证号", "phone": "电话", "address": "地址",
    "community": "社区", "dibao_no": "低保证号", "members": "家庭人数", "member_notes": "家庭成员情况",
    "conditions": "病情", "visit_every_days": "探访间隔（天）", "active": "在用", "added_on": "建床日期",
    "worker_ids": "负责人员",
}
VISIT_LABELS = {"date": "日期", "minutes": "时长（分钟）", "services": "服务内容", "findings": "情况记录",
                "next_due": "下次上门", "worker_ids": "参加人员"}


@dataclass
class HouseholdRow:
    """One line of the households list: ID number and phone masked."""

    id: int
    head: str
    id_number: str
    phone: str
    address: str
    community: str
    dibao_no: str
    members: int
    conditions: str
    visit_every_days: int
    workers: str
    last_visit: _dt.date | None
    due: _dt.date
    overdue: bool
    days_overdue: int
    active: bool


@dataclass
class VisitRow:
    id: int
    household_id: int
    date: _dt.date
    minutes: int
    services: str
    findings: str
    next_due: _dt.date | None
    version: int
    worker_ids: list[int] = field(default_factory=list)
    workers: list[str] = field(default_factory=list)


def _as_date(value: Any) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


def communities() -> list[tuple[int, str]]:
    """(id, name) of the office's communities, for the form's drop-down."""
    query = scoped(Community.select(Community.id, Community.name), Community).order_by(Community.name)
    return [(c.id, c.name) for c in query]


# --- reading ------------------------------------------------------------------------------------

def due_date(household: Household, last_next_due: _dt.date | None, last_visit: _dt.date | None) -> _dt.date:
    """The day the next visit is due: what the latest visit set, else the plan's frequency."""
    every = _dt.timedelta(days=household.visit_every_days)
    if last_visit is not None:
        return last_next_due or (last_visit + every)
    return household.added_on + every


def list_households(filters: dict[str, Any] | None = None, on: _dt.date | None = None) -> list[HouseholdRow]:
    """Households at `on`: overdue first (most overdue at the top), then by due date.
    filters: community_id, text (head, address or 低保证号), overdue_only, include_inactive."""
    filters = filters or {}
    on = on or _dt.date.today()
    latest = (HomeVisit.select(HomeVisit.next_due)
              .where((HomeVisit.household == Household.id) & (HomeVisit.date <= on))
              .order_by(HomeVisit.date.desc(), HomeVisit.id.desc()).limit(1))
    last = (HomeVisit.select(fn.MAX(HomeVisit.date))
            .where((HomeVisit.household == Household.id) & (HomeVisit.date <= on)))
    query = (Household
             .select(Household, Community.name.alias("community_name"), latest.alias("last_due"),
                     last.alias("last_visit"))
             .join(Community, JOIN.LEFT_OUTER, on=(Household.community == Community.id)))
    query = scoped(query, Household)
    if not filters.get("include_inactive"):
        query = query.where(Household.active == True)  # noqa: E712
    if filters.get("community_id"):
        query = query.where(Household.community == filters["community_id"])
    text = (filters.get("text") or "").strip()
    if text:
        like = f"%{text}%"
        query = query.where(Household.head_name ** like | Household.address ** like
                            | Household.dibao_no ** like)
    households = list(query.objects())
    names = _assigned_names([h.id for h in households])
    rows = []
    for h in households:
        last_visit = _as_date(h.last_visit)
        due = due_date(h, _as_date(h.last_due), last_visit)
        overdue = h.active and due < on
        row = HouseholdRow(
            id=h.id, head=h.head_name, id_number=mask_id(h.head_id_number),
            phone=mask_phone(h.phone), address=h.address, community=h.community_name or "",
            dibao_no=h.dibao_no, members=h.members, conditions=h.conditions,
            visit_every_days=h.visit_every_days, workers="、".join(names.get(h.id, [])),
            last_visit=last_visit, due=due, overdue=overdue,
            days_overdue=(on - due).days if overdue else 0, active=h.active,
        )
        if filters.get("overdue_only") and not overdue:
            continue
        rows.append(row)
    rows.sort(key=lambda r: (not r.overdue, r.due, r.head))
    return rows


def overdue_households(on: _dt.date) -> list[HouseholdRow]:
    return list_households({"overdue_only": True}, on)


def _assigned_names(household_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if not household_ids:
        return out
    rows = (HouseholdWorker.select(HouseholdWorker.household, Worker.name).join(Worker)
            .where(HouseholdWorker.household.in_(household_ids)).order_by(Worker.name).tuples())
    for household_id, name in rows:
        out.setdefault(household_id, []).append(name)
    return out


def get_household(household_id: int) -> Household:
    """The full record (ID number and phone unmasked) for the detail pane and the form."""
    household = scoped(Household.select(), Household).where(Household.id == household_id).first()
    if household is None:
        raise UserError(f"找不到编号为{household_id}的家庭病床户")
    return household


def household_form(household_id: int) -> dict[str, Any]:
    h = get_household(household_id)
    return {"head_name": h.head_name, "head_id_number": h.head_id_number or "", "phone": h.phone,
            "address": h.address, "community_id": h.community_id, "dibao_no": h.dibao_no,
            "members": h.members, "member_notes": h.member_notes, "conditions": h.conditions,
            "visit_every_days": h.visit_every_days, "added_on": h.added_on,
            "worker_ids": assigned_worker_ids(household_id)}


def assigned_workers(household_id: int) -> list[Worker]:
    return list(Worker.select().join(HouseholdWorker, on=(HouseholdWorker.worker == Worker.id))
                .where(HouseholdWorker.household == household_id).order_by(Worker.name))


def assigned_worker_ids(household_id: int) -> list[int]:
    return [w.id for w in assigned_workers(household_id)]


def visits(household_id: int) -> list[VisitRow]:
    get_household(household_id)
    query = (HomeVisit.select().where(HomeVisit.household == household_id)
             .order_by(HomeVisit.date.desc(), HomeVisit.id.desc()))
    rows = {v.id: VisitRow(id=v.id, household_id=v.household_id, date=v.date, minutes=v.minutes,
                           services=v.services, findings=v.findings, next_due=v.next_due,
                           version=v.version) for v in query}
    if rows:
        for visit_id, worker_id, name in (HomeVisitWorker.select(HomeVisitWorker.visit, Worker.id, Worker.name)
                                          .join(Worker).where(HomeVisitWorker.visit.in_(list(rows)))
                                          .order_by(Worker.name).tuples()):
            rows[visit_id].worker_ids.append(worker_id)
            rows[visit_id].workers.append(name)
    return list(rows.values())


def get_visit(visit_id: int) -> VisitRow:
    visit = HomeVisit.get_or_none(HomeVisit.id == visit_id)
    if visit is None:
        raise UserError(f"找不到编号为{visit_id}的病床探访记录")
    return next(v for v in visits(visit.household_id) if v.id == visit_id)


# --- households ---------------------------------------------------------------------------------

def _check_household(data: dict[str, Any], household_id: int | None) -> dict[str, Any]:
    c = Checker(data)
    values: dict[str, Any] = {"head_name": c.text("head_name", required=True, max_len=50)}
    values["head_id_number"] = c.id_number("head_id_number")
    values["phone"] = c.phone("phone", required=True)
    values["address"] = c.text("address", required=True, max_len=200)
    community_id = data.get("community_id") or None
    if community_id is None:
        c.fail("community_id", "请选择社区")
    elif not scoped(Community.select(), Community).where(Community.id == community_id).exists():
        c.fail("community_id", "社区不存在")
    values["community"] = community_id
    values["dibao_no"] = c.text("dibao_no", required=True, max_len=30)
    if values["dibao_no"]:
        clash = scoped(Household.select(), Household).where(Household.dibao_no == values["dibao_no"])
        if household_id:
            clash = clash.where(Household.id != household_id)
        if clash.exists():
            c.fail("dibao_no", "已有同一低保证号的家庭")
    values["members"] = c.integer("members", 1, 20, unit="人", default=1)
    values["member_notes"] = c.text("member_notes", max_len=2000)
    values["conditions"] = c.text("conditions", required=True, max_len=2000)
    values["visit_every_days"] = c.integer("visit_every_days", 1, 180, unit="天", default=14)
    values["added_on"] = c.date("added_on", required=False, not_after=_dt.date.today()) or _dt.date.today()
    worker_ids = sorted({int(w) for w in data.get("worker_ids") or []})
    if worker_ids:
        found = scoped(Worker.select(Worker.id), Worker).where(Worker.id.in_(worker_ids)).count()
        if found != len(worker_ids):
            c.fail("worker_ids", "所选医疗志愿者中有人不存在")
    c.raise_if_any()
    values["worker_ids"] = worker_ids
    return values


def _set_workers(household: Household, worker_ids: list[int]) -> None:
    HouseholdWorker.delete().where(HouseholdWorker.household == household.id).execute()
    if worker_ids:
        HouseholdWorker.insert_many([{"household": household.id, "worker": w} for w in worker_ids]).execute()


@writes("household")
def create_household(data: dict[str, Any]) -> Household:
    values = _check_household(data, None)
    worker_ids = values.pop("worker_ids")
    household = Household.create(office=default_office(), **values)
    _set_workers(household, worker_ids)
    audit("create", household, after={**snapshot(household), "worker_ids": worker_ids},
          summary=f"新增家庭病床户 {household.head_name}")
    return household


@writes("household")
def update_household(household_id: int, data: dict[str, Any], version: int | None = None) -> Household:
    household = get_household(household_id)
    versions.require(household, version, "家庭病床户", HOUSEHOLD_LABELS)
    old = household_form(household_id)
    values = _check_household({**old, **data}, household_id)
    worker_ids = values.pop("worker_ids")
    before = {**snapshot(household), "worker_ids": old["worker_ids"]}
    versions.save(household, values, version, "家庭病床户", HOUSEHOLD_LABELS)
    _set_workers(household, worker_ids)
    audit("update", household, before=before, after={**snapshot(household), "worker_ids": worker_ids},
          summary=f"修改家庭病床户 {household.head_name}")
    return household


@writes("household")
def set_household_active(household_id: int, active: bool, reason: str = "",
                         version: int | None = None) -> Household:
    """Close a household's sickbed (recovered, moved, passed away …: reason required) or reopen it."""
    household = get_household(household_id)
    versions.require(household, version, "家庭病床户", HOUSEHOLD_LABELS)
    if not active and not (reason or "").strip():
        raise ValidationError({"reason": "撤床须填写原因"})
    before = snapshot(household)
    changes: dict[str, Any] = {"active": bool(active)}
    if not active:
        note = f"{_dt.date.today():%Y-%m-%d} 撤床：{reason.strip()}"
        changes["member_notes"] = (household.member_notes + "\n" + note).strip()
    versions.save(household, changes, version, "家庭病床户", HOUSEHOLD_LABELS)
    audit("update", household, before=before, after=snapshot(household),
          summary=f"{'恢复' if active else '撤销'}家庭病床 {household.head_name} {reason}".strip())
    return household


# --- visits -------------------------------------------------------------------------------------

def _check_visit(household: Household, data: dict[str, Any]) -> dict[str, Any]:
    c = Checker(data)
    date = c.date("date", not_after=_dt.date.today())
    if date and date < household.added_on:
        c.fail("date", f"不能早于建床日期{household.added_on:%Y-%m-%d}")
    next_due = c.date("next_due", required=False)
    if date and next_due and next_due <= date:
        c.fail("next_due", "应晚于本次探访日期")
    if date and next_due and (next_due - date).days > 366:
        c.fail("next_due", "距本次探访不应超过一年")
    if date and not next_due:
        next_due = date + _dt.timedelta(days=household.visit_every_days)
    worker_ids = sorted({int(w) for w in data.get("worker_ids") or []})
    if not worker_ids:
        c.fail("worker_ids", "请至少选择一名参加探访的人员")
    elif scoped(Worker.select(Worker.id), Worker).where(Worker.id.in_(worker_ids)).count() != len(worker_ids):
        c.fail("worker_ids", "所选人员中有人不存在")
    values = {
        "date": date,
        "minutes": c.integer("minutes", 1, 720, unit="分钟"),
        "services": join_labels(c.choices("services", vocabulary.items("homebed_service"))),
        "findings": c.text("findings", max_len=5000),
        "next_due": next_due,
    }
    if not values["services"]:
        c.fail("services", "请至少选择一项服务内容")
    c.raise_if_any()
    values["worker_ids"] = worker_ids
    return values


def _write_workers(visit: HomeVisit, worker_ids: list[int]) -> None:
    HomeVisitWorker.delete().where(HomeVisitWorker.visit == visit.id).execute()
    if worker_ids:
        HomeVisitWorker.insert_many([{"visit": visit.id, "worker": w} for w in worker_ids]).execute()
    hours.credit(PROGRAMME, SOURCE, visit.id, visit.date, visit.minutes, worker_ids)


@writes("home_visit")
def add_visit(household_id: int, date: _dt.date, minutes: int, services: list[str] | str,
              worker_ids: list[int], findings: str = "", next_due: _dt.date | None = None) -> HomeVisit:
    """Log a visit; `next_due` defaults to the date plus the household's visit frequency."""
    household = get_household(household_id)
    values = _check_visit(household, {"date": date, "minutes": minutes, "services": services,
                                      "worker_ids": worker_ids, "findings": findings, "next_due": next_due})
    worker_ids = values.pop("worker_ids")
    visit = HomeVisit.create(household=household, **values)
    _write_workers(visit, worker_ids)
    audit("create", visit, after={**snapshot(visit), "worker_ids": worker_ids},
          summary=f"病床探访 {household.head_name} {visit.date}")
    return visit


@writes("home_visit")
def update_visit(visit_id: int, date: _dt.date, minutes: int, services: list[str] | str,
                 worker_ids: list[int], findings: str = "", next_due: _dt.date | None = None,
                 version: int | None = None) -> HomeVisit:
    old = get_visit(visit_id)
    visit = HomeVisit.get_by_id(visit_id)
    versions.require(visit, version, "探访记录", VISIT_LABELS)
    household = get_household(visit.household_id)
    values = _check_visit(household, {"date": date, "minutes": minutes, "services": services,
                                      "worker_ids": worker_ids, "findings": findings, "next_due": next_due})
    worker_ids = values.pop("worker_ids")
    before = {**snapshot(visit), "worker_ids": old.worker_ids}
    versions.save(visit, values, version, "探访记录", VISIT_LABELS)
    _write_workers(visit, worker_ids)
    audit("update", visit, before=before, after={**snapshot(visit), "worker_ids": worker_ids},
          summary=f"修改病床探访 {household.head_name} {visit.date}")
    return visit


@writes("home_visit")
def delete_visit(visit_id: int) -> None:
    old = get_visit(visit_id)
    visit = HomeVisit.get_by_id(visit_id)
    household = get_household(visit.household_id)
    before = {**snapshot(visit), "worker_ids": old.worker_ids}
    hours.uncredit(SOURCE, visit.id)
    HomeVisitWorker.delete().where(HomeVisitWorker.visit == visit_id).execute()
    visit.delete_instance()
    audit("delete", table="home_visit", record_id=visit_id, before=before,
          summary=f"删除病床探访 {household.head_name} {before['date']}")
