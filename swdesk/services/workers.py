"""Worker records (社会工作人才): validate, create, update, deactivate, delete, bulk import.

The input of every writer is a dict keyed by Worker field names (see FIELD_LABELS). Values come
from a form or a spreadsheet, so they are forgiving: text is stripped, `specialties` may be a list
or one string with 、,，； separators, `community` may be a Community, its id or its name, dates are
datetime.date (an ISO string is accepted too). An ID number fills in the birth date and gender;
when those are given too they must agree with it.

`check()` is the pure core of the validation (no queries once its context is loaded), shared by
`validate()`/`create()`/`update()` and by `bulk_create()`, the importer's fast path that checks
100k rows against sets preloaded once.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import json
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, fn

from swdesk import db, idcard, pinyin, vocab
from swdesk.errors import PossibleDuplicate
from swdesk.jobs import Progress, report
from swdesk.models import (
    AuditLog,
    Award,
    Certificate,
    Community,
    ElderGroup,
    Evaluation,
    ExternalEducation,
    GroupMember,
    GroupVisitMember,
    HomeVisitWorker,
    HotlineAssignment,
    HouseholdWorker,
    MentoringPair,
    Office,
    OpeningBalance,
    RecordIssue,
    ServiceHours,
    Setting,
    StarCertificate,
    SwRegistration,
    TrainingAttendance,
    VocabItem,
    Worker,
    WorkerPhoto,
    WorkerSpecialty,
)
from swdesk.privacy import mask_id
from swdesk.services import bulk, honours, settings, versions
from swdesk.services.base import (
    UserError,
    ValidationError,
    audit,
    current,
    default_office,
    scoped,
    snapshot,
    writes,
)
from swdesk.services.fieldcheck import character_problem

# Field name → the Chinese label used in forms, messages and the roster spreadsheet.
FIELD_LABELS: dict[str, str] = {
    "name": "姓名",
    "gender": "性别",
    "id_number": "身份证号",
    "birth_date": "出生日期",
    "phone": "手机号码",
    "sector": "所属领域",
    "employer": "工作单位",
    "education": "学历",
    "title": "职称",
    "sw_level": "社工职业水平",
    "specialties": "专业特长",
    "political_status": "政治面貌",
    "kind": "人员类别",
    "community": "所属社区",
    "joined_on": "加入日期",
    "status": "状态",
    "notes": "备注",
    "left_on": "离队日期",
    "left_reason": "离队原因",
    "card_no": "服务证号",
    "card_issued_on": "发证日期",
    "card_valid_until": "有效期至",
}

# Fields a form or a spreadsheet may set (the rest are kept by the service).
INPUT_FIELDS = ("name", "gender", "id_number", "birth_date", "phone", "sector", "employer", "education",
                "title", "sw_level", "specialties", "political_status", "kind", "community", "joined_on",
                "status", "notes")

# Defaults for optional vocabulary fields left empty.
DEFAULTS = {"sw_level": "无", "political_status": "群众", "kind": "志愿者", "status": vocab.STATUS_ACTIVE}

_CHOICES = {
    "gender": vocab.GENDERS,
    "sector": vocab.SECTORS,
    "education": vocab.EDUCATIONS,
    "title": vocab.TITLES,
    "sw_level": vocab.SW_LEVELS,
    "political_status": vocab.POLITICAL_STATUSES,
    "kind": vocab.WORKER_KINDS,
    "status": vocab.WORKER_STATUSES,
}
_CANONICAL = {key: {v: v for v in values} for key, values in _CHOICES.items()}
_REQUIRED_CHOICES = ("sector", "education", "title")
_GENDER_ALIASES = {"男性": "男", "女性": "女", "m": "男", "f": "女", "male": "男", "female": "女"}
_MOBILE = re.compile(r"^1\d{10}$")
_MAX_LEN = {"name": 50, "employer": 100, "notes": 2000}

BATCH_SIZE = 500
CARD_SEQ_KEY = "card_seq:{street}:{year}"


# --- validation ----------------------------------------------------------------------------------

@dataclass
class CheckContext:
    """What check() compares against, loaded once (per form save, or per import)."""

    office: Office
    communities: dict[str, int]                 # name → id, the office's communities
    specialties: tuple[str, ...]                # allowed labels (built-in + the office's)
    existing_ids: dict[str, int] | None = None  # ID number → worker id; None = ask the database
    create_communities: bool = False
    today: _dt.date = field(default_factory=_dt.date.today)

    @property
    def community_ids(self) -> set[int]:
        return set(self.communities.values())


class CheckedRow:
    """check()'s clean values of one row, held compactly for a big import (a 21-key dict costs
    ~1.2 KB, these slots ~0.2 KB: 100,000 checked rows ~95 MB less at the import's peak). Reads
    and writes like the dict it replaces (row["name"], row.get(...), row.pop(...))."""

    __slots__ = ("name", "employer", "notes", "gender", "sector", "education", "title", "sw_level",
                 "political_status", "kind", "status", "birth_date", "joined_on", "id_number", "phone",
                 "specialty_list", "specialties", "community", "new_community", "_row", "_office", "_record")

    def __init__(self, values: dict[str, Any]):
        for key, value in values.items():
            setattr(self, key, value)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: Any) -> None:
        setattr(self, key, value)

    def __contains__(self, key: str) -> bool:
        return hasattr(self, key)

    def pop(self, key: str, default: Any = None) -> Any:
        value = getattr(self, key, default)
        if hasattr(self, key):
            delattr(self, key)
        return value


def load_context(office: Office | None = None, *, create_communities: bool = False,
                 preload_ids: bool = False) -> CheckContext:
    office = office or default_office()
    communities = {name: cid for cid, name in
                   Community.select(Community.id, Community.name).where(Community.office == office).tuples()}
    existing = None
    if preload_ids:
        existing = {number: wid for wid, number in Worker.select(Worker.id, Worker.id_number)
                    .where(Worker.id_number.is_null(False)).tuples()}
    return CheckContext(office=office, communities=communities, specialties=allowed_specialties(),
                        existing_ids=existing, create_communities=create_communities)


def allowed_specialties() -> tuple[str, ...]:
    """Built-in specialties plus those the office added (VocabItem kind 'specialty')."""
    added = [label for (label,) in VocabItem.select(VocabItem.label)
             .where(VocabItem.kind == "specialty").order_by(VocabItem.position, VocabItem.id).tuples()]
    return tuple(vocab.SPECIALTIES) + tuple(a for a in added if a not in vocab.SPECIALTIES)


def check(data: dict[str, Any], ctx: CheckContext, worker_id: int | None = None
          ) -> tuple[dict[str, Any], dict[str, str]]:
    """Normalise one record and collect every problem: (clean values, {field: Chinese message}).

    Clean values are ready for Worker columns, plus `specialty_list` and, for a community that does
    not exist yet (only with ctx.create_communities), `new_community` (its name).
    """
    clean: dict[str, Any] = {}
    problems: dict[str, str] = {}

    def fail(key: str, message: str) -> None:
        problems.setdefault(key, message)

    for key in ("name", "employer", "notes"):
        value = _text(data.get(key))
        if len(value) > _MAX_LEN[key]:
            fail(key, f"不能超过{_MAX_LEN[key]}个字")
        elif (problem := character_problem(value, multiline=key == "notes")) is not None:
            fail(key, f"{FIELD_LABELS[key]}{problem}")
        clean[key] = value
    if not clean["name"]:
        fail("name", "请填写姓名")

    gender = _text(data.get("gender"))
    gender = _GENDER_ALIASES.get(gender.lower(), gender)
    for key in _CHOICES:
        if key == "gender":
            value = gender
        else:
            value = _text(data.get(key)) or DEFAULTS.get(key, "")
        # The vocabulary's own string object: 100,000 imported rows share 8 of them instead of
        # holding 800,000 copies (~50 MB of the import's peak).
        clean[key] = value = _CANONICAL[key].get(value, value)
        if value and value not in _CHOICES[key]:
            fail(key, f"“{_shown(value)}”不是可选值（可选：{'、'.join(_CHOICES[key])}）")
    for key in _REQUIRED_CHOICES:
        if not clean[key]:
            fail(key, f"请填写{FIELD_LABELS[key]}")

    for key in ("birth_date", "joined_on"):
        try:
            clean[key] = _date(data.get(key))
        except ValueError as exc:
            fail(key, str(exc) or "日期格式不正确，请写成 2026-01-05")
            clean[key] = None

    _check_identity(data, clean, ctx, worker_id, problems)

    phone = _text(data.get("phone")).replace(" ", "").replace("-", "")
    if phone and not _MOBILE.match(phone):
        fail("phone", "手机号码应为以1开头的11位数字")
    clean["phone"] = phone

    specialties = _specialty_list(data.get("specialties"))
    unknown = [s for s in specialties if s not in ctx.specialties]
    if unknown:
        fail("specialties", f"“{_shown('、'.join(unknown))}”不在专业特长列表中（可选：{'、'.join(ctx.specialties)}）")
    clean["specialty_list"] = specialties
    clean["specialties"] = vocab.SPECIALTY_JOINER.join(specialties)
    if len(clean["specialties"]) > 200:
        fail("specialties", "专业特长太多（合计不能超过200个字）")

    _check_community(data.get("community"), clean, ctx, problems)

    joined = clean["joined_on"]
    if joined is not None:
        if joined > ctx.today:
            fail("joined_on", "加入日期不能晚于今天")
        elif clean["birth_date"] is not None and joined < clean["birth_date"]:
            fail("joined_on", "加入日期早于出生日期")
    return clean, problems


def _check_identity(data: dict[str, Any], clean: dict[str, Any], ctx: CheckContext,
                    worker_id: int | None, problems: dict[str, str]) -> None:
    """ID number, birth date and gender: either a valid ID (which fills the other two and must agree
    with them), or both birth date and gender."""
    def fail(key: str, message: str) -> None:
        problems.setdefault(key, message)

    number = idcard.normalise(_text(data.get("id_number")))
    clean["id_number"] = number or None
    if number:
        if "*" in number:
            fail("id_number", "身份证号不完整（含 * 号，是打码后的号码）")
            return
        try:
            info = idcard.parse(number)
        except idcard.IdNumberError as exc:
            fail("id_number", str(exc))
            return
        if clean["birth_date"] is None and "birth_date" not in problems:
            clean["birth_date"] = info.birth_date
        elif clean["birth_date"] is not None and clean["birth_date"] != info.birth_date:
            fail("birth_date", f"出生日期与身份证号不一致（身份证号为 {info.birth_date.isoformat()}）")
        if not clean["gender"]:
            clean["gender"] = info.gender
        elif clean["gender"] != info.gender:
            fail("gender", f"性别与身份证号不一致（身份证号为{info.gender}）")
        other = _worker_with_id(number, ctx)
        if other is not None and other != worker_id:
            fail("id_number", f"身份证号与已有人员重复（{_worker_label(other)}）")
        return
    if clean["birth_date"] is None:
        fail("birth_date", "没有身份证号时请填写出生日期")
    if not clean["gender"]:
        fail("gender", "没有身份证号时请填写性别")
    birth = clean["birth_date"]
    if birth is not None and (birth.year < 1900 or birth > ctx.today):
        fail("birth_date", "出生日期不合理")


def _worker_with_id(number: str, ctx: CheckContext) -> int | None:
    if ctx.existing_ids is not None:
        return ctx.existing_ids.get(number)
    return Worker.select(Worker.id).where(Worker.id_number == number).scalar()


def _worker_label(worker_id: int) -> str:
    row = Worker.select(Worker.name, Worker.card_no).where(Worker.id == worker_id).first()
    if row is None:
        return f"编号 {worker_id}"
    return f"{row.name}，服务证号 {row.card_no}" if row.card_no else row.name


def _check_community(value: Any, clean: dict[str, Any], ctx: CheckContext, problems: dict[str, str]) -> None:
    def fail(key: str, message: str) -> None:
        problems.setdefault(key, message)

    clean["community"] = None
    if value is None or value == "" or value == 0:
        return
    if isinstance(value, Community):
        value = value.id
    if isinstance(value, int) and not isinstance(value, bool):
        if value not in ctx.community_ids:
            fail("community", "所选社区不属于本街道或已被删除")
        else:
            clean["community"] = value
        return
    name = _text(value)
    if not name:
        return
    if name in ctx.communities:
        clean["community"] = ctx.communities[name]
    elif len(name) > 50:
        fail("community", "社区名称不能超过50个字")
    elif (problem := character_problem(name)) is not None:
        fail("community", f"社区名称{problem}")
    elif ctx.create_communities:
        clean["new_community"] = name
    else:
        fail("community", f"社区“{_shown(name)}”不存在，请先在设置中添加")


def _shown(text: str, limit: int = 30) -> str:
    """A value quoted in a one-line message: line breaks collapsed, long text cut."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit] + "…"


