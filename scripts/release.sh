#!/usr/bin/env bash
# Packs the release build for regencies to download, so that no deployment has to compile the toolchain:
#   scripts/release.sh [OUT_DIR]        (default target/release-archive)
# writes OUT_DIR/ppid-portal-<version>.tar.gz (the version in Cargo.toml) and its .sha256
# (`sha256sum -c` checks it). The archive's folder ppid-portal-<version>/ holds:
#   dist/                 the release build as `trunk build --release` wrote it (run that first)
#   deploy/               the web server configurations and INSTALL.md (Indonesian and English)
#   scripts/reconfigure.mjs and what it runs with node alone (scripts/build-steps.mjs, scripts/bundles.mjs,
#   bundles.json, and public/sw.js, the template of the service worker it writes again)
# PPID_DIST names another build to pack (default dist).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="$(awk -F'"' '/^version = /{print $2; exit}' Cargo.toml)"
DIST="${PPID_DIST:-dist}"
OUT="${1:-target/release-archive}"
NAME="ppid-portal-$VERSION"

for file in index.html sw.js sw-retire.js config.json; do
  if [ ! -f "$DIST/$file" ]; then
    echo "release: $DIST has no $file: run \`trunk build --release\` first" >&2
    exit 1
  fi
done
# A sub-path build names its files from its folder; the archive is for a host name of its own.
if ! grep -q '<script type=module src=/boot-' "$DIST/index.html"; then
  echo "release: $DIST is not built for the root of a host name (built with --public-url?)" >&2
  exit 1
fi

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/$NAME/scripts" "$STAGE/$NAME/public"
cp -a "$DIST" "$STAGE/$NAME/dist"
cp -a deploy "$STAGE/$NAME/deploy"
cp scripts/reconfigure.mjs scripts/build-steps.mjs scripts/bundles.mjs "$STAGE/$NAME/scripts/"
cp bundles.json "$STAGE/$NAME/"
cp public/sw.js "$STAGE/$NAME/public/"

mkdir -p "$OUT"
# Sorted, with no owner of this machine: the same files make the same archive.
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$STAGE" -czf "$OUT/$NAME.tar.gz" "$NAME"
(cd "$OUT" && sha256sum "$NAME.tar.gz" > "$NAME.tar.gz.sha256")
echo "release: $OUT/$NAME.tar.gz ($(du -k "$OUT/$NAME.tar.gz" | cut -f1) KB) and $NAME.tar.gz.sha256"
