"""Job: issue and print one 志愿服务记录证明 (a numbered certificate from the register).

Rules applied here once: the period may not lie in the future and is cut at the issue day when it
is still running (said in the text and in a warning); a period without hours is refused; all
three before a register number is taken. Every character is checked first; the register entry,
the PDF (written whole or not at all) and the audit line naming the saved file stand or fall
together: if the file cannot be written, no number is used."""
from __future__ import annotations

import datetime as _dt
import os

from swdesk import db, files, periods
from swdesk.jobs import JobResult, Progress, phase
from swdesk.models import Worker
from swdesk.pdf import certificates, common, fonts, layout
from swdesk.services import audit_log
from swdesk.services import certificates as register
from swdesk.services.base import current, get_scoped

KIND = "服务证明"


def default_clerk() -> str:
    """The 经办人's name when the operator is a person (a login), else "" (the window asks)."""
    session = current()
    return session.operator_name if session.operator_login else ""


def print_certificate(out: str | os.PathLike, worker_id: int, period: str, *, template: str | None = None,
                      printer: str | None = None, clerk: str | None = None, allow_missing_glyphs: bool = False,
                      progress: Progress | None = None, today: _dt.date | None = None) -> JobResult:
    """Issue (or reprint) the certificate of `worker_id` for `period` ('2026Q4', '2026', '2026-03')
    into the PDF `out`."""
    target = files.check_target(out, (".pdf",))
    today = today or _dt.date.today()
    clerk = (clerk if clerk is not None else default_clerk()).strip()
    worker = get_scoped(Worker, worker_id, "人员")
    certified, cut = register.certified_period(period, today)
    full_end = periods.parse(period).end
    content = register.ledger(worker.id, certified)  # a period without hours is refused by issue()
    chain = fonts.office_chain()
    phase(progress, "正在检查字库…")
    minutes = {p: m for p, (_n, m) in content.items()}
    times = {p: n for p, (n, _m) in content.items()}
    probe = certificates.certificate_fields(worker, certified, minutes, times, "0000", False, today, clerk,
                                            cut, full_end)
    missing = common.ensure_glyphs([certificates.template(template)],
                                   [layout.Item(probe, None, {"who": f"{worker.name}（编号 {worker.id}）"})],
                                   chain, allow_missing_glyphs)
    phase(progress, "正在开具证明…", 1)
    with db.database().atomic():
        issued = register.issue(worker.id, period, today=today, clerk=clerk)
        fields = certificates.certificate_fields(worker, issued.period, issued.minutes, issued.times,
                                                 issued.record.number, issued.reprint, today, clerk, cut, full_end)
        with files.write_atomically(target, (".pdf",)) as tmp:
            pages = certificates.draw(tmp, fields, template, chain, common.calibration_for(printer))
            # Before the rename, in the register's transaction: a file that cannot be put in
            # place takes back its number and its audit line.
            audit_log.record_output("certificate", target, 1,
                                    f"打印服务证明 {issued.record.number}（{worker.name}）：{target.name}",
                                    {"kind": KIND}, record_ids=[worker.id])
    return JobResult(_message(issued, worker, target), target, _warnings(issued, clerk, full_end) +
                     common.missing_warning(missing), 1, {"pages": pages, "issued": issued, "missing": missing})


def _message(issued: register.IssuedCertificate, worker: Worker, target) -> str:
    kind = "补打" if issued.reprint else "开具"
    return (f"已{kind}服务证明 {issued.record.number}（{worker.name}，{certificates.period_text(issued.period)}，"
            f"{common.hours_text(issued.total_minutes)} 小时）：{target}")


def _warnings(issued: register.IssuedCertificate, clerk: str, full_end: _dt.date) -> list[str]:
    out = []
    if issued.cut:
        out.append(f"服务期间 {issued.period.label} 到{common.date_text(full_end)}才结束，"
                   f"证明只截至开具之日（{common.date_text(issued.period.end)}）")
    if not clerk:
        out.append("证明上未印经办人姓名：请经办人签字时写明姓名（命令行可用 --clerk 指定）")
    return out
