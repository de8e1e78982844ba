#!/usr/bin/env bash
# Installs what is missing, builds the release console and the booking service beside it, and
# starts the console. Without a configured service the console offers to run that service on
# this computer (127.0.0.1, data in the console's data directory) and signs in as its admin.
# Extra arguments go to the console (e.g. --data-dir DIR, --lang en, --service URL).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset release >/dev/null
# Only what this script starts: the test suites are scripts/test.sh's business.
cmake --build --preset release --target slotdesk slotdesk-service
exec build/release/app/slotdesk "$@"
