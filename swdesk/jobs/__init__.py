"""Jobs: what a clerk starts and waits for, each done once here for the command line and the window.

One module per job (swdesk/jobs/export_roster.py, print_cards.py, backup.py …). A job is a plain
function: it takes plain, already-parsed arguments (a Period, a Path, a list of worker ids) and a
`Progress` reporter, applies every rule of the job once (scope, checks, warnings, the audit entry
naming the saved file, the output written whole through swdesk/files.py) and returns a
`JobResult`. swdesk/cli.py and ui/ only collect the arguments and show progress, warnings and the
result: the two can never disagree.

The progress protocol: `progress(done, total) -> bool` now and then (False = the clerk pressed
取消: the job raises Cancelled, its transaction rolls back and no file is written), and
`progress.phase(text)` (optional) when the job enters a new phase ("正在读取…", "正在写入文件…").
The window's background job and the terminal both pass one; tests pass a list-recording one.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from swdesk.errors import Cancelled

__all__ = ["Cancelled", "JobResult", "Progress", "phase", "report"]

Progress = Callable[[int, int], bool]


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` how far we are; raise Cancelled if the user asked to stop."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def phase(progress: Progress | None, text: str, total: int = 0) -> None:
    """Say that a new phase begins (its units counted from 0 to `total`, 0 = not countable)."""
    announce = getattr(progress, "phase", None)
    if announce is not None:
        announce(text)
    report(progress, 0, total)


@dataclass
class JobResult:
    """What a job returns: the one-line result, the warnings the clerk must read, the file.

    `message` is the sentence both the terminal and the window show ("已导出 2672 人：x.xlsx").
    `warnings` are whole Chinese sentences ("3 人的服务证已过有效期，未打印：张三、李四、王五").
    `count` is the job's main unit (rows, cards, sheets); `data` carries anything the window needs
    to show further (a report of problems, a preview path) and is never needed for correctness."""

    message: str
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)
    count: int = 0
    data: Any = None
