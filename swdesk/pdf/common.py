"""What the card, badge and certificate printers share: choosing workers, the office's fields,
the check that every character to be printed is in a font, and the printer's calibration."""
from __future__ import annotations

import datetime as _dt
import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from swdesk import idcard, jobs, vocab
from swdesk.models import Office, Worker, WorkerPhoto
from swdesk.pdf.fonts import FontChain
from swdesk.pdf.layout import Calibration, Item
from swdesk.pdf.templates import STAR_PLACEHOLDERS, Template, fill
from swdesk.services import settings, stars
from swdesk.services.base import UserError, default_office, scoped

FIELD_LABELS = {
    "name": "姓名", "gender": "性别", "card_no": "服务证号", "unit": "所属社区/单位", "community": "社区",
    "employer": "工作单位", "specialties": "专业特长", "valid_until": "有效期至", "issued_on": "发证日期",
    "kind": "人员类别", "qr": "二维码", "role_line": "小组/角色", "group": "小组", "role": "角色",
    "centre_name": "服务中心名称", "district": "区", "street": "街道", "card_issuer": "发证机关",
    "charter_text": "服务证背面职责", "hotlines": "服务热线", "contact_phone": "联系电话", "address": "地址",
    "person_in_charge": "负责人", "id_type": "证件类型", "id_masked": "证件号码", "period_text": "服务期间",
    "total_hours": "服务时长", "hours_lines": "各项目时长", "organisation": "出具单位", "clerk": "经办人",
    "contact": "联系方式", "number": "证明编号", "reprint_mark": "补打标记", "issue_date": "开具日期",
    "body": "证明正文", "reached_date": "达到日期",
} | {name: placeholder.label for name, placeholder in STAR_PLACEHOLDERS.items()}


