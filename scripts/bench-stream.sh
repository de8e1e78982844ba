#!/usr/bin/env bash
# Live-stream benchmark: 50 consoles on /api/v1/stream of a real slotdesk-service while citizens
# book over HTTP; prints events/s and deliveries/s (live and replay) and checks order.
# Usage: scripts/bench-stream.sh [build dir, default build-release] [extra stream_bench options]
# (called at the end of scripts/bench.sh; builds the two targets if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-release}
shift || true
if [[ ! -f "$build/CMakeCache.txt" ]]; then
    cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSLOTDESK_GUI=OFF >/dev/null
fi
cmake --build "$build" --target slotdesk-service stream_bench >/dev/null
"$build/tests/bench/stream_bench" --service "$build/app/slotdesk-service" \
    --consoles 50 --bookings 10000 "$@"
