"""扫码签到: a scanned service-card QR code checks a worker in.

`check_in(context, scanned_text)` verifies the code with the card verification of
swdesk.services.cards (genuine for this office's key, not expired, not superseded, holder 在册),
then checks the worker against the context:

- `CourseAttendance(course_id)`: a training course. The worker is recorded at once through
  training.add_attendance (a writer: role check, transaction, audit).
- `Selection(office_id, present, allowed)`: people being picked in a form not yet saved (the
  members present at an elder-care or home-bed visit, the worker who came for a hotline request).
  Nothing is written; the result names the worker and the form adds them to its selection.

Refusals carry a reason code (伪造、已过期、已离队、不是本单位、已签到, and 无法识别 / 不是本组成员)
and one Chinese sentence. A repeated scan is refused as 已签到 and changes nothing. 不是本单位 is a
worker of another office of this database, or a card of another street's database (its own key,
so it fails the check, but its number carries none of our street codes).
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Collection
from dataclasses import dataclass, field

from swdesk import vocab
from swdesk.errors import UserError
from swdesk.models import ElderGroup, HotlineRequest, Household, Office, TrainingCourse, Worker
from swdesk.services import cards, photos, settings, training
from swdesk.services.base import current, get_scoped, scoped

OK = ""
UNREADABLE = "无法识别"
FORGED = "伪造"
EXPIRED = "已过期"
DEPARTED = "已离队"
OTHER_OFFICE = "不是本单位"
ALREADY = "已签到"
NOT_MEMBER = "不是本组成员"


@dataclass(frozen=True)
class CourseAttendance:
    """Check-in at a training course: recorded in its attendance at once."""

    course_id: int


@dataclass
class Selection:
    """Check-in into a form's selection (not yet saved): `present` are the workers already
    checked in; `allowed` (when given) are the only workers who may be (a group's members),
    `allowed_label` names them in the refusal."""

    office_id: int
    present: set[int] = field(default_factory=set)
    allowed: Collection[int] | None = None
    allowed_label: str = "本组成员"


_OWNERS = {"elder_group": (ElderGroup, "扶老助老小组"), "household": (Household, "家庭病床户"),
           "hotline_request": (HotlineRequest, "热线工单")}


def office_of(kind: str, record_id: int) -> int:
    """The office of the record a form's selection belongs to ("elder_group", "household",
    "hotline_request"): its workers must be of that office."""
    model, what = _OWNERS[kind]
    return get_scoped(model, record_id, what).office_id


@dataclass(frozen=True)
class CheckinResult:
    ok: bool
    reason: str                 # OK ("") or one of the reason codes above
    message: str                # one Chinese sentence for the result line
    worker_id: int | None = None
    name: str = ""
    card_no: str = ""
    has_photo: bool = False
    recorded: bool = False      # written to the database now (training attendance)


def _refuse(reason: str, message: str, worker: Worker | None = None, card_no: str = "") -> CheckinResult:
    if worker is None:
        return CheckinResult(False, reason, message, card_no=card_no)
    return CheckinResult(False, reason, message, worker.id, worker.name, worker.card_no or card_no,
                         photos.has_photo(worker.id))


def _holder(verdict: cards.VerifyResult) -> Worker | None:
    if verdict.worker_id is None:
        return None
    return (Worker.select(Worker.id, Worker.name, Worker.card_no, Worker.office, Worker.status)
            .where(Worker.id == verdict.worker_id).first())


def _issued_elsewhere(card_no: str) -> bool:
    """A code that fails the check but whose card number carries none of this database's street
    codes is another street's card (made with its own key): 不是本单位 rather than 伪造."""
    if not card_no or "{street}" not in settings.get("card_no_format"):
        return False
    codes = [c for (c,) in Office.select(Office.street_code).tuples() if c]
    return bool(codes) and not any(code in card_no for code in codes)


