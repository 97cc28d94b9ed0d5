# shellcheck shell=bash
# Builds what the server serves: the wasm bundle in dist/ (precompressed) and the release server.
# Needs lib/common.sh and lib/toolchain.sh (for the tools on PATH).

# Compile-time checked queries read .sqlx/, so no database is needed to build.
export SQLX_OFFLINE=true

# A fingerprint of everything the browser bundle is built from.
_bundle_inputs_hash() {
  (
    cd "$AGORA_ROOT" || exit 1
    find app frontend style public -type f -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 sha256sum
    sha256sum Cargo.toml Cargo.lock Trunk.toml
    trunk --version
    wasm-bindgen --version
    wasm-opt --version
  ) | sha256sum | cut -d' ' -f1
}

# Writes .br and .gz next to every wasm, js, css and html file in dist/ (originals stay).
precompress_dist() {
  local file count=0
  while IFS= read -r -d '' file; do
    brotli --force --keep --best --output="$file.br" "$file"
    gzip --force --keep --best "$file"
    count=$((count + 1))
  done < <(find "$AGORA_ROOT/dist" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) -print0)
  note "precompressed $count files (brotli, gzip)"
}

# Prints the size of the wasm + JS + CSS a browser downloads (brotli), for the log.
_bundle_report() {
  local total=0 size file
  for file in "$AGORA_ROOT"/dist/*.wasm.br "$AGORA_ROOT"/dist/*.js.br "$AGORA_ROOT"/dist/*.css.br; do
    [[ -f $file ]] || continue
    size=$(stat -c %s "$file")
    total=$((total + size))
  done
  note "bundle over the wire (brotli): $((total / 1024)) KiB"
}

# `trunk build --release --offline` into dist/, skipped when nothing it is built from changed
# (AGORA_REBUILD_BUNDLE=1 forces it).
build_bundle() {
  local stamp="$AGORA_TARGET_DIR/agora-bundle.stamp" want index_sum
  want=$(_bundle_inputs_hash)
  if [[ ${AGORA_REBUILD_BUNDLE:-0} != 1 && -f $stamp && -f $AGORA_ROOT/dist/index.html ]]; then
    index_sum=$(sha256sum "$AGORA_ROOT/dist/index.html" | cut -d' ' -f1)
    if [[ $(cat "$stamp") == "$want $index_sum" ]]; then
      log "the wasm bundle in dist/ is up to date"
      return 0
    fi
  fi
  log "building the wasm bundle: trunk build --release --offline (a few minutes)"
  (cd "$AGORA_ROOT" && trunk build --release --offline)
  precompress_dist
  _bundle_report
  mkdir -p "$AGORA_TARGET_DIR"
  index_sum=$(sha256sum "$AGORA_ROOT/dist/index.html" | cut -d' ' -f1)
  echo "$want $index_sum" >"$stamp"
}

# The release server binary, target/release/agora-server.
build_server_release() {
  log "building the server: cargo build --release -p server (first run ~9 min on 2 cores)"
  (cd "$AGORA_ROOT" && cargo build --release -p server)
}

AGORA_TARGET_DIR="${CARGO_TARGET_DIR:-$AGORA_ROOT/target}"
export AGORA_SERVER_BIN="$AGORA_TARGET_DIR/release/agora-server"
