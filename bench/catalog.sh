#!/usr/bin/env bash
# Catalog benchmarks (issue 3), all in one run on this machine against a release server:
#   seeds 10,000 products × 10 approved offers (100,000 listings), then measures
#   1. search (mixed English/Chinese queries with filters and facets) on 8 connections,
#   2. the comparison server fn, 20 products × 10 offers each, on 64 keep-alive connections,
#   3. the same server's /healthz on 64 connections; the ratio compare/healthz is the figure we track.
# Usage: bench/catalog.sh [--write]   (DATABASE_URL: an admin URL; default the local server on 5432)
# --write replaces the catalog section of BENCHMARKS.md with this run's figures.
set -euo pipefail
cd "$(dirname "$0")/.."
admin_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
base="${admin_url%/*}"
db_url="$base/agora_bench_catalog"
port="${BENCH_PORT:-3301}"
seconds="${BENCH_SECONDS:-10}"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

echo "==> building the release server and the benchmark program"
SQLX_OFFLINE=true cargo build --release -q -p server --bin agora-server --example catalog

psql "$admin_url" -qAtc "drop database if exists agora_bench_catalog" >/dev/null
psql "$admin_url" -qAtc "create database agora_bench_catalog" >/dev/null
mkdir -p target/bench-dist && echo '<!doctype html><title>bench</title>' > target/bench-dist/index.html
DATABASE_URL=$db_url AGORA_ADDR=127.0.0.1:$port AGORA_SEED_DEMO=false AGORA_LOG_FORMAT=json \
  AGORA_DIST=target/bench-dist AGORA_DB_MAX_CONNECTIONS=16 RUST_LOG=warn \
  target/release/agora-server >target/bench-catalog-server.log 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; sleep 0.5; psql "$admin_url" -qAtc "drop database if exists agora_bench_catalog" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
result=$(target/release/examples/catalog --address "http://127.0.0.1:$port" --database-url "$db_url" \
  --products 10000 --offers 10 --seconds "$seconds" --connections 64 --search-connections 8)
echo "$result"
rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status")
echo "server resident memory after the run: $((rss_kib / 1024)) MiB"

if [[ ${1:-} == --write ]]; then
  report=$(
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)), PostgreSQL $(psql "$admin_url" -qAtc 'show server_version'), $(git rev-parse --short HEAD); load average before the run: $load_before. Load generator on the same machine."
    echo
    echo '```'
    echo "$result"
    echo "server resident memory after the run: $((rss_kib / 1024)) MiB"
    echo '```'
  )
  python3 - "$report" <<'PY'
import re, sys
path = "BENCHMARKS.md"
text = open(path).read()
block = "<!-- catalog:start -->\n" + sys.argv[1] + "\n<!-- catalog:end -->"
if "<!-- catalog:start -->" in text:
    text = re.sub(r"<!-- catalog:start -->.*<!-- catalog:end -->", lambda _: block, text, flags=re.S)
else:
    text += "\n## Catalog search and comparison\n\n" + block + "\n"
open(path, "w").write(text)
PY
  echo "BENCHMARKS.md updated"
fi
