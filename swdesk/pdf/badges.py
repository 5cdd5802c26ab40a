"""胸牌 name badges: 90 × 54 mm or 100 × 70 mm, a big name, the group and role, the office logo."""
from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from swdesk import jobs
from swdesk.models import ElderGroup, GroupMember
from swdesk.pdf import common, fonts, layout, templates
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


def items(worker_ids: Sequence[int]) -> Iterator[layout.Item]:
    """One Item per worker, a chunk at a time, each with its own worker's office."""
    offices = common.OfficeValues()
    for chunk in common.chunks(worker_ids):
        workers = common.workers_by_ids(chunk)
        roles = _roles(chunk)
        star_values = common.star_values_of(chunk)
        for w in workers:
            group, role = roles.get(w.id, ("", ""))
            if group:
                role_line = f"{group} · {role}" if role else group
            else:
                role_line = w.specialties.replace("、", " · ") if w.specialties else (w.kind or "")
            fields = {**offices(w.office_id), "name": w.name, "group": group, "role": role,
                      "role_line": role_line, "card_no": w.card_no or "", "unit": w.employer or "",
                      "kind": w.kind or "", "specialties": w.specialties or "", **star_values[w.id]}
            yield layout.Item(fields, None, {"who": f"{w.name}（编号 {w.id}）", "worker_id": w.id})


def template_for(size: str, template_path: str | None) -> templates.Template:
    if size not in SIZES:
        raise UserError(f"胸牌尺寸应为 {'、'.join(SIZES)}")
    return templates.for_kind(SIZES[size], template_path)


def check_glyphs(worker_ids: Sequence[int], size: str, template_path: str | None, chain: fonts.FontChain,
                 allow_missing: bool, progress: jobs.Progress | None = None) -> list[common.MissingGlyph]:
    checked = common.counted(items(worker_ids), progress, len(worker_ids))
    return common.ensure_glyphs([template_for(size, template_path)], checked, chain, allow_missing)


def draw(out: str | Path | io.BytesIO, worker_ids: Sequence[int], layout_name: str, size: str,
         template_path: str | None, chain: fonts.FontChain, calibration: layout.Calibration,
         progress: jobs.Progress | None = None) -> int:
    return layout.render(out, template_for(size, template_path), items(worker_ids), chain, layout_name,
                         calibration, progress, title="胸牌", logo_path=common.logo_path(), total=len(worker_ids))
