"""`demo [--workers N] [--force]`: fill an empty database with realistic sample data."""
from __future__ import annotations

from swdesk.commands.common import TerminalProgress
from swdesk.jobs.demo import fill_demo


def register(sub) -> None:
    p = sub.add_parser("demo", help="向空数据库填充示例数据", description="向空数据库填充逼真的示例数据（人员、帮教、扶老、病床、热线、培训）。")
    p.add_argument("--workers", type=int, default=2672, metavar="N", help="人员数量（默认 2672，与报告一致）")
    p.add_argument("--force", action="store_true", help="数据库非空时仍然追加示例数据")
    p.add_argument("--seed", type=int, default=2026, help="随机种子（相同种子得到相同数据）")
    p.set_defaults(func=run)


def run(args) -> int:
    result = fill_demo(args.workers, force=args.force, seed=args.seed, progress=TerminalProgress("正在生成示例数据"))
    print(result.message)
    return 0
