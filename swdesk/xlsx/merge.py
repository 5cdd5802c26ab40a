"""`merge quarter OUT.xlsx STREET.xlsx…`: the district roll-up of street quarterly workbooks.

Each street workbook is read back into the report data it was written from (swdesk.xlsx.quarter.
read_report); the counts are summed table by table and the district workbook is written by the
same writer, so its 占比, 合计, 缺口 and 满意率 are computed afresh from the summed counts. The
rosters are appended one after the other. No database is needed.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from swdesk import jobs
from swdesk.jobs import Progress
from swdesk.reports.quarter import QuarterReport, merge_reports
from swdesk.services.base import UserError, current
from swdesk.xlsx import quarter


def check_compatible(items: list[tuple[Path, QuarterReport, dict[str, Any]]]) -> None:
    """Refuse a roll-up of different periods, table layouts or the same street twice."""
    first_path, first, first_meta = items[0]
    keys = [t["key"] for t in first_meta["tables"]]
    seen: dict[str, Path] = {}
    for path, report, meta in items:
        if report.period != first.period:
            raise UserError(f"“{path.name}”是 {report.period} 的报表，与“{first_path.name}”的 "
                            f"{first.period} 不是同一期间，不能汇总")
        if [t["key"] for t in meta["tables"]] != keys:
            raise UserError(f"“{path.name}”的表格结构与“{first_path.name}”不同，"
                            "请用同一版本的社工服务台重新导出后再汇总")
        for street in report.streets:
            if street in seen:
                raise UserError(f"“{path.name}”与“{seen[street].name}”都含有{street}的数据，"
                                "不能重复汇总")
            seen[street] = path


def _roster(paths: list[Path]) -> Iterator[list[Any]]:
    """The streets' rosters one after the other, numbered through."""
    n = 0
    for path in paths:
        for row in quarter.iter_roster(path):
            n += 1
            yield [n, *row]


def merge_quarter(out: str | os.PathLike, files: Sequence[str | os.PathLike],
                  progress: Progress | None = None) -> QuarterReport:
    """Sum the street workbooks `files` (one period) into the district workbook `out`."""
    paths = [Path(f) for f in files]
    if not paths:
        raise UserError("请至少选择一个街道的季度报表")
    out_path = Path(out)
    for path in paths:
        if path.exists() and out_path.exists() and path.resolve() == out_path.resolve():
            raise UserError(f"输出文件“{out_path.name}”不能同时是要汇总的街道报表")
    items = []
    for i, path in enumerate(paths):
        report, meta = quarter.read_report(path)
        items.append((path, report, meta))
        jobs.report(progress, i + 1, len(paths) + 1)
    check_compatible(items)
    merged = merge_reports([r for _, r, _ in items], prepared_by=current().operator_name)
    total = sum(int(meta.get("roster_rows") or 0) for _, _, meta in items)
    quarter.write_workbook(out_path, merged, _roster(paths), total, progress,
                           done_before=len(paths))
    return merged
