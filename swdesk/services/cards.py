"""The service card's QR code: what it carries and how a scanned code is verified; 续期 (renewal).

The code reads `SWDESK:1:<card number>:<valid until YYYYMMDD>:<check code>`, where the check code is
the first 10 base32 characters of HMAC-SHA256 over the rest, keyed with the office's secret
(settings.hmac_key(), kept in the database). Only this database can make a code that verifies;
changing any character of a genuine code makes it fail. Everything is upper-case letters, digits
and ':' so the QR code uses its compact alphanumeric mode.
"""
from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass

from swdesk import vocab
from swdesk.errors import UserError
from swdesk.models import Worker
from swdesk.services import settings
from swdesk.services.base import audit, scoped, writes

PREFIX = "SWDESK"
VERSION = "1"
CODE_LENGTH = 10


@dataclass(frozen=True)
class VerifyResult:
    genuine: bool                 # the code was made with this office's key
    worker_name: str
    card_no: str
    valid_today: bool             # genuine, holder still active, not expired, not superseded
    message: str                  # one Chinese sentence for the clerk
    valid_until: _dt.date | None = None
    worker_id: int | None = None      # the holder when the code is genuine and the card on the roster


def _check_code(key: bytes, card_no: str, valid_until: str) -> str:
    digest = hmac.new(key, f"{VERSION}|{card_no}|{valid_until}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:CODE_LENGTH]


def payload(card_no: str, valid_until: _dt.date | None, key: bytes | None = None) -> str:
    """The text of the QR code printed on a card."""
    key = key if key is not None else settings.hmac_key()
    until = valid_until.strftime("%Y%m%d") if valid_until else "00000000"
    return f"{PREFIX}:{VERSION}:{card_no}:{until}:{_check_code(key, card_no, until)}"


def payload_for(worker: Worker, key: bytes | None = None) -> str:
    return payload(worker.card_no or "", worker.card_valid_until, key)


def _fmt(day: _dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def verify(text: str, today: _dt.date | None = None) -> VerifyResult:
    """Is a scanned code genuine, whose card is it and is it valid today?"""
    today = today or _dt.date.today()
    parts = (text or "").strip().split(":")
    if len(parts) != 5 or parts[0].upper() != PREFIX:
        return VerifyResult(False, "", "", False, "不是本系统服务证的二维码，无法核验")
    _prefix, version, card_no, until, code = parts
    if version != VERSION:
        return VerifyResult(False, "", card_no, False, f"二维码版本“{version}”无法识别，无法核验")
    expected = _check_code(settings.hmac_key(), card_no, until)
    if not hmac.compare_digest(expected.encode(), code.strip().upper().encode()):
        return VerifyResult(False, "", card_no, False,
                            "校验码不符：此二维码是伪造的或被改动过，服务证不可信")
    try:
        code_until = _dt.datetime.strptime(until, "%Y%m%d").date()
    except ValueError:
        code_until = None
    worker = Worker.get_or_none(Worker.card_no == card_no)
    if worker is None:
        return VerifyResult(True, "", card_no, False,
                            f"二维码为本单位签发，但服务证号 {card_no} 已不在名册中（已注销）")
    name = worker.name
    if worker.status != vocab.STATUS_ACTIVE:
        return VerifyResult(True, name, card_no, False, f"{name}（服务证号 {card_no}）已离队，服务证已失效",
                            code_until, worker.id)
    if worker.card_valid_until is None or code_until is None:
        return VerifyResult(True, name, card_no, False, f"{name}（服务证号 {card_no}）的服务证没有有效期，视为无效",
                            code_until, worker.id)
    if worker.card_valid_until != code_until:
        return VerifyResult(True, name, card_no, False,
                            f"{name}（服务证号 {card_no}）的此证已被换发（现行证有效期至"
                            f"{_fmt(worker.card_valid_until)}），旧证作废", code_until, worker.id)
    if today > code_until:
        return VerifyResult(True, name, card_no, False,
                            f"{name}（服务证号 {card_no}）的服务证已于{_fmt(code_until)}过期", code_until, worker.id)
    return VerifyResult(True, name, card_no, True,
                        f"真实有效：{name}，服务证号 {card_no}，有效期至{_fmt(code_until)}", code_until, worker.id)


# --- 续期: renewing cards -------------------------------------------------------------------------

@dataclass
class Renewal:
    """What `renew` did: who was renewed to which date, who was left out and why."""

    valid_until: _dt.date
    renewed: list[str]                        # names (服务证号)
    left_out: list[tuple[str, str]]           # (name, reason)

    @property
    def count(self) -> int:
        return len(self.renewed)

    def warnings(self) -> list[str]:
        return [f"{name}：{reason}，未续期" for name, reason in self.left_out]


def renewal_date(valid_until: _dt.date | None, today: _dt.date) -> _dt.date:
    """The new valid-until date: the one given, else the office's term from today."""
    until = valid_until or settings.card_valid_until(today)
    if until <= today:
        raise UserError(f"新的有效期（{_fmt(until)}）应晚于今天")
    if until > today.replace(year=today.year + 10):
        raise UserError(f"新的有效期（{_fmt(until)}）超过十年，请检查日期")
    return until


@writes("worker")
def renew(worker_ids: Sequence[int], valid_until: _dt.date | None = None,
          today: _dt.date | None = None) -> Renewal:
    """续期: give the cards of `worker_ids` a new valid-until date under the same card number.

    Left out (and named): workers who have left, who have no card number yet, whose card is
    already valid beyond the new date. Each renewal is one audit line with before → after; a
    card printed before the renewal then verifies as 已被换发 (its QR code carries the old date)."""
    today = today or _dt.date.today()
    until = renewal_date(valid_until, today)
    renewed: list[str] = []
    left_out: list[tuple[str, str]] = []
    now = _dt.datetime.now().replace(microsecond=0)
    for start in range(0, len(worker_ids), 500):
        chunk = list(worker_ids[start:start + 500])
        for worker in scoped(Worker.select(), Worker).where(Worker.id.in_(chunk)).order_by(Worker.id):
            reason = _not_renewable(worker, until)
            if reason:
                left_out.append((worker.name, reason))
                continue
            before = {"card_valid_until": worker.card_valid_until.isoformat() if worker.card_valid_until else None}
            Worker.update(card_valid_until=until, version=Worker.version + 1, updated_at=now).where(
                Worker.id == worker.id).execute()
            audit("update", worker, before=before, after={"card_valid_until": until.isoformat()},
                  summary=f"服务证续期：{worker.name}（{worker.card_no}）有效期至{_fmt(until)}")
            renewed.append(f"{worker.name}（{worker.card_no}）")
    return Renewal(until, renewed, left_out)


def _not_renewable(worker: Worker, until: _dt.date) -> str:
    if worker.status != vocab.STATUS_ACTIVE:
        return "已离队"
    if not worker.card_no:
        return "尚未发放服务证号"
    if worker.card_valid_until and worker.card_valid_until >= until:
        return f"服务证有效期至{_fmt(worker.card_valid_until)}，不早于新的有效期"
    return ""


def expired_ids(today: _dt.date | None = None) -> list[int]:
    """Active workers (in scope) whose card has expired or has no valid-until date."""
    today = today or _dt.date.today()
    query = scoped(Worker.select(Worker.id), Worker).where(
        (Worker.status == vocab.STATUS_ACTIVE) & Worker.card_no.is_null(False)
        & (Worker.card_valid_until.is_null() | (Worker.card_valid_until < today)))
    return [row.id for row in query.order_by(Worker.id)]
