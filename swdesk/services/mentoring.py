"""一对一帮教: a mentor (worker) paired with a youth, a log of sessions, and the pair's outcome.

Youth records are sensitive: lists show the youth's name and the guardian's phone masked
(swdesk.privacy); only `get_pair` returns them in full, for the detail pane.
Every session credits its minutes to the mentor in the hours ledger.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from peewee import JOIN, fn

from swdesk import vocab
from swdesk.models import MentoringPair, MentoringSession, Worker
from swdesk.privacy import mask_name, mask_phone
from swdesk.services import hours, settings, versions, vocabulary
from swdesk.services.base import UserError, ValidationError, audit, default_office, scoped, snapshot, writes
from swdesk.services.fieldcheck import Checker

PROGRAMME = "一对一帮教"
SOURCE = "mentoring_session"
ACTIVE = "进行中"
COMPLETED = "已结对完成"

PAIR_LABELS = {
    "mentor_id": "帮教人", "youth_name": "青少年姓名", "youth_gender": "性别",
    "youth_birth_date": "出生日期", "youth_id_number": "身份证号", "youth_school": "学校或状况",
    "guardian_name": "监护人", "guardian_phone": "监护人电话", "concern": "帮教类别",
    "unit": "组织单位", "start_date": "开始日期", "planned_end": "计划结束",
    "status": "状态", "ended_on": "结束日期", "outcome": "帮教成效", "positive_outcome": "计为帮教成功",
}
SESSION_LABELS = {"date": "日期", "minutes": "时长（分钟）", "place": "地点", "kind": "方式", "notes": "记录"}


@dataclass
class PairRow:
    """One line of the pairs list: sensitive values already masked."""

    id: int
    youth: str
    youth_gender: str
    youth_age: int
    guardian_phone: str
    mentor_id: int
    mentor: str
    unit: str
    concern: str
    status: str
    start_date: _dt.date
    last_session: _dt.date | None
    sessions: int
    minutes: int
    stale: bool
    positive: bool


def stale_days() -> int:
    return int(settings.get("mentoring_stale_days"))


def is_stale(status: str, start: _dt.date, last_session: _dt.date | None, on: _dt.date,
             days: int | None = None) -> bool:
    """An active pair with no session in the last `days` days at `on` (counted from the start
    when there was none yet)."""
    if status != ACTIVE:
        return False
    days = stale_days() if days is None else days
    since = last_session or start
    return (on - since).days > days


# --- reading ------------------------------------------------------------------------------------

def _pairs_query(on: _dt.date):
    """Pairs with their mentor's name and session aggregates (up to `on`) in one query."""
    stats = (MentoringSession
             .select(MentoringSession.pair.alias("pair_id"),
                     fn.MAX(MentoringSession.date).alias("last"),
                     fn.COUNT(MentoringSession.id).alias("n"),
                     fn.SUM(MentoringSession.minutes).alias("m"))
             .where(MentoringSession.date <= on)
             .group_by(MentoringSession.pair)
             .alias("stats"))
    query = (MentoringPair
             .select(MentoringPair, Worker.name.alias("mentor_name"), stats.c.last, stats.c.n, stats.c.m)
             .join(Worker, on=(MentoringPair.mentor == Worker.id))
             .switch(MentoringPair)
             .join(stats, JOIN.LEFT_OUTER, on=(stats.c.pair_id == MentoringPair.id)))
    return scoped(query, MentoringPair)


