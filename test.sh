#!/usr/bin/env bash
# One command: set up (first time) and run the whole test suite on SQLite, on encrypted SQLite, then on PostgreSQL 15
# (a throwaway cluster on a loopback port, when the server binaries are installed).
# Extra arguments go to pytest, e.g.  bash test.sh -k roster
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh --dev
export QT_QPA_PLATFORM=offscreen

echo "== 测试 / tests: SQLite =="
.venv/bin/python -m pytest "$@"

# Issue 20: the same suite on encrypted SQLite files (SQLCipher; each test's database created
# encrypted by tests/conftest.py). Tests that read a file's bytes with sqlite3 itself are skipped.
echo "== 测试 / tests: SQLite encrypted =="
SWDESK_TEST_ENCRYPTED=1 .venv/bin/python -m pytest "$@"

if [ "${SWDESK_SKIP_POSTGRES:-0}" != "1" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  source scripts/pg_cluster.sh
  pg_cluster_start
  trap pg_cluster_stop EXIT
  echo "== 测试 / tests: PostgreSQL ($SWDESK_TEST_DB) =="
  SWDESK_TEST_DB="$SWDESK_TEST_DB" .venv/bin/python -m pytest "$@"
else
  echo "PostgreSQL server not installed: PostgreSQL run skipped (SWDESK_SKIP_POSTGRES=${SWDESK_SKIP_POSTGRES:-0})"
fi
