# Shared by scripts/run and scripts/test: install what is missing, then configure and build.
# Build chatter goes to stderr so that `scripts/run ... | jq` sees only backplan's output.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BACKPLAN_BUILD_DIR:-$ROOT/build}
PACKAGES=(cmake make g++ libcli11-dev libfmt-dev libyaml-cpp-dev doctest-dev nlohmann-json3-dev)
# What the tests need beyond the build: a browser and PDF tools for the print test, man page
# linters, shells for the completion tests, lintian for the .deb.
TEST_PACKAGES=(chromium poppler-utils groff-base mandoc bash-completion zsh fish lintian dpkg-dev file)

install_missing() {
  local missing=()
  for pkg in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "backplan: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# build [DIR [CMAKE-ARGS...]]: configure once, then build incrementally.
build() {
  local dir=${1:-$BUILD_DIR}
  shift || true
  local werror=OFF
  [ "${CI:-}" = "true" ] && werror=ON
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBACKPLAN_WERROR=$werror "$@" >&2
  fi
  cmake --build "$dir" --parallel "$(nproc)" >&2
}
