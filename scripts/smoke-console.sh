#!/usr/bin/env bash
# The README's run command as a newcomer meets it: builds through scripts/console.sh (release
# preset, warnings as errors), then starts the console offscreen with a fresh data directory
# and checks that it came up (its database exists) and is still running after a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/console.sh --version
dir=$(mktemp -d /tmp/slotdesk-smoke.XXXXXX)
trap 'rm -rf "$dir"' EXIT
rc=0
QT_QPA_PLATFORM=offscreen timeout 8 build/release/app/slotdesk --data-dir "$dir" --lang de \
    >"$dir/out" 2>&1 || rc=$?
if [[ $rc -ne 124 ]]; then
    echo "the console ended with status $rc within 8 s:" >&2
    cat "$dir/out" >&2
    exit 1
fi
[[ -s $dir/slotdesk.sqlite ]] || { echo "the console did not create its database" >&2; exit 1; }
echo "console smoke test: started, created its database, ran 8 s"
