#!/usr/bin/env bash
# Starts one Ladderless server for a Playwright project, on data nobody else uses, and
# throws that data away when Playwright stops it (SIGTERM, see webServer.gracefulShutdown).
#
#   serve.sh sqlite   HOST:PORT   a fresh temp --data-dir
#   serve.sh postgres HOST:PORT   a fresh database $LADDERLESS_E2E_PG_DB created on
#                                 $LADDERLESS_TEST_POSTGRES_URL, dropped afterwards
#
# The server's own output goes to $LADDERLESS_E2E_LOG_DIR/<backend>.log (default
# e2e/server-logs/); if the server dies on its own, the tail of that log is printed.
set -euo pipefail
backend=${1:?usage: serve.sh sqlite|postgres HOST:PORT}
bind=${2:?usage: serve.sh sqlite|postgres HOST:PORT}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${LADDERLESS_BIN:-$here/../target/debug/ladderless}
log_dir=${LADDERLESS_E2E_LOG_DIR:-$here/server-logs}

if [[ ! -x $bin ]]; then
  echo "serve.sh: no server binary at $bin; build it first: cargo build --workspace --all-targets --locked" >&2
  exit 1
fi
mkdir -p "$log_dir"
log=$log_dir/$backend.log

# psql from PATH, else from the newest PostgreSQL install.
psql_bin() {
  if command -v psql >/dev/null; then command -v psql; return; fi
  local p
  p=$(for p in /usr/lib/postgresql/*/bin/psql; do if [[ -x $p ]]; then echo "$p"; fi; done | sort -t/ -k5,5n | tail -n1)
  [[ -n $p ]] || { echo "serve.sh: psql not found" >&2; return 1; }
  echo "$p"
}

case $backend in
  sqlite)
    data_dir=$(mktemp -d "${TMPDIR:-/tmp}/ladderless-e2e-sqlite.XXXXXX")
    cleanup() { rm -rf "$data_dir"; }
    store_args=(--data-dir "$data_dir")
    ;;
  postgres)
    admin_url=${LADDERLESS_TEST_POSTGRES_URL:?serve.sh: LADDERLESS_TEST_POSTGRES_URL is not set}
    db=${LADDERLESS_E2E_PG_DB:?serve.sh: LADDERLESS_E2E_PG_DB is not set}
    db_url=${LADDERLESS_E2E_PG_DB_URL:?serve.sh: LADDERLESS_E2E_PG_DB_URL is not set}
    [[ $db =~ ^[a-z0-9_]+$ ]] || { echo "serve.sh: unsafe database name '$db'" >&2; exit 1; }
    psql=$(psql_bin)
    "$psql" "$admin_url" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $db" >&2
    cleanup() {
      "$psql" "$admin_url" -X -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >&2 ||
        echo "serve.sh: could not drop database $db" >&2
    }
    store_args=(--database-url "$db_url")
    ;;
  *)
    echo "serve.sh: unknown backend '$backend' (sqlite or postgres)" >&2
    exit 2
    ;;
esac

{
  echo "# $(date -u +%FT%TZ) $bin serve --demo --bind $bind ${store_args[*]}"
} >"$log"
# The flags say everything; settings a developer exported for their own server (a
# database URL, Secure cookies that plain http would drop) must not leak into this one.
NO_COLOR=1 env -u LADDERLESS_DATA_DIR -u LADDERLESS_DATABASE_URL -u LADDERLESS_DATABASE_URL_FILE \
  -u LADDERLESS_BIND -u LADDERLESS_BASE_URL -u LADDERLESS_SECURE_COOKIES \
  "$bin" serve --demo --bind "$bind" "${store_args[@]}" >>"$log" 2>&1 &
pid=$!

stopping=0
trap 'stopping=1; kill -TERM "$pid" 2>/dev/null || true' TERM INT HUP
status=0
# `wait` returns early when a trapped signal arrives; keep waiting until the server is gone.
while :; do
  wait "$pid" && status=0 || status=$?
  kill -0 "$pid" 2>/dev/null || break
done

if ((stopping == 0)); then
  echo "serve.sh: the $backend server exited by itself (status $status); last lines of $log:" >&2
  tail -n 40 "$log" | sed 's/^/    /' >&2
fi
cleanup
((stopping)) && exit 0
exit "$status"
