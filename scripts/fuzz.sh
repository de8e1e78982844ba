#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang, ASan + UBSan) and fuzzes each one for a
# bounded time, starting from its corpus in tests/data/fuzz/<corpus>. Fails when any target
# finds a crash, a broken invariant, a leak, a timeout or a memory blow-up; the input that
# found it is saved as build/fuzz/findings/<corpus>/<kind>-<sha1>. After fixing it, keep that
# file as a regression case: tests/data/fuzz/<corpus>/regression-<what-it-found> (TestFuzzCorpus
# replays it in every build). New inputs the run found go to build/fuzz/corpus/<corpus>; fold
# them into the committed corpus with, e.g.:
#   build/fuzz/tests/fuzz/fuzz_request_head -merge=1 tests/data/fuzz/request-head \
#       build/fuzz/corpus/request-head
# Usage: scripts/fuzz.sh [seconds-per-target]   (default 40)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-40}
scripts/deps.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
if [[ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]]; then
    export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

# target  corpus  dictionary
targets=(
    "fuzz_request_head request-head http.dict"
    "fuzz_json_fields json-fields json.dict"
    "fuzz_booking_code booking-code -"
    "fuzz_qr_payload qr-payload -"
)
failed=()
for line in "${targets[@]}"; do
    read -r target corpus dict <<<"$line"
    work=build/fuzz/corpus/$corpus
    findings=build/fuzz/findings/$corpus
    mkdir -p "$work" "$findings"
    args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -print_final_stats=1
          -artifact_prefix="$findings/")
    [[ "$dict" != - ]] && args+=(-dict="tests/fuzz/$dict")
    echo "== $target: $seconds s from tests/data/fuzz/$corpus"
    log=build/fuzz/$target.log
    if build/fuzz/tests/fuzz/$target "${args[@]}" "$work" "tests/data/fuzz/$corpus" >"$log" 2>&1; then
        grep -E '^stat::number_of_executed_units|^Done' "$log" || true
    else
        failed+=("$target")
        tail -n 60 "$log"
        echo "-- $target found something; the input is in $findings/" >&2
    fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz: findings in ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: ${#targets[@]} targets, $seconds s each, no findings"
