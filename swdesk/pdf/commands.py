"""The command line's `print …` and `verify TEXT` (parsed in swdesk/commands/printing.py)."""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from swdesk.services.base import UserError


def _output_path(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() != ".pdf":
        raise UserError(f"输出文件应以 .pdf 结尾：{text}")
    if not path.parent.exists():
        raise UserError(f"输出文件夹不存在：{path.parent}")
    return path


def _warn_missing(result) -> None:
    import sys

    if result.missing:
        shown = "；".join(m.describe() for m in result.missing[:10])
        print(f"注意：以下字符缺字，已留空：{shown}", file=sys.stderr)


def run_print(args) -> int:
    import sys

    from swdesk.commands.common import TerminalProgress
    from swdesk.pdf import badges, calibration, cards, certificates, common

    what = args.what
    values = list(args.args)
    allow = bool(getattr(args, "allow_missing_glyphs", False))
    printer = getattr(args, "printer", None)
    template = getattr(args, "template", None)
    layout_name = getattr(args, "layout", "a4") or "a4"
    if what == "calibration":
        if len(values) != 1:
            raise UserError("用法：print calibration OUT.pdf [--printer 打印机名称]")
        out = _output_path(values[0])
        calibration.render_calibration(out, common.calibration_for(printer) if printer else None)
        print(f"已生成校准页：{out}")
        return 0
    if what == "certificate":
        if len(values) != 2:
            raise UserError("用法：print certificate 人员（服务证号、身份证号或内部编号） OUT.pdf [--period 2026Q4]")
        worker = common.select_workers([values[0]])[0]
        out = _output_path(values[1])
        period = getattr(args, "period", None) or str(_dt.date.today().year)
        result, issued = certificates.render_certificate(worker, period, out, template, printer, allow)
        _warn_missing(result)
        kind = "补打" if issued.reprint else "开具"
        print(f"已{kind}服务证明 {issued.record.number}（{worker.name}，{issued.period.label}，"
              f"{common.hours_text(issued.total_minutes)} 小时）：{out}")
        return 0
    out = _output_path(values[0])
    selectors = values[1:]
    if getattr(args, "all", False) and selectors:
        raise UserError("--all 与指定人员不能同时使用")
    if not getattr(args, "all", False) and not selectors:
        raise UserError("请指定人员（服务证号、身份证号或内部编号），或用 --all 打印全部在册人员")
    workers = common.select_workers(selectors, all_active=bool(getattr(args, "all", False)))
    if not workers:
        raise UserError("没有在册人员可打印")
    label = "服务证" if what == "cards" else "胸牌"
    progress = TerminalProgress(f"正在生成{label}")
    if what == "cards":
        if getattr(args, "all", False):
            workers, skipped = cards.split_by_card_no(workers)
            if skipped:
                print(f"注意：{len(skipped)} 人尚未发放服务证号，未打印：{'、'.join(w.name for w in skipped[:10])}"
                      f"{'等' if len(skipped) > 10 else ''}", file=sys.stderr)
            if not workers:
                raise UserError("在册人员都还没有服务证号，没有可打印的服务证")
        today = _dt.date.today()
        expired = [w for w in workers if w.card_valid_until and w.card_valid_until < today]
        if expired:
            # Printed all the same (a reprint of a lapsed card is the clerk's call), but said.
            print(f"注意：{len(expired)} 人的服务证已过有效期（仍已打印，扫码核验时会显示已过期）："
                  f"{'、'.join(w.name for w in expired[:10])}{'等' if len(expired) > 10 else ''}",
                  file=sys.stderr)
        result = cards.render_cards(workers, out, layout_name, template, printer, allow, progress)
    else:
        result = badges.render_badges(workers, out, layout_name, "90x54", template, printer, allow, progress)
    _warn_missing(result)
    print(f"已生成{label} {result.count} 张，共 {result.pages} 页：{out}")
    return 0


def run_verify(args) -> int:
    from swdesk.services import cards

    result = cards.verify(args.text)
    print(result.message)
    return 0 if result.genuine and result.valid_today else 1
