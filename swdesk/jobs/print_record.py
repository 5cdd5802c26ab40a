"""Job: issue and print one worker's 个人志愿服务记录 (numbered in the RecordIssue register).

Rules applied here once: the range ends no later than the issue day (refused otherwise, naming
both days); a range without any service or training is refused before a number is taken; every
character is checked against the fonts first; the register entry, the PDF (written whole or not
at all) and the audit line naming the file stand or fall together."""
from __future__ import annotations

import datetime as _dt
import os

from swdesk import db, files
from swdesk.jobs import JobResult, Progress, phase
from swdesk.jobs.print_certificate import default_clerk
from swdesk.pdf import common, fonts, layout
from swdesk.pdf import record as record_pdf
from swdesk.services import audit_log, service_record


def print_record(out: str | os.PathLike, worker_id: int, start: _dt.date | None = None,
                 end: _dt.date | None = None, *, printer: str | None = None, clerk: str | None = None,
                 allow_missing_glyphs: bool = False, progress: Progress | None = None,
                 today: _dt.date | None = None) -> JobResult:
    """The record of `worker_id` from `start` (default: joining day) to `end` (default: today)."""
    target = files.check_target(out, (".pdf",))
    today = today or _dt.date.today()
    clerk = (clerk if clerk is not None else default_clerk()).strip()
    phase(progress, "正在汇总服务记录…")
    record = service_record.collect(worker_id, start, end, today)
    chain = fonts.office_chain()
    probe = record_pdf.build(record, "JL000000-0000-00000", today, chain, clerk)
    missing = common.ensure_glyphs(
        record_pdf.page_templates(probe),
        [layout.Item(p.fields, None, {"who": f"{record.worker.name}（编号 {record.worker.id}）"}) for p in probe],
        chain, allow_missing_glyphs)
    phase(progress, "正在出具服务记录…", 1)
    with db.database().atomic():
        issued = service_record.register(record, today)
        pages = record_pdf.build(record, issued.number, today, chain, clerk)
        with files.write_atomically(target, (".pdf",)) as tmp:
            count = record_pdf.draw(tmp, pages, chain, common.calibration_for(printer))
            audit_log.record_output("record_issue", target, 1,
                                    f"打印个人志愿服务记录 {issued.number}（{record.worker.name}）：{target.name}",
                                    {"kind": "个人志愿服务记录"}, record_ids=[record.worker.id])
    warnings = common.missing_warning(missing)
    if not clerk:
        warnings.append("服务记录上未印经办人姓名：请经办人签字时写明姓名（命令行可用 --clerk 指定）")
    message = (f"已出具个人志愿服务记录 {issued.number}（{record.worker.name}，{record.start:%Y-%m-%d}至"
               f"{record.end:%Y-%m-%d}，{len(record.services)} 次服务，共 {common.hours_text(record.total_minutes)} 小时，"
               f"{count} 页）：{target}")
    return JobResult(message, target, warnings, 1, {"pages": count, "number": issued.number})
