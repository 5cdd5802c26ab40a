"""`export WHAT …`: every spreadsheet export. Each kind parses its arguments and runs one job of
swdesk/jobs/ (the window runs the same job)."""
from __future__ import annotations

from pathlib import Path

from swdesk import periods
from swdesk.commands.common import TerminalProgress, print_result
from swdesk.errors import UserError
from swdesk.jobs.export_audit import export_audit
from swdesk.jobs.export_hotline import export_hotline
from swdesk.jobs.export_quarter import export_quarter
from swdesk.jobs.export_register import export_register
from swdesk.jobs.export_roster import export_roster
from swdesk.jobs.export_training import export_training

PERIOD_JOBS = {"quarter": export_quarter, "hotline": export_hotline, "training": export_training,
               "register": export_register}


def register(sub) -> None:
    p = sub.add_parser("export", help="导出 xlsx", description=(
        "导出表格：roster OUT.xlsx（花名册）｜quarter 2026Q4 OUT.xlsx（季度统计报表）｜"
        "hotline 2026Q4 OUT.xlsx（热线工单）｜training 2026Q4 OUT.xlsx（培训签到）｜audit OUT.xlsx（操作日志）｜"
        "register 2026Q4 OUT.xlsx（服务证明登记簿，供公示）"))
    p.add_argument("what", choices=["roster", "quarter", "hotline", "training", "audit", "register"],
                   help="导出种类")
    p.add_argument("args", nargs="+", metavar="参数", help="期间（如 2026Q4，roster/audit 不需要）和输出文件")
    p.add_argument("--full-id", action="store_true", help="导出完整身份证号（默认打码，仅管理员可用）")
    p.set_defaults(func=run)


def _period_and_out(args) -> tuple[periods.Period, Path]:
    if len(args.args) != 2:
        raise UserError(f"export {args.what} 需要两个参数：期间（如 2026Q4）和输出文件")
    return periods.parse(args.args[0]), Path(args.args[1])


def _out_only(args) -> Path:
    if len(args.args) != 1:
        raise UserError(f"export {args.what} 只需要一个参数：输出文件")
    return Path(args.args[0])


def run(args) -> int:
    if args.full_id and args.what != "roster":
        raise UserError("--full-id 只用于 export roster")
    progress = TerminalProgress("正在导出")
    if args.what == "roster":
        result = export_roster(_out_only(args), full_id=args.full_id, progress=progress)
    elif args.what == "audit":
        result = export_audit(_out_only(args), progress=progress)
    else:
        period, out = _period_and_out(args)
        result = PERIOD_JOBS[args.what](period, out, progress=progress)
    return print_result(result)
