"""The progress protocol shared by long core operations (import, export, printing, demo).

A long function takes `progress: Callable[[int, int], bool] | None`; it calls
`progress(done, total)` now and then, and stops (raising Cancelled, so that its transaction rolls
back) when that returns False. The window's background jobs and the terminal both pass one.
"""
from __future__ import annotations

from collections.abc import Callable

from swdesk.services.base import UserError

Progress = Callable[[int, int], bool]


class Cancelled(UserError):
    def __init__(self, message: str = "已取消，未写入任何数据。"):
        super().__init__(message)


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` how far we are; raise Cancelled if the user asked to stop."""
    if progress is not None and progress(done, total) is False:
        raise Cancelled()
