#!/usr/bin/env bash
# The issue 7 harness in one command: for each SIZE, generate (cached by size and seed),
# ingest, search, score extraction on a 500-document sample, optionally load the web server
# with wrk, and print one markdown report with medians over the runs.
#
# Usage: bench/run.sh [SIZE...]          (default: 10000)
# Env:
#   FOILOG_BENCH_BUILD   build directory with foilog and bench/foilog-bench (default build-bench)
#   FOILOG_BENCH_DATA    corpora and stores (default build-bench-data; never data/)
#   FOILOG_BENCH_RESULTS where the JSON and report go (default $FOILOG_BENCH_DATA/results/DATE)
#   FOILOG_BENCH_COMMIT  the commit to record (default: the build's source tree's)
#   SEED                 corpus seed (default 1)
#   RUNS                 ingest+search repetitions (default 3 for sizes <= 10000, else 1)
#   INGEST_THREADS       threads of foilog's own ingest(), as `foilog index --threads N` (default
#                        0: one per core); TIMED=1 runs the call-by-call timed loop instead
#   TIMED                1: the timed loop (serial; EXTRACT_THREADS=N pipelines its extraction)
#   SPLIT                0: skip the replay that splits the commit's Xapian work (default 1)
#   EXTRACT_THREADS      with TIMED=1: 0 serial (default); N: extraction pipelined over N
#   HTTP                 1: wrk against `foilog serve` after the last run (default 1 when wrk
#                        and `foilog serve` exist)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${FOILOG_BENCH_BUILD:-$root/build-bench}
bench=$build/bench/foilog-bench
foilog=$build/foilog
data=${FOILOG_BENCH_DATA:-$root/build-bench-data}
results=${FOILOG_BENCH_RESULTS:-$data/results/$(date +%Y%m%d-%H%M%S)}
seed=${SEED:-1}
extract_threads=${EXTRACT_THREADS:-0}
ingest_threads=${INGEST_THREADS:-0}
split_flag=()
[[ ${SPLIT:-1} == 0 ]] && split_flag=(--no-split)
if [[ ${TIMED:-0} == 1 ]]; then
  ingest_mode=(--extract-threads "$extract_threads")
  ingest_label="timed loop, extract threads $extract_threads"
else
  ingest_mode=(--threads "$ingest_threads")
  ingest_label="foilog ingest(), threads $ingest_threads (0: one per core)"
fi
sizes=("$@")
((${#sizes[@]})) || sizes=(10000)

[[ -x "$bench" && -x "$foilog" ]] || {
  echo "run.sh: build first: cmake -S $root -B $build -G Ninja -DCMAKE_BUILD_TYPE=Release &&" \
    "cmake --build $build --target foilog foilog-bench" >&2
  exit 2
}
http=${HTTP:-}
if [[ -z "$http" ]]; then
  http=0
  if command -v wrk >/dev/null && "$foilog" serve --help >/dev/null 2>&1; then
    http=1
  fi
fi
mkdir -p "$results"
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')," \
    "$(free -g | awk '/^Mem:/ {print $2}') GiB"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  # The commit the binaries were built from: the build's source tree (a snapshot made with
  # `git archive` may carry it in SNAPSHOT_COMMIT), else this checkout's HEAD.
  src=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
  commit=${FOILOG_BENCH_COMMIT:-}
  if [[ -z "$commit" && -f "$src/SNAPSHOT_COMMIT" ]]; then
    commit="$(cat "$src/SNAPSHOT_COMMIT") (snapshot)"
  fi
  if [[ -z "$commit" ]]; then
    commit=$(git -C "${src:-$root}" rev-parse HEAD 2>/dev/null || echo unknown)
  fi
  echo "commit: $commit"
  if [[ -n "$src" && "$src" != "$root" ]]; then
    echo "built from: $src"
  fi
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$results/machine.txt"

for size in "${sizes[@]}"; do
  runs=${RUNS:-$((size <= 10000 ? 3 : 1))}
  corpus=$data/corpus-$size-s$seed
  if [[ ! -f "$corpus/MANIFEST.json" ]]; then
    echo "== generating $size documents (seed $seed) into $corpus" >&2
    rm -rf "$corpus"
    "$bench" gen --docs "$size" --seed "$seed" "$corpus" >&2
  fi
  out=$results/size-$size
  db=$data/db-$size-s$seed
  for run in $(seq 1 "$runs"); do
    mkdir -p "$out/run-$run"
    echo "== $size docs, run $run/$runs: ingest ($ingest_label)" >&2
    "$bench" ingest --db "$db" --fresh "${ingest_mode[@]}" "${split_flag[@]}" --json "$corpus" \
      > "$out/run-$run/ingest.json"
    echo "== $size docs, run $run/$runs: search" >&2
    split=()
    [[ $run == 1 ]] && split=(--facet-split)
    "$bench" search --db "$db" --json "${split[@]}" > "$out/run-$run/search.json"
  done
  # 500 documents spread evenly over the corpus, as symlinks beside their labels.
  sample=$data/sample-$size-s$seed
  if [[ ! -d "$sample" ]]; then
    mkdir -p "$sample"
    step=$((size > 500 ? size / 500 : 1))
    for ((i = 0; i < size && i / step < 500; i += step)); do
      stem=$(printf 'd%04d/doc%07d' $((i / 500)) "$i")
      ln -s "$corpus/$stem.txt" "$sample/$(basename "$stem").txt"
      ln -s "$corpus/$stem.json" "$sample/$(basename "$stem").json"
    done
  fi
  echo "== $size docs: foilog eval on $(find "$sample" -name '*.txt' | wc -l) documents" >&2
  "$foilog" eval --json "$sample" > "$out/eval.json" || true
  if [[ $http == 1 ]]; then
    echo "== $size docs: HTTP" >&2
    FOILOG=$foilog FOILOG_BENCH=$bench "$root/bench/http.sh" "$db" > "$out/http.json" ||
      echo "run.sh: http.sh failed; no HTTP figures" >&2
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$results/machine.txt"
{
  echo "## foilog-bench results"
  echo
  sed 's/^/    /' "$results/machine.txt"
  echo
  "$bench" report "$results"
} | tee "$results/report.md"
echo "run.sh: results in $results" >&2
