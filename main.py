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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_window(argv):
        from ui.app import run_window

        return run_window(argv)
    from swdesk.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