def _text(value: Any) -> str:
    if type(value) is str:      # nearly always (12 calls a row on an import)
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: Any) -> _dt.date | None:
    """A date, or text a clerk types (2026-01-05, 2026/1/5, 2026年1月5日, 20260105); ValueError
    with a Chinese message otherwise. The same reading as a spreadsheet cell's."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    from swdesk.xlsx.common import parse_date

    return parse_date(str(value))


def _specialty_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return vocab.split_specialties(value)
    out: list[str] = []
    for item in value:
        for part in vocab.split_specialties(str(item)):
            if part not in out:
                out.append(part)
    return out


def validate(data: dict[str, Any], worker_id: int | None = None, *,
             create_communities: bool = False) -> dict[str, str]:
    """Every problem of `data` at once: {field name: Chinese message}; {} when it can be saved."""
    office = _office_of(worker_id)
    _clean, problems = check(data, load_context(office, create_communities=create_communities), worker_id)
    return problems


def _office_of(worker_id: int | None) -> Office:
    if worker_id is None:
        return default_office()
    return get(worker_id).office


# --- reading --------------------------------------------------------------------------------------

USUAL_FIELDS = ("political_status", "kind", "sw_level")


def usual_values() -> dict[str, str]:
    """The new-worker form's starting values for 政治面貌, 人员类别 and 职业水平: the value more
    than half of the office's workers have, else "" (left for the clerk; saved empty, the field
    gets DEFAULTS). A guess such as 中共党员 when only 44 % of the demo office are members would be
    wrong for most new people."""
    total = scoped(Worker.select(), Worker).count()
    values = {}
    for name in USUAL_FIELDS:
        column = getattr(Worker, name)
        top = (scoped(Worker.select(column, fn.COUNT(Worker.id).alias("n")), Worker)
               .group_by(column).order_by(fn.COUNT(Worker.id).desc(), column).limit(1).tuples().first())
        values[name] = top[0] if top and top[0] and top[1] * 2 > total else ""
    return values


def get(worker_id: int) -> Worker:
    worker = scoped(Worker.select(), Worker).where(Worker.id == worker_id).first()
    if worker is None:
        raise UserError(f"找不到编号为 {worker_id} 的人员（可能已被删除）")
    return worker


def as_form_data(worker: Worker) -> dict[str, Any]:
    """The worker's editable values in the shape create()/update() take."""
    data = {key: getattr(worker, key) for key in INPUT_FIELDS if key not in ("community", "specialties")}
    data["community"] = worker.community_id
    data["specialties"] = vocab.split_specialties(worker.specialties)
    return data


