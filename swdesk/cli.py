"""The command line: `python main.py [--db PATH|URL] COMMAND …`.

The parser is built from the command modules in swdesk/commands/ (one per feature); each module
has `register(subparsers)` that adds its commands with `set_defaults(func=…)`. A handler returns
an exit status; a UserError (or a DatabaseOpenError) becomes one Chinese line and exit 1.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from swdesk import __version__

log = logging.getLogger(__name__)

COMMAND_MODULES = (
    "swdesk.commands.demo",
    "swdesk.commands.roster",
    "swdesk.commands.export",
    "swdesk.commands.reports",
    "swdesk.commands.printing",
    "swdesk.commands.maintenance",
)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese headings and exit status 1 (not 2) for a wrong command line."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示此帮助并退出")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        translated = (message.replace("the following arguments are required", "缺少参数")
                      .replace("invalid choice", "无效的选项").replace("unrecognized arguments", "无法识别的参数")
                      .replace("argument", "参数").replace("expected one argument", "需要一个值"))
        self.exit(1, f"错误：{translated}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="python main.py",
        description="社工服务台 swdesk：街道社会工作服务中心的人才队伍、服务项目、证件打印与统计报表。"
                    "不带子命令时打开窗口。",
    )
    parser.add_argument("--db", metavar="PATH|URL",
                        help="数据库文件路径或 postgresql://用户:密码@主机:端口/库名（默认：用户数据文件夹中的 swdesk.db）")
    parser.add_argument("--user", metavar="登录名",
                        help="以此操作员身份运行（已建立操作员账户时必需；密码从 SWDESK_PASSWORD 读取或提示输入）")
    parser.add_argument("--street", metavar="街道",
                        help="只处理这个街道的数据，或“全部”（默认：单机用户为本中心所在街道，操作员为其所属街道）")
    parser.add_argument("--version", action="version", version=f"swdesk {__version__}",
                        help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="子命令", parser_class=ChineseArgumentParser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _tolerant_output() -> None:
    """Never fail on printing: on a Chinese Windows with output redirected (a scheduled task's log)
    Python writes cp936 strictly, and a name such as 吉𠮷 (or 䶮) outside cp936 used to end a job that
    had already written its file with 内部错误. Such characters become "?" in the output only."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    from swdesk import db, logs
    from swdesk.services.base import UserError

    _tolerant_output()
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:
        # `print cards OUT.pdf --layout single ID…`: argparse stops a variadic positional at the
        # first option; values after it belong to the same list.
        if isinstance(getattr(args, "args", None), list) and not any(e.startswith("-") for e in extras):
            args.args.extend(extras)
        else:
            parser.error("unrecognized arguments: " + " ".join(extras))
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    log_path = logs.setup_logging()
    try:
        if getattr(args, "needs_db", True):
            from swdesk.commands import common

            password = common.unlock_from_args(args)
            db.open_database(args.db)
            common.login_from_args(args, password)
        return int(args.func(args) or 0)
    except (UserError, db.DatabaseOpenError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已取消，未写入任何数据。", file=sys.stderr)
        return 1
    except OSError as exc:
        from swdesk import files

        print(f"错误：{files.os_error_text(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:
        from swdesk.services.base import storage_error

        storage = storage_error(exc)
        if storage is not None:  # locked, read-only or full: the clerk's to fix, not a bug
            log.warning("storage problem in command %s: %s", args.command, exc)
            print(f"错误：{getattr(storage, 'description', storage)}", file=sys.stderr)
            return 1
        log.exception("unexpected error in command %s", args.command)
        print(f"内部错误：程序遇到意外问题，未完成的修改已撤销。详情见日志 {log_path}", file=sys.stderr)
        return 2
    finally:
        db.close_database()
