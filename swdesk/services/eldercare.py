"""扶老助老: groups of workers (members with roles) caring for elders, and their visit log.

An elder is in at most one group at a time: ElderAssignment rows are half-open periods
[start_date, end_date); moving an elder ends the open row on the day of the move and opens a new
one, so the history stays. Every visit credits its minutes once to each member present.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, fn

from swdesk import vocab
from swdesk.models import (
    Elder,
    ElderAssignment,
    ElderGroup,
    GroupMember,
    GroupVisit,
    GroupVisitElder,
    GroupVisitMember,
    Worker,
)
from swdesk.privacy import mask_id, mask_phone
from swdesk.services import hours, versions, vocabulary
from swdesk.services.base import (
    UserError,
    ValidationError,
    audit,
    default_office,
    scoped,
    snapshot,
    writes,
)
from swdesk.services.fieldcheck import Checker, join_labels, split_labels

PROGRAMME = "扶老助老"
SOURCE = "group_visit"
LEADER_ROLE = "组长"

# Field labels for conflict messages ("what the other clerk changed").
GROUP_LABELS = {"name": "小组名称", "leader": "组长", "site": "服务地点", "visit_every_days": "探访间隔（天）",
                "created_on": "成立日期", "active": "在用"}
MEMBER_LABELS = {"role": "角色", "left_on": "退出日期"}
ASSIGNMENT_LABELS = {"end_date": "离开日期"}
ELDER_LABELS = {"name": "姓名", "gender": "性别", "birth_date": "出生日期", "id_number": "身份证号",
                "home": "居住地", "room": "房间", "living": "居住状况", "needs": "需求",
                "emergency_contact": "紧急联系人", "emergency_phone": "紧急联系电话"}
VISIT_LABELS = {"date": "日期", "minutes": "时长（分钟）", "services": "服务内容", "notes": "备注",
                "member_ids": "参加成员", "elder_ids": "探访老人"}


@dataclass
class GroupRow:
    id: int
    name: str
    leader: str
    site: str
    visit_every_days: int
    members: int
    elders: int
    last_visit: _dt.date | None
    due: _dt.date
    overdue: bool
    active: bool


@dataclass
class ElderRow:
    """One line of the elders list: ID number and phone masked."""

    id: int
    name: str
    gender: str
    age: int
    id_number: str
    home: str
    room: str
    living: str
    group_id: int | None
    group: str
    emergency_contact: str
    emergency_phone: str


@dataclass
class VisitRow:
    id: int
    group_id: int
    date: _dt.date
    minutes: int
    services: str
    notes: str
    version: int
    member_ids: list[int] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    elder_ids: list[int] = field(default_factory=list)
    elders: list[str] = field(default_factory=list)


def _as_date(value: Any) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


def _mid(a: Any, lo: Any, hi: Any) -> Any:
    """SQL: a ∈ [lo, hi] where a NULL hi means open-ended."""
    return (lo <= a) & (hi.is_null() | (hi >= a))


# --- groups -------------------------------------------------------------------------------------

def list_groups(on: _dt.date | None = None, include_inactive: bool = False) -> list[GroupRow]:
    """Groups with head counts at `on`, the last visit up to `on` and whether the planned
    frequency was missed. Late groups first, then by name."""
    on = on or _dt.date.today()
    leader = Worker.alias("leader")
    members = (GroupMember.select(fn.COUNT(GroupMember.id))
               .where((GroupMember.group == ElderGroup.id) & (GroupMember.joined_on <= on)
                      & (GroupMember.left_on.is_null() | (GroupMember.left_on >= on))))
    elders = (ElderAssignment.select(fn.COUNT(ElderAssignment.id))
              .where((ElderAssignment.group == ElderGroup.id) & (ElderAssignment.start_date <= on)
                     & (ElderAssignment.end_date.is_null() | (ElderAssignment.end_date > on))))
    last = (GroupVisit.select(fn.MAX(GroupVisit.date))
            .where((GroupVisit.group == ElderGroup.id) & (GroupVisit.date <= on)))
    query = (ElderGroup
             .select(ElderGroup, leader.name.alias("leader_name"), members.alias("n_members"),
                     elders.alias("n_elders"), last.alias("last_visit"))
             .join(leader, JOIN.LEFT_OUTER, on=(ElderGroup.leader == leader.id)))
    query = scoped(query, ElderGroup)
    if not include_inactive:
        query = query.where(ElderGroup.active == True)  # noqa: E712
    rows = []
    for g in query.objects():
        last_visit = _as_date(g.last_visit)
        due = (last_visit or g.created_on) + _dt.timedelta(days=g.visit_every_days)
        rows.append(GroupRow(
            id=g.id, name=g.name, leader=g.leader_name or "", site=g.site,
            visit_every_days=g.visit_every_days, members=int(g.n_members or 0),
            elders=int(g.n_elders or 0), last_visit=last_visit, due=due,
            overdue=g.active and due < on, active=g.active,
        ))
    rows.sort(key=lambda r: (not r.overdue, r.name))
    return rows


def overdue_groups(on: _dt.date) -> list[GroupRow]:
    """Active groups whose last visit (or creation, if never visited) is older than their
    planned frequency at `on`."""
    return [row for row in list_groups(on) if row.overdue]


def get_group(group_id: int) -> ElderGroup:
    group = scoped(ElderGroup.select(), ElderGroup).where(ElderGroup.id == group_id).first()
    if group is None:
        raise UserError(f"找不到编号为{group_id}的扶老助老小组")
    return group


def group_form(group_id: int) -> dict[str, Any]:
    g = get_group(group_id)
    return {"name": g.name, "leader_id": g.leader_id, "site": g.site,
            "visit_every_days": g.visit_every_days, "created_on": g.created_on}


def _check_group(data: dict[str, Any], group_id: int | None) -> dict[str, Any]:
    c = Checker(data)
    name = c.text("name", required=True, max_len=50)
    if name:
        clash = scoped(ElderGroup.select(), ElderGroup).where(ElderGroup.name == name)
        if group_id:
            clash = clash.where(ElderGroup.id != group_id)
        if clash.exists():
            c.fail("name", f"已有名为“{name}”的小组")
    leader_id = data.get("leader_id") or None
    if leader_id and not scoped(Worker.select(), Worker).where(Worker.id == leader_id).exists():
        c.fail("leader_id", "组长不存在")
    values = {
        "name": name,
        "leader": leader_id,
        "site": c.text("site", max_len=100),
        "visit_every_days": c.integer("visit_every_days", 1, 365, unit="天", default=14),
        "created_on": c.date("created_on", required=False, not_after=_dt.date.today()) or _dt.date.today(),
    }
    c.raise_if_any()
    return values


def _ensure_leader_member(group: ElderGroup) -> None:
    """The leader is a member of the group (role 组长) from the day the group was set up."""
    if not group.leader_id:
        return
    today = _dt.date.today()
    current = GroupMember.select().where(
        (GroupMember.group == group.id) & (GroupMember.worker == group.leader_id)
        & (GroupMember.left_on.is_null() | (GroupMember.left_on >= today))).first()
    if current is None:
        member = GroupMember.create(group=group, worker=group.leader_id, role=LEADER_ROLE,
                                    joined_on=min(group.created_on, today))
        audit("create", member, after=snapshot(member), summary=f"{group.name} 组长加入")


@writes("elder_group")
def create_group(data: dict[str, Any]) -> ElderGroup:
    values = _check_group(data, None)
    group = ElderGroup.create(office=default_office(), **values)
    audit("create", group, after=snapshot(group), summary=f"新建扶老助老小组 {group.name}")
    _ensure_leader_member(group)
    return group


@writes("elder_group")
def update_group(group_id: int, data: dict[str, Any], version: int | None = None) -> ElderGroup:
    group = get_group(group_id)
    versions.require(group, version, "小组", GROUP_LABELS)
    values = _check_group({**group_form(group_id), **data}, group_id)
    before = snapshot(group)
    versions.save(group, values, version, "小组", GROUP_LABELS)
    audit("update", group, before=before, after=snapshot(group), summary=f"修改扶老助老小组 {group.name}")
    _ensure_leader_member(group)
    return group


@writes("elder_group")
def set_group_active(group_id: int, active: bool, reason: str = "", version: int | None = None) -> ElderGroup:
    """Stop (or resume) a group. Stopping needs a reason; its elders must be moved first."""
    group = get_group(group_id)
    versions.require(group, version, "小组", GROUP_LABELS)
    if not active:
        if not (reason or "").strip():
            raise ValidationError({"reason": "停止小组须填写原因"})
        if _open_assignments(group_id).exists():
            raise UserError("小组还有正在照顾的老人，请先把老人调到其他小组")
    before = snapshot(group)
    versions.save(group, {"active": bool(active)}, version, "小组", GROUP_LABELS)
    audit("update", group, before=before, after=snapshot(group),
          summary=f"{'恢复' if active else '停止'}扶老助老小组 {group.name} {reason}".strip())
    return group


# --- members ------------------------------------------------------------------------------------

def members(group_id: int, on: _dt.date | None = None, include_past: bool = False) -> list[GroupMember]:
    """Members (with .worker loaded) at `on` (default today); include_past adds those who left."""
    get_group(group_id)
    on = on or _dt.date.today()
    query = (GroupMember.select(GroupMember, Worker).join(Worker)
             .where(GroupMember.group == group_id).order_by(GroupMember.joined_on, GroupMember.id))
    if not include_past:
        query = query.where(_mid(on, GroupMember.joined_on, GroupMember.left_on))
    return list(query)


def _member_ids_at(group_id: int, on: _dt.date) -> set[int]:
    rows = (GroupMember.select(GroupMember.worker)
            .where((GroupMember.group == group_id) & _mid(on, GroupMember.joined_on, GroupMember.left_on))
            .tuples())
    return {w for (w,) in rows}


@writes("group_member")
def add_member(group_id: int, data: dict[str, Any]) -> GroupMember:
    group = get_group(group_id)
    c = Checker(data)
    worker_id = data.get("worker_id")
    if not worker_id:
        c.fail("worker_id", "请选择成员")
    elif not scoped(Worker.select(), Worker).where(Worker.id == worker_id).exists():
        c.fail("worker_id", "人员不存在")
    role = c.choice("role", vocabulary.items("elder_role"))
    joined = c.date("joined_on", not_after=_dt.date.today())
    if worker_id and joined:
        open_row = GroupMember.select().where(
            (GroupMember.group == group_id) & (GroupMember.worker == worker_id)
            & (GroupMember.left_on.is_null() | (GroupMember.left_on >= joined))).exists()
        if open_row:
            c.fail("worker_id", "此人已是本组成员")
    c.raise_if_any()
    member = GroupMember.create(group=group, worker=worker_id, role=role, joined_on=joined)
    audit("create", member, after=snapshot(member), summary=f"{group.name} 增加成员（{role}）")
    return member


@writes("group_member")
def update_member_role(member_id: int, role: str) -> GroupMember:
    member = _get_member(member_id)
    c = Checker({"role": role})
    role = c.choice("role", vocabulary.items("elder_role"))
    c.raise_if_any()
    before = snapshot(member)
    versions.save(member, {"role": role}, None, "小组成员", MEMBER_LABELS)
    audit("update", member, before=before, after=snapshot(member), summary=f"成员角色改为{role}")
    return member


@writes("group_member")
def end_membership(member_id: int, left_on: _dt.date) -> GroupMember:
    """A member leaves the group; the row stays so past visits still show who was there."""
    member = _get_member(member_id)
    c = Checker({"left_on": left_on})
    left = c.date("left_on", not_after=_dt.date.today())
    if left and left < member.joined_on:
        c.fail("left_on", f"不能早于加入日期{member.joined_on:%Y-%m-%d}")
    if member.left_on is not None:
        c.fail("left_on", f"该成员已于{member.left_on:%Y-%m-%d}退出")
    later = (GroupVisit.select(fn.MAX(GroupVisit.date)).join(GroupVisitMember)
             .where((GroupVisit.group == member.group_id) & (GroupVisitMember.worker == member.worker_id))
             .scalar())
    later = _as_date(later)
    if left and later and later > left:
        c.fail("left_on", f"此人参加了{later:%Y-%m-%d}的探访，退出日期不能早于该日")
    c.raise_if_any()
    before = snapshot(member)
    versions.save(member, {"left_on": left}, None, "小组成员", MEMBER_LABELS)
    audit("update", member, before=before, after=snapshot(member), summary="成员退出小组")
    return member


def _get_member(member_id: int) -> GroupMember:
    member = GroupMember.get_or_none(GroupMember.id == member_id)
    if member is None:
        raise UserError(f"找不到编号为{member_id}的小组成员")
    get_group(member.group_id)
    return member


# --- elders -------------------------------------------------------------------------------------

def _open_assignments(group_id: int | None = None):
    query = ElderAssignment.select().where(ElderAssignment.end_date.is_null())
    if group_id is not None:
        query = query.where(ElderAssignment.group == group_id)
    return query


def list_elders(filters: dict[str, Any] | None = None, on: _dt.date | None = None) -> list[ElderRow]:
    """Elders with their group at `on`. filters: group_id, text (name or home), unassigned."""
    filters = filters or {}
    on = on or _dt.date.today()
    current = (ElderAssignment
               .select(ElderAssignment.elder, ElderAssignment.group, ElderGroup.name.alias("group_name"))
               .join(ElderGroup)
               .where((ElderAssignment.start_date <= on)
                      & (ElderAssignment.end_date.is_null() | (ElderAssignment.end_date > on)))
               .alias("cur"))
    query = (Elder.select(Elder, current.c.group_id.alias("gid"), current.c.group_name)
             .join(current, JOIN.LEFT_OUTER, on=(current.c.elder_id == Elder.id)))
    query = scoped(query, Elder)
    if filters.get("group_id"):
        query = query.where(current.c.group_id == filters["group_id"])
    if filters.get("unassigned"):
        query = query.where(current.c.group_id.is_null())
    text = (filters.get("text") or "").strip()
    if text:
        query = query.where(Elder.name ** f"%{text}%" | Elder.home ** f"%{text}%")
    rows = []
    for e in query.order_by(Elder.name, Elder.id).objects():
        rows.append(ElderRow(
            id=e.id, name=e.name, gender=e.gender, age=vocab.age_at(e.birth_date, on),
            id_number=mask_id(e.id_number), home=e.home, room=e.room, living=e.living,
            group_id=e.gid, group=e.group_name or "", emergency_contact=e.emergency_contact,
            emergency_phone=mask_phone(e.emergency_phone),
        ))
    return rows


def elders_of_group(group_id: int, on: _dt.date | None = None) -> list[Elder]:
    on = on or _dt.date.today()
    return list(Elder.select().join(ElderAssignment)
                .where((ElderAssignment.group == group_id) & (ElderAssignment.start_date <= on)
                       & (ElderAssignment.end_date.is_null() | (ElderAssignment.end_date > on)))
                .order_by(Elder.name, Elder.id))


def _elder_ids_at(group_id: int, on: _dt.date) -> set[int]:
    return {e.id for e in elders_of_group(group_id, on)}


def get_elder(elder_id: int) -> Elder:
    elder = scoped(Elder.select(), Elder).where(Elder.id == elder_id).first()
    if elder is None:
        raise UserError(f"找不到编号为{elder_id}的老人")
    return elder


def elder_form(elder_id: int) -> dict[str, Any]:
    e = get_elder(elder_id)
    return {"name": e.name, "gender": e.gender, "birth_date": e.birth_date,
            "id_number": e.id_number or "", "home": e.home, "room": e.room, "living": e.living,
            "needs": e.needs, "emergency_contact": e.emergency_contact,
            "emergency_phone": e.emergency_phone}


def current_group(elder_id: int) -> ElderGroup | None:
    row = _open_assignments().where(ElderAssignment.elder == elder_id).first()
    return row.group if row else None


def assignment_history(elder_id: int) -> list[ElderAssignment]:
    """Every group the elder was in, newest first (rows carry .group)."""
    get_elder(elder_id)
    return list(ElderAssignment.select(ElderAssignment, ElderGroup).join(ElderGroup)
                .where(ElderAssignment.elder == elder_id)
                .order_by(ElderAssignment.start_date.desc(), ElderAssignment.id.desc()))


def _check_elder(data: dict[str, Any]) -> dict[str, Any]:
    today = _dt.date.today()
    c = Checker(data)
    values: dict[str, Any] = {"name": c.text("name", required=True, max_len=50),
                              "gender": c.choice("gender", vocab.GENDERS)}
    birth = c.date("birth_date", not_after=today)
    if birth and vocab.age_at(birth, today) < 50:
        c.fail("birth_date", "扶老助老对象应在50岁以上，请核对出生日期")
    values["birth_date"] = birth
    values["id_number"] = c.id_number("id_number", birth_key="birth_date", gender_key="gender",
                                      birth=birth, gender=values["gender"])
    values["home"] = c.text("home", max_len=100)
    values["room"] = c.text("room", max_len=20)
    values["living"] = c.choice("living", vocab.ELDER_LIVING)
    values["needs"] = c.text("needs", max_len=2000)
    values["emergency_contact"] = c.text("emergency_contact", max_len=50)
    values["emergency_phone"] = c.phone("emergency_phone")
    if values["id_number"]:
        clash = scoped(Elder.select(), Elder).where(Elder.id_number == values["id_number"])
        if data.get("_id"):
            clash = clash.where(Elder.id != data["_id"])
        if clash.exists():
            c.fail("id_number", "已有同一身份证号的老人")
    c.raise_if_any()
    return values


@writes("elder")
def create_elder(data: dict[str, Any]) -> Elder:
    """A new elder; with data['group_id'] (and optionally 'assigned_on') also put in a group."""
    values = _check_elder(data)
    group_id = data.get("group_id") or None
    if group_id:
        get_group(group_id)
    elder = Elder.create(office=default_office(), **values)
    audit("create", elder, after=snapshot(elder), summary=f"新增老人 {elder.name}")
    if group_id:
        _assign(elder, get_group(group_id), data.get("assigned_on") or _dt.date.today())
    return elder


@writes("elder")
def update_elder(elder_id: int, data: dict[str, Any], version: int | None = None) -> Elder:
    elder = get_elder(elder_id)
    versions.require(elder, version, "老人信息", ELDER_LABELS)
    values = _check_elder({**elder_form(elder_id), **data, "_id": elder_id})
    before = snapshot(elder)
    versions.save(elder, values, version, "老人信息", ELDER_LABELS)
    audit("update", elder, before=before, after=snapshot(elder), summary=f"修改老人信息 {elder.name}")
    return elder


def _assign(elder: Elder, group: ElderGroup, on: _dt.date) -> ElderAssignment:
    c = Checker({"on": on})
    on = c.date("on", not_after=_dt.date.today() + _dt.timedelta(days=31), label_after="一个月后")
    if not group.active:
        c.fail("group_id", f"小组“{group.name}”已停止")
    current = _open_assignments().where(ElderAssignment.elder == elder.id).first()
    if current is not None and on is not None:
        if current.group_id == group.id:
            c.fail("group_id", f"{elder.name}已在“{group.name}”")
        elif on < current.start_date:
            c.fail("on", f"不能早于加入现小组的日期{current.start_date:%Y-%m-%d}")
    later = ElderAssignment.select().where((ElderAssignment.elder == elder.id)
                                           & (ElderAssignment.end_date > on)).exists() if on else False
    if later:
        c.fail("on", "此日期之后该老人已有分组记录")
    c.raise_if_any()
    if current is not None:
        before = snapshot(current)
        versions.save(current, {"end_date": on}, None, "分组记录", ASSIGNMENT_LABELS)
        audit("update", current, before=before, after=snapshot(current),
              summary=f"{elder.name} 调出“{current.group.name}”")
    row = ElderAssignment.create(elder=elder, group=group, start_date=on)
    audit("create", row, after=snapshot(row), summary=f"{elder.name} 加入“{group.name}”")
    return row


@writes("elder_assignment")
def assign_elder(elder_id: int, group_id: int, on: _dt.date) -> ElderAssignment:
    """Put an elder in a group from `on`; an open assignment elsewhere ends on that day."""
    return _assign(get_elder(elder_id), get_group(group_id), on)


@writes("elder_assignment")
def release_elder(elder_id: int, on: _dt.date, reason: str = "") -> None:
    """The elder leaves care (moved away, passed away …): the open assignment ends on `on`."""
    elder = get_elder(elder_id)
    current = _open_assignments().where(ElderAssignment.elder == elder_id).first()
    if current is None:
        raise UserError(f"{elder.name}目前不在任何小组")
    c = Checker({"on": on, "reason": reason})
    on = c.date("on", not_after=_dt.date.today())
    if on and on < current.start_date:
        c.fail("on", f"不能早于加入小组的日期{current.start_date:%Y-%m-%d}")
    if not c.text("reason", max_len=200):
        c.fail("reason", "请填写原因")
    c.raise_if_any()
    before = snapshot(current)
    versions.save(current, {"end_date": on}, None, "分组记录", ASSIGNMENT_LABELS)
    audit("update", current, before=before, after=snapshot(current),
          summary=f"{elder.name} 离开“{current.group.name}”：{reason}")


# --- visits -------------------------------------------------------------------------------------

def visits(group_id: int, limit: int | None = None) -> list[VisitRow]:
    """The group's visit log, newest first, with who was present and which elders were seen."""
    get_group(group_id)
    query = (GroupVisit.select().where(GroupVisit.group == group_id)
             .order_by(GroupVisit.date.desc(), GroupVisit.id.desc()))
    if limit:
        query = query.limit(limit)
    rows = {v.id: VisitRow(id=v.id, group_id=v.group_id, date=v.date, minutes=v.minutes,
                           services=v.services, notes=v.notes, version=v.version) for v in query}
    if not rows:
        return []
    ids = list(rows)
    for visit_id, worker_id, name in (GroupVisitMember.select(GroupVisitMember.visit, Worker.id, Worker.name)
                                      .join(Worker).where(GroupVisitMember.visit.in_(ids))
                                      .order_by(Worker.name).tuples()):
        rows[visit_id].member_ids.append(worker_id)
        rows[visit_id].members.append(name)
    for visit_id, elder_id, name in (GroupVisitElder.select(GroupVisitElder.visit, Elder.id, Elder.name)
                                     .join(Elder).where(GroupVisitElder.visit.in_(ids))
                                     .order_by(Elder.name).tuples()):
        rows[visit_id].elder_ids.append(elder_id)
        rows[visit_id].elders.append(name)
    return list(rows.values())