# --- possible duplicates ---------------------------------------------------------------------------

# The fields whose change makes an edited record worth comparing with the roster again.
IDENTITY_FIELDS = ("name", "id_number", "birth_date", "phone")


def duplicate_reason(has_id: bool, birth: Any, phone: str,
                     other_has_id: bool, other_birth: Any, other_phone: str) -> str:
    """Why two people of the same name may be one (the single save's and the import's rule): the
    same birth date or the same mobile number while at least one has no ID number; "" otherwise.
    (The same ID number is not "possible": check() refuses it outright.)"""
    if has_id and other_has_id:
        return ""
    whose = "双方都没有身份证号" if not (has_id or other_has_id) else "其中一方没有身份证号"
    if birth is not None and birth == other_birth:
        return f"姓名和出生日期相同，{whose}"
    if phone and phone == other_phone:
        return f"姓名和手机号码相同，{whose}"
    return ""


def possible_duplicates(clean: dict[str, Any], worker_id: int | None = None) -> list[tuple[int, str]]:
    """Workers already saved who may be the person of `clean` (check()'s values): (id, a line
    naming them — community, birth date, masked ID, card number — and why). One indexed query by
    name."""
    name = clean.get("name")
    if not name:
        return []
    query = (Worker.select(Worker.id, Worker.name, Worker.id_number, Worker.birth_date, Worker.phone,
                           Worker.card_no, Community.name.alias("community_name"))
             .join(Community, JOIN.LEFT_OUTER, on=(Worker.community == Community.id))
             .where(Worker.name == name).order_by(Worker.id))
    if worker_id is not None:
        query = query.where(Worker.id != worker_id)
    found = []
    for row in query.objects():
        reason = duplicate_reason(bool(clean.get("id_number")), clean.get("birth_date"), clean.get("phone") or "",
                                  bool(row.id_number), row.birth_date, row.phone or "")
        if reason:
            found.append((row.id, f"{person_line(row, row.community_name)}（{reason}）"))
    return found


