# shellcheck shell=bash
# A private, throwaway PostgreSQL cluster for tests. Sourced, never run.
#
#   pg_throwaway_start    initdb + start on a free 127.0.0.1 port; exports
#                         LADDERLESS_TEST_POSTGRES_URL and PG_THROWAWAY_DIR
#   pg_throwaway_stop     stop it and delete its directory (safe to call twice)
#
# It never touches a system cluster: data, socket and log live in one temp dir.
# Durability is switched off (fsync etc.): the data is thrown away anyway.

PG_THROWAWAY_DIR=
PG_THROWAWAY_BIN=

# Runs a PostgreSQL binary as the cluster owner (initdb refuses to run as root).
_pg_as_owner() {
  if [[ $EUID -ne 0 ]]; then
    "$@"
  elif command -v runuser >/dev/null; then
    runuser -u postgres -- "$@"
  else
    local q
    printf -v q '%q ' "$@"
    su postgres -s /bin/sh -c "$q"
  fi
}

# True if something already listens on 127.0.0.1:$1.
_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops and removes clusters left behind by runs that were killed (SIGKILL skips traps).
_pg_reap_stale() {
  local dir owner
  for dir in /tmp/ladderless-pg.*; do
    [[ -f $dir/owner.pid ]] || continue
    owner=$(<"$dir/owner.pid")
    kill -0 "$owner" 2>/dev/null && continue
    echo "removing stale throwaway cluster $dir (its run, pid $owner, is gone)"
    if [[ -f $dir/data/postmaster.pid ]]; then
      _pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
  done
}

pg_throwaway_start() {
  PG_THROWAWAY_BIN=$(pg_bindir) || die "no initdb under /usr/lib/postgresql/*/bin (install postgresql)"
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    die "running as root but there is no 'postgres' user to own the cluster"
  fi
  _pg_reap_stale

  # Under /tmp, not $TMPDIR: as root the postgres user must be able to reach it.
  PG_THROWAWAY_DIR=$(mktemp -d /tmp/ladderless-pg.XXXXXX)
  echo $$ >"$PG_THROWAWAY_DIR/owner.pid"
  [[ $EUID -eq 0 ]] && chown postgres: "$PG_THROWAWAY_DIR"

  # C.UTF-8 keeps collation deterministic while lower()/ILIKE still know non-ASCII letters.
  local locale=(--no-locale)
  if grep -qiE '^c\.utf-?8$' <<<"$(locale -a 2>/dev/null)"; then locale=(--locale=C.UTF-8); fi
  if ! _pg_as_owner "$PG_THROWAWAY_BIN/initdb" -A trust -U postgres -E UTF8 "${locale[@]}" \
    --no-sync -D "$PG_THROWAWAY_DIR/data" >"$PG_THROWAWAY_DIR/initdb.log" 2>&1; then
    cat "$PG_THROWAWAY_DIR/initdb.log" >&2
    die "initdb failed"
  fi

  local _ port
  for _ in 1 2 3 4 5 6 7 8; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    _port_busy "$port" && continue
    if _pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$PG_THROWAWAY_DIR/data" \
      -l "$PG_THROWAWAY_DIR/postgres.log" -w -t 60 \
      -o "-p $port -k $PG_THROWAWAY_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null; then
      export LADDERLESS_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
      export PG_THROWAWAY_DIR PG_THROWAWAY_BIN
      echo "throwaway PostgreSQL $("$PG_THROWAWAY_BIN/postgres" --version | awk '{print $3}') at $LADDERLESS_TEST_POSTGRES_URL (dir $PG_THROWAWAY_DIR)"
      return 0
    fi
    # Lost a race for the port: try another. Anything else is a real failure.
    grep -q 'could not bind\|Address already in use' "$PG_THROWAWAY_DIR/postgres.log" 2>/dev/null || break
    echo "port $port taken while starting; trying another"
  done
  tail -n 30 "$PG_THROWAWAY_DIR/postgres.log" >&2 2>/dev/null || true
  die "could not start the throwaway PostgreSQL cluster (log above)"
}

pg_throwaway_stop() {
  local dir=$PG_THROWAWAY_DIR
  [[ -n $dir && -d $dir ]] || return 0
  PG_THROWAWAY_DIR=
  if [[ -f $dir/data/postmaster.pid ]]; then
    _pg_as_owner "$PG_THROWAWAY_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
      warn "pg_ctl stop failed for $dir"
  fi
  rm -rf "$dir"
  echo "throwaway PostgreSQL stopped and removed ($dir)"
}
