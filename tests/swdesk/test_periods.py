"""swdesk/periods.py: quarters, years, months, and the comparison periods of the workbook."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from swdesk import periods
from swdesk.services.base import UserError


def test_quarter_bounds():
    p = periods.parse("2026Q4")
    assert (p.start, p.end) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert periods.parse("2024q1").end == dt.date(2024, 3, 31)


def test_year_to_date_and_same_period_last_year():
    p = periods.parse("2026Q2")
    assert p.year_to_date.start == dt.date(2026, 1, 1) and p.year_to_date.end == dt.date(2026, 6, 30)
    assert p.same_last_year.label == "2025Q2"
    assert p.same_last_year.end == dt.date(2025, 6, 30)


def test_month_and_year():
    assert periods.parse("2024-02").end == dt.date(2024, 2, 29)
    assert periods.parse("2026").start == dt.date(2026, 1, 1)


@pytest.mark.parametrize("text", ["", "2026Q5", "Q4", "2026-13", "明年"])
def test_bad_period_is_a_chinese_user_error(text):
    with pytest.raises(UserError, match="无法识别的期间"):
        periods.parse(text)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_day_is_in_its_quarter(day):
    q = periods.quarter_of(day)
    assert q.contains(day)
    assert (q.end - q.start).days in (89, 90, 91)


def test_last_quarters_ends_with_the_current_one():
    qs = periods.last_quarters(4, today=dt.date(2026, 2, 10))
    assert [q.label for q in qs] == ["2025Q2", "2025Q3", "2025Q4", "2026Q1"]


@pytest.mark.parametrize("text", ["9999Q4", "0000", "9999-12", "1999Q4", "2100", "0001Q1"])
def test_years_outside_2000_to_2099_are_refused_with_a_chinese_message(text):
    with pytest.raises(UserError, match="年份超出范围，应在 2000 至 2099 年之间"):
        periods.parse(text)


def test_the_bounds_themselves_are_periods_and_2000_has_a_last_year():
    assert periods.parse("2000Q1").same_last_year.label == "1999Q1"
    assert periods.parse("2099-12").end == dt.date(2099, 12, 31)
