"""志愿服务记录证明 (after 民发〔2015〕149号): an A4 certificate of a worker's service in a period,
numbered from the register (swdesk/services/certificates.py); hours from the ledger only."""
from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path

from swdesk import db, periods
from swdesk.models import Worker
from swdesk.pdf import common, fonts, layout, templates
from swdesk.pdf.cards import PrintResult
from swdesk.privacy import mask_id
from swdesk.services import certificates as register
from swdesk.services.base import UserError, current


def period_text(period: periods.Period) -> str:
    return f"{common.date_text(period.start)}至{common.date_text(period.end)}"


def certificate_fields(worker: Worker, period: periods.Period, minutes: dict[str, int], number: str,
                       reprint: bool, issue_date: _dt.date) -> dict[str, str]:
    office = worker.office
    values = common.office_fields(office)
    total = sum(minutes.values())
    lines = [f"{programme}：{common.hours_text(m)} 小时" for programme, m in minutes.items()]
    id_masked = mask_id(worker.id_number) if worker.id_number else "—"
    card_no = worker.card_no or "—"
    when = period_text(period)
    body = (f"兹证明 {worker.name}（居民身份证 {id_masked}，社会工作者服务证号 {card_no}）"
            f"于{when}在{office.centre_name}参加志愿服务，经记录核实，累计服务时长 "
            f"{common.hours_text(total)} 小时。")
    return {
        **values,
        "name": worker.name, "gender": worker.gender, "id_type": "居民身份证", "id_masked": id_masked,
        "card_no": card_no, "period_text": when, "total_hours": common.hours_text(total),
        "hours_lines": "\n".join(lines) if lines else "（本期间无服务时长记录）",
        "organisation": office.centre_name, "clerk": current().operator_name,
        "contact": office.contact_phone or "", "number": number, "reprint_mark": "（补打）" if reprint else "",
        "issue_date": common.date_text(issue_date), "body": body,
    }


def render_certificate(worker: Worker, period_label: str, out: str | Path | io.BytesIO,
                       template_path: str | None = None, printer: str | None = None,
                       allow_missing_glyphs: bool = False, today: _dt.date | None = None,
                       chain: fonts.FontChain | None = None) -> tuple[PrintResult, register.IssuedCertificate]:
    """Register (or reprint) the certificate and print it. Nothing is registered if the print fails."""
    today = today or _dt.date.today()
    period = periods.parse(period_label)
    template = templates.for_kind("certificate", template_path)
    chain = chain or fonts.office_chain()
    preview = certificate_fields(worker, period, register.ledger_minutes(worker.id, period),
                                 "0000", False, today)
    probe = layout.Item(preview, None, {"who": f"{worker.name}（编号 {worker.id}）"})
    missing = common.ensure_glyphs([template], [probe], chain, allow_missing_glyphs)
    with db.database().atomic():
        issued = register.issue(worker.id, period.label, today=today)
        fields = certificate_fields(worker, period, issued.minutes, issued.record.number, issued.reprint, today)
        try:
            pages = layout.render(out, template, [layout.Item(fields)], chain, "single",
                                  common.calibration_for(printer), None, title="志愿服务记录证明",
                                  logo_path=common.logo_path())
        except OSError as exc:
            raise UserError(f"无法写入文件 {out}：{exc.strerror or exc}") from None
    result = PrintResult(str(out) if not isinstance(out, io.BytesIO) else "", 1, pages, missing)
    return result, issued
