#!/usr/bin/env bash
# The long fuzzing run before a release (R8): builds the libFuzzer binaries with clang
# (ASan+UBSan, coverage-instrumented libraries) and runs each target for FUZZ_SECONDS on its
# corpus in tests/fuzz/corpus. New interesting inputs and crash artifacts go to a scratch
# directory, never into git; a finding worth keeping is minimised and copied into the corpus as
# regress-NAME by hand, with the fix. Exit 1 when any target crashed, leaked, hit a sanitizer
# report or timed out.
#   FUZZ_SECONDS=600     seconds per target
#   FUZZ_MAX_LEN=4096    largest input libFuzzer makes (longer seeds are cut): the extractors
#                        run at ~1 input/s on 20 KB texts under ASan, ~10/s on 4 KB ones
#   FUZZ_TARGETS="a b"   which targets (default: all in tests/fuzz/corpus)
#   FUZZ_BUILD_DIR=build-fuzz   FUZZ_SCRATCH=$FUZZ_BUILD_DIR/fuzz-scratch   FUZZ_JOBS=2
#   FUZZ_PARALLEL=$FUZZ_JOBS    targets fuzzed at once (one core each): 11 targets of 600 s
#                               take 110 minutes one at a time, 55 on two cores
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-600}
max_len=${FUZZ_MAX_LEN:-4096}
build=${FUZZ_BUILD_DIR:-build-fuzz}
scratch=${FUZZ_SCRATCH:-$build/fuzz-scratch}
jobs=${FUZZ_JOBS:-2}
parallel=${FUZZ_PARALLEL:-$jobs}
if [[ -n "${FUZZ_TARGETS:-}" ]]; then
  read -r -a targets <<<"$FUZZ_TARGETS"
else
  mapfile -t targets < <(find tests/fuzz/corpus -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
fi

echo "== build libFuzzer binaries in $build (clang, ASan+UBSan)"
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DFOILOG_SANITIZE=ON -DFOILOG_FUZZ=ON >/dev/null
cmake --build "$build" -j "$jobs" --target fuzz_all

# Same sanitizer settings as the CI's ASan pass (scripts/test.sh); leaks count as findings.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:new_delete_type_mismatch=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p "$scratch"
summary="$scratch/summary.tsv"
printf 'target\tseconds\texecs\texecs_per_s\tcov\tft\tcorpus_in\tcorpus_out\tresult\n' >"$summary"
# One target: its row of the summary goes to $work/row.tsv, so targets can run side by side and
# the summary still lists them in order.
fuzz_target() {
  local t=$1
  local bin="$build/tests/fuzz/fuzz_$t"
  local work="$scratch/$t"
  mkdir -p "$work/new" "$work/artifacts"
  local log="$work/fuzz.log"
  echo "== fuzz_$t for ${seconds}s (log $log)"
  local start status elapsed execs rate last cov ft corpus_in corpus_out result
  start=$(date +%s)
  set +e
  # New inputs go to the first directory (scratch); the checked-in corpus is only read.
  "$bin" -max_total_time="$seconds" -max_len="$max_len" -timeout=30 -rss_limit_mb=2048 \
    -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$work/new" "tests/fuzz/corpus/$t" >"$log" 2>&1
  status=$?
  set -e
  elapsed=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corpus_in=$(find "tests/fuzz/corpus/$t" -type f | wc -l)
  corpus_out=$(sed -n 's/.* corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p' <<<"$last")
  result=ok
  if [[ $status -ne 0 ]]; then
    result="FAILED (exit $status; artifacts in $work/artifacts)"
    grep -E 'ERROR: |SUMMARY: |runtime error|contract broken|terminate called' "$log" | head -5 || true
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$elapsed" "${execs:-?}" "${rate:-?}" \
    "${cov:-?}" "${ft:-?}" "$corpus_in" "${corpus_out:-?}" "$result" | tee "$work/row.tsv"
}

for t in "${targets[@]}"; do
  [[ -x "$build/tests/fuzz/fuzz_$t" ]] || { echo "no fuzz binary for $t ($build/tests/fuzz/fuzz_$t)"; exit 2; }
  rm -f "$scratch/$t/row.tsv"
done
running=0
for t in "${targets[@]}"; do
  if ((running >= parallel)); then
    wait -n || true
    running=$((running - 1))
  fi
  fuzz_target "$t" &
  running=$((running + 1))
done
wait || true
failed=0
for t in "${targets[@]}"; do
  row="$scratch/$t/row.tsv"
  if [[ -f "$row" ]]; then
    cat "$row" >>"$summary"
    grep -q $'\tok$' "$row" || failed=1
  else
    printf '%s\t?\t?\t?\t?\t?\t?\t?\tFAILED (no result)\n' "$t" >>"$summary"
    failed=1
  fi
done
echo "== summary ($summary)"
column -t -s $'\t' "$summary"
exit $failed
