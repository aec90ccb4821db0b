#!/usr/bin/env bash
# Configures and builds gctq. Usage: scripts/build.sh [BUILD_DIR] [extra cmake args...]
# GCTQ_TARGET=name builds one target only (e.g. gctq). Configuring again is cheap; the same
# settings keep the build incremental.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
shift || true
generator=()
if [[ ! -f "$build/CMakeCache.txt" ]] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
# ccache keys on paths relative to the checkout, so fresh clones reuse earlier compilations.
export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true
cmake -S "$root" -B "$build" "${generator[@]}" "$@" >/dev/null
target=()
if [[ -n "${GCTQ_TARGET:-}" ]]; then target=(--target "$GCTQ_TARGET"); fi
cmake --build "$build" --parallel "$(nproc)" "${target[@]}"
