"""Labels shown in the window and written to spreadsheets: the one place they are defined.

The official terms of the district follow DESIGN.md (企业, not 公司; 咨询, not 征询).
"""
from __future__ import annotations

import datetime as _dt

GENDERS = ("男", "女")

SECTORS = ("党政机关", "事业单位", "企业", "民间组织", "社区/群团/离退休")

AGE_BANDS = ("35岁及以下", "36–45岁", "46–55岁", "56–60岁", "60岁以上")
# Upper bound (inclusive) of each band's age; the last band is open.
_AGE_BAND_UPPER = (35, 45, 55, 60)

EDUCATIONS = ("本科及以上", "大专", "中专/中职/中师", "高中及以下")

TITLES = ("高级", "中级", "初级", "无")

SW_LEVELS = ("无", "助理社会工作师", "社会工作师", "高级社会工作师")
AWARD_LEVELS = ("国家", "省", "市", "区", "街道")
EVALUATION_GRADES = ("优秀", "合格", "基本合格", "不合格")
STAR_NAMES = ("", "一星", "二星", "三星", "四星", "五星")

SPECIALTIES = ("心理疏导", "医疗卫生", "法律援助", "司法矫治", "社区建设", "社会养老", "慈善救济")

POLITICAL_STATUSES = ("中共党员", "中共预备党员", "共青团员", "群众", "民主党派", "无党派人士")
PARTY_MEMBER_STATUSES = ("中共党员", "中共预备党员")

WORKER_KINDS = ("专职", "兼职", "志愿者")

WORKER_STATUSES = ("在册", "离队")
STATUS_ACTIVE = "在册"
STATUS_LEFT = "离队"

HOTLINE_CATEGORIES = ("生活", "就业", "学习", "法律", "医疗")
HOTLINE_CHANNELS = ("电话", "上门", "网络")
HOTLINE_URGENCIES = ("一般", "紧急")
HOTLINE_STATUSES = ("待分派", "已分派", "已完成", "已回访", "已转介", "已撤销")
SATISFACTIONS = ("满意", "基本满意", "不满意")

MENTORING_STATUSES = ("进行中", "已结对完成", "转介", "中止")
MENTORING_CONCERNS = ("学业", "家庭", "行为偏差", "心理", "社区矫正")
MENTORING_UNITS = ("教育局", "司法局", "团区委", "街道")
MENTORING_SESSION_KINDS = ("面谈", "电话", "家访", "活动")

ELDER_GROUP_ROLES = ("组长", "律师", "心理咨询师", "护士", "医生", "大学生", "志愿者")
ELDER_LIVING = ("孤寡", "空巢", "失能", "独居", "其他")
ELDER_SERVICES = ("精神慰藉", "法律咨询", "健康检查", "生活照料", "文体活动")

HOMEBED_SERVICES = ("测血压", "测血糖", "送药", "诊疗", "康复指导", "健康宣教")

TRAINING_TOPICS = ("社会工作理论", "专业技能", "政策法规", "职业道德", "实务督导")

# Programmes that credit service hours (the hours ledger's "programme" column).
PROGRAMMES = ("一对一帮教", "扶老助老", "家庭病床", "服务热线")

OPERATOR_ROLES = ("管理员", "录入员", "只读")

# Editable lists: the built-in values above are the defaults; an office may add its own
# (stored in the VocabItem table, kind = key here).
EDITABLE_LISTS = {
    "specialty": SPECIALTIES,
    "mentoring_unit": MENTORING_UNITS,
    "elder_role": ELDER_GROUP_ROLES,
    "elder_service": ELDER_SERVICES,
    "homebed_service": HOMEBED_SERVICES,
    "training_topic": TRAINING_TOPICS,
}

# Which specialty fits which hotline category (the office can edit the mapping in settings).
HOTLINE_SPECIALTY_MAP = {
    "生活": ("社会养老", "慈善救济", "社区建设"),
    "就业": ("社区建设", "慈善救济"),
    "学习": ("心理疏导", "社区建设"),
    "法律": ("法律援助", "司法矫治"),
    "医疗": ("医疗卫生", "心理疏导"),
}

# Separators accepted between several specialties in one cell.
SPECIALTY_SEPARATORS = ("、", ",", "，", "；", ";")
SPECIALTY_JOINER = "、"


def age_at(birth: _dt.date, on: _dt.date) -> int:
    """Completed years of age on the given day (a birthday on `on` counts)."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def age_band(birth: _dt.date, on: _dt.date) -> str:
    """The report's age band for someone born on `birth`, at the date `on`."""
    age = age_at(birth, on)
    for label, upper in zip(AGE_BANDS, _AGE_BAND_UPPER, strict=False):
        if age <= upper:
            return label
    return AGE_BANDS[-1]


def age_band_birth_range(label: str, on: _dt.date) -> tuple[_dt.date | None, _dt.date | None]:
    """Birth dates (earliest, latest; inclusive, None = open) of people in band `label` at `on`.

    Lets a query filter by age band with an indexable range on the birth date.
    """
    idx = AGE_BANDS.index(label)
    lower_age = 0 if idx == 0 else _AGE_BAND_UPPER[idx - 1] + 1
    upper_age = _AGE_BAND_UPPER[idx] if idx < len(_AGE_BAND_UPPER) else None
    latest = _years_before(on, lower_age) if lower_age > 0 else None
    earliest = None
    if upper_age is not None:
        # Aged at most upper_age: born after the day one turns upper_age + 1.
        earliest = _years_before(on, upper_age + 1) + _dt.timedelta(days=1)
    return earliest, latest


def _years_before(day: _dt.date, years: int) -> _dt.date:
    """The date `years` years before `day` (29 Feb falls back to 28 Feb)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def split_specialties(text: str | None) -> list[str]:
    """Split a cell of several specialties on any accepted separator; blanks dropped, order kept."""
    if not text:
        return []
    for sep in SPECIALTY_SEPARATORS[1:]:
        text = text.replace(sep, SPECIALTY_SEPARATORS[0])
    seen: list[str] = []
    for part in text.split(SPECIALTY_SEPARATORS[0]):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return seen


def is_party_member(status: str | None) -> bool:
    return status in PARTY_MEMBER_STATUSES
