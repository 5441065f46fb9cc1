#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang in $KG_BUILD-fuzz and
# runs each for a bounded time from its seed corpus and committed crash
# inputs, then prints each target's executions per second. New corpus
# entries stay in a temporary folder; a crash (or a hang, or running out of
# memory) leaves its input in $KG_BUILD-fuzz/artifacts/<target>/ and fails
# the script: commit the input to fuzz/crashes/<target>/ with the fix, and
# tests/fuzz_regressions replays it in every build.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

seconds="${1:-60}"
build="$KG_BUILD-fuzz"

kg_install_deps
# -O1 with line tables only, as OSS-Fuzz builds: it compiles much faster
# than -O2 -g, and reports still name the file and line.
CC=clang CXX=clang++ cmake -S "$KG_ROOT" -B "$build" -G Ninja \
  -DKG_BUILD_FUZZ=ON -DKG_BUILD_TESTS=OFF -DKG_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG"
cmake --build "$build" -j "$(nproc)" --target kg_fuzz_all

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
summary=()
for seeds in "$KG_ROOT"/fuzz/corpus/*/; do
  name="$(basename "$seeds")"
  crashes="$KG_ROOT/fuzz/crashes/$name"
  artifacts="$build/artifacts/$name"
  log="$build/logs/$name.log"
  mkdir -p "$work/$name" "$artifacts" "$(dirname "$log")"
  inputs=("$work/$name" "$seeds")
  [[ -d "$crashes" ]] && inputs+=("$crashes")
  echo "kg: fuzzing $name for ${seconds}s (log: $log)"
  # A unit slower than -timeout seconds is a hang and fails like a crash.
  if ! "$build/fuzz/kg_fuzz_$name" -max_total_time="$seconds" -max_len=4096 \
    -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "${inputs[@]}" >"$log" 2>&1; then
    failed+=("$name")
    tail -n 60 "$log" >&2
  fi
  summary+=("$(printf '%-14s %8s exec/s %8s runs' "$name" \
    "$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")" \
    "$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")")")
done
printf 'kg: %s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "kg: fuzz targets failed: ${failed[*]}; their inputs:" >&2
  ls -l "$build"/artifacts/*/ >&2
  exit 1
fi
