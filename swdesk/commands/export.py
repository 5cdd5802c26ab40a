"""`export WHAT …`: every spreadsheet export. Each kind calls one function of swdesk/xlsx/."""
from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("export", help="导出 xlsx", description=(
        "导出表格：roster OUT.xlsx（花名册）｜quarter 2026Q4 OUT.xlsx（季度统计报表）｜"
        "hotline 2026Q4 OUT.xlsx（热线工单）｜training 2026Q4 OUT.xlsx（培训签到）｜audit OUT.xlsx（操作日志）"))
    p.add_argument("what", choices=["roster", "quarter", "hotline", "training", "audit"], help="导出种类")
    p.add_argument("args", nargs="+", metavar="参数", help="期间（如 2026Q4，roster/audit 不需要）和输出文件")
    p.add_argument("--full-id", action="store_true", help="导出完整身份证号（默认打码，仅管理员可用）")
    p.set_defaults(func=run)


def _period_and_out(args) -> tuple[str, str]:
    from swdesk.services.base import UserError

    if len(args.args) != 2:
        raise UserError(f"export {args.what} 需要两个参数：期间（如 2026Q4）和输出文件")
    return args.args[0], args.args[1]


def _out_only(args) -> str:
    from swdesk.services.base import UserError

    if len(args.args) != 1:
        raise UserError(f"export {args.what} 只需要一个参数：输出文件")
    return args.args[0]


def run(args) -> int:
    from swdesk.commands.common import TerminalProgress

    progress = TerminalProgress("正在导出")
    if args.what == "roster":
        from swdesk.xlsx import roster

        out = _out_only(args)
        n = roster.export_roster(out, full_id=args.full_id, progress=progress)
        print(f"已导出 {n} 人：{out}")
    elif args.what == "quarter":
        from swdesk.xlsx import quarter

        period, out = _period_and_out(args)
        quarter.export_quarter(period, out, progress=progress)
        print(f"已导出 {period} 季度统计报表：{out}")
    elif args.what == "hotline":
        from swdesk.xlsx import hotline

        period, out = _period_and_out(args)
        n = hotline.export_requests(period, out)
        print(f"已导出 {period} 热线工单 {n} 条：{out}")
    elif args.what == "training":
        from swdesk.xlsx import training

        period, out = _period_and_out(args)
        n = training.export_attendance(period, out)
        print(f"已导出 {period} 培训签到 {n} 人次：{out}")
    elif args.what == "audit":
        from swdesk.xlsx import audit

        out = _out_only(args)
        n = audit.export_audit(out)
        print(f"已导出操作日志 {n} 条：{out}")
    return 0
