#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (KG_SANITIZE, gcc; any report fails its test) in $KG_BUILD-sanitize and
# runs every test there.
#   scripts/sanitize.sh [ctest arguments...]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

kg_install_deps
KG_BUILD="$KG_BUILD-sanitize" kg_build -DKG_SANITIZE=ON -DKG_BUILD_BENCH=OFF
# A sanitized process exits non-zero on its first report (leaks included).
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}" \
  ctest --test-dir "$KG_BUILD-sanitize" --output-on-failure -j "$(nproc)" "$@"
