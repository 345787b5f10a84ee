#!/usr/bin/env bash
# Builds the portal for release and serves it with the reference API at http://127.0.0.1:8080
# (gzip on, as production would). Extra arguments go to ppid-server, e.g. `scripts/serve.sh --port 9000`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
unset NO_COLOR
export TRUNK_COLOR=never TRUNK_SKIP_VERSION_CHECK=true

trunk build --release
cargo build --release -p ppid-server
# The same strict Content-Security-Policy a regency should send (see README); add the API's origin
# to connect-src when config.json points at another origin.
CSP="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self'"
exec target/release/ppid-server --dist dist --port 8080 --gzip --csp "$CSP" "$@"
