"""Helpers shared by the command modules: login, progress on the terminal."""
from __future__ import annotations

import sys


def login_from_args(args) -> None:
    """Set the session from --user (and SWDESK_PASSWORD or a prompt) when accounts exist.

    A database without operator accounts runs as the single local 管理员 user.
    """
    try:
        from swdesk.services import operators
    except ImportError:  # operators arrive with the reliability work
        return
    operators.login_for_command_line(getattr(args, "user", None))


class TerminalProgress:
    """A progress callback for long commands: `progress(done, total)` → a line on stderr."""

    def __init__(self, label: str):
        self.label = label
        self._last = -1

    def phase(self, text: str) -> None:
        """A job's new phase ("正在检查…"): its own percentage from 0."""
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
