"""`print cards|badges|certificate|calibration …`, `renew …` and `verify TEXT`: parse, call the job
(swdesk/jobs/print_*.py), print its warnings ("注意：…" on stderr) and its message."""
from __future__ import annotations

import datetime as _dt
import sys

from swdesk import periods
from swdesk.commands.common import TerminalProgress
from swdesk.errors import UserError
from swdesk.jobs import JobResult
from swdesk.jobs.print_badges import print_badges
from swdesk.jobs.print_calibration import print_calibration
from swdesk.jobs.print_cards import print_cards
from swdesk.jobs.print_certificate import print_certificate
from swdesk.jobs.print_record import print_record
from swdesk.jobs.print_stars import print_stars
from swdesk.jobs.renew_cards import renew_cards
from swdesk.pdf import common
from swdesk.services import cards


def register(sub) -> None:
    p = sub.add_parser("print", help="打印服务证、胸牌、证明（PDF）", description=(
        "生成 PDF：cards OUT.pdf [--all | ID…]（服务证）｜badges OUT.pdf [--all | ID…]（胸牌）｜"
        "certificate ID OUT.pdf [--period 2026Q4]（服务证明）｜calibration OUT.pdf（校准页）｜"
        "record ID OUT.pdf [--from DATE] [--to DATE]（个人志愿服务记录）｜stars OUT.pdf [--period 2026Q4]（星级证书）"))
    p.add_argument("what", choices=["cards", "badges", "certificate", "calibration", "record", "stars"],
                   help="打印种类")
    p.add_argument("args", nargs="+", metavar="参数", help="输出文件和人员（服务证号、身份证号或内部编号）")
    p.add_argument("--all", action="store_true", help="全部在册人员")
    p.add_argument("--layout", choices=["single", "a4"], default="a4", help="single：每页一张（证卡打印机）；a4：A4 拼版带裁切线")
    p.add_argument("--size", choices=["90x54", "100x70"], default="90x54", help="胸牌尺寸（毫米）")
    p.add_argument("--period", help="证明的服务期间，如 2026Q4 或 2026（默认今年）")
    p.add_argument("--from", dest="start", help="个人志愿服务记录的起始日期，如 2024-01-01（默认加入日期）")
    p.add_argument("--to", dest="end", help="个人志愿服务记录的截止日期（默认今天，不能晚于今天）")
    p.add_argument("--clerk", help="证明上的经办人姓名（默认为当前操作员）")
    p.add_argument("--template", help="使用的模板文件（默认为内置模板）")
    p.add_argument("--calibration", "--printer", dest="printer", metavar="打印机名称",
                   help="按这台打印机量得的校准参数调整 PDF（只生成 PDF，不会发送到打印机）")
    p.add_argument("--include-expired", action="store_true",
                   help="仍然打印已过有效期的服务证和已离队人员的服务证、胸牌（默认不打印并列出）")
    p.add_argument("--allow-missing-glyphs", action="store_true", help="有字库缺字时仍然打印（缺字处留空）")
    p.set_defaults(func=run_print)

    p = sub.add_parser("renew", help="服务证续期", description=(
        "为一人或多人的服务证续期：证号不变，有效期延至新的日期（默认按单位设置的有效年限从今天算起），"
        "记入操作日志；已离队的人员不续期。续期后请重新打印服务证。"))
    p.add_argument("people", nargs="*", metavar="人员", help="服务证号、身份证号或内部编号")
    p.add_argument("--expired", action="store_true", help="全部服务证已过有效期的在册人员")
    p.add_argument("--until", help="新的有效期，如 2029-12-31")
    p.set_defaults(func=run_renew)

    p = sub.add_parser("verify", help="核验服务证二维码", description="核验扫描得到的服务证二维码内容：是否真实、是谁的证、今天是否有效。")
    p.add_argument("text", metavar="TEXT", help="二维码内容")
    p.set_defaults(func=run_verify)


def _show(result: JobResult) -> int:
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(result.message)
    return 0


def _people(args, values: list[str]) -> list[int] | None:
    """The chosen worker ids; None = every active worker (--all)."""
    if args.all and values:
        raise UserError("--all 与指定人员不能同时使用")
    if not args.all and not values:
        raise UserError("请指定人员（服务证号、身份证号或内部编号），或用 --all 打印全部在册人员")
    return None if args.all else common.resolve_selectors(values)


def run_print(args) -> int:
    values = list(args.args)
    allow = bool(args.allow_missing_glyphs)
    if args.what == "calibration":
        if len(values) != 1:
            raise UserError("用法：print calibration OUT.pdf [--printer 打印机名称]")
        return _show(print_calibration(values[0], args.printer))
    if args.what in ("record", "stars"):
        return _print_record_or_stars(args, values, allow)
    if args.what == "certificate":
        if len(values) != 2:
            raise UserError("用法：print certificate 人员（服务证号、身份证号或内部编号） OUT.pdf [--period 2026Q4]")
        worker_id = common.resolve_selectors([values[0]])[0]
        period = args.period or str(_dt.date.today().year)
        return _show(print_certificate(values[1], worker_id, period, template=args.template, printer=args.printer,
                                       clerk=args.clerk, allow_missing_glyphs=allow))
    out, ids = values[0], _people(args, values[1:])
    if args.what == "cards":
        return _show(print_cards(out, ids, layout=args.layout, template=args.template, printer=args.printer,
                                 include_expired=args.include_expired, allow_missing_glyphs=allow,
                                 progress=TerminalProgress("正在生成服务证")))
    return _show(print_badges(out, ids, layout=args.layout, size=args.size, template=args.template,
                              printer=args.printer, include_departed=args.include_expired,
                              allow_missing_glyphs=allow, progress=TerminalProgress("正在生成胸牌")))


def _date(text: str | None, option: str) -> _dt.date | None:
    if not text:
        return None
    try:
        return _dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"无法识别的日期“{text}”（{option}），应写作 2026-03-15") from None


def _print_record_or_stars(args, values: list[str], allow: bool) -> int:
    if args.what == "record":
        if len(values) != 2:
            raise UserError("用法：print record 人员（服务证号、身份证号或内部编号） OUT.pdf [--from 日期] [--to 日期]")
        worker_id = common.resolve_selectors([values[0]])[0]
        return _show(print_record(values[1], worker_id, _date(args.start, "--from"), _date(args.end, "--to"),
                                  printer=args.printer, clerk=args.clerk, allow_missing_glyphs=allow))
    if len(values) != 1:
        raise UserError("用法：print stars OUT.pdf [--period 2026Q4]（不指定期间则打印全部尚未打印的星级证书）")
    period = periods.parse(args.period) if args.period else None
    return _show(print_stars(values[0], period, template=args.template, printer=args.printer,
                             allow_missing_glyphs=allow, progress=TerminalProgress("正在生成星级证书")))


def run_renew(args) -> int:
    if args.expired and args.people:
        raise UserError("--expired 与指定人员不能同时使用")
    if not args.expired and not args.people:
        raise UserError("请指定人员（服务证号、身份证号或内部编号），或用 --expired 为全部已过期的服务证续期")
    until = None
    if args.until:
        try:
            until = _dt.date.fromisoformat(args.until.strip())
        except ValueError:
            raise UserError(f"无法识别的日期“{args.until}”，应写作 2029-12-31") from None
    ids = None if args.expired else common.resolve_selectors(args.people)
    return _show(renew_cards(ids, until))


def run_verify(args) -> int:
    result = cards.verify(args.text)
    print(result.message)
    return 0 if result.genuine and result.valid_today else 1
