#!/usr/bin/env bash
# Sets up the peers (PostgreSQL 15 in a throwaway cluster on a free
# loopback port, Kuzu 0.11.3 from npm), builds kg_compare, runs it on a
# graph of N nodes and tears the peers down. A peer that cannot be set up
# is skipped with a line saying why.
#
#   bench/compare/run.sh --nodes 100000 [--no-build] [kg_compare flags...]
#
# Prints the table; the JSON goes to $KG_BUILD/compare-N<nodes>.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/common.sh"
COMPARE_DIR="$KG_ROOT/bench/compare"

nodes=100000
build=1
extra=()
while (($#)); do
  case "$1" in
    --nodes) nodes="$2"; shift 2 ;;
    --nodes=*) nodes="${1#*=}"; shift ;;
    --no-build) build=0; shift ;;
    *) extra+=("$1"); shift ;;
  esac
done

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  as_root apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

work="$(mktemp -d "${TMPDIR:-/tmp}/kg-compare-XXXXXX")"
pg_data=""
pg_ctl=""
cleanup() {
  if [[ -n "$pg_data" ]]; then
    pg_run "$pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"

# PostgreSQL runs as its own user when we are root (initdb refuses root).
pg_run() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

setup_postgres() {
  local bin=/usr/lib/postgresql/15/bin
  [[ -x "$bin/initdb" ]] || apt_install postgresql-15 >/dev/null 2>&1 || true
  if [[ ! -x "$bin/initdb" ]]; then
    postgres_skipped="postgresql-15 is not installed and apt-get could not install it"
    return 1
  fi
  local data="$work/pg" port
  mkdir -p "$data"
  [[ $(id -u) -ne 0 ]] || chown postgres "$data"
  port="$(free_port)"
  pg_run "$bin/initdb" -D "$data" -U postgres --auth=trust >"$work/initdb.log" 2>&1 || {
    postgres_skipped="initdb failed (see the log in the run's output)"
    cat "$work/initdb.log" >&2
    return 1
  }
  pg_data="$data"
  pg_ctl="$bin/pg_ctl"
  # A throwaway cluster: durability off, as for SQLite's load.
  pg_run "$bin/pg_ctl" -D "$data" -w -l "$data/server.log" \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off \
        -c shared_buffers=256MB -c maintenance_work_mem=256MB" \
    start >/dev/null || {
    postgres_skipped="the server did not start"
    cat "$data/server.log" >&2
    return 1
  }
  postgres_conninfo="host=127.0.0.1 port=$port user=postgres dbname=postgres"
}

# Installs the kuzu package once into the build tree (never committed).
setup_kuzu() {
  command -v npm >/dev/null || apt_install nodejs npm >/dev/null 2>&1 || true
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    kuzu_skipped="node and npm are not installed and apt-get could not install them"
    return 1
  fi
  local dir="$KG_BUILD/compare-kuzu"
  mkdir -p "$dir"
  cp "$COMPARE_DIR/kuzu/package.json" "$COMPARE_DIR/kuzu/package-lock.json" \
    "$COMPARE_DIR/kuzu/run_kuzu.js" "$dir/"
  if ! (cd "$dir" && node -e 'process.exit(require("kuzu").VERSION === "0.11.3" ? 0 : 1)') 2>/dev/null; then
    (cd "$dir" && npm ci --no-audit --no-fund >"$work/npm.log" 2>&1) || {
      kuzu_skipped="npm ci of kuzu 0.11.3 failed"
      cat "$work/npm.log" >&2
      return 1
    }
  fi
  kuzu_dir="$dir"
}

kg_install_deps
if ((build)); then
  cmake -S "$KG_ROOT" -B "$KG_BUILD" -G Ninja >/dev/null
  cmake --build "$KG_BUILD" --target kg_compare
fi

postgres_conninfo="" postgres_skipped="" kuzu_dir="" kuzu_skipped=""
setup_postgres || echo "kg compare: PostgreSQL skipped: $postgres_skipped" >&2
setup_kuzu || echo "kg compare: Kuzu skipped: $kuzu_skipped" >&2

machine="$(nproc) cores $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), \
$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
json="$KG_BUILD/compare-N$nodes.json"
"$KG_BUILD/bench/compare/kg_compare" --nodes="$nodes" \
  --work_dir="$work" --json="$json" --machine="$machine" \
  --postgres="$postgres_conninfo" --postgres_skipped="$postgres_skipped" \
  --kuzu_dir="$kuzu_dir" --kuzu_skipped="$kuzu_skipped" ${extra[@]+"${extra[@]}"}
echo "kg compare: results in $json" >&2
