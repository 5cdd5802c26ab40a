"""社会工作者服务证: ISO/IEC 7810 ID-1 cards (85.60 × 53.98 mm), front and back.

What a card shows and how a run is drawn; which cards are printed (expired, departed, without a
number) is decided by the job (swdesk/jobs/print_cards.py)."""
from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from swdesk import jobs
from swdesk.models import Community, Worker
from swdesk.pdf import common, fonts, layout, templates
from swdesk.services import cards as card_service
from swdesk.services import settings

CARD_W_MM = 85.60
CARD_H_MM = 53.98


def card_fields(worker: Worker, office_values: dict[str, str], key: bytes,
                community_names: dict[int, str], star_values: dict[str, str] | None = None) -> dict[str, str]:
    community = community_names.get(worker.community_id, "") if worker.community_id else ""
    unit = community or worker.employer or ""
    return {
        **office_values, **(star_values or common.star_values(0)),
        "name": worker.name, "gender": worker.gender, "card_no": worker.card_no or "",
        "unit": unit, "community": community, "employer": worker.employer or "",
        "specialties": worker.specialties or "—", "kind": worker.kind or "",
        "valid_until": common.date_text(worker.card_valid_until),
        "issued_on": common.date_text(worker.card_issued_on),
        "qr": card_service.payload_for(worker, key),
    }


def _community_names(workers: Sequence[Worker]) -> dict[int, str]:
    ids = {w.community_id for w in workers if w.community_id}
    return {c.id: c.name for c in Community.select().where(Community.id.in_(list(ids)))} if ids else {}


def items(worker_ids: Sequence[int], with_photos: bool = True) -> Iterator[layout.Item]:
    """One Item per worker, in the order of `worker_ids`, read a chunk at a time; every card with
    its own worker's office (issuer, header, hotlines)."""
    offices = common.OfficeValues()
    key = settings.hmac_key()
    for chunk in common.chunks(worker_ids):
        workers = common.workers_by_ids(chunk)
        names = _community_names(workers)
        photos = common.photos_for(chunk) if with_photos else {}
        star_values = common.star_values_of(chunk)
        for w in workers:
            yield layout.Item(card_fields(w, offices(w.office_id), key, names, star_values[w.id]), photos.get(w.id),
                              {"who": f"{w.name}（服务证号 {w.card_no}）", "worker_id": w.id})


def sides(template_path: str | None) -> list[templates.Template]:
    template = templates.for_kind("card", template_path)
    return [template] + ([template.back] if template.back else [])


def check_glyphs(worker_ids: Sequence[int], template_path: str | None, chain: fonts.FontChain,
                 allow_missing: bool, progress: jobs.Progress | None = None) -> list[common.MissingGlyph]:
    """Every character of every card checked before anything is drawn (raises unless allowed)."""
    checked = common.counted(items(worker_ids, with_photos=False), progress, len(worker_ids))
    return common.ensure_glyphs(sides(template_path), checked, chain, allow_missing)


def draw(out: str | Path | io.BytesIO, worker_ids: Sequence[int], layout_name: str, template_path: str | None,
         chain: fonts.FontChain, calibration: layout.Calibration, progress: jobs.Progress | None = None) -> int:
    """Draw the cards of `worker_ids` into `out`; returns the page count."""
    return layout.render(out, sides(template_path)[0], items(worker_ids), chain, layout_name, calibration,
                         progress, title="社会工作者服务证", logo_path=common.logo_path(), total=len(worker_ids))
