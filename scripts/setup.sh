#!/usr/bin/env bash
# Installs, only when missing or at the wrong version, every tool the build and the tests need.
# Everything comes from package registries (crates.io, npm, Debian); nothing downloads a prebuilt binary.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
# Tools cargo and npm installed earlier must be found even when the caller's PATH lacks them.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$ROOT/tests/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)"

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v trunk >/dev/null || [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 15 minutes on a fresh machine)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked "trunk@$TRUNK_VERSION"
fi

if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 6 minutes on a fresh machine)"
  # Not --locked: its lock pins a dependency version the registry does not serve.
  cargo install --force "wasm-bindgen-cli@$WB_VERSION"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# The web servers deploy/ has files for, run as shipped by tests/e2e/nginx.test.mjs: nginx (the
# end-to-end tests also run through it), with the brotli module where the distribution has one (Debian 12
# does; without it that test checks gzip only), Apache and Caddy. Installed, never started as services.
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if [ ! -x /usr/sbin/nginx ] || [ ! -e "$BROTLI_MODULE" ] || [ ! -x /usr/sbin/apache2 ] || ! command -v caddy >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  packages=()
  [ -x /usr/sbin/nginx ] || packages+=(nginx-light)
  if [ ! -e "$BROTLI_MODULE" ] && apt-cache show libnginx-mod-http-brotli-static >/dev/null 2>&1; then
    packages+=(libnginx-mod-http-brotli-static)
  fi
  [ -x /usr/sbin/apache2 ] || packages+=(apache2)
  command -v caddy >/dev/null || packages+=(caddy)
  if [ "${#packages[@]}" -gt 0 ]; then
    say "installing ${packages[*]} from Debian"
    # policy-rc.d 101: the packages' scripts must not start them as services on ports 80 and 443.
    policy=/usr/sbin/policy-rc.d
    ours=0
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
      $SUDO chmod +x "$policy"
      ours=1
    fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
    if [ "$ours" = 1 ]; then $SUDO rm -f "$policy"; fi
  fi
fi

# npm packages: binaryen (wasm-opt), playwright-core, axe-core, terser, lighthouse and chrome-launcher,
# and ajv, ajv-formats and yaml (scripts/check-backend.mjs).
# Pinned by tests/package-lock.json.
if [ ! -x tests/node_modules/.bin/wasm-opt ] || [ ! -d tests/node_modules/playwright-core ] \
   || [ ! -d tests/node_modules/lighthouse ] \
   || [ tests/package-lock.json -nt tests/node_modules/.stamp ]; then
  say "installing npm packages for the build and end-to-end tests"
  (cd tests && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp)
fi
if [ "$(tests/node_modules/.bin/wasm-opt --version | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
  echo "wasm-opt is not version $BINARYEN_VERSION" >&2; exit 1
fi

say "ready: trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $WB_VERSION, wasm-opt $BINARYEN_VERSION, $(chromium --version)"
