#!/usr/bin/env bash
# One command: set up (first time, or when the requirements changed) and open the swdesk window on
# the default database. Extra arguments go to main.py, e.g.
#   bash run.sh --db /tmp/demo.db      the window on another database
#   bash run.sh demo                   a command-line job (here: fill the database with sample data)
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  # No screen (a server, a container): a virtual one, so the window and Qt's dialogs still work.
  exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python main.py "$@"
fi
exec .venv/bin/python main.py "$@"
