#!/usr/bin/env bash
# Installs what is missing, builds the release console and starts it.
# Extra arguments go to the console (e.g. --data-dir DIR, --lang en).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset release >/dev/null
# Only what this script starts: the test suites are scripts/test.sh's business.
cmake --build --preset release --target slotdesk
exec build/release/app/slotdesk "$@"
