#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang in $KG_BUILD-fuzz and
# runs each for a bounded time from its seed corpus and committed crash
# inputs. New corpus entries stay in a temporary folder; a crash leaves its
# input in $KG_BUILD-fuzz/artifacts/<target>/ (commit it to
# fuzz/crashes/<target>/ with the fix) and fails the script.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 30)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

seconds="${1:-30}"
build="$KG_BUILD-fuzz"

kg_install_deps
CC=clang CXX=clang++ cmake -S "$KG_ROOT" -B "$build" -G Ninja \
  -DKG_BUILD_FUZZ=ON -DKG_BUILD_TESTS=OFF -DKG_BUILD_BENCH=OFF
cmake --build "$build" -j "$(nproc)" --target kg_fuzz_all

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failed=()
for seeds in "$KG_ROOT"/fuzz/corpus/*/; do
  name="$(basename "$seeds")"
  crashes="$KG_ROOT/fuzz/crashes/$name"
  artifacts="$build/artifacts/$name"
  mkdir -p "$work/$name" "$artifacts"
  inputs=("$work/$name" "$seeds")
  [[ -d "$crashes" ]] && inputs+=("$crashes")
  echo "kg: fuzzing $name for ${seconds}s"
  "$build/fuzz/kg_fuzz_$name" -max_total_time="$seconds" -max_len=4096 \
    -timeout=30 -rss_limit_mb=3072 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "${inputs[@]}" || failed+=("$name")
done
if ((${#failed[@]})); then
  echo "kg: fuzz targets failed: ${failed[*]} (inputs in $build/artifacts)" >&2
  exit 1
fi
