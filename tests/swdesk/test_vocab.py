"""The vocabulary: labels as DESIGN.md lists them, age bands at a given date, specialty splitting."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from swdesk import vocab


def test_labels_are_the_official_terms():
    assert vocab.SECTORS == ("党政机关", "事业单位", "企业", "民间组织", "社区/群团/离退休")
    assert vocab.AGE_BANDS == ("35岁及以下", "36–45岁", "46–55岁", "56–60岁", "60岁以上")
    assert vocab.EDUCATIONS == ("本科及以上", "大专", "中专/中职/中师", "高中及以下")
    assert vocab.TITLES == ("高级", "中级", "初级", "无")
    assert vocab.SW_LEVELS == ("无", "助理社会工作师", "社会工作师", "高级社会工作师")
    assert vocab.POLITICAL_STATUSES == ("中共党员", "中共预备党员", "共青团员", "群众", "民主党派", "无党派人士")
    assert vocab.WORKER_KINDS == ("专职", "兼职", "志愿者")
    assert vocab.HOTLINE_CATEGORIES == ("生活", "就业", "学习", "法律", "医疗")
    assert "公司" not in vocab.SECTORS and "高档" not in vocab.TITLES


ON = dt.date(2026, 12, 31)


@pytest.mark.parametrize("birth, band", [
    (dt.date(1990, 12, 31), "36–45岁"),   # turns 36 on the day
    (dt.date(1991, 1, 1), "35岁及以下"),   # still 35
    (dt.date(1980, 12, 31), "46–55岁"),   # turns 46 on the day
    (dt.date(1981, 1, 1), "36–45岁"),     # still 45
    (dt.date(1970, 12, 31), "56–60岁"),   # turns 56 on the day
    (dt.date(1971, 1, 1), "46–55岁"),     # still 55
    (dt.date(1966, 12, 31), "56–60岁"),   # turns 60 on the day: 60 is still 56–60
    (dt.date(1966, 1, 1), "56–60岁"),
    (dt.date(1965, 12, 31), "60岁以上"),  # turns 61 on the day
    (dt.date(2010, 6, 1), "35岁及以下"),
])
def test_age_band_boundaries(birth, band):
    assert vocab.age_band(birth, ON) == band


def test_turning_36_on_the_day():
    on = dt.date(2026, 3, 15)
    assert vocab.age_band(dt.date(1990, 3, 15), on) == "36–45岁"
    assert vocab.age_band(dt.date(1990, 3, 16), on) == "35岁及以下"
    assert vocab.age_at(dt.date(1990, 3, 15), on) == 36


def test_leap_day_birthday_counts_from_1_march_in_other_years():
    born = dt.date(1988, 2, 29)
    assert vocab.age_at(born, dt.date(2026, 2, 28)) == 37
    assert vocab.age_at(born, dt.date(2026, 3, 1)) == 38
    assert vocab.age_at(born, dt.date(2028, 2, 29)) == 40


dates = st.dates(min_value=dt.date(1920, 1, 1), max_value=dt.date(2040, 12, 31))


@given(dates, dates)
def test_birth_range_of_a_band_matches_age_band(birth, on):
    """The indexable birth-date range of each band holds exactly the people age_band puts in it."""
    if birth > on:
        birth, on = on, birth
    band = vocab.age_band(birth, on)
    for label in vocab.AGE_BANDS:
        earliest, latest = vocab.age_band_birth_range(label, on)
        inside = (earliest is None or birth >= earliest) and (latest is None or birth <= latest)
        assert inside == (label == band), (label, birth, on, earliest, latest)


@pytest.mark.parametrize("text, expected", [
    ("心理疏导、法律援助", ["心理疏导", "法律援助"]),
    ("心理疏导,法律援助，社区建设；慈善救济;医疗卫生", ["心理疏导", "法律援助", "社区建设", "慈善救济", "医疗卫生"]),
    (" 心理疏导 、、 心理疏导 ", ["心理疏导"]),
    ("", []),
    (None, []),
])
def test_split_specialties(text, expected):
    assert vocab.split_specialties(text) == expected


def test_party_member():
    assert vocab.is_party_member("中共预备党员")
    assert not vocab.is_party_member("共青团员")