def list_pairs(filters: dict[str, Any] | None = None, on: _dt.date | None = None) -> list[PairRow]:
    """The pairs list. filters: status, unit, concern, mentor_id, text (full youth name, mentor
    name or school, matched before masking), stale_only (bool). Newest start first."""
    filters = filters or {}
    on = on or _dt.date.today()
    query = _pairs_query(on)
    if filters.get("status"):
        query = query.where(MentoringPair.status == filters["status"])
    if filters.get("unit"):
        query = query.where(MentoringPair.unit == filters["unit"])
    if filters.get("concern"):
        query = query.where(MentoringPair.concern == filters["concern"])
    if filters.get("mentor_id"):
        query = query.where(MentoringPair.mentor == filters["mentor_id"])
    text = (filters.get("text") or "").strip()
    if text:
        like = f"%{text}%"
        query = query.where(MentoringPair.youth_name ** like | Worker.name ** like
                            | MentoringPair.youth_school ** like)
    days = stale_days()
    rows = []
    for pair in query.order_by(MentoringPair.start_date.desc(), MentoringPair.id.desc()).objects():
        last = _as_date(pair.last)
        row = PairRow(
            id=pair.id, youth=mask_name(pair.youth_name), youth_gender=pair.youth_gender,
            youth_age=vocab.age_at(pair.youth_birth_date, on),
            guardian_phone=mask_phone(pair.guardian_phone), mentor_id=pair.mentor_id,
            mentor=pair.mentor_name, unit=pair.unit, concern=pair.concern, status=pair.status,
            start_date=pair.start_date, last_session=last, sessions=int(pair.n or 0),
            minutes=int(pair.m or 0), stale=is_stale(pair.status, pair.start_date, last, on, days),
            positive=bool(pair.positive_outcome),
        )
        if filters.get("stale_only") and not row.stale:
            continue
        rows.append(row)
    return rows


def get_pair(pair_id: int) -> MentoringPair:
    """The full record (names and phones unmasked) for the detail pane and the edit form."""
    pair = scoped(MentoringPair.select(), MentoringPair).where(MentoringPair.id == pair_id).first()
    if pair is None:
        raise UserError(f"找不到编号为{pair_id}的帮教对子")
    return pair


def sessions(pair_id: int) -> list[MentoringSession]:
    get_pair(pair_id)
    return list(MentoringSession.select().where(MentoringSession.pair == pair_id)
                .order_by(MentoringSession.date.desc(), MentoringSession.id.desc()))


def get_session(session_id: int) -> MentoringSession:
    session = MentoringSession.get_or_none(MentoringSession.id == session_id)
    if session is None:
        raise UserError(f"找不到编号为{session_id}的帮教记录")
    get_pair(session.pair_id)
    return session


def stale_pairs(on: _dt.date) -> list[PairRow]:
    return list_pairs({"status": ACTIVE, "stale_only": True}, on)


def helped_count(start: _dt.date | None = None, end: _dt.date | None = None) -> int:
    """Youths helped: pairs concluded 已结对完成 with a positive outcome, ended within the dates."""
    query = scoped(MentoringPair.select(), MentoringPair).where(
        (MentoringPair.status == COMPLETED) & (MentoringPair.positive_outcome == True))  # noqa: E712
    if start:
        query = query.where(MentoringPair.ended_on >= start)
    if end:
        query = query.where(MentoringPair.ended_on <= end)
    return query.count()


def _as_date(value: Any) -> _dt.date | None:
    """Aggregates come back as text on SQLite and as dates on PostgreSQL."""
    if value is None or isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value)[:10])


# --- pairs --------------------------------------------------------------------------------------

def _check_pair(data: dict[str, Any], today: _dt.date, current_mentor: int | None = None) -> dict[str, Any]:
    """Validate a pair's form. `current_mentor`: the pair's mentor now, who may stay on even
    after leaving the roster (only a new mentor must be 在册)."""
    c = Checker(data)
    out: dict[str, Any] = {}
    mentor_id = data.get("mentor_id")
    if not mentor_id:
        c.fail("mentor_id", "请选择帮教人")
    elif scoped(Worker.select(), Worker).where(Worker.id == mentor_id).count() == 0:
        c.fail("mentor_id", "帮教人不存在")
    elif int(mentor_id) != current_mentor:
        worker = Worker.get_by_id(mentor_id)
        if worker.status != vocab.STATUS_ACTIVE:
            c.fail("mentor_id", f"{worker.name}已离队，不能担任帮教人")
    out["mentor"] = mentor_id
    out["youth_name"] = c.text("youth_name", required=True, max_len=50)
    out["youth_gender"] = c.choice("youth_gender", vocab.GENDERS)
    birth = c.date("youth_birth_date", not_after=today)
    out["youth_birth_date"] = birth
    out["youth_id_number"] = c.id_number("youth_id_number", birth_key="youth_birth_date",
                                         gender_key="youth_gender", birth=birth,
                                         gender=out["youth_gender"])
    out["youth_school"] = c.text("youth_school", max_len=100)
    out["guardian_name"] = c.text("guardian_name", max_len=50)
    out["guardian_phone"] = c.phone("guardian_phone")
    out["concern"] = c.choice("concern", vocab.MENTORING_CONCERNS)
    out["unit"] = c.choice("unit", vocabulary.items("mentoring_unit"))
    start = c.date("start_date", not_after=today)
    out["start_date"] = start
    planned = c.date("planned_end", required=False)
    if planned and start and planned <= start:
        c.fail("planned_end", "应晚于开始日期")
    out["planned_end"] = planned
    if birth and not 6 <= vocab.age_at(birth, start or today) <= 35:
        c.fail("youth_birth_date", "结对时帮教对象年龄应在6到35岁之间")
    c.raise_if_any()
    return out