def person_line(worker: Worker, community: str | None) -> str:
    """One worker as a clerk tells people apart: name, community, birth date, masked ID, card."""
    parts = [community or "未填社区", f"{worker.birth_date.isoformat()}生" if worker.birth_date else "",
             f"身份证 {mask_id(worker.id_number)}" if worker.id_number else "无身份证号",
             f"服务证号 {worker.card_no}" if worker.card_no else ""]
    return f"{worker.name}（{'，'.join(p for p in parts if p)}）"


def _refuse_duplicates(clean: dict[str, Any], worker_id: int | None) -> None:
    found = possible_duplicates(clean, worker_id)
    if found:
        raise PossibleDuplicate(found)


# --- writing one record -----------------------------------------------------------------------------

@writes("worker")
def create(data: dict[str, Any], *, create_communities: bool = False, allow_duplicates: bool = False) -> Worker:
    """Validate and add one worker with a new service card number; returns the saved Worker.
    A possible duplicate (possible_duplicates) raises PossibleDuplicate unless `allow_duplicates`
    (the clerk said 仍然保存)."""
    office = default_office()
    clean, problems = check(data, load_context(office, create_communities=create_communities))
    if problems:
        raise ValidationError(problems)
    if not allow_duplicates:
        _refuse_duplicates(clean, None)
    _create_new_community(clean, office)
    today = _dt.date.today()
    card_no = reserve_card_numbers(office, today.year, 1)[0]
    full, initials = pinyin.full_and_initials(clean["name"])
    worker = Worker.create(
        office=office, **_columns(clean), name_pinyin=full, name_initials=initials,
        card_no=card_no, card_issued_on=today, card_valid_until=settings.card_valid_until(today))
    _write_specialties(worker.id, clean["specialty_list"])
    audit("create", worker, after=snapshot(worker), summary=f"新增人员 {worker.name}")
    return worker