def _card_refusal(text: str, verdict: cards.VerifyResult, worker: Worker | None,
                  office_id: int) -> CheckinResult | None:
    """The refusal of a card that is not good for this office today, or None."""
    if not verdict.genuine:
        looks_ours = (text or "").strip().upper().startswith(cards.PREFIX + ":")
        if looks_ours and _issued_elsewhere(verdict.card_no):
            return _refuse(OTHER_OFFICE, f"服务证号 {verdict.card_no} 不是本单位签发的服务证，本单位无法核验其真伪",
                           card_no=verdict.card_no)
        return _refuse(FORGED if looks_ours else UNREADABLE, verdict.message, card_no=verdict.card_no)
    session_office = current().office_id
    if worker is not None and (worker.office_id != office_id
                               or (session_office is not None and worker.office_id != session_office)):
        return _refuse(OTHER_OFFICE, f"{worker.name}（服务证号 {worker.card_no}）不是本单位的人员", worker)
    if worker is None or worker.status != vocab.STATUS_ACTIVE:
        return _refuse(DEPARTED, verdict.message, worker, verdict.card_no)
    if not verdict.valid_today:
        return _refuse(EXPIRED, verdict.message, worker)
    return None


def check_in(context: CourseAttendance | Selection, scanned_text: str,
             today: _dt.date | None = None) -> CheckinResult:
    """Verify a scanned code and check its holder in (see the module docstring)."""
    verdict = cards.verify(scanned_text, today)
    worker = _holder(verdict)
    if isinstance(context, CourseAttendance):
        return _check_in_course(context, scanned_text, verdict, worker)
    return _check_in_selection(context, scanned_text, verdict, worker)


def _accepted(worker: Worker, message: str, recorded: bool) -> CheckinResult:
    return CheckinResult(True, OK, message, worker.id, worker.name, worker.card_no or "",
                         photos.has_photo(worker.id), recorded)


def _check_in_course(context: CourseAttendance, text: str, verdict: cards.VerifyResult,
                     worker: Worker | None) -> CheckinResult:
    course = (scoped(TrainingCourse.select(TrainingCourse.id, TrainingCourse.title, TrainingCourse.office),
                     TrainingCourse).where(TrainingCourse.id == context.course_id).first())
    if course is None:
        raise UserError(f"培训课程 {context.course_id} 不存在或已删除")
    refusal = _card_refusal(text, verdict, worker, course.office_id)
    if refusal is not None:
        return refusal
    assert worker is not None  # _card_refusal refuses a code without a holder
    # add_attendance skips a worker already there (a repeated scan, or another clerk's scan of
    # the same card a moment before) and writes nothing then.
    if training.add_attendance(course.id, [worker.id]) == 0:
        return _refuse(ALREADY, f"{worker.name} 已签到，不再重复记录", worker)
    return _accepted(worker, f"{worker.name} 签到成功（{course.title}）", True)


def _check_in_selection(context: Selection, text: str, verdict: cards.VerifyResult,
                        worker: Worker | None) -> CheckinResult:
    refusal = _card_refusal(text, verdict, worker, context.office_id)
    if refusal is not None:
        return refusal
    assert worker is not None
    if context.allowed is not None and worker.id not in context.allowed:
        return _refuse(NOT_MEMBER, f"{worker.name} 不是{context.allowed_label}", worker)
    if worker.id in context.present:
        return _refuse(ALREADY, f"{worker.name} 已签到，不再重复添加", worker)
    context.present.add(worker.id)
    return _accepted(worker, f"{worker.name} 签到成功", False)


def verify_card(scanned_text: str, today: _dt.date | None = None) -> CheckinResult:
    """验证服务证 at the door: the checks of `verify` (and of this operator's office), nothing
    recorded; the result names the holder for the photo."""
    verdict = cards.verify(scanned_text, today)
    worker = _holder(verdict)
    office_id = current().office_id or (worker.office_id if worker is not None else 0)
    refusal = _card_refusal(scanned_text, verdict, worker, office_id)
    if refusal is not None:
        return refusal
    assert worker is not None
    return _accepted(worker, verdict.message, False)
