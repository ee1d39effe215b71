#!/usr/bin/env bash
# e2e in headless Debian chromium (CI calls this when present). Installs chromium from
# Debian if missing; never downloads a browser build of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1 && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || { echo "could not install chromium" >&2; exit 1; }
fi
# The e2e server always runs on the embedded defaults (its own temporary PGlite).
exec env -u DATABASE_URL -u TEST_DATABASE_URL -u REDIS_URL npx tsx e2e/runner.ts "$@"
