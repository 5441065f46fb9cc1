#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test (ctest).
#   scripts/test.sh [ctest arguments...]
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

kg_install_deps
kg_build
ctest --test-dir "$KG_BUILD" --output-on-failure -j "$(nproc)" "$@"
