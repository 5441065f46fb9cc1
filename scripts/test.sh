#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (ctest),
# then every test again under the sanitizers (sanitize.sh). KG_TEST_FULL=1
# then also runs each fuzz target for 30 s (fuzz.sh).
#   scripts/test.sh [ctest arguments...]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

kg_install_deps
kg_build
ctest --test-dir "$KG_BUILD" --output-on-failure -j "$(nproc)" "$@"
"$KG_ROOT/scripts/sanitize.sh" "$@"
[[ "${KG_TEST_FULL:-0}" == 1 ]] || exit 0
"$KG_ROOT/scripts/fuzz.sh"
