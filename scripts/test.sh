#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors and runs the whole Qt Test suite.
# Usage: scripts/test.sh [debug|asan|release]   (default: debug)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-debug}
scripts/deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" -j 2
