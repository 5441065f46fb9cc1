#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (ctest),
# then every test again under the sanitizers (sanitize.sh), then each fuzz
# target for KG_FUZZ_SECONDS (default 30; fuzz.sh, 0 skips it).
#   scripts/test.sh [ctest arguments...]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

kg_install_deps
kg_install_web
kg_build
ctest --test-dir "$KG_BUILD" --output-on-failure -j "$(nproc)" "$@"
"$KG_ROOT/scripts/sanitize.sh" "$@"
fuzz_seconds="${KG_FUZZ_SECONDS:-30}"
((fuzz_seconds > 0)) || exit 0
"$KG_ROOT/scripts/fuzz.sh" "$fuzz_seconds"
