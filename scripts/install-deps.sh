#!/usr/bin/env bash
# Installs the Debian 12 packages gctq needs to build and test. Idempotent: installs only what is
# missing. Works as root; uses sudo otherwise.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libcurl4-openssl-dev libssl-dev libsqlite3-dev sqlite3 libicu-dev
  nlohmann-json3-dev libsimdjson-dev libcli11-dev libfmt-dev libtomlplusplus-dev
  libvectorscan-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
if [[ "${1:-}" == "--with-test-tools" ]]; then
  packages+=(nodejs npm clang-format clang-tidy)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# A node/npm that did not come from Debian (e.g. installed by nvm or the image) is good enough.
if [[ " ${missing[*]} " == *" nodejs "* ]] && command -v node >/dev/null; then
  missing=("${missing[@]/nodejs}")
fi
if [[ " ${missing[*]} " == *" npm "* ]] && command -v npm >/dev/null; then
  missing=("${missing[@]/npm}")
fi
read -r -a missing <<<"${missing[*]}"
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present" >&2
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
echo "install-deps: installing ${missing[*]}" >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
