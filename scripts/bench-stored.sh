#!/usr/bin/env bash
# Does the booking rate stay flat as the database grows? Prepares two databases once — 10,000
# and N stored bookings (history in a centre the load never books) — then alternates runs
# between them, each on a fresh copy of its template, with the same load client, so a
# drifting machine affects both alike and no run inherits the places an earlier one booked.
# Usage: scripts/bench-stored.sh [-n BIG] [-r RUNS] [-s SECONDS] [-c CONNECTIONS]
# Uses build/bench (scripts/bench.sh builds it; SLOTDESK_BENCH_BUILD to change). The last line,
# "SUMMARY ...", carries the medians and the ratio big/small.
set -euo pipefail
cd "$(dirname "$0")/.."
big=1000000 runs=3 seconds=5 connections=16
while getopts "n:r:s:c:" opt; do
    case $opt in
    n) big=$OPTARG ;;
    r) runs=$OPTARG ;;
    s) seconds=$OPTARG ;;
    c) connections=$OPTARG ;;
    *) sed -n 2,8p "$0" >&2; exit 2 ;;
    esac
done
build=${SLOTDESK_BENCH_BUILD:-build/bench}
service_bin=$build/app/slotdesk-service
bench_bin=$build/tests/bench/slotdesk-bench
[[ -x $service_bin && -x $bench_bin ]] || { echo "build $build first (scripts/bench.sh)" >&2; exit 1; }

work=${SLOTDESK_BENCH_WORK:-$(mktemp -d /tmp/slotdesk-stored.XXXXXX)}
pid=""
trap '[[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
"$bench_bin" prepare --database "$work/small.template" --preload 10000 >/dev/null
echo "preparing $big stored bookings..." >&2
"$bench_bin" prepare --database "$work/big.template" --preload "$big" >&2

field() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
declare -A rates p50s p99s
for run in $(seq "$runs"); do
    for label in small big; do
        cp "$work/$label.template" "$work/run.db"
        # The load comes from one address: no hold limit per client.
        # The copy's dirty pages are written before the run, not during it.
        sync
        "$service_bin" --port 0 --database "$work/run.db" --key-file "$work/service.key" \
            --lookup-burst 1000000 --holds-per-client 0 >"$work/out" 2>"$work/err" &
        pid=$!
        port=""
        for _ in $(seq 300); do
            port=$(grep -o 'listening on .*:[0-9]*' "$work/out" 2>/dev/null | grep -o '[0-9]*$' || true)
            [[ -n $port ]] && break
            sleep 0.1
        done
        [[ -n $port ]] || { echo "the service did not start:" >&2; cat "$work/err" >&2; exit 1; }
        result=$("$bench_bin" load --port "$port" --connections "$connections" --seconds "$seconds" | grep '^RESULT')
        kill "$pid"
        wait "$pid" 2>/dev/null || true
        pid=""
        rm -f "$work"/run.db*
        echo "run $run $label load=$(cut -d' ' -f1 /proc/loadavg) $result"
        rates[$label]+="$(field "$result" rate) "
        p50s[$label]+="$(field "$result" confirm_p50_ms) "
        p99s[$label]+="$(field "$result" confirm_p99_ms) "
    done
done
m() { tr ' ' '\n' <<<"$1" | grep . | median; }
small_rate=$(m "${rates[small]}") big_rate=$(m "${rates[big]}")
echo "SUMMARY big=$big runs=$runs small_rate=$small_rate big_rate=$big_rate" \
    "ratio=$(awk -v a="$big_rate" -v b="$small_rate" 'BEGIN {printf "%.2f", a / b}')" \
    "small_p50_ms=$(m "${p50s[small]}") big_p50_ms=$(m "${p50s[big]}")" \
    "small_p99_ms=$(m "${p99s[small]}") big_p99_ms=$(m "${p99s[big]}")"
