#!/usr/bin/env bash
# Measures what the browser downloads on first visit: the wasm, JS glue and CSS in dist/, raw and
# compressed (brotli -q 11 and gzip -9, as the server serves them precompressed).
# Usage: bench/bundle-size.sh [--write]   (--write updates the table in BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "dist/ is missing: build it first (trunk build --release --offline)" >&2; exit 1; }
command -v brotli >/dev/null || { echo "brotli is missing (apt-get install brotli)" >&2; exit 1; }

row() { # label files...
  local label=$1; shift
  local raw=0 br=0 gz=0
  for f in "$@"; do
    raw=$((raw + $(stat -c %s "$f")))
    br=$((br + $(brotli -c -q 11 "$f" | wc -c)))
    gz=$((gz + $(gzip -c -9 "$f" | wc -c)))
  done
  printf '| %s | %s | %s | %s |\n' "$label" "$((raw / 1024)) KiB" "$((gz / 1024)) KiB" "$((br / 1024)) KiB"
}

shopt -s nullglob
wasm=(dist/*_bg.wasm)
js=(dist/frontend-*.js)
css=(dist/*.css)
table=$(
  echo "| asset | raw | gzip -9 | brotli -q 11 |"
  echo "|---|---|---|---|"
  row "wasm" "${wasm[@]}"
  row "JS glue" "${js[@]}"
  row "CSS (${#css[@]} files)" "${css[@]}"
  row "**total**" "${wasm[@]}" "${js[@]}" "${css[@]}" dist/index.html
)
echo "$table"

if [ "${1:-}" = "--write" ]; then
  stamp="Measured $(date -u +%Y-%m-%d) on $(nproc) cores, rustc $(rustc --version | cut -d' ' -f2), $(git rev-parse --short HEAD)."
  python3 - "$table" "$stamp" <<'PY'
import re, sys
table, stamp = sys.argv[1], sys.argv[2]
path = "BENCHMARKS.md"
text = open(path).read()
block = f"<!-- bundle-size:start -->\n{stamp}\n\n{table}\n<!-- bundle-size:end -->"
text = re.sub(r"<!-- bundle-size:start -->.*?<!-- bundle-size:end -->", block, text, flags=re.S)
open(path, "w").write(text)
PY
  echo "updated BENCHMARKS.md"
fi
