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
)

kg_install_deps() {
  local missing=()
  for pkg in "${KG_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    echo "kg: installing ${missing[*]}"
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
  fi
}

kg_build() {
  cmake -S "$KG_ROOT" -B "$KG_BUILD" -G Ninja "$@"
  cmake --build "$KG_BUILD" -j "$(nproc)"
}
