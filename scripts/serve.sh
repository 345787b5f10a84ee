#!/usr/bin/env bash
# Builds the portal for release and serves it with the reference API at http://127.0.0.1:8080
# (gzip on, as production would). Extra arguments go to ppid-server, e.g. `scripts/serve.sh --port 9000`
# (a later `--csp` or `--dist` replaces the one below). PPID_SKIP_BUILD=1 serves the build already in
# dist/ without setting up or building (tests/e2e/csp.test.mjs runs it so).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${PPID_SKIP_BUILD:-}" != 1 ]; then
  scripts/setup.sh
  export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  unset NO_COLOR
  export TRUNK_COLOR=never TRUNK_SKIP_VERSION_CHECK=true

  trunk build --release
  cargo build --release -p ppid-server
fi
# The response headers a regency should send (README, "Headers"). The strict Content-Security-Policy:
# add the API's origin to connect-src when config.json points at another origin, and the regency sites
# that embed the portal to frame-ancestors (`'none'`: no site may frame it). The two policies go with
# pages and workers only: on a stylesheet, data, an image or the wasm they do nothing but add bytes.
# ppid-server sends X-Content-Type-Options: nosniff with every answer itself.
CSP="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'"
exec "${CARGO_TARGET_DIR:-target}/release/ppid-server" --dist dist --port 8080 --gzip --csp "$CSP" \
  --header "Referrer-Policy: no-referrer" \
  --page-header "Permissions-Policy: accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()" \
  "$@"
