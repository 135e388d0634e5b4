#!/usr/bin/env bash
# The long half of the reliability suite (issue 8), which CI does not run: hours on a small
# machine. One command for all of it:
#   scripts/reliability-long.sh [BUILD_DIR]          (default: build)
# 1. storage at full scale (R1 with 20 kill points over C10k, R3-R6, R25): reliability-long-storage.sh
# 2. the hardening tests (R11, R13-R20, R22) against a C10k store: the sample corpus, the hostile
#    fixture letters and 10 000 generated letters (foilog-bench gen, seed 8), so R22's "p99 < 1 s"
#    is measured at the size the issue names
# 3. every fuzz target for FUZZ_SECONDS (600) each with libFuzzer (clang): fuzz-long.sh
# Steps can be chosen: STEPS="hardening fuzz" scripts/reliability-long.sh; C10K_LETTERS=200 makes
# step 2 a quick smoke run (its store is cached in BUILD_DIR/reliability-long/c10k).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
steps="${STEPS:-storage hardening fuzz}"
if [[ ! -d "$build" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
log_dir="$build/reliability-long"
mkdir -p "$log_dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
rc=0

for step in $steps; do
  case "$step" in
    storage)
      scripts/reliability-long-storage.sh "$build" || rc=1
      ;;
    hardening)
      cmake --build "$build" --target foilog foilog-bench test_hardening -j 2
      c10k="$build/reliability-long/c10k"
      if [[ ! -f "$c10k/db/foilog.sqlite" ]]; then
        rm -rf "$c10k"
        mkdir -p "$c10k"
        "$build/bench/foilog-bench" gen --docs "${C10K_LETTERS:-10000}" --seed 8 "$c10k/letters" >"$c10k/gen.log"
        # Exit 1 says some files failed (the hostile ones are meant to); the store must exist.
        "$build/foilog" index --quiet --db "$c10k/db" data/corpus data/seeds tests/web/fixtures \
          "$c10k/letters" >"$c10k/index.log" 2>&1 || [[ $? -eq 1 ]]
      fi
      echo "reliability-long: hardening tests over $c10k/db"
      FOILOG_HARDENING_DB="$PWD/$c10k/db" "$build/tests/test_hardening" 2>&1 |
        tee "$log_dir/hardening-$stamp.log" || rc=1
      ;;
    fuzz)
      scripts/fuzz-long.sh || rc=1
      ;;
    *)
      echo "reliability-long: unknown step $step (storage, hardening, fuzz)" >&2
      exit 2
      ;;
  esac
done
exit $rc
