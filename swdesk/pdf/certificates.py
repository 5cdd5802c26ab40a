"""志愿服务记录证明: an A4 certificate of a worker's service in a period, numbered from the
register (swdesk/services/certificates.py), laid out for 《志愿服务记录与证明出具办法（试行）》
（民政部令第67号） and 《关于规范志愿服务记录证明工作的指导意见》（民发〔2015〕149号）: identity
(name, 证件类型及号码 masked, 服务证号), the service by programme (times and hours), the issuer
(name, 负责人 and 经办人 with lines to sign, contact), number and date. The issuer's name and the
date stand where the seal is pressed; no circle is printed (it would show around the real seal)."""
from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path

from swdesk import periods
from swdesk.models import Worker
from swdesk.pdf import common, fonts, layout, templates
from swdesk.privacy import mask_id


def period_text(period: periods.Period, cut: bool = False, full_end: _dt.date | None = None) -> str:
    text = f"{common.date_text(period.start)}至{common.date_text(period.end)}"
    if cut:
        ends = f"（{period.label}至{common.date_text(full_end)}结束，" if full_end else f"（{period.label}"
        text += f"{ends}尚未结束，本证明截至开具之日）"
    return text


def hours_lines(minutes: dict[str, int], times: dict[str, int]) -> str:
    """One line per programme: 扶老助老：服务 5 次，共 11.1 小时."""
    lines = []
    for programme, m in minutes.items():
        n = times.get(programme)
        lines.append(f"{programme}：服务 {n} 次，共 {common.hours_text(m)} 小时" if n else
                     f"{programme}：共 {common.hours_text(m)} 小时")
    return "\n".join(lines)


def certificate_fields(worker: Worker, period: periods.Period, minutes: dict[str, int], times: dict[str, int],
                       number: str, reprint: bool, issue_date: _dt.date, clerk: str = "", cut: bool = False,
                       full_end: _dt.date | None = None) -> dict[str, str]:
    office = worker.office
    common.ensure_real_office(office)
    values = common.office_fields(office)
    total = common.hours_text(sum(minutes.values()))
    id_masked = mask_id(worker.id_number) if worker.id_number else "—"
    card_no = worker.card_no or "—"
    when = period_text(period, cut, full_end)
    dates = period_text(period) + ("（截至开具之日）" if cut else "")
    body = (f"兹证明 {worker.name}（居民身份证 {id_masked}，社会工作者服务证号 {card_no}）"
            f"于{when}在{office.centre_name}参加志愿服务，经志愿服务记录核实，累计服务时长 {total} 小时。")
    return {
        **values,
        "name": worker.name, "gender": worker.gender, "id_type": "居民身份证", "id_masked": id_masked,
        "card_no": card_no, "period_text": dates, "total_hours": total,
        "hours_lines": hours_lines(minutes, times), "organisation": office.centre_name, "clerk": clerk,
        "contact": office.contact_phone or "", "number": number, "reprint_mark": "（补打）" if reprint else "",
        "issue_date": common.date_text(issue_date), "body": body,
    }


def template(template_path: str | None) -> templates.Template:
    return templates.for_kind("certificate", template_path)


def draw(out: str | Path | io.BytesIO, fields: dict[str, str], template_path: str | None, chain: fonts.FontChain,
         calibration: layout.Calibration) -> int:
    return layout.render(out, template(template_path), [layout.Item(fields)], chain, "single", calibration,
                         None, title="志愿服务记录证明", logo_path=common.logo_path())
