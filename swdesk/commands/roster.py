"""Roster commands: `template roster`, `import roster`, `export roster`."""
from __future__ import annotations

import sys
from pathlib import Path

from swdesk import db
from swdesk.commands.common import print_result
from swdesk.jobs.template_roster import template_roster


def register(sub) -> None:
    p = sub.add_parser("template", help="生成导入模板", description="生成花名册导入模板（xlsx）。")
    p.add_argument("what", choices=["roster"], help="模板种类：roster（花名册）")
    p.add_argument("out", metavar="OUT.xlsx", help="输出文件")
    p.set_defaults(func=run_template, needs_db=False)

    p = sub.add_parser("import", help="导入花名册", description="先校验全部行，全部无误才导入；有错误时列出 第N行 〈列名〉 问题，不写入任何数据。")
    p.add_argument("what", choices=["roster"], help="导入种类：roster（花名册）")
    p.add_argument("file", metavar="FILE.xlsx", help="要导入的 xlsx 文件")
    p.add_argument("--skip-bad", action="store_true", help="只导入无误的行，列出有错误的行")
    p.set_defaults(func=run_import)


def run_template(args) -> int:
    # No database is needed; with --db the template lists that office's specialties.
    if args.db:
        db.open_database(args.db)
    return print_result(template_roster(Path(args.out)))


def run_import(args) -> int:
    from swdesk.commands.common import TerminalProgress
    from swdesk.xlsx import roster

    report = roster.import_roster(args.file, skip_bad=args.skip_bad,
                                  progress=TerminalProgress("正在导入"))
    for problem in report.problems:
        print(problem.line(), file=sys.stderr)
    if report.problems and (not args.skip_bad or not report.imported):
        print(f"错误：{len(report.bad_rows)} 行有问题，未导入任何数据。", file=sys.stderr)
        return 1
    print(f"已导入 {report.imported} 人" + (f"，跳过有错误的 {len(report.bad_rows)} 行" if report.bad_rows else "") + "。")
    return 0