def get_visit(visit_id: int) -> VisitRow:
    visit = GroupVisit.get_or_none(GroupVisit.id == visit_id)
    if visit is None:
        raise UserError(f"找不到编号为{visit_id}的探访记录")
    return next(v for v in visits(visit.group_id) if v.id == visit_id)


def _check_visit(group: ElderGroup, data: dict[str, Any]) -> dict[str, Any]:
    c = Checker(data)
    date = c.date("date", not_after=_dt.date.today())
    values = {
        "date": date,
        "minutes": c.integer("minutes", 1, 720, unit="分钟"),
        "services": join_labels(c.choices("services", vocabulary.items("elder_service"))),
        "notes": c.text("notes", max_len=5000),
    }
    member_ids = sorted({int(m) for m in data.get("member_ids") or []})
    elder_ids = sorted({int(e) for e in data.get("elder_ids") or []})
    if not member_ids:
        c.fail("member_ids", "请至少选择一名参加的成员")
    if not values["services"]:
        c.fail("services", "请至少选择一项服务内容")
    if date:
        outsiders = set(member_ids) - _member_ids_at(group.id, date)
        if outsiders:
            names = [w.name for w in Worker.select(Worker.name).where(Worker.id.in_(outsiders))]
            c.fail("member_ids", f"{date:%Y-%m-%d}不是本组成员：{'、'.join(names) or '未知人员'}")
        strangers = set(elder_ids) - _elder_ids_at(group.id, date)
        if strangers:
            names = [e.name for e in Elder.select(Elder.name).where(Elder.id.in_(strangers))]
            c.fail("elder_ids", f"{date:%Y-%m-%d}不由本组照顾：{'、'.join(names) or '未知老人'}")
    c.raise_if_any()
    values["member_ids"] = member_ids
    values["elder_ids"] = elder_ids
    return values


