#!/usr/bin/env bash
# Issue 8's benchmarks, on loopback only, each comparison side by side in the same run:
#  1. slot plan: a year for 25 centres generated and stored through the console's store,
#     against a plain bulk insert of the same rows (slots_bench)
#  2. publishing that plan to a real slotdesk-service as releases (one per centre, service
#     and month), against the same plain insert (release_bench publish)
#  3. a release opening at an announced time while 64 clients poll availability, each holding
#     and confirming as soon as it sees places (release_bench opening), with a pause of
#     BENCH_POLL_MS between polls and again with none
# Prints every result and the machine load before and after.
# Usage: scripts/bench-release.sh [slots|publish|opening]...   (default: all three)
#        BENCH_RUNS=3 BENCH_DAYS=365 BENCH_OPENING_RUNS=10 BENCH_POLL_MS=100 to change
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${BENCH_BUILD_DIR:-$root/build/bench}
runs=${BENCH_RUNS:-1}
days=${BENCH_DAYS:-365}
opening_runs=${BENCH_OPENING_RUNS:-10}
poll_ms=${BENCH_POLL_MS:-100}
steps=("$@")
[[ ${#steps[@]} -eq 0 ]] && steps=(slots publish opening)

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSLOTDESK_GUI=OFF \
    -DSLOTDESK_TESTS=ON -DSLOTDESK_BENCH=ON -DSLOTDESK_SANITIZE=OFF >/dev/null
cmake --build "$build" --target slotdesk-service slots_bench release_bench -j2 >/dev/null
service_bin=$build/app/slotdesk-service
work=$(mktemp -d /tmp/slotdesk-bench-release.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "load before: $(uptime)"
for step in "${steps[@]}"; do
    case $step in
    slots)
        echo "== slot plan: console store vs plain insert ($days days)"
        "$build/tests/bench/slots_bench" --dir "$work" --days "$days" --runs "$runs"
        ;;
    publish)
        echo "== publishing the plan as releases vs plain insert ($days days)"
        "$build/tests/bench/release_bench" publish --service "$service_bin" --dir "$work" \
            --days "$days" --runs "$runs"
        ;;
    opening)
        echo "== release opening, 64 clients polling every $poll_ms ms"
        "$build/tests/bench/release_bench" opening --service "$service_bin" --dir "$work" \
            --runs "$opening_runs" --poll-ms "$poll_ms"
        echo "== release opening, 64 clients polling without a pause"
        "$build/tests/bench/release_bench" opening --service "$service_bin" --dir "$work" \
            --runs "$opening_runs" --poll-ms 0
        ;;
    *)
        echo "unknown step: $step (slots, publish or opening)" >&2
        exit 2
        ;;
    esac
    echo "load: $(uptime)"
done