def date_text(day: _dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def hours_text(minutes: int) -> str:
    """Hours for print, to one decimal as certificates state them: 90 → '1.5', 100 → '1.7',
    120 → '2.0' (149号 records hours; a tenth of an hour is six minutes)."""
    return f"{round(minutes / 60 + 1e-9, 1):.1f}"


DEFAULT_CHARTER = ("一、遵守国家法律法规和社会工作职业道德，维护服务对象的合法权益；\n"
                   "二、尊重服务对象，保护服务对象的隐私；\n"
                   "三、佩证上岗，热情服务，不向服务对象收取任何财物；\n"
                   "四、服从服务中心的统一安排，按时参加培训和服务活动，如实记录服务情况。")


def office_fields(office: Office) -> dict[str, str]:
    hotlines = settings.office_hotlines(office)
    lines = []
    for entry in hotlines:
        name = str(entry.get("name", "")).strip()
        number = str(entry.get("number", "")).strip()
        if number:
            lines.append(f"{name}：{number}" if name else number)
    return {
        "centre_name": office.centre_name, "district": office.district, "street": office.street,
        "card_issuer": office.card_issuer or office.centre_name, "charter_text": office.charter_text or DEFAULT_CHARTER,
        "hotlines": "　".join(lines), "contact_phone": office.contact_phone or "",
        "address": office.address or "", "person_in_charge": office.person_in_charge or "",
    }


# --- choosing workers ---------------------------------------------------------------------------

def resolve_selectors(selectors: Sequence[str]) -> list[int]:
    """Worker ids for card numbers, resident ID numbers or internal ids, in the order given;
    every unknown one named at once."""
    query = scoped(Worker.select(Worker.id), Worker)
    found: list[int] = []
    unknown: list[str] = []
    for raw in selectors:
        text = str(raw).strip()
        worker = query.where(Worker.card_no == text).first()
        if worker is None and len(text) == 18:
            worker = query.where(Worker.id_number == idcard.normalise(text)).first()
        if worker is None and text.isdigit() and len(text) <= 9:
            worker = query.where(Worker.id == int(text)).first()
        if worker is None:
            unknown.append(text)
        elif worker.id not in found:
            found.append(worker.id)
    if unknown:
        raise UserError(f"找不到这些人员（请用服务证号、身份证号或内部编号）：{'、'.join(unknown)}")
    return found


def workers_by_ids(ids: Iterable[int]) -> list[Worker]:
    """The workers of `ids` in that order (those out of the session's scope are left out)."""
    ids = list(ids)
    rows: dict[int, Worker] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        rows.update({w.id: w for w in scoped(Worker.select(), Worker).where(Worker.id.in_(chunk))})
    return [rows[i] for i in ids if i in rows]


# Workers are read, drawn and dropped this many at a time: a print run of 100,000 cards never
# holds more than one chunk of Worker rows and photos (~5 MB) in memory.
CHUNK = 500


def chunks(ids: Sequence[int], size: int = CHUNK) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield list(ids[start:start + size])


def photos_for(worker_ids: Sequence[int]) -> dict[int, bytes]:
    photos: dict[int, bytes] = {}
    for chunk in chunks(worker_ids):
        for row in WorkerPhoto.select(WorkerPhoto.worker, WorkerPhoto.data).where(WorkerPhoto.worker.in_(chunk)):
            photos[row.worker_id] = bytes(row.data)
    return photos


# What default_office() puts into an empty database (swdesk/services/base.py): printed, it would
# hand out cards of "示例街道社会工作服务中心" numbered 000000….
PLACEHOLDER_STREET_CODE = "000000"
PLACEHOLDER_MARK = "示例"


def placeholder_fields(office: Office) -> list[str]:
    """The office's fields that still hold the placeholder values, as the clerk reads them."""
    problems = []
    if (office.street_code or "") == PLACEHOLDER_STREET_CODE:
        problems.append(f"街道代码仍是 {PLACEHOLDER_STREET_CODE}")
    for name, label in (("street", "街道"), ("centre_name", "服务中心名称"),
                        ("card_issuer", "发证单位")):
        value = getattr(office, name) or ""
        if PLACEHOLDER_MARK in value:
            problems.append(f"{label}仍是“{value}”")
    return problems


def ensure_real_office(office: Office) -> None:
    """Refuse to print for an office whose settings are still the placeholders."""
    problems = placeholder_fields(office)
    if problems:
        raise UserError(f"单位设置还没有填写（{'；'.join(problems)}），印出来的证件会带着示例单位。"
                        "请先在“设置 → 单位设置…”中填写本单位的名称、街道代码、发证单位和服务热线，再打印。")


class OfficeValues:
    """The office fields of each worker's own office (issuer, header, hotlines), read once per
    office: a run over two streets prints each card with its own street's office."""

    def __init__(self) -> None:
        self._by_id: dict[int, dict[str, str]] = {}

    def __call__(self, office_id: int | None) -> dict[str, str]:
        key = office_id or 0
        values = self._by_id.get(key)
        if values is None:
            office = (Office.get_or_none(Office.id == office_id) if office_id else None) or default_office()
            ensure_real_office(office)
            values = self._by_id[key] = office_fields(office)
        return values


# --- star levels (templates.STAR_PLACEHOLDERS) ---------------------------------------------------

def star_values(level: int) -> dict[str, str]:
    """The star placeholders of a level (0: none, both empty)."""
    return {"stars": "★" * level, "star_name": vocab.STAR_NAMES[level]}


def star_values_of(worker_ids: Sequence[int]) -> dict[int, dict[str, str]]:
    """Each worker's star placeholders for a card or badge printed today; all empty (and nothing
    computed) unless the office prints stars (setting print_stars, off by default)."""
    levels = {}
    if stars.print_stars():
        levels = stars.levels(list(worker_ids))
    return {w: star_values(levels.get(w, 0)) for w in worker_ids}


# --- every character in a font ------------------------------------------------------------------

@dataclass(frozen=True)
class MissingGlyph:
    who: str        # e.g. 张𠀀（服务证号 …）
    field: str      # Chinese field label
    char: str

    def describe(self) -> str:
        return f"{self.who}的“{self.field}”中的“{self.char}”（U+{ord(self.char):04X}）"


class MissingGlyphsError(UserError):
    def __init__(self, missing: list[MissingGlyph], chain: FontChain):
        self.missing = missing
        shown = "；".join(m.describe() for m in missing[:10])
        more = f"等共{len(missing)}处" if len(missing) > 10 else ""
        super().__init__(
            f"以下字符在可用字体（{chain.describe()}）中都没有，打印出来会缺字：{shown}{more}。"
            "请安装含这些字的 TrueType 字体并在单位设置中选择它；确需打印请选择“仍然打印（缺字处留空）”，命令行加 --allow-missing-glyphs"
            "（命令行加 --allow-missing-glyphs）")


def find_missing(templates: Sequence[Template], items: Iterable[Item], chain: FontChain,
                 who_of=lambda item: item.extra.get("who", "")) -> list[MissingGlyph]:
    """Every character of every field the templates print, checked against the font chain."""
    missing: list[MissingGlyph] = []
    static_checked = False
    used = sorted(set().union(*(t.placeholders for t in templates)) - {"qr"})
    # The office's texts (duty charter, hotlines, issuer) are the same on every card and were
    # checked again for each: ~40 % of this check, 6 % of a single-card print (bench/printing.py).
    # A few hundred recent texts kept, so a run of 100,000 cards does not keep every name.
    missing_in = functools.lru_cache(maxsize=256)(chain.missing)
    for item in items:
        for name in used:
            value = str(item.fields.get(name, ""))
            for char in missing_in(value):
                missing.append(MissingGlyph(who_of(item), FIELD_LABELS.get(name, name), char))
        if not static_checked:
            static_checked = True
            for template in templates:
                for text in template.texts():
                    literal = fill(text, {k: "" for k in template.placeholders})
                    for char in chain.missing(literal):
                        missing.append(MissingGlyph("模板", "固定文字", char))
    return missing


def ensure_glyphs(templates: Sequence[Template], items: Iterable[Item], chain: FontChain,
                  allow_missing: bool) -> list[MissingGlyph]:
    missing = find_missing(templates, items, chain)
    if missing and not allow_missing:
        raise MissingGlyphsError(missing, chain)
    return missing


# --- calibration ---------------------------------------------------------------------------------

def calibrations() -> dict[str, dict]:
    value = settings.get("printer_calibration", {}) or {}
    return value if isinstance(value, dict) else {}


def calibration_for(printer: str | None) -> Calibration:
    if not printer:
        return Calibration()
    return Calibration.from_dict(calibrations().get(printer))


def save_calibration(printer: str, dx: float, dy: float, sx: float, sy: float) -> None:
    if not printer.strip():
        raise UserError("请填写打印机名称")
    if not (0.8 <= sx <= 1.2 and 0.8 <= sy <= 1.2) or abs(dx) > 30 or abs(dy) > 30:
        raise UserError("校准值不合理：偏移应在 ±30 毫米以内，比例应在 0.8 到 1.2 之间，请重新测量")
    value = calibrations()
    value[printer.strip()] = {"dx": round(dx, 2), "dy": round(dy, 2), "sx": round(sx, 4), "sy": round(sy, 4)}
    settings.put("printer_calibration", json.loads(json.dumps(value)))


def clear_calibration(printer: str) -> bool:
    """Forget `printer`'s calibration; False if it had none."""
    value = dict(calibrations())
    if value.pop(printer.strip(), None) is None:
        return False
    settings.put("printer_calibration", value)
    return True


def logo_path() -> str:
    return str(settings.get("logo_path", "") or "")


def counted(items: Iterable[Item], progress, total: int, every: int = 200) -> Iterator[Item]:
    """`items`, reporting to `progress` every `every` items (the glyph check of 100,000 cards
    takes ~20 s: the clerk sees it advance, and 取消 works during it)."""
    done = 0
    for item in items:
        yield item
        done += 1
        if done % every == 0:
            jobs.report(progress, done, total)
    jobs.report(progress, done, total)


def names_text(names: Sequence[str], limit: int = 10) -> str:
    """张三、李四、王五 (or the first `limit` and 等 N 人)."""
    shown = "、".join(names[:limit])
    return f"{shown}等 {len(names)} 人" if len(names) > limit else shown


def missing_warning(missing: Sequence[MissingGlyph]) -> list[str]:
    """The warning for characters printed blank (only when the clerk allowed it)."""
    if not missing:
        return []
    shown = "；".join(m.describe() for m in missing[:10])
    more = f"等共 {len(missing)} 处" if len(missing) > 10 else ""
    return [f"以下字符缺字，已留空：{shown}{more}"]