def _write_people(visit: GroupVisit, member_ids: list[int], elder_ids: list[int]) -> None:
    GroupVisitMember.delete().where(GroupVisitMember.visit == visit.id).execute()
    GroupVisitElder.delete().where(GroupVisitElder.visit == visit.id).execute()
    if member_ids:
        GroupVisitMember.insert_many([{"visit": visit.id, "worker": w} for w in member_ids]).execute()
    if elder_ids:
        GroupVisitElder.insert_many([{"visit": visit.id, "elder": e} for e in elder_ids]).execute()
    # Credit replaces the visit's earlier rows: one row per member present, never two.
    hours.credit(PROGRAMME, SOURCE, visit.id, visit.date, visit.minutes, member_ids)


def _visit_snapshot(visit: GroupVisit, member_ids: list[int], elder_ids: list[int]) -> dict[str, Any]:
    return {**snapshot(visit), "member_ids": list(member_ids), "elder_ids": list(elder_ids)}


@writes("group_visit")
def add_visit(group_id: int, date: _dt.date, minutes: int, services: list[str] | str,
              member_ids: list[int], elder_ids: list[int], notes: str = "") -> GroupVisit:
    group = get_group(group_id)
    values = _check_visit(group, {"date": date, "minutes": minutes, "services": services,
                                  "member_ids": member_ids, "elder_ids": elder_ids, "notes": notes})
    member_ids, elder_ids = values.pop("member_ids"), values.pop("elder_ids")
    visit = GroupVisit.create(group=group, **values)
    _write_people(visit, member_ids, elder_ids)
    audit("create", visit, after=_visit_snapshot(visit, member_ids, elder_ids),
          summary=f"{group.name} 探访 {visit.date} {len(member_ids)}人 {visit.minutes}分钟")
    return visit


