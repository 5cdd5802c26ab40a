"""服务热线: residents' requests, matched to workers ("牵线搭桥"), completed and followed up.

Status flow (every step dated, versioned and written to the audit log):

    待分派 ──assign──▶ 已分派 ──complete──▶ 已完成 ──follow_up──▶ 已回访
       └──────────┴──refer / cancel──▶ 已转介 / 已撤销

Completion credits the assigned workers with the service time in the hours ledger.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, Case, Value, fn

from swdesk import vocab
from swdesk.models import Community, HotlineAssignment, HotlineRequest, Worker, WorkerSpecialty
from swdesk.privacy import mask_phone
from swdesk.services import hours, settings, versions
from swdesk.services.base import (
    UserError,
    ValidationError,
    audit,
    default_office,
    scoped,
    snapshot,
    writes,
)
from swdesk.services.fieldcheck import Checker

PROGRAMME = "服务热线"
SOURCE = "hotline_request"

NEW, ASSIGNED, DONE, FOLLOWED, REFERRED, CANCELLED = vocab.HOTLINE_STATUSES
OPEN_STATUSES = (NEW, ASSIGNED)            # still to be done: count as workload and can go overdue
CLOSED_STATUSES = (FOLLOWED, REFERRED, CANCELLED)

# Settings keys: the office's own specialty mapping, and how much sooner urgent requests are due.
SPECIALTY_MAP_KEY = "hotline_specialty_map"
URGENT_DUE_HOURS_KEY = "hotline_urgent_due_hours"
URGENT_DUE_HOURS_DEFAULT = 4
URGENT = vocab.HOTLINE_URGENCIES[-1]

# Field labels for conflict messages ("what the other clerk changed").
REQUEST_LABELS = {
    "received_at": "受理时间", "channel": "来源", "resident_name": "居民姓名", "phone": "电话",
    "community": "社区", "category": "类别", "text": "诉求内容", "urgency": "紧急程度",
    "preferred_time": "希望服务时间", "status": "状态", "minutes": "服务时长（分钟）",
    "completion_note": "服务情况", "satisfaction": "满意度", "followup_note": "回访情况",
    "closed_reason": "转介或撤销原因",
}

_PHONE_RE = re.compile(r"^\+?[0-9][0-9\- ]{5,18}[0-9]$")
_DATETIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%dT%H:%M:%S",
                     "%Y-%m-%dT%H:%M")


# --- small helpers --------------------------------------------------------------------------------

def _now() -> _dt.datetime:
    return _dt.datetime.now().replace(microsecond=0)


def _parse_datetime(value: Any) -> _dt.datetime | None:
    if isinstance(value, _dt.datetime):
        return value.replace(microsecond=0)
    if isinstance(value, _dt.date):
        return _dt.datetime.combine(value, _dt.time())
    text = str(value or "").strip()
    for fmt in _DATETIME_FORMATS:
        try:
            return _dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _parse_date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value or "").strip())
    except ValueError:
        return None


def due_at_for(received_at: _dt.datetime, urgency: str) -> _dt.datetime:
    """When a request must be done: received + hotline_due_hours (urgent: the shorter urgent limit)."""
    due_hours = float(settings.get("hotline_due_hours"))
    if urgency == URGENT:
        due_hours = min(due_hours, float(settings.get(URGENT_DUE_HOURS_KEY, URGENT_DUE_HOURS_DEFAULT)))
    return received_at + _dt.timedelta(hours=due_hours)


def is_overdue(request: HotlineRequest, at: _dt.datetime) -> bool:
    return request.status in OPEN_STATUSES and request.due_at is not None and request.due_at < at


# --- specialty mapping (editable by the office) ----------------------------------------------------

def specialty_map() -> dict[str, list[str]]:
    """Category → specialties that fit it: the office's override, else vocab's default."""
    mapping = {cat: list(specs) for cat, specs in vocab.HOTLINE_SPECIALTY_MAP.items()}
    override = settings.get(SPECIALTY_MAP_KEY, {}) or {}
    for cat, specs in override.items():
        if cat in mapping and isinstance(specs, list):
            mapping[cat] = [str(s) for s in specs if str(s).strip()]
    return mapping


def save_specialty_map(mapping: dict[str, Iterable[str]]) -> None:
    """Store the office's category → specialties mapping (settings key hotline_specialty_map)."""
    problems = {cat: "不是热线类别" for cat in mapping if cat not in vocab.HOTLINE_CATEGORIES}
    if problems:
        raise ValidationError(problems)
    clean = {cat: [s.strip() for s in specs if s and s.strip()] for cat, specs in mapping.items()}
    settings.put(SPECIALTY_MAP_KEY, clean)