@writes("worker")
def update(worker_id: int, data: dict[str, Any], expected_version: int, *, allow_duplicates: bool = False) -> Worker:
    """Change a worker. `data` may hold only the changed fields. Raises ConflictError when someone
    else saved the record after it was read (its version is no longer `expected_version`), and
    PossibleDuplicate when a changed name, ID, birth date or phone makes the record look like
    another worker's (unless `allow_duplicates`; an unchanged pair the clerk kept is not asked
    about again)."""
    worker = get(worker_id)
    _require_version(worker, expected_version)
    before = snapshot(worker)
    merged = as_form_data(worker)
    merged.update({k: v for k, v in data.items() if k in INPUT_FIELDS})
    clean, problems = check(merged, load_context(worker.office), worker_id)
    if problems:
        raise ValidationError(problems)
    if not allow_duplicates and any(clean[k] != getattr(worker, k) for k in IDENTITY_FIELDS):
        _refuse_duplicates(clean, worker_id)
    columns = _columns(clean)
    if columns["name"] != worker.name:
        columns["name_pinyin"], columns["name_initials"] = pinyin.full_and_initials(columns["name"])
    specialties_changed = clean["specialties"] != worker.specialties
    _save_version(worker, {**columns, "updated_at": _dt.datetime.now().replace(microsecond=0)},
                  expected_version)
    if specialties_changed:
        _write_specialties(worker_id, clean["specialty_list"], replace=True)
    worker = get(worker_id)
    after = snapshot(worker)
    labels = [FIELD_LABELS.get(k, k) for k in after if k in FIELD_LABELS and before.get(k) != after.get(k)]
    audit("update", worker, before=before, after=after,
          summary=f"修改人员 {worker.name}：{'、'.join(labels) or '无变化'}")
    return worker


@writes("worker")
def deactivate(worker_id: int, reason: str, on: _dt.date) -> Worker:
    """Mark a worker as having left the team (离队) on `on`, for `reason`."""
    worker = get(worker_id)
    if worker.status == vocab.STATUS_LEFT:
        raise UserError(f"{worker.name}已是离队状态")
    problems = {}
    reason = (reason or "").strip()
    if len(reason) > 200:
        problems["left_reason"] = "离队原因不能超过200个字"
    if on is None:
        problems["left_on"] = "请填写离队日期"
    elif on > _dt.date.today():
        problems["left_on"] = "离队日期不能晚于今天"
    elif worker.joined_on and on < worker.joined_on:
        problems["left_on"] = "离队日期早于加入日期"
    if problems:
        raise ValidationError(problems)
    return _set_status(worker, vocab.STATUS_LEFT, on, reason, "deactivate", f"人员离队 {worker.name}：{reason}")


@writes("worker")
def reactivate(worker_id: int) -> Worker:
    """Bring a worker who left back onto the roster (在册)."""
    worker = get(worker_id)
    if worker.status == vocab.STATUS_ACTIVE:
        raise UserError(f"{worker.name}已是在册状态")
    return _set_status(worker, vocab.STATUS_ACTIVE, None, "", "reactivate", f"人员恢复在册 {worker.name}")


def _set_status(worker: Worker, status: str, left_on, reason: str, action: str, summary: str) -> Worker:
    before = snapshot(worker)
    now = _dt.datetime.now().replace(microsecond=0)
    _save_version(worker, {"status": status, "left_on": left_on, "left_reason": reason, "updated_at": now}, None)
    worker = get(worker.id)
    audit(action, worker, before=before, after=snapshot(worker), summary=summary)
    return worker


