"""Job: print name badges (胸牌) into one PDF.

A badge has no validity date, but a worker who has left (离队) should not walk in with one: they
are left out unless the clerk includes them deliberately (`include_departed`), and named. Each
badge carries its own worker's office; the PDF is written whole or not at all; the audit line
names the saved file."""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from swdesk import files, vocab
from swdesk.errors import UserError
from swdesk.jobs import JobResult, Progress, phase
from swdesk.jobs.print_cards import audit_summary
from swdesk.models import Worker
from swdesk.pdf import badges, common, fonts
from swdesk.services import audit_log
from swdesk.services.base import scoped

KIND = "胸牌"


@dataclass
class BadgePlan:
    worker_ids: list[int]
    departed: list[str] = field(default_factory=list)
    include_departed: bool = False
    first_names: list[str] = field(default_factory=list)

    @property
    def doubtful(self) -> bool:
        return bool(self.departed)

    def question(self) -> str:
        return f"{len(self.departed)} 人已离队：{common.names_text(self.departed)}" if self.departed else ""

    def warnings(self) -> list[str]:
        if not self.departed:
            return []
        what = f"{len(self.departed)} 人已离队"
        return [f"{what}，按要求仍已打印胸牌：{common.names_text(self.departed)}" if self.include_departed else
                f"{what}，未打印胸牌：{common.names_text(self.departed)}"]


def plan_badges(worker_ids: Sequence[int] | None, include_departed: bool = False) -> BadgePlan:
    """Sort the chosen workers (None: every active worker) into printed and left out."""
    query = scoped(Worker.select(Worker.id, Worker.name, Worker.status), Worker)
    if worker_ids is None:
        rows = list(query.where(Worker.status == vocab.STATUS_ACTIVE).order_by(Worker.card_no, Worker.id).tuples())
    else:
        by_id: dict[int, tuple] = {}
        for chunk in common.chunks(list(worker_ids)):
            by_id.update({row[0]: row for row in query.where(Worker.id.in_(chunk)).tuples()})
        rows = [by_id[i] for i in dict.fromkeys(worker_ids) if i in by_id]
    plan = BadgePlan([], include_departed=include_departed)
    for worker_id, name, status in rows:
        if status != vocab.STATUS_ACTIVE:
            plan.departed.append(name)
            if not include_departed:
                continue
        plan.worker_ids.append(worker_id)
        if len(plan.first_names) < 5:
            plan.first_names.append(name)
    return plan


def print_badges(out: str | os.PathLike, worker_ids: Sequence[int] | None = None, *, layout: str = "a4",
                 size: str = "90x54", template: str | None = None, printer: str | None = None,
                 include_departed: bool = False, allow_missing_glyphs: bool = False,
                 progress: Progress | None = None) -> JobResult:
    """Print the badges of `worker_ids` (None: every active worker) into the PDF `out`."""
    target = files.check_target(out, (".pdf",))
    badges.template_for(size, template)  # a wrong size or template is refused before anything else
    plan = plan_badges(worker_ids, include_departed)
    if not plan.worker_ids:
        raise UserError("没有可打印的胸牌。" + "".join(plan.warnings()))
    chain = fonts.office_chain()
    phase(progress, "正在检查字库…", len(plan.worker_ids))
    missing = badges.check_glyphs(plan.worker_ids, size, template, chain, allow_missing_glyphs, progress)
    phase(progress, "正在生成胸牌…", len(plan.worker_ids))
    with files.write_atomically(target, (".pdf",)) as tmp:
        pages = badges.draw(tmp, plan.worker_ids, layout, size, template, chain, common.calibration_for(printer),
                            progress)
    count = len(plan.worker_ids)
    audit_log.record_output("worker", target, count, audit_summary(KIND, count, plan.first_names, target),
                            {"kind": KIND}, record_ids=plan.worker_ids)
    return JobResult(f"已生成{KIND} {count} 张，共 {pages} 页：{target}", target,
                     plan.warnings() + common.missing_warning(missing), count,
                     {"pages": pages, "missing": missing, "plan": plan})
