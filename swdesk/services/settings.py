"""Office-wide settings: a key → JSON value store, plus the office record itself."""
from __future__ import annotations

import datetime as _dt
import json
import secrets
from typing import Any

from swdesk.models import Office, Setting
from swdesk.services.base import audit, default_office, require_admin, snapshot, writes

# Defaults of every known setting; get() falls back to these.
DEFAULTS: dict[str, Any] = {
    # Service card number: {street} = office street code, {year} = 4-digit year of issue,
    # {seq} = running number within street and year, zero-padded to seq_width.
    "card_no_format": "{street}{year}{seq}",
    "card_no_seq_width": 5,
    "card_valid_years": 3,
    "hotline_due_hours": 48,
    "mentoring_stale_days": 30,
    "idle_lock_minutes": 15,
    "backup_dir": "",
    "backup_keep": {"daily": 7, "weekly": 4, "monthly": 12},
    "pdf_font": "",
    # Words clerks write for the official values, per roster column: the import replaces them
    # and says so per column (公司 for 企业 came from a faulty character conversion).
    "import_synonyms": {
        "所属领域": {"公司": "企业", "私企": "企业", "国企": "企业", "机关": "党政机关", "党政": "党政机关",
                 "社会组织": "民间组织", "社区": "社区/群团/离退休", "群团": "社区/群团/离退休",
                 "离退休": "社区/群团/离退休"},
        "学历": {"专科": "大专", "本科": "本科及以上", "研究生": "本科及以上", "硕士": "本科及以上",
               "博士": "本科及以上", "中专": "中专/中职/中师", "中职": "中专/中职/中师", "中师": "中专/中职/中师",
               "高中": "高中及以下", "初中": "高中及以下", "小学": "高中及以下"},
        "职称": {"高档": "高级", "正高": "高级", "副高": "高级", "中档": "中级", "初档": "初级", "无职称": "无"},
        "政治面貌": {"党员": "中共党员", "共产党员": "中共党员", "预备党员": "中共预备党员", "团员": "共青团员"},
        "人员类别": {"专职社工": "专职", "兼职社工": "兼职", "志愿": "志愿者"},
        "状态": {"在职": "在册", "在岗": "在册", "离职": "离队", "退出": "离队"},
    },
}


def get(key: str, default: Any = None) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return DEFAULTS.get(key, default) if default is None else default
    return json.loads(row.value)


@writes("setting")
def put(key: str, value: Any) -> None:
    before = get(key)
    text = json.dumps(value, ensure_ascii=False)
    Setting.insert(key=key, value=text).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: text}).execute()
    audit("update", table="setting", record_id=key,
          before={"value": before} if key != "hmac_key" else {}, after={"value": value} if key != "hmac_key" else {},
          summary=f"设置 {key}")


def hmac_key() -> bytes:
    """The office's secret for QR codes on cards; made on first use and kept in the database."""
    value = get("hmac_key", "")
    if not value:
        value = secrets.token_hex(32)
        Setting.insert(key="hmac_key", value=json.dumps(value)).on_conflict_ignore().execute()
        value = get("hmac_key")
    return bytes.fromhex(value)


def format_card_no(office: Office, year: int, seq: int) -> str:
    """A card number in the office's format, e.g. 3505020012026 00017 → '350502001202600017'."""
    return card_no_formatter(office, year)(seq)


def card_no_formatter(office: Office, year: int):
    """format_card_no with the settings read once: a function seq → card number (bulk imports)."""
    fmt = get("card_no_format")
    width = int(get("card_no_seq_width"))
    street = office.street_code

    def format_seq(seq: int) -> str:
        return fmt.format(street=street, year=f"{year:04d}", seq=f"{seq:0{width}d}")

    return format_seq


def card_valid_until(issued: _dt.date) -> _dt.date:
    """The last day a card issued on `issued` is valid."""
    return card_validity()(issued)


def card_validity():
    """card_valid_until with the setting read once: a function issued → valid until (bulk writers)."""
    years = int(get("card_valid_years"))

    def valid_until(issued: _dt.date) -> _dt.date:
        try:
            return issued.replace(year=issued.year + years) - _dt.timedelta(days=1)
        except ValueError:  # 29 February
            return issued.replace(year=issued.year + years, day=28) - _dt.timedelta(days=1)

    return valid_until


OFFICE_FIELDS = ("district", "street", "street_code", "centre_name", "hotlines", "card_issuer",
                 "charter_text", "person_in_charge", "contact_phone", "address")


@writes("office")
def update_office(office_id: int, data: dict[str, Any]) -> Office:
    """Change the office's own record (name, codes, hotline numbers, charter …). 管理员 only."""
    require_admin()
    from swdesk.services.base import ValidationError

    office = Office.get_by_id(office_id)
    before = snapshot(office)
    problems = {}
    for key in ("district", "street", "centre_name"):
        if key in data and not str(data[key]).strip():
            problems[key] = "不能为空"
    code = str(data.get("street_code", office.street_code)).strip()
    if not code.isdigit() or not 6 <= len(code) <= 12:
        problems["street_code"] = "街道代码应为6到12位数字"
    if problems:
        raise ValidationError(problems)
    for key in OFFICE_FIELDS:
        if key in data:
            value = data[key]
            if key == "hotlines" and not isinstance(value, str):
                value = json.dumps(value, ensure_ascii=False)
            setattr(office, key, value)
    office.save()
    audit("update", office, before=before, after=snapshot(office), summary=f"单位设置 {office.centre_name}")
    return office


def office_hotlines(office: Office | None = None) -> list[dict[str, str]]:
    office = office or default_office()
    try:
        return list(json.loads(office.hotlines or "[]"))
    except ValueError:
        return []
