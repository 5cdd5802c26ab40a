"""The card's QR code: genuine codes verify, forged or altered ones do not, validity is today's."""
from __future__ import annotations

import datetime as _dt

import pytest

from swdesk.services import cards, settings
from tests.swdesk.pdf.printing_helpers import add_worker

TODAY = _dt.date(2026, 11, 27)


@pytest.fixture
def worker(office):
    return add_worker(office, "王喆", valid_until=_dt.date(2029, 12, 31))


def test_genuine_code_passes(worker):
    text = cards.payload_for(worker)
    assert text.startswith("SWDESK:1:") and worker.card_no in text
    result = cards.verify(text, TODAY)
    assert result.genuine and result.valid_today
    assert result.worker_name == "王喆" and result.card_no == worker.card_no
    assert "真实有效" in result.message and "2029年12月31日" in result.message


def test_scanner_whitespace_and_lower_case_check_code_still_pass(worker):
    text = cards.payload_for(worker)
    head, code = text.rsplit(":", 1)
    assert cards.verify(f"  {head}:{code.lower()}\n", TODAY).valid_today


@pytest.mark.parametrize("tamper", [
    lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),                       # check code changed
    lambda t: t.replace(":2029", ":2039"),                                    # validity extended
    lambda t: t.replace("SWDESK:1:", "SWDESK:1:9", 1),                        # card number changed
])
def test_altered_code_fails(worker, tamper):
    result = cards.verify(tamper(cards.payload_for(worker)), TODAY)
    assert not result.genuine and not result.valid_today
    assert "伪造" in result.message or "改动" in result.message


def test_code_made_with_another_key_is_forged(worker):
    forged = cards.payload(worker.card_no, worker.card_valid_until, key=b"x" * 32)
    result = cards.verify(forged, TODAY)
    assert not result.genuine and "伪造" in result.message


def test_foreign_text_is_not_a_card(db):
    result = cards.verify("https://example.com/abc", TODAY)
    assert not result.genuine and "不是本系统" in result.message


def test_expired_card_is_genuine_but_not_valid_today(office):
    worker = add_worker(office, "李堃", valid_until=_dt.date(2026, 11, 26))
    result = cards.verify(cards.payload_for(worker), TODAY)
    assert result.genuine and not result.valid_today and "过期" in result.message
    assert cards.verify(cards.payload_for(worker), _dt.date(2026, 11, 26)).valid_today


def test_worker_who_left_or_card_reissued(office):
    left = add_worker(office, "张昇", status="离队")
    result = cards.verify(cards.payload_for(left), TODAY)
    assert result.genuine and not result.valid_today and "离队" in result.message
    renewed = add_worker(office, "林玥", valid_until=_dt.date(2027, 1, 1))
    old_code = cards.payload_for(renewed)
    renewed.card_valid_until = _dt.date(2030, 1, 1)
    renewed.save()
    result = cards.verify(old_code, TODAY)
    assert result.genuine and not result.valid_today and "换发" in result.message


def test_key_is_kept_in_the_database(db):
    assert settings.hmac_key() == settings.hmac_key()
    assert len(settings.hmac_key()) == 32


def test_renewal_keeps_the_number_sets_the_date_is_audited_and_names_who_is_left_out(office):
    import json

    from swdesk.errors import PermissionDenied, UserError
    from swdesk.models import AuditLog, Worker
    from swdesk.services.base import Session, set_session

    office.street_code = "350502001"
    office.save()
    today = _dt.date(2026, 11, 28)
    expired = add_worker(office, "李堃", valid_until=_dt.date(2018, 6, 30))
    left = add_worker(office, "张昇", status="离队", valid_until=_dt.date(2018, 6, 30))
    valid = add_worker(office, "王喆", valid_until=_dt.date(2035, 1, 1))
    old_code = cards.payload_for(expired)
    assert cards.expired_ids(today) == [expired.id]
    result = cards.renew([expired.id, left.id, valid.id], _dt.date(2029, 11, 27), today)
    assert result.renewed == [f"李堃（{expired.card_no}）"]
    assert dict(result.left_out) == {"张昇": "已离队", "王喆": "服务证有效期至2035年1月1日，不早于新的有效期"}
    renewed = Worker.get_by_id(expired.id)
    assert renewed.card_no == expired.card_no and renewed.card_valid_until == _dt.date(2029, 11, 27)
    assert renewed.version == expired.version + 1
    row = AuditLog.get((AuditLog.table == "worker") & (AuditLog.action == "update"))
    assert json.loads(row.before) == {"card_valid_until": "2018-06-30"} and "续期" in row.summary
    assert "已被换发" in cards.verify(old_code, today).message          # the old card is superseded
    assert cards.verify(cards.payload_for(renewed), today).valid_today
    # the default term comes from the office settings; a date in the past is refused
    assert cards.renew([expired.id], None, _dt.date(2031, 1, 1)).valid_until == settings.card_valid_until(
        _dt.date(2031, 1, 1))
    with pytest.raises(UserError, match="应晚于今天"):
        cards.renew([expired.id], _dt.date(2020, 1, 1), today)
    set_session(Session(role="只读", operator_name="查看员"))
    with pytest.raises(PermissionDenied):
        cards.renew([expired.id], None, today)