# What keeps a worker from being deleted: (model, its worker field, what the clerk is told).
_DEPENDENTS = (
    (ServiceHours, ServiceHours.worker, "服务时长记录"),
    (MentoringPair, MentoringPair.mentor, "一对一帮教结对"),
    (GroupMember, GroupMember.worker, "扶老助老小组成员记录"),
    (ElderGroup, ElderGroup.leader, "扶老助老小组组长"),
    (GroupVisitMember, GroupVisitMember.worker, "扶老助老走访记录"),
    (HouseholdWorker, HouseholdWorker.worker, "家庭病床负责记录"),
    (HomeVisitWorker, HomeVisitWorker.worker, "家庭病床上门记录"),
    (HotlineAssignment, HotlineAssignment.worker, "热线工单"),
    (TrainingAttendance, TrainingAttendance.worker, "培训签到"),
    (Certificate, Certificate.worker, "服务证明"),
    # issue 18: the rest of the worker's record
    (SwRegistration, SwRegistration.worker, "职业水平登记"),
    (ExternalEducation, ExternalEducation.worker, "继续教育学时"),
    (OpeningBalance, OpeningBalance.worker, "以往服务时长"),
    (Award, Award.worker, "表彰奖励"),
    (Evaluation, Evaluation.worker, "评价"),
    (StarCertificate, StarCertificate.worker, "星级证书"),
    (RecordIssue, RecordIssue.worker, "个人志愿服务记录"),
)


@writes("worker")
def delete(worker_id: int, reason: str) -> None:
    """Delete a record entered by mistake. Refused when the worker has any service record: a
    worker who served and left is deactivated instead, so that history and hours stay true."""
    worker = get(worker_id)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写删除原因"})
    found = []
    for model, column, label in _DEPENDENTS:
        count = model.select().where(column == worker_id).count()
        if count:
            found.append(f"{label} {count} 条")
    if found:
        raise UserError(f"{worker.name}已有{'、'.join(found)}，不能删除；如已不再服务，请改为“离队”")
    before = snapshot(worker)
    WorkerSpecialty.delete().where(WorkerSpecialty.worker == worker_id).execute()
    WorkerPhoto.delete().where(WorkerPhoto.worker == worker_id).execute()
    Worker.delete().where(Worker.id == worker_id).execute()
    audit("delete", table="worker", record_id=worker_id, before=before,
          summary=f"删除人员 {worker.name}（原因：{reason}）"[:200])


_INPUT_VALUES = operator.attrgetter(*INPUT_FIELDS)


def _columns(clean: dict[str, Any] | CheckedRow) -> dict[str, Any]:
    if type(clean) is CheckedRow:
        # One C call instead of 17 CheckedRow.__getitem__ (~5 % of a 100,000-row import's CPU).
        return dict(zip(INPUT_FIELDS, _INPUT_VALUES(clean), strict=True))
    return {k: clean[k] for k in INPUT_FIELDS}


def _create_new_community(clean: dict[str, Any], office: Office) -> None:
    name = clean.pop("new_community", None)
    if name:
        community = Community.create(office=office, name=name)
        audit("create", community, after=snapshot(community), summary=f"新增社区 {name}")
        clean["community"] = community.id


def _write_specialties(worker_id: int, specialties: Iterable[str], replace: bool = False) -> None:
    if replace:
        WorkerSpecialty.delete().where(WorkerSpecialty.worker == worker_id).execute()
    rows = [{"worker": worker_id, "specialty": s} for s in specialties]
    if rows:
        WorkerSpecialty.insert_many(rows).execute()


def _require_version(worker: Worker, expected_version: int | None) -> None:
    versions.require(worker, expected_version, "人员", FIELD_LABELS, subject=f"{worker.name}的记录",
                     display=display_value)


def _save_version(worker: Worker, changes: dict[str, Any], expected_version: int | None) -> None:
    """Compare-and-swap on the version (swdesk.services.versions): a save made by someone else
    between our read and our write is refused, naming what it changed."""
    versions.save(worker, changes, expected_version, "人员", FIELD_LABELS, subject=f"{worker.name}的记录",
                  display=display_value)


def display_value(worker: Worker, key: str) -> str:
    """A field's value as the clerk reads it (community name, ISO dates, masked ID)."""
    if key == "community":
        return worker.community.name if worker.community_id else "（空）"
    value = getattr(worker, key)
    if key == "id_number":
        return mask_id(value) or "（空）"
    if value is None or value == "":
        return "（空）"
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


# --- card numbers -------------------------------------------------------------------------------------

def reserve_card_numbers(office: Office, year: int, count: int) -> list[str]:
    """`count` new service card numbers for `office` in `year` (call inside a write transaction).

    The running number continues from a counter kept in the settings table and from the highest
    number already issued with the same prefix, so numbers are never reused, even after a delete.
    """
    if count <= 0:
        return []
    key = CARD_SEQ_KEY.format(street=office.street_code, year=year)
    counter = int(settings.get(key, 0) or 0)
    start = max(counter, _highest_issued_seq(office, year)) + 1
    formatter = settings.card_no_formatter(office, year)
    numbers = [formatter(seq) for seq in range(start, start + count)]
    last = json.dumps(start + count - 1)
    Setting.insert(key=key, value=last).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: last}).execute()
    return numbers