# --- reading -----------------------------------------------------------------------------------

@dataclass
class RequestRow:
    """One line of the request list (phone masked)."""

    id: int
    received_at: _dt.datetime
    channel: str
    resident_name: str
    phone_masked: str
    community: str
    category: str
    urgency: str
    status: str
    due_at: _dt.datetime | None
    overdue: bool
    text: str
    workers: list[str] = field(default_factory=list)


@dataclass
class RequestDetail:
    """Everything about one request, for the detail pane (full phone)."""

    id: int
    version: int
    received_at: _dt.datetime
    channel: str
    resident_name: str
    phone: str
    community_id: int | None
    community: str
    category: str
    text: str
    urgency: str
    preferred_time: str
    due_at: _dt.datetime | None
    status: str
    assigned_at: _dt.datetime | None
    completed_at: _dt.datetime | None
    minutes: int
    completion_note: str
    followed_up_at: _dt.datetime | None
    satisfaction: str
    followup_note: str
    closed_at: _dt.datetime | None
    closed_reason: str
    overdue: bool
    workers: list[tuple[int, str]] = field(default_factory=list)

    def allowed_actions(self) -> set[str]:
        """Which status-flow buttons make sense now: assign / complete / follow_up / refer / cancel."""
        actions = set()
        if self.status in OPEN_STATUSES:
            actions |= {"assign", "refer", "cancel"}
        if self.status == ASSIGNED and self.workers:
            actions.add("complete")
        if self.status == DONE:
            actions.add("follow_up")
        return actions


def _request_query():
    # objects(): keep community_id on the request instead of a half-loaded Community instance.
    return scoped(HotlineRequest.select(HotlineRequest, Community.name.alias("community_name"))
                  .join(Community, JOIN.LEFT_OUTER, on=(HotlineRequest.community == Community.id))
                  .objects(),
                  HotlineRequest)


