"""Roster commands: `template roster`, `import roster`, `export roster`."""
from __future__ import annotations

import sys
from pathlib import Path

from swdesk import db
from swdesk.commands.common import TerminalProgress, print_result, unlock_from_args
from swdesk.jobs.import_roster import import_roster
from swdesk.jobs.template_roster import template_roster


def register(sub) -> None:
    p = sub.add_parser("template", help="生成导入模板", description="生成花名册导入模板（xlsx）。")
    p.add_argument("what", choices=["roster"], help="模板种类：roster（花名册）")
    p.add_argument("out", metavar="OUT.xlsx", help="输出文件")
    p.set_defaults(func=run_template, needs_db=False)

    p = sub.add_parser("import", help="导入花名册", description="先校验全部行，全部无误才导入；有错误时列出 第N行 〈列名〉 问题，不写入任何数据。")
    p.add_argument("what", choices=["roster"], help="导入种类：roster（花名册）")
    p.add_argument("file", metavar="FILE", help="要导入的文件（xlsx、xlsm、xls、ods 或 csv）")
    p.add_argument("--skip-bad", action="store_true", help="只导入无误的行，列出有错误的行")
    p.add_argument("--allow-duplicates", action="store_true",
                   help="可能重复的人员（无身份证号，姓名和出生日期或手机号码相同）仍然导入")
    p.add_argument("--sheet", metavar="NAME", help="花名册所在的工作表（有多个工作表都有表头时）")
    p.set_defaults(func=run_import)


def run_template(args) -> int:
    # No database is needed; with --db the template lists that office's specialties.
    if args.db:
        unlock_from_args(args)
        db.open_database(args.db)
    return print_result(template_roster(Path(args.out)))


def run_import(args) -> int:
    result = import_roster(args.file, skip_bad=args.skip_bad, allow_duplicates=args.allow_duplicates,
                           sheet=args.sheet, progress=TerminalProgress("正在导入"))
    for line in result.warnings:
        print(f"注意：{line}", file=sys.stderr)
    for problem in result.data.problems:
        print(problem.line(), file=sys.stderr)
    if not result.count:
        print(f"错误：{result.message}", file=sys.stderr)
        return 1
    print(result.message)
    return 0
