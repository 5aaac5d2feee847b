# Shared by the scripts in scripts/: install what is missing, then configure and build.
# Build chatter goes to stderr so that `scripts/run ... | jq` sees only backplan's output.
# shellcheck shell=bash disable=SC2034  # the package groups are used by the scripts that source this
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BACKPLAN_BUILD_DIR:-$ROOT/build}

# What gets installed, by group. install_missing always adds BUILD_PACKAGES.
#
# Build (scripts/run needs nothing more): the compiler, CMake, the libraries backplan uses.
BUILD_PACKAGES=(cmake make g++ libcli11-dev libfmt-dev libyaml-cpp-dev doctest-dev nlohmann-json3-dev
                libsqlitecpp-dev libsqlite3-dev)
BUILD_PACKAGES+=(libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-dejavu-extra) # --format pdf: cairo draws, pango shapes, DejaVu (Sans Condensed) is the face
BUILD_PACKAGES+=(libgoogle-perftools-dev) # tcmalloc, for the safety sweep's test driver only (tests/CMakeLists.txt)
# Quick suite (scripts/test, `ctest -LE full`), and the suite under the sanitizers: every test in
# it runs, and a missing tool fails its test. (completion/bash needs only bash itself; script(1),
# diff, od and awk come with every Debian system.)
TEST_PACKAGES=(
  chromium poppler-utils # print/handouts: headless Chromium prints the PDFs, pdfinfo/pdftotext check them
  groff-base mandoc      # man/backplan.1, man/lint/*: groff -ww and mandoc -T lint
  zsh fish               # completion/zsh, completion/fish
  jq                     # terminal/saved-profile, batch/formats
  qpdf                   # print/pdf: qpdf --check on backplan's own PDFs
  python3-jsonschema     # schema/plan: the JSON Schema of the plan format (Debian's, no npm tree)
  dpkg-dev file lintian  # package/deb: cpack's dpkg-shlibdeps (which runs file), then lintian
  default-jre-headless   # print/handouts: java runs the W3C Nu validator (vnu-jar, from npm)
  tmux                   # go/*: the guided session run in a real terminal (send-keys, capture-pane)
)
# print/handouts also runs axe-core in Chromium through puppeteer-core (node and npm; the
# checkers' versions are pinned in tests/print/package-lock.json and installed there by
# `npm ci`). A node that came with its own npm (as NodeSource's does) is kept: Debian's npm
# would clash with it.
command -v npm >/dev/null 2>&1 || TEST_PACKAGES+=(nodejs npm)
# Full only (scripts/test --full, CI): clang and its runtime, for the checked build that
# scripts/sanitize and scripts/fuzz share. The runtime's package is named after clang's major
# version (libclang-rt-14-dev on Debian 12, libclang-rt-19-dev on Debian 13), so
# install_checked_toolchain works it out from the installed clang (clang_runtime_package).
FUZZ_PACKAGES=(clang)

# The checked build (build-sanitize/), one for both scripts/sanitize and scripts/fuzz: clang with
# AddressSanitizer and UBSan in every target, libFuzzer's coverage in every library, the tests and
# the fuzz harnesses. -O1 with line tables only, as the sanitizers' authors advise: reports keep
# their file:line, and the build takes a fraction of -O2 -g's time.
CHECKED_BUILD_DIR=$ROOT/build-sanitize
# Its programs report every leak but the one in fontconfig that tests/lsan-suppressions.txt
# explains (the tests and the fuzzers alike).
export LSAN_OPTIONS=suppressions=$ROOT/tests/lsan-suppressions.txt:print_suppressions=0
CHECKED_BUILD_ARGS=(-DCMAKE_CXX_COMPILER=clang++ -DBACKPLAN_SANITIZE=ON -DBACKPLAN_FUZZ=ON
                    -DBACKPLAN_TESTS=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG")

die() {
  echo "backplan: $*" >&2
  exit 1
}

# install_missing [PACKAGE...]: apt-get install whichever of BUILD_PACKAGES and PACKAGEs are not
# installed (through sudo when not root). A package apt does not know is an error that names it.
# shellcheck disable=SC2120  # the PACKAGEs are optional
install_missing() {
  local missing=() unknown=() pkg status
  for pkg in "${BUILD_PACKAGES[@]}" "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ $status == *"install ok installed"* ]] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "backplan: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq >&2
  for pkg in "${missing[@]}"; do
    apt-cache show "$pkg" >/dev/null 2>&1 || unknown+=("$pkg")
  done
  [ ${#unknown[@]} -eq 0 ] || die "apt knows no package ${unknown[*]} (in the sources of this machine)"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# clang_runtime_package: the package with the clang runtime (libFuzzer, ASan, UBSan) that
# matches the installed clang++, from its major version: libclang-rt-MAJOR-dev.
clang_runtime_package() {
  local version
  command -v clang++ >/dev/null || die "clang++ is not on PATH (package clang); cannot tell which clang runtime to install"
  version=$(clang++ -dumpversion 2>/dev/null || true)
  version=${version%%.*}
  if ! [[ $version =~ ^[0-9]+$ ]]; then
    version=$(clang++ --version 2>/dev/null | sed -n -E '1s/.*clang version ([0-9]+)\..*/\1/p')
  fi
  [[ $version =~ ^[0-9]+$ ]] ||
    die "cannot tell clang's major version from 'clang++ --version' ($(clang++ --version 2>&1 | head -1)), so not which libclang-rt-*-dev to install"
  echo "libclang-rt-$version-dev"
}

# install_checked_toolchain: clang and the clang runtime of the same major version.
install_checked_toolchain() {
  install_missing "${FUZZ_PACKAGES[@]}"
  install_missing "$(clang_runtime_package)"
}

# build [DIR [CMAKE-ARGS...]]: configure, then build incrementally (everything, or the targets
# named in BACKPLAN_BUILD_TARGETS, separated by spaces). Every run passes every option
# (later CMAKE-ARGS win), so a folder configured earlier with other options, or another compiler,
# gets this run's options: -Werror when CI=true, the sanitizers or the fuzzers only when asked.
# CXX in the environment picks the compiler (CMake alone would read it only on the first run).
# shellcheck disable=SC2120  # DIR and CMAKE-ARGS are optional
build() {
  local dir=${1:-$BUILD_DIR}
  shift || true
  local werror=OFF
  [ "${CI:-}" = "true" ] && werror=ON
  local compiler=()
  [ -n "${CXX:-}" ] && compiler=("-DCMAKE_CXX_COMPILER=$CXX")
  cmake -S "$ROOT" -B "$dir" "${compiler[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBACKPLAN_WERROR=$werror -DBACKPLAN_TESTS=ON -DBACKPLAN_SANITIZE=OFF -DBACKPLAN_FUZZ=OFF \
    "$@" >&2
  cmake --build "$dir" --parallel "$(nproc)" ${BACKPLAN_BUILD_TARGETS:+--target $BACKPLAN_BUILD_TARGETS} >&2
}