def _highest_issued_seq(office: Office, year: int) -> int:
    fmt = str(settings.get("card_no_format"))
    if "{seq}" not in fmt:
        return 0
    head, tail = fmt.split("{seq}", 1)
    prefix = head.format(street=office.street_code, year=f"{year:04d}")
    suffix = tail.format(street=office.street_code, year=f"{year:04d}")
    pattern = re.compile(re.escape(prefix) + r"(\d+)" + re.escape(suffix) + "$")
    query = Worker.select(Worker.card_no).where(Worker.card_no.is_null(False))
    if prefix:
        # LIKE 'prefix%' (peewee escapes % and _): correct under any collation, unlike a range.
        query = query.where(Worker.card_no.startswith(prefix))
    highest = 0
    width = int(settings.get("card_no_seq_width"))
    expected_len = len(prefix) + width + len(suffix)
    # Zero-padded numbers of one width sort as text in numeric order: the largest is enough.
    top = query.where(fn.LENGTH(Worker.card_no) == expected_len).order_by(Worker.card_no.desc()).first()
    candidates = [top.card_no] if top else []
    longer = query.where(fn.LENGTH(Worker.card_no) > expected_len).tuples()
    candidates.extend(no for (no,) in longer)
    for card_no in candidates:
        match = pattern.match(card_no)
        if match:
            highest = max(highest, int(match.group(1)))
    return highest


# --- the importer's fast path -------------------------------------------------------------------------

@writes("worker")
def bulk_create(rows: list[dict[str, Any]], progress: Progress | None = None, *, source: str = "") -> int:
    """Add many workers in this one transaction (the roster import): every row is checked first
    against sets loaded once (no query per row); any problem → ValidationError({"第N行 列名": 问题})
    and nothing written. Communities named in the rows are created under the office. Keys starting
    with '_' are ignored ('_row' gives the row number used in messages; a row carrying '_office', the
    importer's check pass result, is check()'s clean output for that office, so that only what may
    have changed since — ID numbers saved meanwhile, communities deleted — is checked again). Each worker gets an
    "import" line in the audit log, and the whole import one more naming `source` (the file).
    Returns the count."""
    office = default_office()
    ctx = load_context(office, create_communities=True, preload_ids=True)
    community_ids = ctx.community_ids
    cleaned: list[dict[str, Any]] = []
    problems: dict[str, str] = {}
    seen_ids: dict[str, int] = {}
    for index, row in enumerate(rows, start=1):
        label = f"第{row.get('_row', index)}行"
        if row.get("_office") == office.id:
            # Already cleaned by check() (the importer's check pass): taken as it is, not copied
            # (50,000 rows held twice cost ~70 MB); only what the database may have changed since.
            clean, row_problems = row, _recheck(row, ctx, community_ids)
        else:
            clean, row_problems = check(row, ctx)
        number = clean.get("id_number")
        if number and number in seen_ids and "id_number" not in row_problems:
            row_problems["id_number"] = f"身份证号与{seen_ids[number]}重复"
        elif number:
            seen_ids[number] = label
        for key, message in row_problems.items():
            problems[f"{label} {FIELD_LABELS.get(key, key)}"] = message
        cleaned.append(clean)
    if problems:
        raise ValidationError(problems)
    ids = add_many(cleaned, progress, source=source, ctx=ctx)
    # The record columns (certificate, awards, evaluations) of the roster, in the same transaction.
    honours.add_imported([(i, row["_record"]) for i, row in zip(ids, rows, strict=True) if row.get("_record")],
                         source)
    audit("import", table="worker", after={"count": len(ids), "file": source},
          summary=f"导入花名册 {len(ids)} 人" + (f"：{source}" if source else ""))
    return len(ids)


@writes("worker")
def add_many(records: list[dict[str, Any]], progress: Progress | None = None, *, source: str = "",
             action: str = "import", ctx: CheckContext | None = None) -> list[int]:
    """Write workers whose values check() has already cleaned (the one bulk path: the roster import
    and the demo data). Returns their ids in the order of `records`.

    Each record holds the INPUT_FIELDS columns and `specialty_list`; optionally `new_community`
    (a community to create under the office), `office` (an office id, default the current office),
    `card_issued_on` (default today), `left_on` and `left_reason`. Card numbers, card validity and
    pinyin come from the functions the single save uses (reserve_card_numbers,
    settings.card_valid_until, pinyin.full_and_initials), numbered per office and year in order of
    issue. Inserts go in batches of BATCH_SIZE; each batch is one audit entry listing its workers
    (id, name, card number) and naming `source`."""
    office = default_office()
    ctx = ctx or load_context(office, create_communities=True)
    _create_communities(records, office, ctx)
    today = _dt.date.today()
    issued = [r.get("card_issued_on") or today for r in records]
    offices = [r.get("office") or office.id for r in records]
    numbers = _card_numbers(offices, issued)
    valid = _valid_until_by_date(set(issued))
    operator = current().operator_login or current().operator_name
    total = len(records)
    ids: list[int] = []
    bulk_load = total >= max(2000, Worker.select().count())
    with db.trigram_bulk_load(Worker._meta.table_name) if bulk_load else contextlib.nullcontext():
        for start in range(0, total, BATCH_SIZE):
            end = min(start + BATCH_SIZE, total)
            batch = [(records[i], offices[i], numbers[i], issued[i], valid[issued[i]]) for i in range(start, end)]
            ids.extend(_insert_batch(batch, operator, action, source))
            report(progress, end, total)
    return ids


