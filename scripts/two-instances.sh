#!/usr/bin/env bash
# Scale-out check: two server instances on one database share sessions.
#
#   ./scripts/two-instances.sh [DATABASE_URL_OF_AN_EMPTY_DATABASE]
#
# Starts two instances of the already built server (release, else debug) at the same time on two
# ports against one fresh database — so both migrate and try to seed at once — then logs in on
# instance A with curl and asks instance B who is logged in with the same cookie. Logging out on B
# must end the session on A too. Without an argument it uses a throwaway PostgreSQL cluster.
# Called by scripts/test.sh after the API tests.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"
# shellcheck source=lib/postgres.sh
source "$here/lib/postgres.sh"

target_dir="${CARGO_TARGET_DIR:-$AGORA_ROOT/target}"
bin=${AGORA_SERVER_BIN:-$target_dir/release/agora-server}
[[ -x $bin ]] || bin=$target_dir/debug/agora-server
[[ -x $bin ]] || die "no server binary; build it first: cargo build --release -p server"

work=$(mktemp -d "${TMPDIR:-/tmp}/agora-two.XXXXXX")
PIDS=()
cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if ((rc != 0)); then
    for log_file in "$work"/*.log; do
      [[ -f $log_file ]] || continue
      printf '\n--- last lines of %s ---\n' "$(basename "$log_file")" >&2
      tail -n 30 "$log_file" >&2
    done
  fi
  pg_private_stop
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ $# -ge 1 ]]; then
  db_url=$1
else
  pg_throwaway_start
  ensure_database "$(pg_private_url postgres)" agora_two
  db_url=$(pg_private_url agora_two)
fi

port_a=$(free_port 30000 5000)
port_b=$(free_port 35000 5000)
a="http://127.0.0.1:$port_a"
b="http://127.0.0.1:$port_b"

log "starting two instances of $(basename "$bin") on :$port_a (A) and :$port_b (B), one database"
for which in a b; do
  port=$port_a
  [[ $which == b ]] && port=$port_b
  DATABASE_URL=$db_url AGORA_ADDR="127.0.0.1:$port" AGORA_DIST="$AGORA_ROOT/dist" \
    AGORA_SEED_DEMO=true AGORA_LOG_FORMAT=json AGORA_DB_MAX_CONNECTIONS=4 \
    "$bin" >"$work/instance-$which.log" 2>&1 &
  PIDS+=($!)
done
wait_for_http "$a/readyz" 120 "${PIDS[0]}" || die "instance A did not become ready"
wait_for_http "$b/readyz" 120 "${PIDS[1]}" || die "instance B did not become ready"
note "both ready (both migrated and raced to seed the demo data)"

jar="$work/cookies.txt"
# Server functions take JSON; curl sends no Origin header (a non-browser client).
call() { # call BASE ENDPOINT JSON [curl args…] → prints "<status> <body>"
  local base=$1 endpoint=$2 body=$3
  shift 3
  curl -sS --max-time 20 -H 'content-type: application/json' --data "$body" \
    -w '\n%{http_code}' "$@" "$base/api/$endpoint" | awk '{ lines[NR] = $0 } END {
      printf "%s", lines[NR]; for (i = 1; i < NR; i++) printf " %s", lines[i]; print "" }'
}
expect() { # expect DESCRIPTION "<status> <body>" STATUS SUBSTRING
  local what=$1 got=$2 status=$3 needle=$4
  if [[ ${got%% *} != "$status" || $got != *"$needle"* ]]; then
    die "$what: expected HTTP $status containing '$needle', got: $got"
  fi
  note "ok: $what"
}

email=buyer@northwind.example
got=$(call "$a" auth/log_in "{\"email\":\"$email\",\"password\":\"agora-demo-2026\"}" -c "$jar")
expect "log in on A" "$got" 200 "\"email\":\"$email\""
session_cookie=$(awk '$6 == "agora_session" { print $6 "=" $7 }' "$jar" | tail -n1)
[[ -n $session_cookie ]] || die "instance A set no agora_session cookie"

got=$(call "$b" auth/get_current_user '{}' -H "Cookie: $session_cookie")
expect "B knows the user logged in on A (same cookie)" "$got" 200 "\"email\":\"$email\""

got=$(call "$b" auth/get_current_user '{}')
expect "B without the cookie: nobody" "$got" 200 "null"

got=$(call "$b" auth/log_out '{}' -H "Cookie: $session_cookie")
expect "log out on B" "$got" 200 ""

got=$(call "$a" auth/get_current_user '{}' -H "Cookie: $session_cookie")
expect "A after log-out on B: nobody" "$got" 200 "null"

ok "two instances share sessions through PostgreSQL"
