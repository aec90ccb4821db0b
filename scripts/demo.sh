#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is needed, build, and run `gctq demo`
# against the embedded Genesys Cloud emulator (no credentials needed). Outputs go to ./gctq-out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
# Same settings as scripts/test.sh's plain build, so the two share one build directory.
GCTQ_TARGET=gctq "$root/scripts/build.sh" "$root/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O2 >&2
exec "$root/build/gctq" demo "$@"
