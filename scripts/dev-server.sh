#!/usr/bin/env bash
# The API server for watch mode: a debug build on :3000, rebuilt and restarted when server or
# shared code changes. Used by scripts/dev.sh (which adds `trunk serve` on :8080); run it alone
# when you only work on the server.
#
# With cargo-watch installed (`cargo install cargo-watch --locked`, optional) it does the
# watching; otherwise a small polling loop restarts the server after a change to app/, server/
# or migrations/. Database: DATABASE_URL, or the private cluster of run.sh in .data/postgres.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=lib/postgres.sh
source "$here/lib/postgres.sh"

cd "$AGORA_ROOT"
export SQLX_OFFLINE=true

# Children run in the background and are waited for, so a TERM from dev.sh is handled at once.
SERVER_PID=''
BUILD_PID=''
stop_pid() {
  if [[ -n $1 ]] && kill -0 "$1" 2>/dev/null; then
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$BUILD_PID"
  stop_pid "$SERVER_PID"
  pg_private_stop
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z ${DATABASE_URL:-} ]]; then
  pg_private_start "$AGORA_ROOT/.data/postgres" "${AGORA_PG_PORT:-54329}"
  ensure_database "$(pg_private_url postgres)" agora
  DATABASE_URL=$(pg_private_url agora)
fi
export DATABASE_URL
export AGORA_ADDR="${AGORA_ADDR:-127.0.0.1:3000}"
export AGORA_DIST="${AGORA_DIST:-$AGORA_ROOT/target/dev-dist}"
# The browser talks to trunk serve on :8080, which forwards /api here with the browser's Origin.
export AGORA_ALLOWED_ORIGINS="${AGORA_ALLOWED_ORIGINS:-http://127.0.0.1:8080,http://localhost:8080,http://${AGORA_ADDR},http://localhost:${AGORA_ADDR##*:}}"
export RUST_LOG="${RUST_LOG:-info,sqlx=warn,tower_sessions=warn,server=debug,app=debug}"

watched=(app/src app/Cargo.toml server/src server/Cargo.toml migrations Cargo.toml Cargo.lock)

if cargo watch --version >/dev/null 2>&1; then
  log "watching with cargo-watch: the server restarts on every change"
  watch_args=()
  for path in "${watched[@]}"; do watch_args+=(-w "$path"); done
  cargo watch "${watch_args[@]}" -x 'run -p server' &
  SERVER_PID=$!
  wait "$SERVER_PID"
  exit $?
fi

log "watching by polling (install cargo-watch for a faster loop); Ctrl-C stops"
stamp="${CARGO_TARGET_DIR:-$AGORA_ROOT/target}/dev-server.stamp"
mkdir -p "$(dirname "$stamp")"
while true; do
  touch "$stamp"
  cargo build -p server &
  BUILD_PID=$!
  built=0
  wait "$BUILD_PID" && built=1
  BUILD_PID=''
  if ((built)); then
    "${CARGO_TARGET_DIR:-$AGORA_ROOT/target}/debug/agora-server" &
    SERVER_PID=$!
  else
    warn "the server does not build; waiting for the next change"
  fi
  until [[ -n $(find "${watched[@]}" -newer "$stamp" -type f -print -quit 2>/dev/null) ]]; do
    sleep 1
  done
  log "change detected: rebuilding and restarting the server"
  stop_pid "$SERVER_PID"
  SERVER_PID=''
done
