# Shared by scripts/run and scripts/test: Debian packages, default geodata, Release build.
# Idempotent and quiet when everything is already in place.
set -euo pipefail

CORRIDOR_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CORRIDOR_BUILD=${CORRIDOR_BUILD_DIR:-$CORRIDOR_ROOT/build}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs what a package list (default: packages.txt) names and the machine lacks.
ensure_packages() {
  local list=${1:-$CORRIDOR_ROOT/scripts/lib/packages.txt} wanted missing=()
  mapfile -t wanted < <(grep -v '^#' "$list" | grep -v '^$')
  for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "corridor: installing ${#missing[@]} Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

fetch_geodata() {
  "$CORRIDOR_ROOT/scripts/fetch-geodata"
}

build_release() {
  if [ ! -f "$CORRIDOR_BUILD/CMakeCache.txt" ]; then
    echo "corridor: configuring $CORRIDOR_BUILD"
    cmake -S "$CORRIDOR_ROOT" -B "$CORRIDOR_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  fi
  cmake --build "$CORRIDOR_BUILD" -j "$(nproc)" |
    { grep -v -e '^ninja: no work to do' -e 'Re-checking globbed directories' || true; }
}

setup_all() {
  ensure_packages
  fetch_geodata
  build_release
}

# The clang-16 ASan + UBSan + libFuzzer build shared by scripts/sanitize and scripts/fuzz
# (CMAKE_BUILD_TYPE=Sanitize: cmake/Sanitizers.cmake sets the flags), with the sanitizers'
# settings: any report aborts; leaks inside GDAL, PROJ, SQLite and Mesa are theirs
# (tests/sanitize/lsan.supp).
FUZZ_BUILD=${CORRIDOR_FUZZ_BUILD_DIR:-$CORRIDOR_ROOT/build-fuzz}
setup_sanitizer_build() {
  ensure_packages
  ensure_packages "$CORRIDOR_ROOT/scripts/lib/fuzz-packages.txt"
  fetch_geodata
  if [ ! -f "$FUZZ_BUILD/CMakeCache.txt" ]; then
    echo "corridor: configuring $FUZZ_BUILD (clang-16, ASan + UBSan, libFuzzer)"
    cmake -S "$CORRIDOR_ROOT" -B "$FUZZ_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Sanitize -DCORRIDOR_FUZZ=ON \
      -DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16 >/dev/null
  fi
  cmake --build "$FUZZ_BUILD" -j "$(nproc)" "$@" |
    { grep -v -e '^ninja: no work to do' -e 'Re-checking globbed directories' || true; }
  export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0
  export LSAN_OPTIONS=suppressions=$CORRIDOR_ROOT/tests/sanitize/lsan.supp:print_suppressions=0
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-16/bin/llvm-symbolizer
}
