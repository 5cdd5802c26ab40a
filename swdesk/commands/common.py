"""Helpers shared by the command modules: login, progress on the terminal, a job's result."""
from __future__ import annotations

import sys

from swdesk.jobs import JobResult
from swdesk.services import operators


def login_from_args(args) -> None:
    """Set the session from --user (and SWDESK_PASSWORD or a prompt) when accounts exist.

    A database without operator accounts runs as the single local 管理员 user.
    """
    operators.login_for_command_line(getattr(args, "user", None))


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
