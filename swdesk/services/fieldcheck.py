"""The field checker shared by the services' writers (mentoring, elder care, home beds, hotline,
training). Workers keep their own `workers.check()`: it is also the roster import's fast path
over 100k rows against preloaded sets.

A `Checker` reads raw form values from a dict, converts them and collects every problem under
the field's name, so a writer can report all of them at once with `raise_if_any()` before
writing anything.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from swdesk import idcard
from swdesk.services.base import ValidationError

_PHONE = re.compile(r"^[0-9][0-9\- ]{5,18}[0-9]$")
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")


# --- characters a card, certificate or official form can carry --------------------------------------

# Plain text that needs no closer look: ASCII, Latin/Greek/Cyrillic, CJK punctuation, kana, the
# unified ideographs and full-width forms. Everything else (rare ideographs of the extensions
# included, such as 𠮷) is looked at one character at a time: a name of 3 characters costs one
# regex search.
_PLAIN = re.compile(r"[^\u0020-\u007e\u00a0-\u05ff\u3000-\u9fff\uff00-\uffef]")


def unprintable_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character of `text` that the PDFs and official forms cannot carry, else None:
    emoji and pictographs (symbols outside GBK: 😀 ❤ ☎, flags, skin tones, keycaps), variation
    selectors and joiners, control and format characters, private-use (自造字) code points and
    code points Unicode has not assigned. Chinese text is kept whole: every ideograph of GB 18030
    (吉𠮷 included) and every symbol GBK has (★ ① ℃ …)."""
    for match in _PLAIN.finditer(text):
        ch = match.group()
        if ch in "\n\r\t" and multiline:
            continue
        if not _carried(ch):
            return ch
    return None


@functools.lru_cache(maxsize=4096)
def _carried(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category[0] == "C" or category == "Me":        # Cc Cf Cn Co Cs; enclosing keycap U+20E3
        return False
    if "\ufe00" <= ch <= "\ufe0f":                     # emoji/text presentation selectors
        return False
    if category in ("So", "Sk"):                     # pictographs and emoji modifiers unless GBK
        return _in_gbk(ch)
    return True


def _in_gbk(ch: str) -> bool:
    try:
        ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


_EMOJI_PARTS = "\u200d\u20e3"   # the joiner of 👨‍👩‍👧 and the keycap of 1️⃣


def character_problem(text: str, *, multiline: bool = False) -> str | None:
    """A Chinese message naming the character `text` may not hold (see unprintable_character)."""
    ch = unprintable_character(text, multiline=multiline)
    if ch is None:
        return None
    category = unicodedata.category(ch)
    if ch in _EMOJI_PARTS or "\ufe00" <= ch <= "\ufe0f":
        kind, shown = "表情符号（其中不可见的组合字符）", ""
    elif category in ("Cc", "Cf"):
        kind, shown = "不可见的控制字符", ""
    elif category == "Co":
        kind, shown = "自造字（私用区字符）", f"“{ch}”"
    elif category == "Cn":
        kind, shown = "无法识别的字符", ""
    else:
        kind, shown = "表情符号或特殊符号", f"“{ch}”"
    return f"含有{kind}{shown}（U+{ord(ch):04X}），证件和证明无法打印，请删除"


def join_labels(labels: Iterable[str]) -> str:
    out: list[str] = []
    for label in labels:
        label = str(label).strip()
        if label and label not in out:
            out.append(label)
    return "、".join(out)


def split_labels(text: str | None) -> list[str]:
    return [part for part in (text or "").split("、") if part]


class Checker:
    """Collects problems while converting a form's values."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.problems: dict[str, str] = {}

    def has(self, key: str) -> bool:
        return key in self.data

    def fail(self, key: str, message: str) -> None:
        self.problems.setdefault(key, message)

    def text(self, key: str, *, required: bool = False, max_len: int = 200, default: str = "",
             missing: str = "不能为空") -> str:
        value = self.data.get(key)
        value = default if value is None or value == "" else str(value).strip()
        if required and not value:
            self.fail(key, missing)
        elif len(value) > max_len:
            self.fail(key, f"不能超过{max_len}个字")
        elif (problem := character_problem(value, multiline=max_len > 200)) is not None:
            self.fail(key, problem)
        return value

    def choice(self, key: str, options: Iterable[str], *, required: bool = True, default: str = "") -> str:
        value = self.text(key, required=required, default=default or "")
        options = tuple(options)
        if value and value not in options:
            self.fail(key, f"应为以下之一：{'、'.join(options)}")
        return value

    def choices(self, key: str, options: Iterable[str]) -> list[str]:
        """Several labels (a list, or a text joined with 、); each must be one of the options."""
        raw = self.data.get(key) or []
        values = split_labels(raw) if isinstance(raw, str) else [str(v).strip() for v in raw]
        options = tuple(options)
        unknown = [v for v in values if v and v not in options]
        if unknown:
            self.fail(key, f"不在可选值列表中：{'、'.join(unknown)}")
        return [v for v in values if v]

    def date(self, key: str, *, required: bool = True, not_after: _dt.date | None = None,
             label_after: str = "今天") -> _dt.date | None:
        value = self.data.get(key)
        if value in (None, ""):
            if required:
                self.fail(key, "请填写日期")
            return None
        if isinstance(value, _dt.datetime):
            value = value.date()
        if not isinstance(value, _dt.date):
            try:
                value = _dt.date.fromisoformat(str(value).strip().replace("/", "-"))
            except ValueError:
                self.fail(key, "日期格式应为 2026-03-15")
                return None
        if value.year < 1900:
            self.fail(key, "日期不合理")
        elif not_after is not None and value > not_after:
            self.fail(key, f"不能晚于{label_after}")
        return value

    def integer(self, key: str, low: int, high: int, *, unit: str = "", default: int | None = None) -> int:
        value = self.data.get(key, default)
        try:
            number = int(str(value).strip())
        except (TypeError, ValueError):
            self.fail(key, "请填写整数")
            return 0
        if not low <= number <= high:
            self.fail(key, f"应在{low}到{high}{unit}之间")
        return number

    def number(self, key: str, low: float, high: float, *, message: str, digits: int = 1) -> float:
        """A decimal number with low < value <= high, rounded to `digits`."""
        try:
            number = float(str(self.data.get(key)).strip())
        except (TypeError, ValueError):
            number = low
        if not low < number <= high:
            self.fail(key, message)
        return round(number, digits)

    def phone(self, key: str, *, required: bool = False) -> str:
        value = self.text(key, required=required, max_len=20)
        compact = value.replace(" ", "").replace("-", "")
        if value and not (_MOBILE.match(compact) or _PHONE.match(value)):
            self.fail(key, "电话号码格式不对（手机11位，座机可带区号和“-”）")
        return value

    def id_number(self, key: str, *, birth_key: str | None = None, gender_key: str | None = None,
                  birth: _dt.date | None = None, gender: str = "") -> str | None:
        """An optional resident ID number; when given it must be valid and agree with the
        birth date and gender typed in the same form."""
        value = idcard.normalise(str(self.data.get(key) or ""))
        if not value:
            return None
        try:
            info = idcard.parse(value)
        except idcard.IdNumberError as exc:
            self.fail(key, str(exc))
            return value
        if birth is not None and info.birth_date != birth and birth_key:
            self.fail(birth_key, f"与身份证号中的出生日期{info.birth_date:%Y-%m-%d}不一致")
        if gender and info.gender != gender and gender_key:
            self.fail(gender_key, f"与身份证号中的性别（{info.gender}）不一致")
        return info.number

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


