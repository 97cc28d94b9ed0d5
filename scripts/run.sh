#!/usr/bin/env bash
# THE run command: builds Agora and serves it on one port (default http://127.0.0.1:3000).
#
#   ./scripts/run.sh
#
# On a fresh machine it first installs what is missing (wasm target, Trunk 0.21, wasm-bindgen-cli,
# binaryen, brotli); later runs skip that. Without DATABASE_URL it keeps a private PostgreSQL
# cluster in .data/postgres (port AGORA_PG_PORT, default 54329), reused across runs. The server
# migrates and loads the demo data into an empty database itself. Ctrl-C stops the server, then
# the private database.
#
# Environment: DATABASE_URL (use that server instead), AGORA_ADDR (default 127.0.0.1:3000),
# AGORA_PG_PORT, AGORA_REBUILD_BUNDLE=1, and every AGORA_* setting the server reads (README).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=lib/toolchain.sh
source "$here/lib/toolchain.sh"
# shellcheck source=lib/postgres.sh
source "$here/lib/postgres.sh"
# shellcheck source=lib/bundle.sh
source "$here/lib/bundle.sh"

SERVER_PID=''
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    log "stopping the server"
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  pg_private_stop
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cd "$AGORA_ROOT"

# 1. Tools (each is skipped when present).
ensure_build_toolchain

# 2. The browser bundle and the server.
build_bundle
build_server_release

# 3. The database.
if [[ -n ${DATABASE_URL:-} ]]; then
  log "using the PostgreSQL server in DATABASE_URL"
  db_note="DATABASE_URL (your server)"
else
  pg_private_start "$AGORA_ROOT/.data/postgres" "${AGORA_PG_PORT:-54329}"
  ensure_database "$(pg_private_url postgres)" agora
  DATABASE_URL=$(pg_private_url agora)
  export DATABASE_URL
  db_note="$DATABASE_URL (private cluster in .data/postgres; stopped on exit)"
fi

# 4. The server.
export AGORA_DIST="$AGORA_ROOT/dist"
export AGORA_ADDR="${AGORA_ADDR:-127.0.0.1:3000}"
port=${AGORA_ADDR##*:}
host=${AGORA_ADDR%:*}
case $host in 0.0.0.0 | '[::]' | localhost) host=127.0.0.1 ;; esac
if [[ $host == 127.0.0.1 ]] && port_in_use "$port"; then
  die "something already listens on port $port; stop it or choose another: AGORA_ADDR=127.0.0.1:3001 ./scripts/run.sh"
fi
url="http://$host:$port"

log "starting the server on $AGORA_ADDR (migrates; loads demo data into an empty database)"
"$AGORA_SERVER_BIN" &
SERVER_PID=$!
if ! wait_for_http "$url/healthz" 120 "$SERVER_PID"; then
  set +e
  wait "$SERVER_PID"
  rc=$?
  SERVER_PID=''
  die "the server did not come up (exit code $rc); see its log above"
fi

cat <<BANNER

${_green}${_bold}==> Agora is running at $url${_reset}   (Ctrl-C stops it)

    Demo logins, all with the password ${_bold}agora-demo-2026${_reset}:
      buyer@northwind.example        buyer               Northwind Manufacturing Ltd
      buyer@huaxin-auto.example      buyer               Huaxin Auto Parts 华信汽车零部件
      sales@hengda-steel.example     supplier            Jiangsu Hengda Steel 江苏恒达钢铁
      sales@xinwei-elec.example      supplier            Shenzhen Xinwei Electronics 深圳芯微电子
      trade@sino-euro.example        buyer and supplier  Sino-Euro Industrial Supply
      operator@agora.example         platform staff      operator
      reviewer@agora.example         platform staff      reviewer
    (loaded only into an empty database; AGORA_SEED_DEMO=false turns it off)

    Database: $db_note

BANNER

set +e
wait "$SERVER_PID"
rc=$?
set -e
SERVER_PID=''
exit "$rc"
