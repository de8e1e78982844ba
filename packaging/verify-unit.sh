#!/bin/sh
# Checks the generated systemd unit with systemd-analyze against the freshly built binary (the
# unit names the installed path, which does not exist before installation).
# Usage: verify-unit.sh <unit file> <built slotdesk-service>; exit 77 (skipped) without systemd.
set -e
command -v systemd-analyze >/dev/null 2>&1 || { echo "systemd-analyze is not installed: skipped"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
unit="$dir/$(basename "$1")"
sed "s|^ExecStart=[^ ]*|ExecStart=$2|" "$1" > "$unit"
# systemd-analyze only warns about unknown or malformed settings (and still exits 0): any
# output is a failure.
output=$(systemd-analyze verify --man=no "$unit" 2>&1) || { echo "$output"; exit 1; }
if [ -n "$output" ]; then
    echo "$output"
    exit 1
fi