@writes("mentoring_pair")
def create_pair(data: dict[str, Any]) -> MentoringPair:
    values = _check_pair(data, _dt.date.today())
    pair = MentoringPair.create(office=default_office(), status=ACTIVE, **values)
    audit("create", pair, after=snapshot(pair), summary=f"新建帮教对子 {mask_name(pair.youth_name)}")
    return pair


@writes("mentoring_pair")
def update_pair(pair_id: int, data: dict[str, Any], version: int | None = None) -> MentoringPair:
    """Change the pair's particulars (not its status: see close_pair / reopen_pair)."""
    pair = get_pair(pair_id)
    versions.require(pair, version, "帮教对子", PAIR_LABELS)
    merged = {**_pair_form(pair), **data}
    values = _check_pair(merged, _dt.date.today(), current_mentor=pair.mentor_id)
    first = MentoringSession.select(fn.MIN(MentoringSession.date)).where(
        MentoringSession.pair == pair.id).scalar()
    first = _as_date(first)
    if first and values["start_date"] and values["start_date"] > first:
        raise ValidationError({"start_date": f"不能晚于第一次帮教记录的日期{first:%Y-%m-%d}"})
    before = snapshot(pair)
    versions.save(pair, values, version, "帮教对子", PAIR_LABELS)
    audit("update", pair, before=before, after=snapshot(pair), summary=f"修改帮教对子 {mask_name(pair.youth_name)}")
    return pair


def _pair_form(pair: MentoringPair) -> dict[str, Any]:
    """The pair's values under the form's keys (so update_pair accepts partial data)."""
    return {
        "mentor_id": pair.mentor_id, "youth_name": pair.youth_name, "youth_gender": pair.youth_gender,
        "youth_birth_date": pair.youth_birth_date, "youth_id_number": pair.youth_id_number or "",
        "youth_school": pair.youth_school, "guardian_name": pair.guardian_name,
        "guardian_phone": pair.guardian_phone, "concern": pair.concern, "unit": pair.unit,
        "start_date": pair.start_date, "planned_end": pair.planned_end,
    }


def pair_form(pair_id: int) -> dict[str, Any]:
    return _pair_form(get_pair(pair_id))


@writes("mentoring_pair")
def close_pair(pair_id: int, status: str, outcome: str, positive: bool, ended_on: _dt.date | None,
               version: int | None = None) -> MentoringPair:
    """End a pair as 已结对完成, 转介 or 中止; the outcome text is required. Only a pair
    concluded 已结对完成 with `positive` counts as a youth helped."""
    pair = get_pair(pair_id)
    versions.require(pair, version, "帮教对子", PAIR_LABELS)
    c = Checker({"status": status, "outcome": outcome, "ended_on": ended_on})
    status = c.choice("status", [s for s in vocab.MENTORING_STATUSES if s != ACTIVE])
    outcome = c.text("outcome", max_len=2000)
    if not outcome:
        c.fail("outcome", "结束帮教须填写帮教成效")
    ended = c.date("ended_on", not_after=_dt.date.today())
    if ended and ended < pair.start_date:
        c.fail("ended_on", f"不能早于开始日期{pair.start_date:%Y-%m-%d}")
    last = _as_date(MentoringSession.select(fn.MAX(MentoringSession.date))
                    .where(MentoringSession.pair == pair.id).scalar())
    if ended and last and ended < last:
        c.fail("ended_on", f"不能早于最后一次帮教记录的日期{last:%Y-%m-%d}")
    if pair.status != ACTIVE:
        c.fail("status", f"该对子已于{pair.ended_on}结束（{pair.status}）")
    c.raise_if_any()
    before = snapshot(pair)
    versions.save(pair, {"status": status, "outcome": outcome, "ended_on": ended,
                         "positive_outcome": bool(positive) and status == COMPLETED},
                  version, "帮教对子", PAIR_LABELS)
    audit("update", pair, before=before, after=snapshot(pair),
          summary=f"结束帮教对子 {mask_name(pair.youth_name)}：{status}")
    return pair


