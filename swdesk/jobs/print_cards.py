"""Job: print service cards (社会工作者服务证) into one PDF.

Rules applied here once, for the command line and the window alike:
- a card is printed only for a worker who has a card number; expired cards (and cards without a
  valid-until date) and cards of workers who have left (离队) are left out unless the clerk
  deliberately includes them (`include_expired`), and are named — before printing by
  `plan_cards` (the window asks with it), and in the result's warnings;
- every character is checked against the fonts before anything is drawn;
- every card carries its own worker's office (issuer, header, hotlines);
- the PDF is written whole or not at all (files.write_atomically), one chunk of workers at a time;
- the audit line names the saved file.
"""
from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from swdesk import files, vocab
from swdesk.errors import UserError
from swdesk.jobs import JobResult, Progress, phase
from swdesk.models import Worker
from swdesk.pdf import cards, common, fonts
from swdesk.pdf.common import MissingGlyphsError
from swdesk.pdf.templates import TEMPLATE_DIR
from swdesk.services import audit_log
from swdesk.services.base import scoped

# MissingGlyphsError (raised before anything is drawn; the window asks whether to print with
# blanks) and the templates' folder are exported for the window, which never imports swdesk.pdf.
__all__ = ["TEMPLATE_DIR", "CardPlan", "MissingGlyphsError", "plan_cards", "print_cards"]

KIND = "服务证"


@dataclass
class CardPlan:
    """Who is printed and who is left out, known before anything is drawn."""

    worker_ids: list[int]
    without_number: list[str] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)       # names (服务证号), expired or no date
    expired_ids: list[int] = field(default_factory=list)   # (for 续期 before printing)
    departed: list[str] = field(default_factory=list)
    include_expired: bool = False
    first_names: list[str] = field(default_factory=list)    # of the printed, for the audit line

    @property
    def doubtful(self) -> bool:
        """Are there cards the clerk should decide about before printing?"""
        return bool(self.expired or self.departed)

    def question(self) -> str:
        """What the window asks before printing (the same facts the warnings state)."""
        lines = []
        if self.expired:
            lines.append(f"{len(self.expired)} 人的服务证已过有效期：{common.names_text(self.expired)}")
        if self.departed:
            lines.append(f"{len(self.departed)} 人已离队，服务证已失效：{common.names_text(self.departed)}")
        return "\n".join(lines)

    def warnings(self) -> list[str]:
        out = []
        if self.without_number:
            out.append(f"{len(self.without_number)} 人尚未发放服务证号，未打印：{common.names_text(self.without_number)}")
        if self.expired:
            what = f"{len(self.expired)} 人的服务证已过有效期"
            out.append(f"{what}，按要求仍已打印（扫码核验时会显示已过期）：{common.names_text(self.expired)}"
                       if self.include_expired else
                       f"{what}，未打印（请先续期；确需打印请选择“仍然打印”，命令行加 --include-expired）：{common.names_text(self.expired)}")
        if self.departed:
            what = f"{len(self.departed)} 人已离队，服务证已失效"
            out.append(f"{what}，按要求仍已打印：{common.names_text(self.departed)}" if self.include_expired else
                       f"{what}，未打印：{common.names_text(self.departed)}")
        return out


_COLUMNS = (Worker.id, Worker.name, Worker.card_no, Worker.status, Worker.card_valid_until)


def _rows(worker_ids: Sequence[int] | None) -> list[tuple]:
    query = scoped(Worker.select(*_COLUMNS), Worker)
    if worker_ids is None:
        return list(query.where(Worker.status == vocab.STATUS_ACTIVE).order_by(Worker.card_no, Worker.id).tuples())
    by_id: dict[int, tuple] = {}
    for chunk in common.chunks(list(worker_ids)):
        by_id.update({row[0]: row for row in query.where(Worker.id.in_(chunk)).tuples()})
    return [by_id[i] for i in dict.fromkeys(worker_ids) if i in by_id]


def plan_cards(worker_ids: Sequence[int] | None, include_expired: bool = False,
               today: _dt.date | None = None) -> CardPlan:
    """Sort the chosen workers (None: every active worker) into printed and left out."""
    today = today or _dt.date.today()
    plan = CardPlan([], include_expired=include_expired)
    for worker_id, name, card_no, status, valid_until in _rows(worker_ids):
        if not card_no:
            plan.without_number.append(name)
            continue
        who = f"{name}（{card_no}）"
        if status != vocab.STATUS_ACTIVE:
            plan.departed.append(who)
            if not include_expired:
                continue
        elif valid_until is None or valid_until < today:
            plan.expired.append(who)
            plan.expired_ids.append(worker_id)
            if not include_expired:
                continue
        plan.worker_ids.append(worker_id)
        if len(plan.first_names) < 5:
            plan.first_names.append(name)
    return plan


def audit_summary(kind: str, count: int, first_names: Sequence[str], target: os.PathLike) -> str:
    names = "、".join(first_names) + ("等" if count > len(first_names) else "")
    return f"打印{kind} {count} 张（{names}）：{os.path.basename(target)}"


def print_cards(out: str | os.PathLike, worker_ids: Sequence[int] | None = None, *, layout: str = "a4",
                template: str | None = None, printer: str | None = None, include_expired: bool = False,
                allow_missing_glyphs: bool = False, progress: Progress | None = None,
                today: _dt.date | None = None) -> JobResult:
    """Print the cards of `worker_ids` (None: every active worker) into the PDF `out`."""
    target = files.check_target(out, (".pdf",))
    plan = plan_cards(worker_ids, include_expired, today)
    if not plan.worker_ids:
        raise UserError("没有可打印的服务证。" + "".join(plan.warnings()))
    chain = fonts.office_chain()
    phase(progress, "正在检查字库…", len(plan.worker_ids))
    missing = cards.check_glyphs(plan.worker_ids, template, chain, allow_missing_glyphs, progress)
    phase(progress, "正在生成服务证…", len(plan.worker_ids))
    with files.write_atomically(target, (".pdf",)) as tmp:
        pages = cards.draw(tmp, plan.worker_ids, layout, template, chain, common.calibration_for(printer), progress)
    count = len(plan.worker_ids)
    audit_log.record_output("worker", target, count, audit_summary(KIND, count, plan.first_names, target),
                            {"kind": KIND}, record_ids=plan.worker_ids)
    return JobResult(f"已生成{KIND} {count} 张，共 {pages} 页：{target}", target,
                     plan.warnings() + common.missing_warning(missing), count,
                     {"pages": pages, "missing": missing, "plan": plan})
