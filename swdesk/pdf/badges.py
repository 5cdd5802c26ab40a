"""胸牌 name badges: 90 × 54 mm or 100 × 70 mm, a big name, the group and role, the office logo."""
from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from swdesk import jobs
from swdesk.models import ElderGroup, GroupMember, Worker
from swdesk.pdf import common, fonts, layout, templates
from swdesk.pdf.cards import PrintResult
from swdesk.services.base import UserError

SIZES = {"90x54": "badge", "100x70": "badge_large"}


def _roles(worker_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """(group name, role) of each worker's current elder-care group membership, if any."""
    out: dict[int, tuple[str, str]] = {}
    if not worker_ids:
        return out
    rows = (GroupMember.select(GroupMember.worker, GroupMember.role, ElderGroup.name)
            .join(ElderGroup).where(GroupMember.worker.in_(list(worker_ids)) & GroupMember.left_on.is_null())
            .order_by(GroupMember.joined_on.desc()).tuples())
    for worker_id, role, group in rows:
        out.setdefault(worker_id, (group, role))
    return out


def items_for(workers: Sequence[Worker]) -> list[layout.Item]:
    office_values = common.office_fields(common.office_of(workers))
    roles = _roles([w.id for w in workers])
    items = []
    for w in workers:
        group, role = roles.get(w.id, ("", ""))
        if group:
            role_line = f"{group} · {role}" if role else group
        else:
            role_line = w.specialties.replace("、", " · ") if w.specialties else (w.kind or "")
        fields = {**office_values, "name": w.name, "group": group, "role": role, "role_line": role_line,
                  "card_no": w.card_no or "", "unit": w.employer or "", "kind": w.kind or "",
                  "specialties": w.specialties or ""}
        items.append(layout.Item(fields, None, {"who": f"{w.name}（编号 {w.id}）", "worker_id": w.id}))
    return items


def render_badges(workers: Sequence[Worker], out: str | Path | io.BytesIO, layout_name: str = "a4",
                  size: str = "90x54", template_path: str | None = None, printer: str | None = None,
                  allow_missing_glyphs: bool = False, progress: jobs.Progress | None = None,
                  chain: fonts.FontChain | None = None) -> PrintResult:
    if not workers:
        raise UserError("没有要打印的人员")
    if size not in SIZES:
        raise UserError(f"胸牌尺寸应为 {'、'.join(SIZES)}")
    template = templates.for_kind(SIZES[size], template_path)
    chain = chain or fonts.office_chain()
    items = items_for(workers)
    missing = common.ensure_glyphs([template], items, chain, allow_missing_glyphs)
    pages = layout.render(out, template, items, chain, layout_name, common.calibration_for(printer),
                          progress, title="胸牌", logo_path=common.logo_path())
    common.record_print("胸牌", workers, out)
    return PrintResult(str(out) if not isinstance(out, io.BytesIO) else "", len(items), pages, missing)
