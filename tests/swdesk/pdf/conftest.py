"""Fixtures of the printing tests (helpers are in printing_helpers.py)."""
from __future__ import annotations

import pytest


@pytest.fixture
def printing_office(office):
    from swdesk.models import Community

    office.street = "东湖街道"
    office.street_code = "350502001"
    office.centre_name = "东湖街道社会工作服务中心"
    office.card_issuer = "鼓楼区民政局"
    office.hotlines = '[{"name": "生活", "number": "0591-87001234"}, {"name": "法律", "number": "12348"}]'
    office.contact_phone = "0591-87001230"
    office.person_in_charge = "陈主任"
    office.save()
    Community.create(office=office, name="东湖社区")
    return office
