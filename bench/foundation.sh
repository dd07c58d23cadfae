#!/usr/bin/env bash
# Foundation benchmarks (issue 2): import, demo generation, page latency under load, cold start.
# Needs a release build (cargo build --release -p ladderless) and wrk (apt-get install wrk).
# For the PostgreSQL import figure run it under scripts/with-postgres, which sets
# LADDERLESS_TEST_POSTGRES_URL. Targets are written beside each step; results go to stdout.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$root/target/release/ladderless
[[ -x $bin ]] || { echo "build first: cargo build --release -p ladderless" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk" >&2; exit 1; }
people=${PEOPLE:-100000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ladderless-bench.XXXXXX")
server=''
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
secs() { python3 -c 'import sys,time; print(f"{time.time()-float(sys.argv[1]):.2f}")' "$1"; }

echo "== demo --people $people into SQLite (target <= 30 s)"
t=$(date +%s.%N); "$bin" demo --people "$people" --data-dir "$tmp/demo" >/dev/null; echo "demo: $(secs "$t") s"

echo "== import $people people from CSV into SQLite (target <= 15 s)"
"$bin" demo --people "$people" --csv "$tmp/people.csv" >/dev/null
t=$(date +%s.%N); "$bin" import people "$tmp/people.csv" --data-dir "$tmp/imp" >/dev/null; echo "import sqlite: $(secs "$t") s"
t=$(date +%s.%N); "$bin" import people "$tmp/people.csv" --data-dir "$tmp/imp" >/dev/null; echo "re-import sqlite (all unchanged): $(secs "$t") s"

if [[ -n ${LADDERLESS_TEST_POSTGRES_URL:-} ]]; then
  echo "== import $people people from CSV into PostgreSQL (target <= 30 s)"
  db=ladderless_bench_$$
  psql "$LADDERLESS_TEST_POSTGRES_URL" -qXc "CREATE DATABASE $db"
  url=${LADDERLESS_TEST_POSTGRES_URL%/*}/$db
  t=$(date +%s.%N); "$bin" import people "$tmp/people.csv" --database-url "$url" >/dev/null; echo "import postgres: $(secs "$t") s"
  psql "$LADDERLESS_TEST_POSTGRES_URL" -qXc "DROP DATABASE $db WITH (FORCE)"
fi

echo "== cold start of serve on the existing $people-person data directory to a ready /readyz (target <= 1 s)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
t=$(date +%s.%N)
"$bin" serve --data-dir "$tmp/demo" --bind "127.0.0.1:$port" --log warn >"$tmp/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; do sleep 0.01; done
echo "cold start: $(secs "$t") s"

echo "== person page and directory search at 32 connections (target p99 <= 25 ms)"
base=http://127.0.0.1:$port
curl -s -c "$tmp/jar" -o /dev/null -d "email=manager@example.com&password=ladderless-demo" "$base/login"
cookie=$(awk '$6=="ll_session"{print "ll_session=" $7}' "$tmp/jar")
# 500 real person ids and a mix of realistic searches.
curl -s -b "$tmp/jar" "$base/api/v1/people?per_page=200&page=3" >"$tmp/p1.json"
curl -s -b "$tmp/jar" "$base/api/v1/people?per_page=200&page=40" >"$tmp/p2.json"
curl -s -b "$tmp/jar" "$base/api/v1/people?per_page=100&page=300" >"$tmp/p3.json"
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
ids = []
for f in ("p1", "p2", "p3"):
    ids += [p["id"] for p in json.load(open(f"{tmp}/{f}.json"))["items"]]
open(f"{tmp}/person_paths.txt", "w").write("\n".join(f"/people/{i}" for i in ids) + "\n")
queries = ["platform", "nurse", "london", "sales", "developer", "maria", "support", "finance", "chen", "lisbon", "security", "data"]
open(f"{tmp}/search_paths.txt", "w").write("\n".join(f"/people?q={q}" for q in queries) + "\n")
PY
cat >"$tmp/paths.lua" <<'LUA'
local paths = {}
local cookie = os.getenv("BENCH_COOKIE")
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Cookie"] = cookie })
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, %d requests, %d errors (non-2xx %d), %.0f req/s\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.requests / (summary.duration / 1e6)))
end
LUA
for kind in person search; do
  BENCH_COOKIE=$cookie BENCH_PATHS=$tmp/${kind}_paths.txt wrk -t1 -c32 -d5s -s "$tmp/paths.lua" "$base" >/dev/null # warm up
  echo -n "$kind page: "
  BENCH_COOKIE=$cookie BENCH_PATHS=$tmp/${kind}_paths.txt wrk -t1 -c32 -d${DURATION:-20}s -s "$tmp/paths.lua" "$base" | tail -n 1
done
