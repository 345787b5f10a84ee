#!/usr/bin/env bash
# The project's test command. Installs missing tools, then:
#   host tests -> release build (Trunk) -> server build -> size budget -> data budget of a visit (journey,
#   served by ppid-server and through deploy/nginx.conf)
#   -> performance budget (Lighthouse)
#   -> Lighthouse accessibility of every page
#   -> wasm tests in headless Chromium -> end-to-end tests (Playwright + axe-core against the release build),
#   once against ppid-server and once through Debian's nginx with deploy/nginx.conf.
# A failing step does not hide the others (steps that need a failed build are skipped); the last line is
# `N passed, M failed` over every test run, and the exit status is non-zero when any step failed.
# Full output of each step: target/test-logs/<step>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== setup"
scripts/setup.sh
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
unset NO_COLOR
export TRUNK_COLOR=never TRUNK_SKIP_VERSION_CHECK=true

LOGS=target/test-logs
mkdir -p "$LOGS"
rm -f "$LOGS"/*.log

failed_steps=()

# run NAME LOG COMMAND...: prints `== NAME`, runs COMMAND with its output also in $LOGS/LOG.log.
run() {
  local name=$1 log=$2 start=$SECONDS status=0
  shift 2
  echo "== $name"
  "$@" 2>&1 | tee "$LOGS/$log.log" || status=$?
  echo "-- $name: $([ "$status" -eq 0 ] && echo ok || echo "FAILED (exit $status)") in $((SECONDS - start)) s"
  [ "$status" -eq 0 ] || failed_steps+=("$name")
  return "$status"
}

# skip NAME WHY: a step that cannot run because an earlier one failed.
skip() {
  echo "== $1"
  echo "-- $1: skipped, $2"
  failed_steps+=("$1 (skipped)")
}

run "host tests (cargo test --workspace)" host cargo test --workspace || true

run "search benchmark (cargo bench --bench search)" bench cargo bench -p ppid-portal --bench search || true

app_built=0
run "release build (trunk build --release)" trunk trunk build --release && app_built=1

# The same portal under a sub-path (tests/e2e/subpath.test.mjs serves it under /ppid).
if [ "$app_built" = 1 ]; then
  run "release build under a sub-path (trunk build --release --public-url /ppid/ --dist dist-sub)" trunk-sub \
    trunk build --release --public-url /ppid/ --dist dist-sub || true
else
  skip "release build under a sub-path" "the release build failed"
fi

server_built=0
run "server build (cargo build --release -p ppid-server)" server cargo build --release -p ppid-server && server_built=1

if [ "$app_built" = 1 ]; then
  run "size check (node scripts/size-check.mjs)" size node scripts/size-check.mjs || true
else
  skip "size check (node scripts/size-check.mjs)" "the release build failed"
fi

if [ "$app_built" = 1 ] && [ "$server_built" = 1 ]; then
  run "journey budget (node tests/perf/journey.mjs)" journey \
    node --test-reporter=tap tests/perf/journey.mjs || true
  # The same visits as a regency's server sends them: deploy/nginx.conf as shipped, dictionaries included.
  run "journey budget through deploy/nginx.conf (PPID_FRONT=nginx node tests/perf/journey.mjs)" journey-nginx \
    env PPID_FRONT=nginx node --test-reporter=tap tests/perf/journey.mjs || true
else
  skip "journey budget (node tests/perf/journey.mjs)" "the release build or the server build failed"
fi

if [ "$app_built" = 1 ] && [ "$server_built" = 1 ]; then
  run "performance budget (node tests/perf/lighthouse.mjs)" lighthouse \
    node --test-reporter=tap tests/perf/lighthouse.mjs || true
else
  skip "performance budget (node tests/perf/lighthouse.mjs)" "the release build or the server build failed"
fi

if [ "$app_built" = 1 ] && [ "$server_built" = 1 ]; then
  run "accessibility of every page (node tests/perf/lighthouse-a11y.mjs)" lighthouse-a11y \
    node --test-reporter=tap tests/perf/lighthouse-a11y.mjs || true
else
  skip "accessibility of every page (node tests/perf/lighthouse-a11y.mjs)" "the release build or the server build failed"
fi

run "wasm tests (headless Chromium)" wasm \
  env CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p ppid-portal --target wasm32-unknown-unknown --lib || true

if [ "$app_built" = 1 ] && [ "$server_built" = 1 ]; then
  run "end-to-end tests (node --test tests/e2e/)" e2e \
    node --test --test-concurrency=1 --test-reporter=tap tests/e2e/ || true
else
  skip "end-to-end tests (node --test tests/e2e/)" "the release build or the server build failed"
fi

# The same tests again with Debian's nginx in front, serving the build through deploy/nginx.conf as
# shipped (tests/e2e/nginx-front.mjs): a deployment file that breaks any page fails here.
if [ "$app_built" = 1 ] && [ "$server_built" = 1 ]; then
  run "end-to-end tests through deploy/nginx.conf (PPID_FRONT=nginx node --test tests/e2e/)" e2e-nginx \
    env PPID_FRONT=nginx node --test --test-concurrency=1 --test-reporter=tap tests/e2e/ || true
else
  skip "end-to-end tests through deploy/nginx.conf" "the release build or the server build failed"
fi

# Sum libtest / wasm-bindgen-test-runner (`test result: ok. N passed; M failed; ...`) and node (`# pass N`, `# fail M`).
passed=0
failed=0
for log in "$LOGS"/*.log; do
  while read -r p f; do
    passed=$((passed + p))
    failed=$((failed + f))
  done < <(sed -nE 's/^test result: [A-Za-z]+\. ([0-9]+) passed; ([0-9]+) failed.*/\1 \2/p' "$log")
  while read -r p; do passed=$((passed + p)); done < <(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log")
  while read -r f; do failed=$((failed + f)); done < <(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log")
done

echo "=="
if [ "${#failed_steps[@]}" -gt 0 ]; then
  joined=$(printf '%s; ' "${failed_steps[@]}")
  echo "failed steps: ${joined%; }"
fi
echo "$passed passed, $failed failed"
if [ "${#failed_steps[@]}" -gt 0 ] || [ "$failed" -gt 0 ]; then
  exit 1
fi