@writes("group_visit")
def update_visit(visit_id: int, date: _dt.date, minutes: int, services: list[str] | str,
                 member_ids: list[int], elder_ids: list[int], notes: str = "",
                 version: int | None = None) -> GroupVisit:
    old = get_visit(visit_id)
    visit = GroupVisit.get_by_id(visit_id)
    versions.require(visit, version, "探访记录", VISIT_LABELS)
    group = get_group(visit.group_id)
    values = _check_visit(group, {"date": date, "minutes": minutes, "services": services,
                                  "member_ids": member_ids, "elder_ids": elder_ids, "notes": notes})
    member_ids, elder_ids = values.pop("member_ids"), values.pop("elder_ids")
    before = _visit_snapshot(visit, old.member_ids, old.elder_ids)
    versions.save(visit, values, version, "探访记录", VISIT_LABELS)
    _write_people(visit, member_ids, elder_ids)
    audit("update", visit, before=before, after=_visit_snapshot(visit, member_ids, elder_ids),
          summary=f"修改 {group.name} {visit.date} 的探访记录")
    return visit


@writes("group_visit")
def delete_visit(visit_id: int) -> None:
    old = get_visit(visit_id)
    visit = GroupVisit.get_by_id(visit_id)
    group = get_group(visit.group_id)
    before = _visit_snapshot(visit, old.member_ids, old.elder_ids)
    hours.uncredit(SOURCE, visit.id)
    GroupVisitMember.delete().where(GroupVisitMember.visit == visit_id).execute()
    GroupVisitElder.delete().where(GroupVisitElder.visit == visit_id).execute()
    visit.delete_instance()
    audit("delete", table="group_visit", record_id=visit_id, before=before,
          summary=f"删除 {group.name} {before['date']} 的探访记录")


def split_services(text: str) -> list[str]:
    return split_labels(text)
