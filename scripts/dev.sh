#!/usr/bin/env bash
# Watch mode for day-to-day work:
#   http://127.0.0.1:8080  trunk serve: rebuilds the browser bundle on change and reloads the page;
#                          forwards /api to the server (see [[proxy]] in Trunk.toml)
#   http://127.0.0.1:3000  the API server (debug build), restarted on change by scripts/dev-server.sh
#
#   ./scripts/dev.sh
#
# Uses the same private database as run.sh (.data/postgres) unless DATABASE_URL is set.
# Ctrl-C stops both, then the private database.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=lib/toolchain.sh
source "$here/lib/toolchain.sh"

cd "$AGORA_ROOT"
ensure_build_toolchain

SERVER_PID=''
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$here/dev-server.sh" &
SERVER_PID=$!

log "trunk serve on http://127.0.0.1:8080 (debug bundle in target/dev-dist; /api → :3000)"
# Not exec: the trap above must stop the server when trunk ends.
trunk serve --offline --dist "${CARGO_TARGET_DIR:-$AGORA_ROOT/target}/dev-dist"
