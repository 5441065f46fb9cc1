# Shared steps of the set-up and test commands: install what is missing
# from Debian's packages, then configure and build.
set -euo pipefail

KG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KG_BUILD="${KG_BUILD:-$KG_ROOT/build}"

KG_PACKAGES=(
  cmake ninja-build g++ pkg-config
  librocksdb-dev libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev
  protobuf-compiler libabsl-dev libgtest-dev libgmock-dev libbenchmark-dev
  grpc-proto python3 libssl-dev openssl
  libcpp-httplib-dev prometheus-cpp-dev
  clang libclang-rt-14-dev
  libsqlite3-dev libpq-dev
  python3-grpcio python3-protobuf python3-pandas python3-networkx graphviz
  chromium
)

kg_install_deps() {
  local missing=()
  for pkg in "${KG_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  if ((${#missing[@]})); then kg_apt_install "${missing[@]}"; fi
}

# Installs the Debian packages named, as root or through sudo.
kg_apt_install() {
  echo "kg: installing $*"
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@"
}

# The explorer's npm packages, as web/package-lock.json pins them, into
# web/node_modules (kg-server serves cytoscape from there; the browser tests
# drive chromium with playwright-core). npm comes from Debian (nodejs, npm)
# unless some npm is on the PATH already: a machine may carry its own Node.
kg_install_web() {
  command -v npm >/dev/null || kg_apt_install nodejs npm
  (cd "$KG_ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
}

kg_build() {
  cmake -S "$KG_ROOT" -B "$KG_BUILD" -G Ninja "$@"
  cmake --build "$KG_BUILD" -j "$(nproc)"
}
