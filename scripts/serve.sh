#!/usr/bin/env bash
# Installs what is missing, builds, creates the database (./kg-data) with the
# reference data, imports every document of a corpus folder (default
# ../shared/corpus) and serves it on 127.0.0.1:50051 until Ctrl-C.
#
#   scripts/serve.sh [CORPUS_DIR]
# Environment: KG_DB (database folder), KG_LISTEN (address), KG_HTTP_LISTEN
# (address of the explorer and the JSON API, default 127.0.0.1:8080).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

corpus="${1:-$KG_ROOT/../shared/corpus}"
db="${KG_DB:-$KG_ROOT/kg-data}"
listen="${KG_LISTEN:-127.0.0.1:50051}"
http_listen="${KG_HTTP_LISTEN:-127.0.0.1:8080}"

kg_install_deps
kg_install_web
kg_build -DKG_BUILD_TESTS=OFF -DKG_BUILD_BENCH=OFF

log="$(mktemp)"
"$KG_BUILD/services/kg-server" --db "$db" --listen "$listen" \
  --http_listen "$http_listen" >"$log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server; rm -f "$log"' EXIT INT TERM
for _ in $(seq 100); do
  grep -q "listening on" "$log" && break
  kill -0 $server 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.1
done
cat "$log"

kg=("$KG_BUILD/cli/kg" --server "$listen")
if [[ -d "$corpus" ]]; then
  shopt -s nullglob
  files=("$corpus"/*)
  if ((${#files[@]})); then
    "${kg[@]}" import "${files[@]}" || true
  fi
else
  echo "kg: no corpus folder at $corpus; serving the reference data only"
fi

cat <<MSG

kg is serving $db on $listen; the explorer is at http://$http_listen/. Try:
  ${kg[*]} stats
  ${kg[*]} find --name UNMISS
  ${kg[*]} neighbors state:DEU --direction out
  ${kg[*]} get resolution:unsc-1325 --json
  ${kg[*]} eval --gold ../shared/gold
Ctrl-C stops the server.
MSG
wait $server
