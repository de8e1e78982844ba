#!/usr/bin/env bash
# The one list of Debian 12 packages Slotdesk needs to build, run, test and benchmark.
# Idempotent: installs only what is missing and prints nothing when everything is there.
set -euo pipefail

PACKAGES=(
    # toolchain
    cmake g++ ninja-build pkg-config clang-format git
    # Qt 6.4 (Debian bookworm)
    qt6-base-dev libqt6opengl6-dev libxkbcommon-dev libqt6sql6-sqlite libqt6sql6-psql
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-multimedia-dev qt6-svg-dev
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins
    # codes, QR and signatures
    libzxing-dev libqrencode-dev libsodium-dev
    # the booking writer talks to the QSQLITE driver's connection through libsqlite3 directly
    libsqlite3-dev
    # run time: time zones, fonts for rendering
    tzdata fonts-dejavu-core
    # tests and benchmarks: real servers and load tools
    sqlite3 postgresql wrk nginx xvfb xauth
    # fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes, and
    # llvm-symbolizer for readable reports
    clang-14 libclang-rt-14-dev llvm-14
    # packaging checks: desktop entry and AppStream validators, dpkg-shlibdeps for cpack -G DEB
    desktop-file-utils appstream dpkg-dev file
)

missing=()
for p in "${PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
# Node.js may come from another source than Debian (the image ships one with npm): check commands.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
    echo "Missing packages: ${missing[*]}" >&2
    echo "Run this script as root (or install them with apt-get) and try again." >&2
    exit 1
fi
echo "Installing ${#missing[@]} packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
