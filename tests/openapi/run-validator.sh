#!/usr/bin/env bash
# Validates the OpenAPI description with @apidevtools/swagger-parser (pinned by package-lock.json).
# Installs the validator with `npm ci` into a work directory in the build tree, never the source
# tree. Exit 77 (ctest SKIP_RETURN_CODE) only when Node.js is absent.
# Usage: run-validator.sh <openapi.json> <work dir>
set -euo pipefail
spec=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "SKIP: Node.js/npm not installed; the OpenAPI validator needs them (CI machines have them)"
    exit 77
fi
mkdir -p "$work"
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [[ ! -d "$work/node_modules" ]]; then
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$here/validate.mjs" "$work/"
node "$work/validate.mjs" "$spec"
