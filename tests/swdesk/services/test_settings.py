"""swdesk/services/settings.py: stored settings, card numbers, the office record."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk.services import base, settings


def test_defaults_and_stored_values(db):
    assert settings.get("card_valid_years") == 3
    settings.put("card_valid_years", 5)
    assert settings.get("card_valid_years") == 5


def test_card_number_follows_the_office_format(office):
    office.street_code = "350502001"
    assert settings.format_card_no(office, 2026, 17) == "350502001202600017"
    settings.put("card_no_format", "SG{year}-{seq}")
    settings.put("card_no_seq_width", 4)
    assert settings.format_card_no(office, 2026, 17) == "SG2026-0017"


def test_valid_until_is_the_day_before_the_anniversary(db):
    assert settings.card_valid_until(dt.date(2026, 11, 27)) == dt.date(2029, 11, 26)
    assert settings.card_valid_until(dt.date(2024, 2, 29)) == dt.date(2027, 2, 27)


def test_hmac_key_is_made_once_and_kept(db):
    key = settings.hmac_key()
    assert len(key) == 32 and settings.hmac_key() == key


def test_office_update_validates_everything_at_once(office):
    with pytest.raises(base.ValidationError) as info:
        settings.update_office(office.id, {"street": " ", "street_code": "12"})
    assert set(info.value.problems) == {"street", "street_code"}
    settings.update_office(office.id, {"street_code": "350502001", "hotlines": [{"name": "法律", "number": "12348"}]})
    assert settings.office_hotlines()[0]["number"] == "12348"


def test_office_update_needs_an_administrator(office):
    base.set_session(base.Session(operator_login="clerk", role="录入员"))
    with pytest.raises(base.PermissionDenied):
        settings.update_office(office.id, {"street": "新街道"})
