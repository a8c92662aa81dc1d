#!/usr/bin/env bash
# Installs the pinned dynoxide (open-source DynamoDB-compatible server, MIT OR Apache-2.0) once,
# and prints the path of a usable binary on stdout. Used by the README's build step, .ci/run and
# the tests (dev.listeningpost.emulator.DynoxideBinary calls it when no binary is found).
#
# Reuses, in this order: $DYNOXIDE_BIN; the project cache
# (${LP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/listening-post}/dynoxide-<version>/bin/dynoxide);
# a `dynoxide` on PATH. Otherwise builds it with cargo
# (Rust 1.88+; about 4 CPU-minutes, 7-10 minutes wall on 2 cores) into that cache.
set -euo pipefail

VERSION="3.2.0"
CACHE="${LP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/listening-post}"
ROOT_DIR="$CACHE/dynoxide-$VERSION"
BIN="$ROOT_DIR/bin/dynoxide"

log() { echo "install-dynoxide: $*" >&2; }

if [[ -n "${DYNOXIDE_BIN:-}" ]]; then
  if [[ -x "$DYNOXIDE_BIN" ]]; then echo "$DYNOXIDE_BIN"; exit 0; fi
  log "DYNOXIDE_BIN=$DYNOXIDE_BIN is not an executable file"; exit 1
fi
if [[ -x "$BIN" ]]; then echo "$BIN"; exit 0; fi
# (The crate dynoxide-rs 3.2.0 reports itself as "dynoxide 1.5.0": check the name, not the number.)
if command -v dynoxide >/dev/null 2>&1 && dynoxide --version 2>/dev/null | grep -q "^dynoxide "; then
  command -v dynoxide; exit 0
fi

if ! command -v cargo >/dev/null 2>&1; then
  log "dynoxide $VERSION is not installed and cargo is missing."
  log "Install the Rust toolchain (https://rustup.rs, Rust 1.88+) and run tools/install-dynoxide.sh again,"
  log "or point DYNOXIDE_BIN at a dynoxide binary."
  exit 1
fi

mkdir -p "$CACHE"
# One build at a time, even when several test JVMs or checkouts ask at once.
exec 9>"$CACHE/dynoxide-$VERSION.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if [[ -x "$BIN" ]]; then echo "$BIN"; exit 0; fi

log "building dynoxide-rs $VERSION with cargo into $ROOT_DIR (first time only; about 7-10 minutes on 2 cores)"
cargo install dynoxide-rs --version "$VERSION" --locked --no-default-features \
  --features native-sqlite,http-server,cli --root "$ROOT_DIR" >&2
"$BIN" --version >&2
echo "$BIN"
