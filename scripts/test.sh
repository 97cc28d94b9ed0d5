#!/usr/bin/env bash
# THE test command: every check CI runs, in order, failing fast.
#
#   ./scripts/test.sh
#
#   1. tools            install what is missing (as run.sh, plus Chromium, Node.js, end2end/ packages)
#   2. format           cargo fmt --all -- --check
#   3. clippy (server)  cargo clippy -p app -p server --all-targets -- -D warnings
#   4. clippy (wasm)    cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
#   5. wasm deps        no tokio, sqlx, axum, mio or argon2 in the browser build
#   6. database         a throwaway PostgreSQL cluster, or the server in DATABASE_URL
#   7. cargo test       unit, database (#[sqlx::test]) and API tests
#   8. build            the wasm bundle (trunk build --release --offline) and the release server
#   9. two instances    a session made on one server instance is valid on another (scripts/two-instances.sh)
#  10. browser tests    Playwright driving Debian's Chromium against the release server
#
# Without DATABASE_URL a private cluster is created in a temporary folder and deleted at exit, so
# this passes on a machine with no PostgreSQL server running. With DATABASE_URL (any database on
# the server; the user must be allowed to create databases) every database this run creates is
# named ${AGORA_TEST_DB_PREFIX}_… and dropped at exit. The run command's data is never touched.
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

cd "$AGORA_ROOT"
export SQLX_OFFLINE=true
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

STEPS_PASSED=0
CURRENT_STEP=''
STEP_LOG=()
RUN_STARTED=$SECONDS
EXTERNAL_ADMIN_URL=''   # set when DATABASE_URL pointed at a server we do not own
AGORA_TEST_DB_PREFIX="agora_t$(random_hex 3)"
export AGORA_TEST_DB_PREFIX

# run_step NAME COMMAND… — runs one step; set -e ends the script (and finish reports it) on failure.
# AGORA_TEST_SKIP="browser tests,two instances" skips steps by name (for local use; CI skips nothing).
run_step() {
  CURRENT_STEP=$1
  shift
  if [[ ,${AGORA_TEST_SKIP:-}, == *",$CURRENT_STEP,"* ]]; then
    STEP_LOG+=("$(printf 'skipped %s' "$CURRENT_STEP")")
    CURRENT_STEP=''
    return 0
  fi
  header "$CURRENT_STEP"
  local started=$SECONDS
  "$@"
  STEP_LOG+=("$(printf 'ok      %-16s %4ss' "$CURRENT_STEP" $((SECONDS - started)))")
  STEPS_PASSED=$((STEPS_PASSED + 1))
  CURRENT_STEP=''
}

finish() {
  local rc=$? failed=0 line
  trap - EXIT INT TERM
  if [[ -n $CURRENT_STEP ]]; then
    failed=1
    STEP_LOG+=("$(printf 'FAILED  %s' "$CURRENT_STEP")")
    ((rc != 0)) || rc=1
  fi
  if [[ -n $EXTERNAL_ADMIN_URL ]]; then
    log "dropping this run's databases (${AGORA_TEST_DB_PREFIX}_*)"
    drop_databases_with_prefix "$EXTERNAL_ADMIN_URL" "$AGORA_TEST_DB_PREFIX" ||
      warn "could not drop every ${AGORA_TEST_DB_PREFIX}_* database"
  fi
  pg_private_stop
  printf '\n%s==================== summary ====================%s\n' "$_bold" "$_reset"
  for line in "${STEP_LOG[@]}"; do note "$line"; done
  note "total $((SECONDS - RUN_STARTED))s"
  if ((failed)); then
    printf '%sFAILED at "%s" (exit code %s)%s\n' "$_red" "${STEP_LOG[-1]#FAILED  }" "$rc" "$_reset"
  elif ((rc == 0)); then
    ok "all checks passed"
  fi
  echo "steps: $STEPS_PASSED passed, $failed failed"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the steps -------------------------------------------------------------------------------

install_tools() {
  ensure_build_toolchain
  ensure_browser_test_tools
}

check_wasm_dependencies() {
  local tree offenders
  tree=$(cargo tree -p frontend --target wasm32-unknown-unknown -e normal --prefix none --format '{p}')
  offenders=$(awk '{print $1}' <<<"$tree" | sort -u | grep -E '^(tokio|sqlx|axum|mio|argon2)([-_].*)?$' || true)
  if [[ -n $offenders ]]; then
    printf 'server-only crates in the wasm build:\n%s\n\nwhy (cargo tree -i):\n' "$offenders" >&2
    while IFS= read -r crate; do
      cargo tree -p frontend --target wasm32-unknown-unknown -e normal -i "$crate" 2>&1 | head -n 15 >&2
    done <<<"$offenders"
    return 1
  fi
  note "$(sort -u <<<"$tree" | wc -l) crates in the wasm build; none of tokio, sqlx, axum, mio, argon2"
}

setup_database() {
  if [[ -n ${DATABASE_URL:-} ]]; then
    local admin_url
    admin_url=$(url_with_db "$DATABASE_URL" postgres)
    log "using the PostgreSQL server in DATABASE_URL; this run's databases are ${AGORA_TEST_DB_PREFIX}_*"
    psql_at "$admin_url" -c 'select 1' >/dev/null || die "cannot connect to $admin_url"
    EXTERNAL_ADMIN_URL=$admin_url
    DATABASE_URL=$admin_url
  else
    pg_throwaway_start
    DATABASE_URL=$(pg_private_url postgres)
  fi
  # The Rust tests create ${AGORA_TEST_DB_PREFIX}_<uuid> databases from this admin connection.
  export DATABASE_URL
  note "DATABASE_URL=$DATABASE_URL  AGORA_TEST_DB_PREFIX=$AGORA_TEST_DB_PREFIX"
}

# A fresh, empty database for one part of the run; prints its URL.
fresh_database() {
  local name="${AGORA_TEST_DB_PREFIX}_$1"
  drop_database "$DATABASE_URL" "$name"
  psql_at "$DATABASE_URL" -c "create database \"$name\"" >/dev/null
  url_with_db "$DATABASE_URL" "$name"
}

build_release() {
  build_bundle
  build_server_release
}

two_instances() {
  local url
  url=$(fresh_database two)
  "$here/two-instances.sh" "$url"
}

browser_tests() {
  E2E_DATABASE_URL=$(fresh_database e2e)
  # The release server that playwright.config.ts starts: a free port, so parallel runs do not clash.
  E2E_PORT=$(free_port 3100 800)
  export E2E_DATABASE_URL E2E_PORT AGORA_SERVER_BIN
  (cd end2end && npx --no-install playwright test)
}

run_step "tools" install_tools
run_step "format" cargo fmt --all -- --check
run_step "clippy (server)" cargo clippy -p app -p server --all-targets -- -D warnings
run_step "clippy (wasm)" cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
run_step "wasm deps" check_wasm_dependencies
run_step "database" setup_database
# frontend is excluded: building it natively next to the server would switch on app's `csr` and
# `ssr` features together; it has no tests, and clippy (wasm) above checks it.
run_step "cargo test" cargo test --workspace --exclude frontend
run_step "build" build_release
run_step "two instances" two_instances
run_step "browser tests" browser_tests