def _worker_names(request_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    out: dict[int, list[tuple[int, str]]] = {}
    for start in range(0, len(request_ids), 500):
        chunk = request_ids[start:start + 500]
        rows = (HotlineAssignment.select(HotlineAssignment.request, Worker.id, Worker.name)
                .join(Worker).where(HotlineAssignment.request.in_(chunk))
                .order_by(HotlineAssignment.request, HotlineAssignment.id).tuples())
        for request_id, worker_id, name in rows:
            out.setdefault(request_id, []).append((worker_id, name))
    return out


def list_requests(status: str | None = None, category: str | None = None,
                  start: _dt.date | None = None, end: _dt.date | None = None,
                  search: str = "", overdue_only: bool = False,
                  at: _dt.datetime | None = None, limit: int | None = 5000) -> list[RequestRow]:
    """Requests received between start and end (inclusive), newest first, phones masked."""
    at = at or _now()
    query = _request_query()
    if status:
        query = query.where(HotlineRequest.status == status)
    if category:
        query = query.where(HotlineRequest.category == category)
    if start:
        query = query.where(HotlineRequest.received_at >= _dt.datetime.combine(start, _dt.time()))
    if end:
        query = query.where(HotlineRequest.received_at
                            < _dt.datetime.combine(end + _dt.timedelta(days=1), _dt.time()))
    text = (search or "").strip()
    if text:
        like = f"%{text}%"
        query = query.where(HotlineRequest.resident_name.contains(text)
                            | HotlineRequest.text ** like | HotlineRequest.phone.contains(text))
    if overdue_only:
        query = query.where(HotlineRequest.status.in_(OPEN_STATUSES) & (HotlineRequest.due_at < at))
    query = query.order_by(HotlineRequest.received_at.desc(), HotlineRequest.id.desc())
    if limit:
        query = query.limit(limit)
    requests = list(query)
    names = _worker_names([r.id for r in requests])
    return [RequestRow(
        id=r.id, received_at=r.received_at, channel=r.channel, resident_name=r.resident_name,
        phone_masked=mask_phone(r.phone), community=getattr(r, "community_name", None) or "",
        category=r.category, urgency=r.urgency, status=r.status, due_at=r.due_at,
        overdue=is_overdue(r, at), text=r.text, workers=[n for _i, n in names.get(r.id, [])],
    ) for r in requests]


def _get(request_id: int) -> HotlineRequest:
    request = _request_query().where(HotlineRequest.id == request_id).first()
    if request is None:
        raise UserError(f"热线工单 {request_id} 不存在或已删除")
    return request


def get_request(request_id: int, at: _dt.datetime | None = None) -> RequestDetail:
    r = _get(request_id)
    return _detail(r, _worker_names([r.id]).get(r.id, []), at or _now())


def request_details(start: _dt.date, end: _dt.date,
                    at: _dt.datetime | None = None) -> list[RequestDetail]:
    """Every request received between start and end (inclusive), oldest first, in full (for the
    spreadsheet; the exporter masks the phone)."""
    query = (_request_query()
             .where((HotlineRequest.received_at >= _dt.datetime.combine(start, _dt.time()))
                    & (HotlineRequest.received_at
                       < _dt.datetime.combine(end + _dt.timedelta(days=1), _dt.time())))
             .order_by(HotlineRequest.received_at, HotlineRequest.id))
    requests = list(query)
    names = _worker_names([r.id for r in requests])
    at = at or _now()
    return [_detail(r, names.get(r.id, []), at) for r in requests]


def _detail(r: HotlineRequest, workers: list[tuple[int, str]], at: _dt.datetime) -> RequestDetail:
    return RequestDetail(
        id=r.id, version=r.version, received_at=r.received_at, channel=r.channel,
        resident_name=r.resident_name, phone=r.phone, community_id=r.community_id,
        community=getattr(r, "community_name", None) or "", category=r.category, text=r.text,
        urgency=r.urgency, preferred_time=r.preferred_time, due_at=r.due_at, status=r.status,
        assigned_at=r.assigned_at, completed_at=r.completed_at, minutes=r.minutes,
        completion_note=r.completion_note, followed_up_at=r.followed_up_at,
        satisfaction=r.satisfaction, followup_note=r.followup_note, closed_at=r.closed_at,
        closed_reason=r.closed_reason, overdue=is_overdue(r, at), workers=workers,
    )


def communities() -> list[tuple[int, str]]:
    """(id, name) of the office's communities, for the request dialog."""
    query = Community.select(Community.id, Community.name).order_by(Community.name)
    query = scoped(query, Community)
    return [(c.id, c.name) for c in query]


@dataclass
class AssignmentRow:
    request_id: int
    received_at: _dt.datetime
    category: str
    resident_name: str
    community: str
    status: str
    assigned_at: _dt.datetime
    completed_at: _dt.datetime | None
    minutes: int


def worker_assignments(worker_id: int) -> list[AssignmentRow]:
    """The hotline requests a worker was assigned to, newest first (the worker's page)."""
    rows = (HotlineAssignment.select(HotlineAssignment.assigned_at, HotlineRequest,
                                     Community.name.alias("community_name"))
            .join(HotlineRequest)
            .join(Community, JOIN.LEFT_OUTER, on=(HotlineRequest.community == Community.id))
            .where(HotlineAssignment.worker == worker_id)
            .order_by(HotlineAssignment.assigned_at.desc(), HotlineRequest.id.desc()))
    out = []
    for a in rows:
        r = a.request
        out.append(AssignmentRow(
            request_id=r.id, received_at=r.received_at, category=r.category,
            resident_name=r.resident_name, community=getattr(a, "community_name", None) or "",
            status=r.status, assigned_at=a.assigned_at, completed_at=r.completed_at,
            minutes=r.minutes))
    return out


def overdue_requests(at: _dt.datetime | None = None) -> list[RequestRow]:
    """Open requests past their due time at `at` (default now), oldest due first."""
    at = at or _now()
    rows = list_requests(overdue_only=True, at=at, limit=None)
    return sorted(rows, key=lambda r: (r.due_at, r.id))


def overdue_reminders(on: _dt.datetime | _dt.date | None = None) -> list[dict[str, Any]]:
    """The reminder source of the hotline: one dict per overdue request."""
    if isinstance(on, _dt.datetime):
        at = on
    elif isinstance(on, _dt.date) and on != _dt.date.today():
        at = _dt.datetime.combine(on, _dt.time(23, 59, 59))
    else:
        at = _now()  # today: late now, not late by tonight
    out = []
    for r in overdue_requests(at):
        late = at - r.due_at
        late_text = f"{late.days}天" if late.days else f"{max(1, late.seconds // 3600)}小时"
        out.append({
            "kind": "hotline_overdue",
            "tab": "hotline",
            "record_id": r.id,
            "due": r.due_at.date(),
            "title": f"热线工单超时：{r.resident_name}（{r.category}）",
            "detail": f"{r.status}，应于 {r.due_at:%Y-%m-%d %H:%M} 前办结，已超时{late_text}",
        })
    return out


# --- matching ----------------------------------------------------------------------------------

@dataclass
class Suggestion:
    worker_id: int
    name: str
    score: int
    reasons: list[str]
    decided: str = ""   # what puts this worker above the next one ("" for the last)


# Weights of the ranking, in the order of importance: fitting specialty, same community, open
# load (12 for an idle worker, 3 fewer per open request), assignments in the last RECENT_DAYS (6
# for none, 2 fewer each: work is spread), party member, a neighbouring community (next in the
# office's list, which is set up street by street). Everything after the community adds up to at
# most 12 + 6 + 3 + 2 = 23 < 30, so specialty and community always decide first, and the best tier
# (specialty and community, 70+) outranks everybody else (at most 40 + 23 = 63).
_W_SPECIALTY, _W_COMMUNITY, _W_PARTY, _W_NEIGHBOUR = 40, 30, 3, 2
_LOAD_TOP, _LOAD_STEP, _RECENT_TOP, _RECENT_STEP = 12, 3, 6, 2
RECENT_DAYS = 30


def suggest_workers(request_id: int, limit: int = 20) -> list[Suggestion]:
    """Active workers ranked for a request: fitting specialty, same community, fewest open
    requests, fewest recent assignments, party member, neighbouring community. The ranking runs
    in SQL; Python only words the top `limit` and says, for each, what puts it above the next.

    The best tier (fitting specialty, and same community when the request has one) is ranked alone
    first, from the community's and the specialty's indexes; only when it has fewer than `limit`
    people is everyone ranked.
    """
    request = _get(request_id)
    fitting = specialty_map().get(request.category, [])
    since = _now() - _dt.timedelta(days=RECENT_DAYS)
    rows = list(_ranking_query(request, fitting, limit, since, best_tier_only=bool(fitting)))
    if len(rows) < limit:
        rows = list(_ranking_query(request, fitting, limit, since, best_tier_only=False))
    specs = _specialties_of([r["id"] for r in rows], fitting)
    facts = [_facts(request, r, specs.get(r["id"], [])) for r in rows]
    out = []
    for i, (r, fact) in enumerate(zip(rows, facts, strict=True)):
        reasons = []
        if fact["matched"]:
            reasons.append("专业特长：" + vocab.SPECIALTY_JOINER.join(fact["matched"]))
        if fact["community"]:
            reasons.append("同社区")
        elif fact["neighbour"]:
            reasons.append("邻近社区")
        if fact["party"]:
            reasons.append(r["political_status"])
        reasons.append(f"当前待办 {fact['open']} 件")
        reasons.append(f"近{RECENT_DAYS}天分派 {fact['recent']} 次")
        decided = _decided(fact, facts[i + 1]) if i + 1 < len(facts) else ""
        out.append(Suggestion(worker_id=r["id"], name=r["name"], score=int(r["score"]), reasons=reasons,
                              decided=decided))
    return out


def _facts(request: HotlineRequest, row: dict[str, Any], matched: list[str]) -> dict[str, Any]:
    same = bool(request.community_id) and row["community"] == request.community_id
    neighbour = (bool(request.community_id) and row["community"] is not None and not same
                 and abs(row["community"] - request.community_id) == 1)
    return {"matched": matched, "community": same, "neighbour": neighbour,
            "open": int(row["open_n"]), "recent": int(row["recent_n"]),
            "party": vocab.is_party_member(row["political_status"]), "score": int(row["score"])}


def _decided(this: dict[str, Any], below: dict[str, Any]) -> str:
    """The first difference, in the ranking's order of importance, that puts `this` above `below`."""
    if bool(this["matched"]) != bool(below["matched"]):
        return "专业特长对口"
    if this["community"] != below["community"]:
        return "同社区"
    if this["open"] != below["open"]:
        return f"当前待办少 {below['open'] - this['open']} 件"
    if this["recent"] != below["recent"]:
        return f"近{RECENT_DAYS}天分派少 {below['recent'] - this['recent']} 次"
    if this["party"] != below["party"]:
        return "党员"
    if this["neighbour"] != below["neighbour"]:
        return "邻近社区"
    return "条件相同，按登记先后"


def _ranking_query(request: HotlineRequest, fitting: list[str], limit: int, since: _dt.datetime,
                   best_tier_only: bool):
    load = (HotlineAssignment.select(HotlineAssignment.worker.alias("wid"),
                                     fn.COUNT(HotlineAssignment.id).alias("n"))
            .join(HotlineRequest).where(HotlineRequest.status.in_(OPEN_STATUSES))
            .group_by(HotlineAssignment.worker).alias("load"))
    recent = (HotlineAssignment.select(HotlineAssignment.worker.alias("wid"),
                                       fn.COUNT(HotlineAssignment.id).alias("n"))
              .where(HotlineAssignment.assigned_at >= since)
              .group_by(HotlineAssignment.worker).alias("recent"))
    already = HotlineAssignment.select(HotlineAssignment.worker).where(
        HotlineAssignment.request == request.id)
    fitting_workers = WorkerSpecialty.select(WorkerSpecialty.worker).where(
        WorkerSpecialty.specialty.in_(fitting or [""]))

    open_n = fn.COALESCE(load.c.n, 0)
    recent_n = fn.COALESCE(recent.c.n, 0)
    party = Case(None, [(Worker.political_status.in_(vocab.PARTY_MEMBER_STATUSES), 1)], 0)
    idle = Case(None, [(open_n >= _LOAD_TOP // _LOAD_STEP, 0)], _LOAD_TOP - _LOAD_STEP * open_n)
    fresh = Case(None, [(recent_n >= _RECENT_TOP // _RECENT_STEP, 0)], _RECENT_TOP - _RECENT_STEP * recent_n)
    where = ((Worker.office == request.office_id) & (Worker.status == vocab.STATUS_ACTIVE)
             & Worker.id.not_in(already))
    if best_tier_only and request.community_id:
        # Drive from the community's workers, probing the (worker, specialty) index for each.
        where &= (Worker.community == request.community_id) & fn.EXISTS(
            WorkerSpecialty.select(WorkerSpecialty.worker).where(
                (WorkerSpecialty.worker == Worker.id) & WorkerSpecialty.specialty.in_(fitting)))
    elif best_tier_only:
        where &= Worker.id.in_(fitting_workers)
    neighbour = 0
    if best_tier_only:
        has_spec = Value(1)
        same_community = 1 if request.community_id else 0
    else:
        has_spec = Case(None, [(Worker.id.in_(fitting_workers), 1)], 0)
        same_community = (Case(None, [(Worker.community == request.community_id, 1)], 0)
                          if request.community_id else 0)
        if request.community_id:
            neighbour = Case(None, [(fn.ABS(Worker.community - request.community_id) == 1, 1)], 0)
    score = (has_spec * _W_SPECIALTY + same_community * _W_COMMUNITY + idle + fresh
             + party * _W_PARTY + neighbour * _W_NEIGHBOUR)
    return (Worker.select(Worker.id, Worker.name, Worker.political_status, Worker.community,
                          open_n.alias("open_n"), recent_n.alias("recent_n"), score.alias("score"))
            .join_from(Worker, load, JOIN.LEFT_OUTER, on=(load.c.wid == Worker.id))
            .join_from(Worker, recent, JOIN.LEFT_OUTER, on=(recent.c.wid == Worker.id))
            .where(where)
            .order_by(score.desc(), open_n.asc(), recent_n.asc(), Worker.id.asc())
            .limit(limit)
            .dicts())


def _specialties_of(worker_ids: list[int], fitting: list[str]) -> dict[int, list[str]]:
    if not worker_ids or not fitting:
        return {}
    rows = (WorkerSpecialty.select(WorkerSpecialty.worker, WorkerSpecialty.specialty)
            .where(WorkerSpecialty.worker.in_(worker_ids) & WorkerSpecialty.specialty.in_(fitting))
            .tuples())
    out: dict[int, list[str]] = {}
    for worker_id, specialty in rows:
        out.setdefault(worker_id, []).append(specialty)
    for worker_id in out:
        out[worker_id].sort(key=fitting.index)
    return out


# --- writing -----------------------------------------------------------------------------------

REQUEST_FIELDS = ("received_at", "channel", "resident_name", "phone", "community", "category",
                  "text", "urgency", "preferred_time")


def _community_id(value: Any, office_id: int) -> tuple[int | None, str | None]:
    """(community id, problem) for an id, a name or blank."""
    if value in (None, "", 0):
        return None, None
    if isinstance(value, Community):
        value = value.id
    query = Community.select(Community.id).where(Community.office == office_id)
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        row = query.where(Community.id == int(value)).first()
    else:
        row = query.where(Community.name == str(value).strip()).first()
    if row is None:
        return None, f"社区“{value}”不存在"
    return row.id, None


def _validate_request(data: dict[str, Any], office_id: int) -> dict[str, Any]:
    """Clean values of a request, or ValidationError with every problem."""
    c = Checker(data)
    received = _parse_datetime(data.get("received_at") or _now())
    if received is None:
        c.fail("received_at", "受理时间格式应为 2026-11-27 09:30")
    elif received > _now() + _dt.timedelta(minutes=5):
        c.fail("received_at", "受理时间不能晚于现在")
    phone = c.text("phone", max_len=20)
    if phone and not _PHONE_RE.match(phone):
        c.fail("phone", "联系电话格式不正确（应为手机号或座机号）")
    community_id, problem = _community_id(data.get("community"), office_id)
    if problem:
        c.fail("community", problem)
    clean = {
        "received_at": received,
        "channel": c.choice("channel", vocab.HOTLINE_CHANNELS, default=vocab.HOTLINE_CHANNELS[0]),
        "resident_name": c.text("resident_name", required=True, max_len=50, missing="请填写来电居民姓名"),
        "phone": phone,
        "community": community_id,
        "category": c.choice("category", vocab.HOTLINE_CATEGORIES),
        "text": c.text("text", required=True, max_len=10000, missing="请填写诉求内容"),
        "urgency": c.choice("urgency", vocab.HOTLINE_URGENCIES, default=vocab.HOTLINE_URGENCIES[0]),
        "preferred_time": c.text("preferred_time", max_len=50),
    }
    c.raise_if_any()
    return clean


def check_request(data: dict[str, Any]) -> dict[str, str]:
    """The problems log_request would report for `data`, without writing (a form checks a field
    when the clerk leaves it)."""
    try:
        _validate_request(data, default_office().id)
    except ValidationError as exc:
        return dict(exc.problems)
    return {}


@writes("hotline_request")
def log_request(data: dict[str, Any]) -> HotlineRequest:
    """Log a resident's call (or visit, or web message) as a new request 待分派."""
    office = default_office()
    clean = _validate_request(data, office.id)
    request = HotlineRequest.create(
        office=office, status=NEW, due_at=due_at_for(clean["received_at"], clean["urgency"]), **clean)
    audit("create", request, after=snapshot(request),
          summary=f"受理热线工单 #{request.id} {request.resident_name}（{request.category}）")
    return request


@writes("hotline_request")
def update_request(request_id: int, data: dict[str, Any], version: int | None = None) -> HotlineRequest:
    """Correct the details of a request while it is still open (the due time follows)."""
    request = _load(request_id, version)
    _require(request, OPEN_STATUSES, "修改")
    merged = {k: getattr(request, k if k != "community" else "community_id") for k in REQUEST_FIELDS}
    merged.update({k: v for k, v in data.items() if k in REQUEST_FIELDS})
    clean = _validate_request(merged, request.office_id)
    before = snapshot(request)
    for key, value in clean.items():
        setattr(request, key, value)
    request.due_at = due_at_for(request.received_at, request.urgency)
    _save(request, before, f"修改热线工单 #{request.id}")
    return request


def _load(request_id: int, version: int | None) -> HotlineRequest:
    request = _get(request_id)
    versions.require(request, version, "工单", REQUEST_LABELS, subject=f"热线工单 #{request_id}")
    return request


def _save(request: HotlineRequest, before: dict[str, Any], summary: str) -> None:
    """Write the request if nobody saved it since it was loaded, then audit the change."""
    changes = {f.name: request.__data__.get(f.name) for f in HotlineRequest._meta.sorted_fields
               if f.name not in ("id", "office", "version")}
    versions.save(request, changes, None, "工单", REQUEST_LABELS, subject=f"热线工单 #{request.id}")
    audit("update", request, before=before, after=snapshot(request), summary=summary)


_REFUSALS = {
    ("complete", NEW): "工单尚未分派人员，不能标记完成",
    ("follow_up", NEW): "工单尚未完成，不能回访",
    ("follow_up", ASSIGNED): "工单尚未完成，不能回访",
    ("follow_up", FOLLOWED): "工单已经回访过了",
    ("complete", DONE): "工单已经完成",
    ("complete", FOLLOWED): "工单已经完成并回访",
}


def _require(request: HotlineRequest, allowed: tuple[str, ...], action: str, key: str = "") -> None:
    if request.status in allowed:
        return
    message = _REFUSALS.get((key, request.status))
    raise UserError(message or f"工单当前状态为“{request.status}”，不能{action}")


@writes("hotline_assignment")
def assign(request_id: int, worker_ids: Iterable[int], version: int | None = None,
           at: _dt.datetime | None = None) -> HotlineRequest:
    """Assign one or more active workers (more can be added while the request is 已分派)."""
    request = _load(request_id, version)
    _require(request, OPEN_STATUSES, "分派", "assign")
    ids = list(dict.fromkeys(int(w) for w in worker_ids))
    if not ids:
        raise ValidationError({"workers": "请至少选择一名服务人员"})
    found = {w.id: w for w in Worker.select(Worker.id, Worker.name, Worker.status, Worker.office)
             .where(Worker.id.in_(ids))}
    problems = []
    for worker_id in ids:
        worker = found.get(worker_id)
        if worker is None or worker.office_id != request.office_id:
            problems.append(f"人员 {worker_id} 不存在")
        elif worker.status != vocab.STATUS_ACTIVE:
            problems.append(f"{worker.name}已{worker.status}，不能分派")
    if problems:
        raise ValidationError({"workers": "；".join(problems)})
    at = at or _now()
    existing = {a.worker_id for a in HotlineAssignment.select(HotlineAssignment.worker)
                .where(HotlineAssignment.request == request.id)}
    new_ids = [w for w in ids if w not in existing]
    if new_ids:
        HotlineAssignment.insert_many(
            [{"request": request.id, "worker": w, "assigned_at": at} for w in new_ids]).execute()
    before = snapshot(request)
    request.status = ASSIGNED
    request.assigned_at = request.assigned_at or at
    names = "、".join(found[w].name for w in new_ids) or "（无新增）"
    _save(request, before, f"热线工单 #{request.id} 分派：{names}")
    return request


@writes("hotline_assignment")
def unassign(request_id: int, worker_id: int, version: int | None = None) -> HotlineRequest:
    """Take a worker off a request not yet completed; with nobody left it goes back to 待分派."""
    request = _load(request_id, version)
    _require(request, (ASSIGNED,), "撤回分派")
    HotlineAssignment.delete().where((HotlineAssignment.request == request.id)
                                     & (HotlineAssignment.worker == worker_id)).execute()
    before = snapshot(request)
    if not HotlineAssignment.select().where(HotlineAssignment.request == request.id).exists():
        request.status = NEW
        request.assigned_at = None
    _save(request, before, f"热线工单 #{request.id} 撤回人员 {worker_id}")
    return request


@writes("hotline_request")
def complete(request_id: int, minutes: int, note: str = "", version: int | None = None,
             at: _dt.datetime | None = None) -> HotlineRequest:
    """Mark an assigned request done; credit each assigned worker with `minutes` of service."""
    request = _load(request_id, version)
    _require(request, (ASSIGNED,), "标记完成", "complete")
    at = at or _now()
    problems = {}
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        minutes = -1
    if not 1 <= minutes <= 24 * 60:
        problems["minutes"] = "服务时长应为1到1440分钟"
    if at < request.received_at:
        problems["completed_at"] = "完成时间不能早于受理时间"
    worker_ids = [a.worker_id for a in HotlineAssignment.select(HotlineAssignment.worker)
                  .where(HotlineAssignment.request == request.id)]
    if not worker_ids:
        problems["workers"] = "工单没有分派人员"
    if problems:
        raise ValidationError(problems)
    before = snapshot(request)
    request.status = DONE
    request.completed_at = at
    request.minutes = minutes
    request.completion_note = (note or "").strip()
    hours.credit(PROGRAMME, SOURCE, request.id, at.date(), minutes, worker_ids)
    _save(request, before, f"热线工单 #{request.id} 完成，服务 {minutes} 分钟")
    return request


@writes("hotline_request")
def follow_up(request_id: int, date: Any, satisfaction: str, note: str = "",
              version: int | None = None) -> HotlineRequest:
    """Record the follow-up call (回访) of a completed request."""
    request = _load(request_id, version)
    _require(request, (DONE,), "回访", "follow_up")
    problems = {}
    day = _parse_date(date)
    if day is None:
        problems["date"] = "回访日期格式应为 2026-11-27"
    elif request.completed_at and day < request.completed_at.date():
        problems["date"] = "回访日期不能早于完成日期"
    elif day > _dt.date.today():
        problems["date"] = "回访日期不能晚于今天"
    if satisfaction not in vocab.SATISFACTIONS:
        problems["satisfaction"] = "满意度应为" + "、".join(vocab.SATISFACTIONS) + "之一"
    if problems:
        raise ValidationError(problems)
    before = snapshot(request)
    request.status = FOLLOWED
    request.followed_up_at = _dt.datetime.combine(day, _now().time() if day == _dt.date.today()
                                                  else _dt.time(12, 0))
    request.satisfaction = satisfaction
    request.followup_note = (note or "").strip()
    _save(request, before, f"热线工单 #{request.id} 回访：{satisfaction}")
    return request


def _close(request_id: int, reason: str, status: str, action: str, version: int | None,
           at: _dt.datetime | None) -> HotlineRequest:
    request = _load(request_id, version)
    _require(request, OPEN_STATUSES, action)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": f"请填写{action}原因"})
    before = snapshot(request)
    request.status = status
    request.closed_at = at or _now()
    request.closed_reason = reason
    _save(request, before, f"热线工单 #{request.id} {status}：{reason[:60]}")
    return request


@writes("hotline_request")
def refer(request_id: int, reason: str, version: int | None = None,
          at: _dt.datetime | None = None) -> HotlineRequest:
    """Pass an open request to another body (已转介), e.g. a matter for the court or hospital."""
    return _close(request_id, reason, REFERRED, "转介", version, at)


@writes("hotline_request")
def cancel(request_id: int, reason: str, version: int | None = None,
           at: _dt.datetime | None = None) -> HotlineRequest:
    """Withdraw an open request (已撤销), e.g. the resident solved it or called twice."""
    return _close(request_id, reason, CANCELLED, "撤销", version, at)


# --- statistics ---------------------------------------------------------------------------------

def counts_by_category(start: _dt.date, end: _dt.date) -> dict[str, dict[str, int]]:
    """{category: {status: count}} of requests received between start and end (inclusive)."""
    query = (HotlineRequest.select(HotlineRequest.category, HotlineRequest.status,
                                   fn.COUNT(HotlineRequest.id).alias("n"))
             .where((HotlineRequest.received_at >= _dt.datetime.combine(start, _dt.time()))
                    & (HotlineRequest.received_at
                       < _dt.datetime.combine(end + _dt.timedelta(days=1), _dt.time())))
             .group_by(HotlineRequest.category, HotlineRequest.status))
    out: dict[str, dict[str, int]] = {c: {} for c in vocab.HOTLINE_CATEGORIES}
    for category, status, n in scoped(query, HotlineRequest).tuples():
        out.setdefault(category, {})[status] = int(n)
    return out


def _register_reminder_source() -> None:
    """Hand overdue_reminders to the reminders panel (swdesk/services/reminders.py lists this
    module in its SOURCE_MODULES, so importing it is how the source gets registered)."""
    from swdesk.services import reminders

    reminders.register_source(overdue_reminders, kind="hotline")


_register_reminder_source()
