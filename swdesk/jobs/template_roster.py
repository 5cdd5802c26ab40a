"""生成导入模板: the roster import template (headers, drop-down lists, the 填写说明 sheet).

It holds no records, so it is not written to the audit log; the specialties listed are the
office's when a database is open (the window, or the command line with --db), else the built-in
ones.
"""
from __future__ import annotations

from pathlib import Path

from swdesk.jobs import JobResult, Progress, phase
from swdesk.jobs.output import output_file
from swdesk.xlsx import roster as roster_xlsx


def template_roster(out: Path, *, progress: Progress | None = None) -> JobResult:
    phase(progress, "正在写入文件…")
    with output_file(out) as written:
        roster_xlsx.write_template(written.tmp)
    return JobResult(f"已生成导入模板：{out}", path=Path(out))
