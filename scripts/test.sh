#!/usr/bin/env bash
# Builds gctq and runs the whole test suite twice: a plain build, then under ASan+UBSan.
# Installs what it needs first (Debian packages; the pinned Genesys JavaScript SDK from npm).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=$(nproc)
"$root/scripts/install-deps.sh" --with-test-tools
if [[ -f "$root/tests/sdk/package.json" ]]; then
  (cd "$root/tests/sdk" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

echo "== plain build ==" >&2
"$root/scripts/build.sh" "$root/build" -DGCTQ_BUILD_BENCH=ON
(cd "$root/build" && ctest --output-on-failure --timeout 600 -j "$jobs")

echo "== ASan+UBSan build ==" >&2
"$root/scripts/build.sh" "$root/build-asan" -DGCTQ_SANITIZE=ON -DGCTQ_BUILD_BENCH=OFF
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd "$root/build-asan" && ctest --output-on-failure --timeout 900 -j "$jobs" -LE no_sanitize)
