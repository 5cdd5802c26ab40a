#!/usr/bin/env bash
# One command: set up (first time) and open the swdesk window on the default database.
# Extra arguments go to main.py, e.g.  bash run.sh --db /tmp/demo.db   or   bash run.sh demo
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$#" -eq 0 ] && command -v xvfb-run >/dev/null 2>&1; then
  echo "没有图形显示（no display）：在 Xvfb 中启动。" >&2
  exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python main.py "$@"
fi
exec .venv/bin/python main.py "$@"
