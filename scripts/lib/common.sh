# shellcheck shell=bash
# Helpers shared by scripts/test and scripts/with-postgres. Sourced, never run.

# Prints a stage banner; stdout, so it interleaves correctly with tee'd tool output.
say() { printf '\n==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root to run: $* (run as root or install sudo)"
  fi
}

# Installs Debian packages; runs `apt-get update` once per process, and only when called.
_apt_updated=0
apt_install() {
  (($# > 0)) || return 0
  if ((_apt_updated == 0)); then
    say "apt-get update (to install: $*)"
    as_root apt-get update -q
    _apt_updated=1
  fi
  say "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# Prints the newest /usr/lib/postgresql/*/bin that has initdb; fails quietly if none.
pg_bindir() {
  local d best
  # The glob sorts 9 after 17; pick the highest major version numerically.
  best=$(for d in /usr/lib/postgresql/*/bin; do if [[ -x $d/initdb ]]; then echo "$d"; fi; done |
    sort -t/ -k5,5n | tail -n1)
  [[ -n $best ]] && echo "$best"
}

# Installs whatever of PostgreSQL, Chromium and Node.js is missing, in one apt transaction.
# Never reinstalls what exists: an unconditional install may upgrade a running server.
# Usage: ensure_system_packages [--with-browser]
# shellcheck disable=SC2120 # the argument is optional
ensure_system_packages() {
  local want=()
  pg_bindir >/dev/null || want+=(postgresql)
  if [[ ${1:-} == --with-browser ]]; then
    [[ -x /usr/bin/chromium ]] || want+=(chromium)
    command -v node >/dev/null || want+=(nodejs)
    command -v npm >/dev/null || want+=(npm)
  fi
  if ((${#want[@]})); then
    apt_install "${want[@]}"
  else
    echo "system packages present (PostgreSQL${1:+, Chromium, Node.js}); nothing to install"
  fi
}

# Seconds since the epoch (bash's $EPOCHSECONDS needs bash 5; Debian has it, macOS may not).
now() { date +%s; }
