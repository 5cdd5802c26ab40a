"""Resident ID numbers (GB 11643-1999): checksum, birth date, gender, masking."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def test_mask_shows_first_six_and_last_four():
    assert idcard.mask("350502199001011234") == "350502********1234"
    assert idcard.mask("35050219900101123x") == "350502********123X"
    assert idcard.mask("") == ""
    assert idcard.mask(None) == ""
    assert idcard.mask("12345") == "*****"


areas = st.from_regex(r"[1-9][0-9]{5}", fullmatch=True)
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.today())
sequences = st.integers(min_value=0, max_value=999)


@given(areas, births, sequences)
def test_every_generated_number_validates(area, birth, sequence):
    number = idcard.make(area, birth, sequence)
    info = idcard.parse(number)
    assert info.birth_date == birth
    assert info.gender == ("男" if sequence % 2 else "女")
    assert info.area == area


@given(areas, births, sequences, st.integers(min_value=0, max_value=17), st.sampled_from("0123456789X"))
def test_every_single_character_change_fails(area, birth, sequence, position, replacement):
    number = idcard.make(area, birth, sequence)
    if number[position] == replacement:
        replacement = "0" if replacement != "0" else "1"
    changed = number[:position] + replacement + number[position + 1:]
    assert not idcard.is_valid(changed), changed


@given(st.text(max_size=30))
def test_parse_never_raises_anything_but_its_own_error(text):
    try:
        idcard.parse(text)
    except idcard.IdNumberError:
        pass
