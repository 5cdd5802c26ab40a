"""`merge quarter OUT.xlsx STREET.xlsx…`: the district roll-up of street workbooks."""
from __future__ import annotations

import glob
from pathlib import Path

from swdesk.commands.common import TerminalProgress, print_result
from swdesk.errors import UserError
from swdesk.jobs.merge_quarter import merge_quarter


def register(sub) -> None:
    p = sub.add_parser("merge", help="汇总各街道季度报表", description="把同一季度的各街道季度报表汇总为区级报表（占比重新计算）。")
    p.add_argument("what", choices=["quarter"], help="汇总种类：quarter（季度报表）")
    p.add_argument("out", metavar="OUT.xlsx", help="输出的区级报表")
    p.add_argument("files", nargs="+", metavar="STREET.xlsx", help="各街道导出的季度报表")
    p.set_defaults(func=run_merge, needs_db=False)


def expand_wildcards(patterns: list[str], output: Path) -> list[Path]:
    """`*.xlsx` as typed: Windows' cmd passes wildcards through unexpanded (a Unix shell has already
    expanded them, and an unmatched one stays as typed there too). Sorted, without duplicates; the
    output file is not among a wildcard's matches (`merge quarter 区.xlsx *.xlsx` run twice)."""
    out: list[Path] = []
    for pattern in patterns:
        if glob.has_magic(pattern):
            matches = sorted(m for m in glob.glob(pattern) if Path(m).resolve() != output.resolve())
            if not matches:
                raise UserError(f"没有与“{pattern}”相符的文件")
            out += [Path(m) for m in matches]
        else:
            out.append(Path(pattern))
    seen: set[Path] = set()
    return [p for p in out if not (p.resolve() in seen or seen.add(p.resolve()))]


def run_merge(args) -> int:
    out = Path(args.out)
    result = merge_quarter(out, expand_wildcards(args.files, out), progress=TerminalProgress("正在汇总"))
    return print_result(result)
