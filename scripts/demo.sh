#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install what is needed, build, and run `gctq demo`
# against the embedded Genesys Cloud emulator (no credentials needed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" -DGCTQ_BUILD_TESTS=OFF -DGCTQ_BUILD_BENCH=OFF >&2
exec "$root/build/gctq" demo "$@"
