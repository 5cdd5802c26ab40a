"""汇总各街道报表 (`merge quarter OUT.xlsx STREET.xlsx…`): the district roll-up of street workbooks.

Each street workbook is read back into the report data it was written from (swdesk.xlsx.quarter.
read_report); the counts are summed table by table and the district workbook is written by the
same writer as a street's, so its 占比, 合计, 缺口 and 满意率 are computed afresh from the summed
counts (缺口 stays the sum of the streets' own gaps). The rosters are appended one after the other.
Refused: no files, the output among the inputs, another district's workbook, different periods or
table layouts, the same street twice.

No database is needed (the command line runs it without one), so the roll-up has no audit line:
it reads files and writes a file, and changes or reveals nothing of a database.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from swdesk import files
from swdesk.errors import UserError
from swdesk.jobs import JobResult, Progress, phase, report
from swdesk.jobs.output import XLSX, output_file
from swdesk.reports.quarter import QuarterReport, merge_reports
from swdesk.services.base import current
from swdesk.xlsx import quarter as quarter_xlsx


def merge_quarter(out: Path, inputs: Sequence[Path], *, progress: Progress | None = None) -> JobResult:
    """Sum the street workbooks `inputs` (one period) into the district workbook `out`.
    JobResult.data is the merged QuarterReport; count is the number of streets."""
    paths = [Path(p) for p in inputs]
    if not paths:
        raise UserError("请至少选择一个街道的季度报表")
    target = files.check_target(out, XLSX)
    for path in paths:
        if path.exists() and path.resolve() == target.resolve():
            raise UserError(f"输出文件“{target.name}”不能同时是要汇总的街道报表")
    phase(progress, f"正在读取 {len(paths)} 个街道的报表…", len(paths))
    items = []
    for i, path in enumerate(paths):
        street_report, meta = quarter_xlsx.read_report(path)
        items.append((path, street_report, meta))
        report(progress, i + 1, len(paths))
    check_compatible(items)
    merged = merge_reports([r for _, r, _ in items], prepared_by=current().operator_name)
    total = sum(int(meta.get("roster_rows") or 0) for _, _, meta in items)
    with output_file(target) as written:
        phase(progress, f"正在写入文件（花名册 {total} 人）…", total)
        quarter_xlsx.write_workbook(written.tmp, merged, _roster(paths), total, progress)
    streets = "、".join(merged.streets)
    return JobResult(f"已汇总 {len(merged.streets)} 个街道（{streets}）的 {merged.period.label} 报表：{out}",
                     path=Path(out), count=len(merged.streets), data=merged)


def check_compatible(items: list[tuple[Path, QuarterReport, dict[str, Any]]]) -> None:
    """Refuse a roll-up of other districts, different periods, table layouts or the same street
    twice."""
    first_path, first, first_meta = items[0]
    keys = [t["key"] for t in first_meta["tables"]]
    seen: dict[str, Path] = {}
    for path, street_report, meta in items:
        if street_report.district.strip() != first.district.strip():
            raise UserError(f"“{path.name}”是{_district(street_report)}的报表，与“{first_path.name}”"
                            f"的{_district(first)}不是同一个区，不能汇总")
        if street_report.period != first.period:
            raise UserError(f"“{path.name}”是 {street_report.period.label} 的报表，与“{first_path.name}”的 "
                            f"{first.period.label} 不是同一期间，不能汇总")
        if [t["key"] for t in meta["tables"]] != keys:
            raise UserError(f"“{path.name}”的表格结构与“{first_path.name}”不同，"
                            "请用同一版本的社工服务台重新导出后再汇总")
        for street in street_report.streets:
            if street in seen:
                raise UserError(f"“{path.name}”与“{seen[street].name}”都含有{street}的数据，"
                                "不能重复汇总")
            seen[street] = path


def _district(street_report: QuarterReport) -> str:
    return street_report.district.strip() or "未填写所属区"


def _roster(paths: list[Path]) -> Iterator[list[Any]]:
    """The streets' rosters one after the other, numbered through."""
    n = 0
    for path in paths:
        for row in quarter_xlsx.iter_roster(path):
            n += 1
            yield [n, *row]
