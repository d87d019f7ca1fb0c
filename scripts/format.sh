#!/usr/bin/env bash
# `npm run format`: clang-format (Google base, .clang-format) over the C++ tree.
# `npm run format -- --check` only reports files that differ.
set -euo pipefail
cd "$(dirname "$0")/.."
# Generated tables (src/core/generated/, written by scripts/gen_unicode_tables.mjs) keep the generator's layout.
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp' ':!src/core/generated/*')
if [ "${1:-}" = "--check" ]; then
  clang-format --dry-run --Werror "${files[@]}"
else
  clang-format -i "${files[@]}"
fi
