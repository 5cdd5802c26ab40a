"""Resident ID numbers (GB 11643-1999): checksum, birth date, gender, masking."""
from __future__ import annotations

import datetime as dt

import pytest

from swdesk import idcard

STANDARD_EXAMPLE = "11010519491231002X"  # the example printed in GB 11643-1999


def test_standard_example_validates():
    info = idcard.parse(STANDARD_EXAMPLE)
    assert info.birth_date == dt.date(1949, 12, 31)
    assert info.gender == "女"  # 17th digit 2 is even
    assert info.area == "110105"
    assert idcard.check_char(STANDARD_EXAMPLE[:17]) == "X"


def test_lower_case_x_is_accepted_and_normalised():
    info = idcard.parse("11010519491231002x")
    assert info.number == STANDARD_EXAMPLE
    assert idcard.normalise(" 11010519491231002x ") == STANDARD_EXAMPLE


@pytest.mark.parametrize("number, message", [
    ("1101051949123100", "18位"),
    ("11010519491231002Y", "第18位"),
    ("1101051949123100AX", "前17位"),
    ("110105194902300021", "不存在"),       # 30 February
    ("110105189912310021", "不合理"),       # before 1900
    ("110105194912310021", "校验位"),
    ("１１０１０５１９４９１２３１００２X", "前17位"),  # full-width digits are not digits here
])
def test_invalid_numbers_say_why(number, message):
    with pytest.raises(idcard.IdNumberError, match=message):
        idcard.parse(number)
    assert not idcard.is_valid(number)


def test_future_birth_date_is_refused():
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert not idcard.is_valid(idcard.make("350502", tomorrow, 1))