def _card_numbers(offices: list[int], issued: list[_dt.date]) -> list[str]:
    """A new card number for each record, in order of issue within each office and year."""
    groups: dict[tuple[int, int], list[int]] = {}
    for index in sorted(range(len(issued)), key=lambda i: (offices[i], issued[i], i)):
        groups.setdefault((offices[index], issued[index].year), []).append(index)
    numbers = [""] * len(issued)
    by_id = {o.id: o for o in Office.select().where(Office.id.in_(list({k[0] for k in groups})))}
    for (office_id, year), indexes in groups.items():
        for index, number in zip(indexes, reserve_card_numbers(by_id[office_id], year, len(indexes)), strict=True):
            numbers[index] = number
    return numbers


def _valid_until_by_date(days: set[_dt.date]) -> dict[_dt.date, _dt.date]:
    valid_until = settings.card_validity()
    return {day: valid_until(day) for day in days}


def _recheck(clean: dict[str, Any], ctx: CheckContext, community_ids: set[int]) -> dict[str, str]:
    """What can change between the importer's reading pass and its write: the database."""
    problems = {}
    number = clean.get("id_number")
    other = ctx.existing_ids.get(number) if number and ctx.existing_ids is not None else None
    if other is not None:
        problems["id_number"] = f"身份证号与已有人员重复（{_worker_label(other)}）"
    if clean.get("community") and clean["community"] not in community_ids:
        problems["community"] = "所选社区已被删除"
    return problems


def _create_communities(cleaned: list[dict[str, Any]], office: Office, ctx: CheckContext) -> None:
    new_names: list[str] = []
    for clean in cleaned:
        name = clean.get("new_community")
        if name and name not in new_names and name not in ctx.communities:
            new_names.append(name)
    for name in new_names:
        community = Community.create(office=office, name=name)
        audit("create", community, after=snapshot(community), summary=f"导入时新增社区 {name}")
        ctx.communities[name] = community.id
    for clean in cleaned:
        name = clean.pop("new_community", None)
        if name:
            clean["community"] = ctx.communities[name]


def _insert_batch(batch: list[tuple[dict[str, Any], int, str, _dt.date, _dt.date]], operator: str,
                  action: str, source: str) -> list[int]:
    """Insert (record, office id, card number, issued, valid until) rows; returns their ids."""
    now = _dt.datetime.now().replace(microsecond=0)
    rows = []
    for clean, office_id, card_no, issued, valid in batch:
        full, initials = pinyin.full_and_initials(clean["name"])
        row = _columns(clean)
        row.update(office=office_id, name_pinyin=full, name_initials=initials, card_no=card_no,
                   card_issued_on=issued, card_valid_until=valid, version=1, created_at=now, updated_at=now,
                   left_on=clean.get("left_on"), left_reason=clean.get("left_reason") or "")
        rows.append(row)
    bulk.insert_rows(Worker, rows)
    # Card numbers are unique: they give back the ids of the rows just inserted, on any engine
    # (plain SQL: peewee's query building and row wrapping were ~5 % of the import's CPU).
    numbers = [row["card_no"] for row in rows]
    by_number = dict(bulk.select_in(Worker, (Worker.card_no, Worker.id), Worker.card_no, numbers))
    ids = [by_number[number] for number in numbers]
    specialty_rows = [{"worker": worker_id, "specialty": s}
                      for (clean, *_), worker_id in zip(batch, ids, strict=True) for s in clean["specialty_list"]]
    if specialty_rows:
        bulk.insert_rows(WorkerSpecialty, specialty_rows)
    listed = [[worker_id, row["name"], row["card_no"]] for worker_id, row in zip(ids, rows, strict=True)]
    what = "导入" if action == "import" else "添加"
    summary = f"{what}人员 {len(rows)} 人：{rows[0]['name']} 等" + (f"（{source}）" if source else "")
    bulk.insert_rows(AuditLog, [{"at": now, "operator": operator, "action": action, "table": "worker",
                             "record_id": "", "summary": summary[:200], "before": "",
                             "after": json.dumps({"source": source, "workers": listed}, ensure_ascii=False)}])
    return ids
