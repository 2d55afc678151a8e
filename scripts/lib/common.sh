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
