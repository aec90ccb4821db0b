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
# -O2 without debug info and with assertions on: quicker to build on 2 cores, still optimised.
"$root/scripts/build.sh" "$root/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE=-O2 \
  -DGCTQ_BUILD_TESTS=ON -DGCTQ_BUILD_BENCH=ON
(cd "$root/build" && ctest --output-on-failure --no-tests=error --timeout 600 -j "$jobs")

echo "== ASan+UBSan build ==" >&2
"$root/scripts/build.sh" "$root/build-asan" -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1" \
  -DGCTQ_SANITIZE=ON -DGCTQ_BUILD_TESTS=ON -DGCTQ_BUILD_BENCH=OFF
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd "$root/build-asan" && ctest --output-on-failure --no-tests=error --timeout 900 -j "$jobs" -LE no_sanitize)
