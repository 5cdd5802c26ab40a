"""`print cards|badges|certificate|calibration …` and `verify TEXT`."""
from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("print", help="打印服务证、胸牌、证明（PDF）", description=(
        "生成 PDF：cards OUT.pdf [--all | ID…]（服务证）｜badges OUT.pdf [--all | ID…]（胸牌）｜"
        "certificate ID OUT.pdf [--period 2026Q4]（服务证明）｜calibration OUT.pdf（校准页）"))
    p.add_argument("what", choices=["cards", "badges", "certificate", "calibration"], help="打印种类")
    p.add_argument("args", nargs="+", metavar="参数", help="输出文件和人员（服务证号、身份证号或内部编号）")
    p.add_argument("--all", action="store_true", help="全部在册人员")
    p.add_argument("--layout", choices=["single", "a4"], default="a4", help="single：每页一张（证卡打印机）；a4：A4 拼版带裁切线")
    p.add_argument("--period", help="证明的服务期间，如 2026Q4 或 2026")
    p.add_argument("--template", help="使用的模板文件（默认为内置模板）")
    p.add_argument("--printer", help="使用此打印机的校准参数")
    p.add_argument("--allow-missing-glyphs", action="store_true", help="有字库缺字时仍然打印（缺字处留空）")
    p.set_defaults(func=run_print)

    p = sub.add_parser("verify", help="核验服务证二维码", description="核验扫描得到的服务证二维码内容：是否真实、是谁的证、今天是否有效。")
    p.add_argument("text", metavar="TEXT", help="二维码内容")
    p.set_defaults(func=run_verify)


def run_print(args) -> int:
    from swdesk.pdf import commands

    return commands.run_print(args)


def run_verify(args) -> int:
    from swdesk.pdf import commands

    return commands.run_verify(args)
