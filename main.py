"""swdesk entry point: no subcommand opens the window; a subcommand runs the command line."""
from __future__ import annotations

import sys

# Options of the top level that take a value (so their value is not taken for a subcommand).
_VALUE_OPTIONS = ("--db", "--user", "--lang")


def wants_window(argv: list[str]) -> bool:
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _VALUE_OPTIONS:
            i += 2
            continue
        if arg.startswith(tuple(o + "=" for o in _VALUE_OPTIONS)):
            i += 1
            continue
        if arg in ("--smoke-test",):
            i += 1
            continue
        return False  # a subcommand, --help or --version: the command line handles it
    return True


def window_target(argv: list[str]) -> str | None:
    """The value of --db (ui/app.parse_window_args reads it again)."""
    for i, arg in enumerate(argv):
        if arg == "--db" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--db="):
            return arg[len("--db="):]
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_window(argv):
        from swdesk import peek

        first_step = peek.first_step(window_target(argv))
        # The file's quick check on the second core while the rest starts (swdesk/peek.py). With
        # a dialog first, the dialog's prepare starts it once the dialog is painted.
        if first_step == peek.WINDOW:
            peek.start_quick_check(window_target(argv), first_step)
        # The window's non-Qt modules before PySide6: once PySide6 is loaded, its import hook
        # reads the source of every module imported after it, looking for "PySide6"
        # (shibokensupport.feature), and the core is ~70 modules (peewee alone 8,000 lines):
        # 10–20 ms CPU of a ~250 ms start (bench/startup.py, median of 15 runs each way).
        import logging  # noqa: F401

        import swdesk.logs
        if first_step not in (peek.LOGIN, peek.UNLOCK, peek.WIZARD):  # those come before the core
            import swdesk.services.search  # noqa: F401
            import ui.opening  # noqa: F401
        from ui.app import run_window

        return run_window(argv, first_step)
    from swdesk.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
