"""社会工作者服务证: ISO/IEC 7810 ID-1 cards (85.60 × 53.98 mm), front and back."""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from swdesk import jobs
from swdesk.models import Office, Worker
from swdesk.pdf import common, fonts, layout, templates
from swdesk.services import cards as card_service
from swdesk.services import settings
from swdesk.services.base import UserError

CARD_W_MM = 85.60
CARD_H_MM = 53.98


@dataclass
class PrintResult:
    path: str
    count: int
    pages: int
    missing: list[common.MissingGlyph] = field(default_factory=list)


def card_fields(worker: Worker, office_values: dict[str, str], key: bytes,
                community_names: dict[int, str]) -> dict[str, str]:
    community = community_names.get(worker.community_id, "") if worker.community_id else ""
    unit = community or worker.employer or ""
    return {
        **office_values,
        "name": worker.name, "gender": worker.gender, "card_no": worker.card_no or "",
        "unit": unit, "community": community, "employer": worker.employer or "",
        "specialties": worker.specialties or "—", "kind": worker.kind or "",
        "valid_until": common.date_text(worker.card_valid_until),
        "issued_on": common.date_text(worker.card_issued_on),
        "qr": card_service.payload_for(worker, key),
    }


def _community_names(workers: Sequence[Worker]) -> dict[int, str]:
    from swdesk.models import Community

    ids = {w.community_id for w in workers if w.community_id}
    return {c.id: c.name for c in Community.select().where(Community.id.in_(list(ids)))} if ids else {}


def items_for(workers: Sequence[Worker], office: Office | None = None) -> list[layout.Item]:
    """One Item per worker: the card's field values and the photo."""
    without = [w.name for w in workers if not w.card_no]
    if without:
        raise UserError(f"以下人员尚未发放服务证号，不能打印服务证：{'、'.join(without[:20])}"
                        f"{'等' + str(len(without)) + '人' if len(without) > 20 else ''}")
    office = office or common.office_of(workers)
    office_values = common.office_fields(office)
    key = settings.hmac_key()
    names = _community_names(workers)
    photos = common.photos_for([w.id for w in workers])
    return [layout.Item(card_fields(w, office_values, key, names), photos.get(w.id),
                        {"who": f"{w.name}（服务证号 {w.card_no}）", "worker_id": w.id})
            for w in workers]


def split_by_card_no(workers: Sequence[Worker]) -> tuple[list[Worker], list[Worker]]:
    """(workers who have a card number, workers who have none yet) — for "print all"."""
    return [w for w in workers if w.card_no], [w for w in workers if not w.card_no]


def render_cards(workers: Sequence[Worker], out: str | Path | io.BytesIO, layout_name: str = "a4",
                 template_path: str | None = None, printer: str | None = None,
                 allow_missing_glyphs: bool = False, progress: jobs.Progress | None = None,
                 chain: fonts.FontChain | None = None) -> PrintResult:
    """Print service cards for `workers` into one PDF (checks every character first)."""
    if not workers:
        raise UserError("没有要打印的人员")
    template = templates.for_kind("card", template_path)
    chain = chain or fonts.office_chain()
    items = items_for(workers)
    sides = [template] + ([template.back] if template.back else [])
    missing = common.ensure_glyphs(sides, items, chain, allow_missing_glyphs)
    pages = layout.render(out, template, items, chain, layout_name, common.calibration_for(printer),
                          progress, title="社会工作者服务证", logo_path=common.logo_path())
    common.record_print("服务证", workers, out)
    return PrintResult(str(out) if not isinstance(out, io.BytesIO) else "", len(items), pages, missing)
