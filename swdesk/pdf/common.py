"""What the card, badge and certificate printers share: choosing workers, the office's fields,
the check that every character to be printed is in a font, and the printer's calibration."""
from __future__ import annotations

import datetime as _dt
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from swdesk import idcard, vocab
from swdesk.models import Office, Worker, WorkerPhoto
from swdesk.pdf.fonts import FontChain
from swdesk.pdf.layout import Calibration, Item
from swdesk.pdf.templates import Template, fill
from swdesk.services import settings
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
    "body": "证明正文",
}


def date_text(day: _dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def hours_text(minutes: int) -> str:
    """Hours for print: 90 → '1.5', 100 → '1.67' (two decimals at most, no trailing zeros)."""
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


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

def select_workers(selectors: Sequence[str] = (), all_active: bool = False) -> list[Worker]:
    """Workers by card number, resident ID number or internal id (in the order given), or all active."""
    query = scoped(Worker.select(), Worker)
    if all_active:
        return list(query.where(Worker.status == vocab.STATUS_ACTIVE).order_by(Worker.card_no, Worker.id))
    found: list[Worker] = []
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
        elif worker not in found:
            found.append(worker)
    if unknown:
        raise UserError(f"找不到这些人员（请用服务证号、身份证号或内部编号）：{'、'.join(unknown)}")
    return found


def workers_by_ids(ids: Iterable[int]) -> list[Worker]:
    ids = list(ids)
    rows = {w.id: w for w in scoped(Worker.select(), Worker).where(Worker.id.in_(ids))} if ids else {}
    return [rows[i] for i in ids if i in rows]


def photos_for(worker_ids: Sequence[int]) -> dict[int, bytes]:
    photos: dict[int, bytes] = {}
    ids = list(worker_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in WorkerPhoto.select(WorkerPhoto.worker, WorkerPhoto.data).where(WorkerPhoto.worker.in_(chunk)):
            photos[row.worker_id] = bytes(row.data)
    return photos


def office_of(workers: Sequence[Worker]) -> Office:
    return workers[0].office if workers else default_office()


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
            "请安装含这些字的 TrueType 字体并在单位设置中选择它；确需打印请选择“仍然打印（缺字处留空）”"
            "（命令行加 --allow-missing-glyphs）")


def find_missing(templates: Sequence[Template], items: Sequence[Item], chain: FontChain,
                 who_of=lambda item: item.extra.get("who", "")) -> list[MissingGlyph]:
    """Every character of every field the templates print, checked against the font chain."""
    missing: list[MissingGlyph] = []
    static_checked = False
    used = set().union(*(t.placeholders for t in templates)) - {"qr"}
    for item in items:
        for name in sorted(used):
            value = str(item.fields.get(name, ""))
            for char in chain.missing(value):
                missing.append(MissingGlyph(who_of(item), FIELD_LABELS.get(name, name), char))
        if not static_checked:
            static_checked = True
            for template in templates:
                for text in template.texts():
                    literal = fill(text, {k: "" for k in template.placeholders})
                    for char in chain.missing(literal):
                        missing.append(MissingGlyph("模板", "固定文字", char))
    return missing


def ensure_glyphs(templates: Sequence[Template], items: Sequence[Item], chain: FontChain,
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


def logo_path() -> str:
    return str(settings.get("logo_path", "") or "")


def record_print(kind: str, workers, out) -> None:
    """One audit line per print run: cards and badges carry names and photos, so who printed
    whose is kept (the certificate register keeps its own lines)."""
    from swdesk import db
    from swdesk.services.base import audit

    ids = [w.id for w in workers]
    shown = "、".join(w.name for w in list(workers)[:5]) + ("等" if len(ids) > 5 else "")
    target = "" if isinstance(out, io.BytesIO) else str(out)
    with db.database().atomic():
        audit("print", table="worker", record_id=",".join(map(str, ids[:20])),
              after={"kind": kind, "count": len(ids), "file": target},
              summary=f"打印{kind} {len(ids)} 人：{shown}")
