# Source this file: pg_cluster_start starts a throwaway PostgreSQL cluster on a loopback port and
# exports SWDESK_TEST_DB; pg_cluster_stop stops it and removes its files.
pg_cluster_start() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_BIN=$bindir
  PG_PORT=${SWDESK_PG_PORT:-55432}
  # Another server (a developer's own) may hold the port: take the next free one.
  while (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
  PG_DIR=$(mktemp -d /tmp/swdesk-pg.XXXXXX)
  local run_as=()
  if [ "$(id -u)" = "0" ]; then
    # initdb refuses to run as root; the postgres user cannot read a project under /root, and
    # initdb/pg_ctl complain ("could not change directory") when started from there: run from /tmp.
    chown postgres:postgres "$PG_DIR"
    run_as=(runuser -u postgres --)
  fi
  (cd /tmp && "${run_as[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
   "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null)
  export SWDESK_TEST_DB="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_BIN PG_DIR PG_PORT
}

pg_cluster_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    local run_as=()
    [ "$(id -u)" = "0" ] && run_as=(runuser -u postgres --)
    (cd /tmp && "${run_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1) || true
    rm -rf "$PG_DIR"
  fi
}
