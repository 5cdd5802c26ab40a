"""Job: the recovery key as a printed sheet (issue 20), a PDF to print and lock away.

The key is created by services.operators.create_recovery_key and shown once; this job only draws
what it is given, so the window's 保存为 PDF… and `recovery-key --pdf` write the same sheet. The
audit line names the file, never the key."""
from __future__ import annotations

import datetime as _dt
import os

from swdesk import db, encryption, files
from swdesk.errors import UserError
from swdesk.jobs import JobResult, Progress, phase
from swdesk.jobs.output import output_file
from swdesk.pdf import fonts
from swdesk.pdf import recovery as recovery_pdf
from swdesk.services.base import default_office

PDF = (".pdf",)


def default_filename(today: _dt.date | None = None) -> str:
    return f"数据库恢复密钥-{(today or _dt.date.today()).isoformat()}.pdf"


def print_recovery_key(out: str | os.PathLike, key: str, progress: Progress | None = None,
                       today: _dt.date | None = None) -> JobResult:
    target = files.check_target(out, PDF)
    canonical = encryption.normalize_recovery_key(key)
    if canonical is None:
        raise UserError("这不是本程序生成的恢复密钥，未生成文件")
    path = db.sqlite_path()
    database = path.name if path is not None else "（数据库服务器）"
    day = (today or _dt.date.today()).strftime("%Y年%m月%d日")
    phase(progress, "正在生成恢复密钥单…", 1)
    with output_file(target, PDF, "恢复密钥单") as written:
        recovery_pdf.render_sheet(written.tmp, canonical, default_office().centre_name, database, day,
                                  fonts.office_chain())
        written.record("setting", 1, f"保存数据库恢复密钥单：{target.name}", {"kind": "恢复密钥单"})
    return JobResult(f"已保存恢复密钥单：{target}（请打印后锁好，并删除这个文件）", target, [], 1)
