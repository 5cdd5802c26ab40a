"""`merge quarter OUT.xlsx STREET.xlsx…`: the district roll-up of street workbooks."""
from __future__ import annotations

from pathlib import Path

from swdesk.commands.common import TerminalProgress, print_result
from swdesk.jobs.merge_quarter import merge_quarter


def register(sub) -> None:
    p = sub.add_parser("merge", help="汇总各街道季度报表", description="把同一季度的各街道季度报表汇总为区级报表（占比重新计算）。")
    p.add_argument("what", choices=["quarter"], help="汇总种类：quarter（季度报表）")
    p.add_argument("out", metavar="OUT.xlsx", help="输出的区级报表")
    p.add_argument("files", nargs="+", metavar="STREET.xlsx", help="各街道导出的季度报表")
    p.set_defaults(func=run_merge, needs_db=False)


def run_merge(args) -> int:
    result = merge_quarter(Path(args.out), [Path(f) for f in args.files],
                           progress=TerminalProgress("正在汇总"))
    return print_result(result)
