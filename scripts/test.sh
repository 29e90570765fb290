#!/usr/bin/env bash
# The whole test suite: lint, typecheck (node and web projects), unit and integration tests (vitest), then
# Playwright e2e against `serve` in Debian's Chromium. Integration tests need a Secret Service: when no
# session bus is present, this re-runs itself inside a private D-Bus session with an unlocked gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ -z "${VIGIE_IN_KEYRING_SESSION:-}" ] && command -v dbus-run-session >/dev/null; then
  export XDG_DATA_HOME XDG_RUNTIME_DIR VIGIE_IN_KEYRING_SESSION=1
  XDG_DATA_HOME=$(mktemp -d)
  XDG_RUNTIME_DIR=$(mktemp -d)
  chmod 700 "$XDG_RUNTIME_DIR"
  exec dbus-run-session -- sh -c 'echo -n vigie-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' sh bash "$0" "$@"
fi

# The desktop path may have rebuilt better-sqlite3 for Electron: the tests run on plain Node.
if [ "$(cat node_modules/.vigie-sqlite-abi 2>/dev/null || echo node)" != node ]; then
  npm rebuild better-sqlite3 && echo node > node_modules/.vigie-sqlite-abi
fi

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "lint";        npx eslint .
step "typecheck";   npm run -s typecheck
step "build";       npx electron-vite build >/dev/null

# The three test stages all run (a failure in one still shows the others' results); each writes a JSON
# report that scripts/test-summary.mjs turns into the closing summary, with every skip and its reason.
results=.test-results
rm -rf "$results" && mkdir -p "$results"
status=0
step "unit";        npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json" || status=1
step "integration"; npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json" || status=1
step "e2e";         PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json || status=1
step "summary"
node scripts/test-summary.mjs "$results" || status=1
exit $status
