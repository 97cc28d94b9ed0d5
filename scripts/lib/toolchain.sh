# shellcheck shell=bash
# Installs what the build needs when it is missing, and skips what is present:
# the wasm target, Trunk 0.21, wasm-bindgen-cli (the exact version in Cargo.lock), wasm-opt at the
# version Trunk.toml names (npm's binaryen from tools/package.json, else Debian's binaryen),
# brotli, Node.js, and for the browser tests Chromium and the packages in end2end/.
# Needs lib/common.sh.

# The wasm-bindgen version pinned in Cargo.lock; the CLI must match it exactly.
wasm_bindgen_lock_version() {
  awk '/^name = "wasm-bindgen"$/ { found = 1; next }
       found && /^version = / { gsub(/"/, "", $3); print $3; exit }' "$AGORA_ROOT/Cargo.lock"
}

ensure_rust() {
  command -v cargo >/dev/null || die "cargo is not installed: install Rust with rustup (stable 1.95) first"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "adding the Rust target wasm32-unknown-unknown (first run only)"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if command -v trunk >/dev/null && trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    return 0
  fi
  # 0.22 needs a newer rustc than this toolchain; --locked keeps its dependencies buildable here.
  log "installing trunk 0.21 (first run only, ~8 min on 2 cores)"
  cargo install trunk --version '^0.21' --locked
}

ensure_wasm_bindgen() {
  local want have=''
  want=$(wasm_bindgen_lock_version)
  [[ -n $want ]] || die "could not read the wasm-bindgen version from Cargo.lock"
  if command -v wasm-bindgen >/dev/null; then
    have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')
  fi
  if [[ $have == "$want" ]]; then
    return 0
  fi
  # No --locked: wasm-bindgen-cli's own lock file does not build with this toolchain for 0.2.130.
  log "installing wasm-bindgen-cli $want to match Cargo.lock (first run only, ~4 min)${have:+; found $have}"
  cargo install wasm-bindgen-cli --version "$want" --force
}

ensure_debian_build_tools() {
  local missing=()
  command -v brotli >/dev/null || missing+=(brotli)
  command -v gzip >/dev/null || missing+=(gzip)
  command -v curl >/dev/null || missing+=(curl ca-certificates)
  if ((${#missing[@]})); then
    apt_install "${missing[@]}"
  fi
}

ensure_node() {
  local missing=()
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if ((${#missing[@]})); then
    apt_install "${missing[@]}"
  fi
}

# node_modules in DIR from its package-lock.json (npm ci), skipped while the lock file is unchanged.
ensure_npm_deps() {
  local dir=$1 stamp want
  stamp="$dir/node_modules/.agora-lock-sha256"
  # Never let a package download a browser (or anything else) outside the npm registry.
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  if [[ ! -f $dir/package-lock.json ]]; then
    log "installing npm packages in ${dir#"$AGORA_ROOT"/}/ (npm install)"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error)
    return 0
  fi
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
    return 0
  fi
  log "installing npm packages in ${dir#"$AGORA_ROOT"/}/ (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

# The wasm-opt version Trunk.toml asks for ("version_132" → 132).
trunk_wasm_opt_version() {
  sed -n 's/^[[:space:]]*wasm_opt[[:space:]]*=[[:space:]]*"version_\([0-9]*\)".*/\1/p' "$AGORA_ROOT/Trunk.toml" | head -n1
}

# wasm-opt on PATH at the version Trunk.toml names, so `trunk build --offline` never downloads it.
ensure_wasm_opt() {
  local want have
  want=$(trunk_wasm_opt_version)
  if [[ -f $AGORA_ROOT/tools/package.json ]]; then
    # binaryen from npm (Debian's wasm-opt 108 mis-optimises wasm-bindgen's externref table).
    ensure_node
    ensure_npm_deps "$AGORA_ROOT/tools"
    export PATH="$AGORA_ROOT/tools/node_modules/.bin:$PATH"
  elif ! command -v wasm-opt >/dev/null; then
    apt_install binaryen
  fi
  [[ -n $want ]] || return 0
  have=$(wasm-opt --version 2>&1 || true)
  if [[ $have != *"version $want"* ]]; then
    die "Trunk.toml wants wasm-opt version_$want, but wasm-opt on PATH says: $have"
  fi
}

# Everything `trunk build --release --offline` and `cargo build` need.
ensure_build_toolchain() {
  ensure_rust
  ensure_debian_build_tools
  ensure_wasm_opt
  ensure_trunk
  ensure_wasm_bindgen
}

# Debian's Chromium (never a browser downloaded by a test tool), Node.js and end2end/'s packages.
ensure_browser_test_tools() {
  if ! command -v chromium >/dev/null && [[ ! -x /usr/bin/chromium ]]; then
    apt_install chromium
  fi
  ensure_node
  ensure_npm_deps "$AGORA_ROOT/end2end"
}
