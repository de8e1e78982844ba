#!/usr/bin/env bash
# Confirmed bookings/s of two (or more) slotdesk-service binaries, side by side: runs alternate
# between them, each on a fresh database, with the same load client, so a drifting machine
# affects all alike. Report the medians of the same output only.
# Usage: scripts/bench-compare.sh [-c CONNECTIONS] [-s SECONDS] [-r RUNS] [-S normal|full] \
#            LABEL=SERVICE_BINARY [LABEL=SERVICE_BINARY ...]
# The load client and the database are those of build/bench (SLOTDESK_BENCH to change); a
# service that needs an older schema gets its database from PREPARE_<LABEL>=<its slotdesk-bench>.
# Example, main against a branch built in another worktree:
#   scripts/bench-compare.sh -r 5 main=../main/build/bench/app/slotdesk-service \
#       branch=build/bench/app/slotdesk-service
set -euo pipefail
cd "$(dirname "$0")/.."
connections=64 seconds=5 runs=3 sync=normal
while getopts "c:s:r:S:" opt; do
    case $opt in
    c) connections=$OPTARG ;;
    s) seconds=$OPTARG ;;
    r) runs=$OPTARG ;;
    S) sync=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[[ $# -ge 1 ]] || { sed -n 2,11p "$0" >&2; exit 2; }
bench=${SLOTDESK_BENCH:-build/bench/tests/bench/slotdesk-bench}
[[ -x $bench ]] || { echo "no load client at $bench (scripts/bench.sh builds it)" >&2; exit 1; }

work=$(mktemp -d /tmp/slotdesk-compare.XXXXXX)
pid=""
trap '[[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for run in $(seq "$runs"); do
    for pair in "$@"; do
        label=${pair%%=*} service=${pair#*=}
        prepare_var=PREPARE_${label^^}
        prepare=${!prepare_var:-$bench}
        "$prepare" prepare --database "$work/$label.db" >/dev/null 2>&1
        # Services that limit holds per address get no limit: the load comes from one address.
        unlimited=()
        "$service" --help 2>/dev/null | grep -q -- --holds-per-client && unlimited=(--holds-per-client 0)
        "$service" --port 0 --database "$work/$label.db" --key-file "$work/service.key" \
            --lookup-burst 1000000 "${unlimited[@]}" --sync "$sync" >"$work/out" 2>"$work/err" &
        pid=$!
        port=""
        for _ in $(seq 100); do
            port=$(grep -o 'listening on .*:[0-9]*' "$work/out" 2>/dev/null | grep -o '[0-9]*$' || true)
            [[ -n $port ]] && break
            sleep 0.1
        done
        [[ -n $port ]] || { echo "$label did not start:" >&2; cat "$work/err" >&2; exit 1; }
        result=$("$bench" load --port "$port" --connections "$connections" --seconds "$seconds" | tail -1)
        kill "$pid"
        wait "$pid" 2>/dev/null || true
        pid=""
        echo "run $run $label load=$(cut -d' ' -f1 /proc/loadavg) $result"
        rm -f "$work/$label.db" "$work/$label.db-wal" "$work/$label.db-shm"
    done
done
