"""导出花名册: the roster (or the roster tab's current view) to an xlsx file.

Rules, applied here once for the command line and the window: the session's scope (a street
clerk exports the own street only), ID numbers masked unless `full_id` — which only a 管理员 may
ask for — and the audit line naming the saved file (an export that cannot be recorded is not
written).
"""
from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peewee import JOIN

from swdesk.jobs import JobResult, Progress, phase
from swdesk.jobs.output import output_file
from swdesk.models import Community, Worker
from swdesk.privacy import mask_id
from swdesk.services import search as roster_view
from swdesk.services.base import require_admin
from swdesk.xlsx import roster as roster_xlsx
from swdesk.xlsx import roster_record

# Workers whose record columns are read with one query per table: 4 queries per 500 workers.
_CHUNK = 500


def export_roster(out: Path, *, full_id: bool = False, view: roster_view.View | None = None,
                  progress: Progress | None = None) -> JobResult:
    """Write the workers of `view` (default: everyone the session may see, in order of
    registration) to `out`; JobResult.count is the number of workers written."""
    if full_id:
        require_admin()
    with output_file(out) as written:
        phase(progress, "正在统计…")
        base = roster_view.worker_query(view)
        total = base.count()
        phase(progress, f"正在写入文件（{total} 人）…", total)
        count = roster_xlsx.write_roster(written.tmp, _rows(base, full_id), total, progress)
        ids = "完整" if full_id else "已打码"
        written.record("worker", count, f"导出花名册 {count} 人（身份证号{ids}）",
                       {"full_id": full_id})
    warnings = [] if count else ["没有符合条件的人员，导出的花名册只有表头"]
    return JobResult(f"已导出 {count} 人：{out}", path=Path(out), warnings=warnings, count=count)


def _rows(base, full_id: bool) -> Iterator[list[Any]]:
    """The exported rows, streamed from the cursor, ID numbers masked unless `full_id`; the record
    columns (certificate, awards, evaluations, star level) read for a chunk of workers at a time."""
    community = Community.alias("export_community")
    query = (base.clone().select(Worker.id, *roster_xlsx.export_columns(community)).switch(Worker)
             .join(community, JOIN.LEFT_OUTER, on=(Worker.community == community.id)).tuples())
    today = _dt.date.today()
    rows = query.iterator()
    while chunk := list(itertools.islice(rows, _CHUNK)):
        record = roster_record.export_values([values[0] for values in chunk], today)
        for worker_id, *values in chunk:
            if not full_id:
                values[roster_xlsx.ID_COLUMN] = mask_id(values[roster_xlsx.ID_COLUMN])
            yield values + record[worker_id]
