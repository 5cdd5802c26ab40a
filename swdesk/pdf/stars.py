"""星级志愿者证书: one A4 landscape page per worker and level, from the template
resources/templates/star_certificate_a4.json (kind star_certificate), numbered from the register
(swdesk/services/stars.py)."""
from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Iterable
from pathlib import Path

from swdesk import vocab
from swdesk.models import Worker
from swdesk.pdf import common, fonts, layout, templates
from swdesk.privacy import mask_id


def star_fields(worker: Worker, level: int, hours_text: str, reached: _dt.date, number: str,
                issue_date: _dt.date) -> dict[str, str]:
    office = worker.office
    common.ensure_real_office(office)
    name = vocab.STAR_NAMES[level]
    body = (f"{worker.name}同志在{office.centre_name}参加志愿服务，截至{common.date_text(reached)}"
            f"累计服务时长达到 {hours_text} 小时，被认定为{name}志愿者。特发此证，以资鼓励。")
    return {
        **common.office_fields(office),
        "name": worker.name, "gender": worker.gender,
        "id_masked": mask_id(worker.id_number) if worker.id_number else "—", "card_no": worker.card_no or "—",
        **common.star_values(level), "total_hours": hours_text,
        "reached_date": common.date_text(reached), "organisation": office.centre_name, "number": number,
        "issue_date": common.date_text(issue_date), "body": body,
    }


def template(template_path: str | None) -> templates.Template:
    return templates.for_kind("star_certificate", template_path)


def draw(out: str | Path | io.BytesIO, items: Iterable[layout.Item], total: int, template_path: str | None,
         chain: fonts.FontChain, calibration: layout.Calibration, progress=None) -> int:
    return layout.render(out, template(template_path), items, chain, "single", calibration, progress,
                         title="星级志愿者证书", logo_path=common.logo_path(), total=total)
