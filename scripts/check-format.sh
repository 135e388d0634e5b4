#!/usr/bin/env bash
# Fails when a C++ file under indexer/, web/, tests/ or bench/ is not clang-formatted
# (root .clang-format), listing the files to run `clang-format -i` on.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=()
while IFS= read -r -d '' f; do
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>&1; then
    bad+=("$f")
  fi
done < <(git ls-files -z -- 'indexer/*.cpp' 'indexer/*.h' 'web/*.cpp' 'web/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h')
if ((${#bad[@]})); then
  echo "check-format: not clang-formatted (run clang-format -i on them):"
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "check-format: ok"
