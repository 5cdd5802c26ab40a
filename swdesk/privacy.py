"""Masking of personal data: every rule of what a list, an export, a log line or the audit viewer
shows of an ID number, a phone number or a minor's name lives here, so one reading of this file
says what leaves the program in full.

- ID numbers (居民身份证号): the first 6 and the last 4 characters, 350502********1234.
- Phones: a mobile 138****5678; other numbers keep their last 4 digits.
- Minors' names (youths in 一对一帮教 and their guardians): the surname and, for 3+ characters,
  the last character: 张*, 张*明, 欧**月.
- Free text (log lines, audit summaries, tracebacks): every 18-character ID number masked.
"""
from __future__ import annotations

import re
from typing import Any

from swdesk import idcard

_ID_RE = re.compile(r"(?<!\d)(\d{6})(\d{8})(\d{3}[\dXx])(?!\d)")

# Keys of an audit snapshot holding a minor's name (the audit viewer masks them).
MINOR_NAME_KEYS = ("youth_name", "guardian_name")


def mask_id(number: str | None) -> str:
    """Show the first 6 and the last 4 characters: 350502********1234."""
    if not number:
        return ""
    n = idcard.normalise(number)
    if len(n) <= 10:
        return "*" * len(n)
    return n[:6] + "*" * (len(n) - 10) + n[-4:]


def mask_ids(text: str) -> str:
    """Replace the middle of every 18-character ID number in `text` with asterisks."""
    return _ID_RE.sub(lambda m: m.group(1) + "*" * 8 + m.group(3)[-4:].rjust(4, "*")[-4:], text)


def mask_phone(phone: str | None) -> str:
    """138****5678 for a mobile number (11+ digits: the first 3 and last 4); a shorter number keeps
    its last 4 digits (****4321); 6 digits or fewer are all stars."""
    digits = re.sub(r"\D", "", (phone or "").strip())
    n = len(digits)
    if n >= 11:
        return digits[:3] + "*" * (n - 7) + digits[-4:]
    if n >= 7:
        return "*" * (n - 4) + digits[-4:]
    return "*" * n


def mask_name(name: str | None) -> str:
    """Keep the surname and, for names of three or more characters, the last character:
    张三 → 张*, 张小明 → 张*明, 欧阳明月 → 欧**月."""
    text = (name or "").strip()
    if len(text) <= 1:
        return "*" * len(text)
    if len(text) == 2:
        return text[0] + "*"
    return text[0] + "*" * (len(text) - 2) + text[-1]


def mask_value(key: str, value: Any) -> Any:
    """A value of a record's field, by the field's name: ID numbers, phones and minors' names
    masked, ID numbers inside any other text masked."""
    if not isinstance(value, str) or not value:
        return value
    if "id_number" in key:
        return mask_id(value)
    if "phone" in key:
        return mask_phone(value)
    if key in MINOR_NAME_KEYS:
        return mask_name(value)
    return mask_ids(value)
