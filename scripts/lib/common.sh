# shellcheck shell=bash
# Shared helpers for the scripts in scripts/: logging, the repository root, apt installs, ports.
# Sourced, never run. Every script that sources this uses `set -euo pipefail`.

# `set -e` also inside $(…), so a failing helper in a command substitution stops the script.
shopt -s inherit_errexit

AGORA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export AGORA_ROOT

# cargo-installed tools (trunk, wasm-bindgen) live here; a non-login shell may not have it on PATH.
case ":$PATH:" in
  *":$HOME/.cargo/bin:"*) ;;
  *) export PATH="$HOME/.cargo/bin:$PATH" ;;
esac

if [[ -t 1 ]]; then
  _bold=$'\033[1m' _red=$'\033[31m' _green=$'\033[32m' _yellow=$'\033[33m' _reset=$'\033[0m'
else
  _bold='' _red='' _green='' _yellow='' _reset=''
fi

# "==> what is happening" — one line per step, so a log reads as a list of what was done.
log() { printf '%s==>%s %s\n' "$_bold" "$_reset" "$*"; }
# A quieter line under a step.
note() { printf '    %s\n' "$*"; }
warn() { printf '%swarning:%s %s\n' "$_yellow" "$_reset" "$*" >&2; }
die() {
  printf '%serror:%s %s\n' "$_red" "$_reset" "$*" >&2
  exit 1
}
ok() { printf '%s==> %s%s\n' "$_green" "$*" "$_reset"; }

# A big header for a test-suite step.
header() {
  printf '\n%s==================== %s ====================%s\n' "$_bold" "$*" "$_reset"
}

# Installs Debian packages; runs `apt-get update` once per script run, and only when needed.
_apt_updated=0
apt_install() {
  [[ $(id -u) -eq 0 ]] || die "installing $* needs root (apt-get); install it by hand or run as root"
  if [[ $_apt_updated -eq 0 ]]; then
    log "apt-get update (once, because $* is missing)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    _apt_updated=1
  fi
  log "installing Debian package(s): $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Is something listening on 127.0.0.1:PORT?
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Prints a TCP port on 127.0.0.1 that nothing listens on, from a random start in [from, from+span).
free_port() {
  local from=${1:-20000} span=${2:-20000} port tries=0
  while ((tries < 200)); do
    port=$((from + (RANDOM * 32768 + RANDOM) % span))
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  die "could not find a free TCP port"
}

# Waits until URL answers 2xx, or fails after SECONDS; gives up early if PID (optional) dies.
wait_for_http() {
  local url=$1 seconds=${2:-60} pid=${3:-} i
  for ((i = 0; i < seconds * 5; i++)); do
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
      return 0
    fi
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      return 1
    fi
    sleep 0.2
  done
  return 1
}

# A short random lowercase hex string (for database name prefixes).
random_hex() {
  od -An -N"${1:-4}" -tx1 /dev/urandom | tr -d ' \n'
}
