"""Job: print star certificates (星级志愿者证书), numbered in the StarCertificate register.

Who: the workers who first reached a level inside `period` (本季度新晋星级, at the highest level
reached there), or, without a period, every worker whose current level has no certificate yet.
A level already registered is reprinted under its number. Glyphs are checked before any number
is taken; the register, the PDF and the audit line stand or fall together."""
from __future__ import annotations

import datetime as _dt
import os

from swdesk import db, files, periods
from swdesk.errors import UserError
from swdesk.jobs import JobResult, Progress, phase
from swdesk.models import Worker
from swdesk.pdf import common, fonts, layout
from swdesk.pdf import stars as stars_pdf
from swdesk.services import audit_log, stars


def _chosen(period: periods.Period | None, today: _dt.date) -> list[tuple[int, int]]:
    """(worker id, level) to print."""
    if period is not None:
        if period.start > today:
            raise UserError(f"期间 {period.label} 尚未开始")
        return [(s.worker_id, level) for s, level, _day in stars.new_in_period(period)]
    return [(s.worker_id, s.level) for s in stars.unprinted(today)]


def print_stars(out: str | os.PathLike, period: periods.Period | None = None, *, template: str | None = None,
                printer: str | None = None, allow_missing_glyphs: bool = False,
                progress: Progress | None = None, today: _dt.date | None = None) -> JobResult:
    target = files.check_target(out, (".pdf",))
    today = today or _dt.date.today()
    chosen = _chosen(period, today)
    if not chosen:
        where = f"{period.label}没有新晋星级的志愿者" if period else "没有尚未打印星级证书的志愿者"
        raise UserError(where + "，未生成文件")
    workers = {w.id: w for w in Worker.select().where(Worker.id.in_([w for w, _l in chosen]))}
    chain = fonts.office_chain()
    phase(progress, "正在检查字库…")
    status = {w: stars.star_status(w, today) for w, _l in chosen}
    probes = [layout.Item(stars_pdf.star_fields(workers[w], level, _threshold(level),
                                                status[w].reached[level], "0000", today), None,
                          {"who": f"{workers[w].name}（编号 {w}）"}) for w, level in chosen]
    missing = common.ensure_glyphs([stars_pdf.template(template)], probes, chain, allow_missing_glyphs)
    phase(progress, "正在生成星级证书…", len(chosen))
    with db.database().atomic():
        issued = [stars.issue(w, level, today) for w, level in chosen]
        items = [layout.Item(stars_pdf.star_fields(workers[i.worker_id], i.level, _threshold(i.level), i.reached_on,
                                                   i.number, today)) for i in issued]
        with files.write_atomically(target, (".pdf",)) as tmp:
            stars_pdf.draw(tmp, items, len(items), template, chain, common.calibration_for(printer), progress)
            audit_log.record_output("star_certificate", target, len(items),
                                    f"打印星级证书 {len(items)} 份：{target.name}", {"kind": "星级证书"},
                                    record_ids=[i.worker_id for i in issued])
    reprints = [i for i in issued if i.reprint]
    warnings = [f"以下证书此前已登记，按原编号补打：{common.names_text([f'{i.name}（{i.number}）' for i in reprints])}"] \
        if reprints else []
    names = common.names_text([i.name for i in issued])
    return JobResult(f"已生成星级证书 {len(issued)} 份（{names}）：{target}", target,
                     warnings + common.missing_warning(missing), len(issued), {"issued": issued})


def _threshold(level: int) -> str:
    """The hours the level stands for: the certificate states the level reached on its day, not
    the hours served since."""
    return f"{stars.thresholds()[level - 1]:g}"
