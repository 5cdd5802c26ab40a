#!/usr/bin/env bash
# Set up swdesk on Debian 12 / Ubuntu: system packages (when run as root), a venv, the requirements.
# Usage: bash scripts/setup.sh [--dev]     (--dev also installs the test tools and test-only packages)
set -euo pipefail
cd "$(dirname "$0")/.."

DEV=0
[ "${1:-}" = "--dev" ] && DEV=1

# Qt's runtime libraries, a CJK font for the window (Noto) and one reportlab can embed (LXGW WenKai,
# OFL, TrueType), Xvfb + xauth so that run.sh opens the window on a machine without a display.
APT_RUNTIME="python3 python3-venv python3-pip libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1
  libfreetype6 libdbus-1-3 libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 libxcb-image0 libxcb-xkb1 libnss3 libxcomposite1
  libxdamage1 libxrandr2 libxtst6 libxi6 libasound2 fonts-noto-cjk fonts-lxgw-wenkai fontconfig
  xvfb xauth"
# For the tests: PDF checks, a real spreadsheet client, PostgreSQL 15, a QR decoder for the printed
# cards (zbarimg), and libpython3.11 + binutils for PyInstaller's frozen-build test.
APT_DEV="poppler-utils poppler-data libreoffice-calc-nogui postgresql postgresql-client binutils
  libpython3.11 zbar-tools"

# A stamp of everything set-up depends on: when nothing changed since the last successful run,
# set-up is skipped (measured: ~4 s of pip and dpkg checks on every `run.sh`, 0.05 s with the stamp).
STAMP=.venv/.swdesk-setup-$DEV
fingerprint() {
  { cat scripts/setup.sh requirements.txt; [ "$DEV" = "1" ] && cat requirements-dev.txt
    ls -l --time-style=+%s resources/translations/*.ts 2>/dev/null; id -u; } | sha256sum | cut -d" " -f1
}
if [ -x .venv/bin/python ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(fingerprint)" ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  pkgs="$APT_RUNTIME"
  [ "$DEV" = "1" ] && pkgs="$pkgs $APT_DEV"
  missing=$(dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' $pkgs 2>/dev/null | awk '$1!="ii"{print $2}' || true)
  # dpkg-query prints nothing for unknown packages: compare counts to catch those too.
  known=$(dpkg-query -W -f='${binary:Package}\n' $pkgs 2>/dev/null | wc -l || true)
  if [ -n "$missing" ] || [ "$known" -lt "$(echo $pkgs | wc -w)" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
  fi
fi

PY=${PYTHON:-}
if [ -z "$PY" ]; then
  for cand in python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)'; then
      PY=$cand; break
    fi
  done
fi
[ -n "$PY" ] || { echo "需要 Python 3.11（Python 3.11 is required）" >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
if [ "$DEV" = "1" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
else
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
fi

# The window's translations: .ts sources are committed, the .qm files are built here.
if ls resources/translations/*.ts >/dev/null 2>&1; then
  .venv/bin/python scripts/translations.py release
fi
fingerprint > "$STAMP"
