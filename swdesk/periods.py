"""Reporting periods: '2026Q4' (a quarter), '2026' (a year), '2026-03' (a month).

A period is parsed once, where the clerk typed it (the command line's argument, the window's
field), and travels as a `Period` from there: jobs, reports and writers never parse text again.
Years are bounded to 2000–2099: `9999Q4` or `0000` is a typo, and the dates derived from it
(the same period last year, age at the period's end) would fail far from where it was typed."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from swdesk.errors import UserError

_QUARTER = re.compile(r"^(\d{4})\s*[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
MIN_YEAR, MAX_YEAR = 2000, 2099


@dataclass(frozen=True)
class Period:
    label: str
    start: _dt.date
    end: _dt.date  # inclusive

    def contains(self, day: _dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def year_to_date(self) -> Period:
        """1 January of the period's year to the period's end (本年累计)."""
        return Period(f"{self.end.year}年累计", _dt.date(self.end.year, 1, 1), self.end)

    @property
    def same_last_year(self) -> Period:
        """The same period one year earlier (上年同期; 1999 for a period of 2000, so unbounded)."""
        shifted = _parse(_shift_label(self.label, -1))
        assert shifted is not None  # a valid label shifted by a year is a valid label
        return shifted


def _shift_label(label: str, years: int) -> str:
    m = _QUARTER.match(label)
    if m:
        return f"{int(m.group(1)) + years}Q{m.group(2)}"
    m = _MONTH.match(label)
    if m:
        return f"{int(m.group(1)) + years}-{int(m.group(2)):02d}"
    return str(int(label) + years)


def _month_end(year: int, month: int) -> _dt.date:
    if month == 12:
        return _dt.date(year, 12, 31)
    return _dt.date(year, month + 1, 1) - _dt.timedelta(days=1)


def parse(text: str) -> Period:
    """Parse '2026Q4', '2026' or '2026-03'; raise UserError with a Chinese message otherwise."""
    text = (text or "").strip()
    m = _QUARTER.match(text) or _YEAR.match(text) or _MONTH.match(text)
    if m and not MIN_YEAR <= int(m.group(1)) <= MAX_YEAR:
        raise UserError(f"期间“{text}”的年份超出范围，应在 {MIN_YEAR} 至 {MAX_YEAR} 年之间")
    period = _parse(text)
    if period is None:
        raise UserError(f"无法识别的期间“{text}”，应写作 2026Q4（季度）、2026（全年）或 2026-03（月份）")
    return period


def _parse(text: str) -> Period | None:
    """The period `text` names, unbounded (None when it names none)."""
    m = _QUARTER.match(text)
    if m:
        return _quarter(int(m.group(1)), int(m.group(2)))
    m = _YEAR.match(text)
    if m:
        year = int(m.group(1))
        return Period(str(year), _dt.date(year, 1, 1), _dt.date(year, 12, 31))
    m = _MONTH.match(text)
    if m and 1 <= int(m.group(2)) <= 12:
        year, month = int(m.group(1)), int(m.group(2))
        return Period(f"{year}-{month:02d}", _dt.date(year, month, 1), _month_end(year, month))
    return None


def quarter_of(day: _dt.date) -> Period:
    """The quarter holding `day` (any date: the bounds are for what a clerk types)."""
    return _quarter(day.year, (day.month - 1) // 3 + 1)


def _quarter(year: int, q: int) -> Period:
    return Period(f"{year}Q{q}", _dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q))


def last_quarters(n: int, today: _dt.date | None = None) -> list[Period]:
    """The n quarters ending with the current one, oldest first."""
    today = today or _dt.date.today()
    year, q = today.year, (today.month - 1) // 3 + 1
    out = []
    for _ in range(n):
        out.append(_quarter(year, q))
        q -= 1
        if q == 0:
            year, q = year - 1, 4
    return list(reversed(out))