@writes("mentoring_pair")
def reopen_pair(pair_id: int, version: int | None = None) -> MentoringPair:
    """Undo a closing made by mistake; the outcome text is kept in the audit log."""
    pair = get_pair(pair_id)
    versions.require(pair, version, "帮教对子", PAIR_LABELS)
    if pair.status == ACTIVE:
        raise UserError("该对子仍在进行中")
    before = snapshot(pair)
    versions.save(pair, {"status": ACTIVE, "ended_on": None, "positive_outcome": False, "outcome": ""},
                  version, "帮教对子", PAIR_LABELS)
    audit("update", pair, before=before, after=snapshot(pair), summary=f"恢复帮教对子 {mask_name(pair.youth_name)}")
    return pair


# --- sessions -----------------------------------------------------------------------------------

def _check_session(pair: MentoringPair, data: dict[str, Any]) -> dict[str, Any]:
    c = Checker(data)
    date = c.date("date", not_after=_dt.date.today())
    if date and date < pair.start_date:
        c.fail("date", f"不能早于结对开始日期{pair.start_date:%Y-%m-%d}")
    if date and pair.ended_on and date > pair.ended_on:
        c.fail("date", f"不能晚于结对结束日期{pair.ended_on:%Y-%m-%d}")
    values = {
        "date": date,
        "minutes": c.integer("minutes", 1, 720, unit="分钟"),
        "place": c.text("place", max_len=100),
        "kind": c.choice("kind", vocab.MENTORING_SESSION_KINDS),
        "notes": c.text("notes", max_len=5000),
    }
    c.raise_if_any()
    return values


def _credit(session: MentoringSession, pair: MentoringPair) -> None:
    mentor = session.mentor_id or pair.mentor_id
    hours.credit(PROGRAMME, SOURCE, session.id, session.date, session.minutes, [mentor])


@writes("mentoring_session")
def add_session(pair_id: int, data: dict[str, Any]) -> MentoringSession:
    pair = get_pair(pair_id)
    values = _check_session(pair, data)
    session = MentoringSession.create(pair=pair, mentor=pair.mentor_id, **values)
    _credit(session, pair)
    audit("create", session, after=snapshot(session),
          summary=f"帮教记录 {mask_name(pair.youth_name)} {session.date} {session.minutes}分钟")
    return session


@writes("mentoring_session")
def update_session(session_id: int, data: dict[str, Any], version: int | None = None) -> MentoringSession:
    session = get_session(session_id)
    versions.require(session, version, "帮教记录", SESSION_LABELS)
    pair = session.pair
    merged = {"date": session.date, "minutes": session.minutes, "place": session.place,
              "kind": session.kind, "notes": session.notes, **data}
    values = _check_session(pair, merged)
    before = snapshot(session)
    versions.save(session, values, version, "帮教记录", SESSION_LABELS)
    _credit(session, pair)  # replaces the earlier credit: never counted twice
    audit("update", session, before=before, after=snapshot(session),
          summary=f"修改帮教记录 {mask_name(pair.youth_name)} {session.date}")
    return session


@writes("mentoring_session")
def delete_session(session_id: int) -> None:
    session = get_session(session_id)
    before = snapshot(session)
    name = mask_name(session.pair.youth_name)
    hours.uncredit(SOURCE, session.id)
    session.delete_instance()
    audit("delete", table="mentoring_session", record_id=before["id"], before=before,
          summary=f"删除帮教记录 {name} {before['date']}")
