#!/usr/bin/env bash
# Installs what is missing, builds a release build and starts the Slotdesk console.
# Extra arguments go to the console (e.g. --data-dir DIR, --lang en).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/app/slotdesk "$@"
