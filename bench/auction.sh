#!/usr/bin/env bash
# Live-auction benchmarks (issue 4), all in one run on this machine:
#   1. the raw PostgreSQL hot-row baseline (../shared/bench/pg-hot-row/run.sh, hot_bid at 1, 8, 32 clients);
#   2. bid_storm: accepted bids/s on one hot lot over HTTP, 32 authenticated bidders, durable commits,
#      with the stored history checked (nothing lost, duplicated or out of sequence);
#   3. viewer_latency: bid-to-screen p50/p99 for 1,000 WebSocket viewers at 20 bids/s, then more viewers.
# Usage: bench/auction.sh [--write]   (DATABASE_URL: an admin URL; default the local server on 5432)
# --write replaces the auction section of BENCHMARKS.md with this run's figures.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
admin_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
base="${admin_url%/*}"
db_url="$base/agora_bench"
port="${BENCH_PORT:-3300}"
viewers="${BENCH_VIEWERS:-1000,2000,3000,4000}"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

echo "==> building the release server and the benchmark programs"
SQLX_OFFLINE=true cargo build --release -q -p server --bin agora-server --example bid_storm --example viewer_latency

psql "$admin_url" -qAtc "drop database if exists agora_bench" >/dev/null
psql "$admin_url" -qAtc "create database agora_bench" >/dev/null
mkdir -p target/bench-dist && echo '<!doctype html><title>bench</title>' > target/bench-dist/index.html
DATABASE_URL=$db_url AGORA_ADDR=127.0.0.1:$port AGORA_SEED_DEMO=false AGORA_LOG_FORMAT=json \
  AGORA_DIST=target/bench-dist AGORA_DB_MAX_CONNECTIONS=16 RUST_LOG=warn \
  target/release/agora-server >target/bench-server.log 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; psql "$admin_url" -qAtc "drop database if exists agora_bench" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.2; done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "==> PostgreSQL hot-row baseline (same run)"
baseline=$(DATABASE_URL=$admin_url bash ../shared/bench/pg-hot-row/run.sh 1 8 32 | grep hot_bid)
echo "$baseline"
best_hot_bid=$(sed -n 's/.*tps=\([0-9.]*\).*/\1/p' <<<"$baseline" | sort -g | tail -1)

echo "==> bid storm: 32 bidders, 10 s"
storm=$(target/release/examples/bid_storm --address "http://127.0.0.1:$port" --database-url "$db_url" --bidders 32 --seconds 10)
echo "$storm"
accepted=$(sed -n 's/.*accepted_per_s=\([0-9.]*\).*/\1/p' <<<"$storm")
ratio=$(awk -v a="$accepted" -v b="$best_hot_bid" 'BEGIN { printf "%.2f", a / b }')
echo "ratio accepted bids/s : best hot_bid tps = $ratio"

echo "==> bid-to-screen latency: viewers $viewers at 20 bids/s"
latency=$(target/release/examples/viewer_latency --address "http://127.0.0.1:$port" --database-url "$db_url" \
  --server-pid "$server_pid" --viewers "$viewers" --rate 20 --seconds 10)
echo "$latency"

if [[ ${1:-} == --write ]]; then
  report=$(
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(uname -m)), PostgreSQL $(psql "$admin_url" -qAtc 'show server_version'), $(git rev-parse --short HEAD); load average before the run: $load_before."
    echo
    echo '```'
    echo "$baseline"
    echo "$storm"
    echo "ratio accepted_per_s / best hot_bid tps = $ratio"
    echo "$latency"
    echo '```'
  )
  python3 - "$report" <<'PY'
import re, sys
path = "BENCHMARKS.md"
text = open(path).read()
block = "<!-- auction:start -->\n" + sys.argv[1] + "\n<!-- auction:end -->"
if "<!-- auction:start -->" in text:
    text = re.sub(r"<!-- auction:start -->.*<!-- auction:end -->", lambda _: block, text, flags=re.S)
else:
    text += "\n## Live auctions\n\n" + block + "\n"
open(path, "w").write(text)
PY
  echo "BENCHMARKS.md updated"
fi
