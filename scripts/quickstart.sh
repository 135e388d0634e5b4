#!/usr/bin/env bash
# The README's first command: install what is missing, build, index the sample corpus in data/
# and serve it on http://127.0.0.1:8080 (or $FOILOG_PORT). Safe to run again: unchanged
# documents are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFOILOG_WERROR=OFF >/dev/null
cmake --build build --target foilog
db=${FOILOG_DB:-./foilog-data}
./build/foilog index --db "$db" data/corpus data/seeds || echo "quickstart: some files failed to index (listed above); serving the rest"
./build/foilog stats --db "$db" | head -n 20
if ./build/foilog serve --help >/dev/null 2>&1; then
  echo "serving on http://127.0.0.1:${FOILOG_PORT:-8080} (Ctrl-C to stop)"
  exec ./build/foilog serve --db "$db" --port "${FOILOG_PORT:-8080}"
fi
