"""Helpers shared by the command modules: login, progress on the terminal, a job's result."""
from __future__ import annotations

import sys

from swdesk.errors import UserError
from swdesk.jobs import JobResult
from swdesk.models import Office
from swdesk.services import operators, scope


def login_from_args(args) -> None:
    """Set the session from --user (and SWDESK_PASSWORD or a prompt) when accounts exist, then the
    street in view from --street, exactly as the window's 范围 box does.

    A database without operator accounts runs as the single local 管理员 user, who starts — like
    the window — on the centre's own street, and may name another or 全部 (every street)."""
    operators.login_for_command_line(getattr(args, "user", None))
    choose_street(getattr(args, "street", None))


ALL_STREETS = ("全部", "all")


def choose_street(name: str | None) -> None:
    if not name:
        return
    if name.strip() in ALL_STREETS:
        scope.choose(None)
        return
    office = Office.get_or_none(Office.street == name.strip())
    if office is None:
        streets = "、".join(o.street for o in scope.all_offices())
        raise UserError(f"没有名为“{name}”的街道（本数据库的街道：{streets}；全部街道用 --street 全部）")
    scope.choose(office.id)


class TerminalProgress:
    """A progress callback for long commands: `progress(done, total)` → a line on stderr."""

    def __init__(self, label: str):
        self.label = label
        self._last = -1

    def phase(self, text: str) -> None:
        """A new phase of the job ("正在写入文件…"): the percentage line takes its name."""
        self.label = text.rstrip("…")
        self._last = -1

    def __call__(self, done: int, total: int) -> bool:
        if total and sys.stderr.isatty():
            pct = int(done * 100 / total)
            if pct != self._last:
                self._last = pct
                print(f"\r{self.label} {pct}%", end="", file=sys.stderr, flush=True)
                if done >= total:
                    print(file=sys.stderr)
        return True  # never cancelled from the terminal (Ctrl+C raises KeyboardInterrupt)


def print_result(result: JobResult) -> int:
    """Show a job's result on the terminal: each warning on stderr ("注意：…"), then the one-line
    message on stdout. Returns the exit status (0)."""
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(result.message)
    return 0
