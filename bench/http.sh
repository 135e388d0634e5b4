#!/usr/bin/env bash
# HTTP load on `foilog serve` over loopback with wrk (keep-alive), bounded in time.
# Usage: bench/http.sh DB_DIR > http.json     (a JSON array, one object per endpoint)
# Env:   FOILOG (default build-bench/foilog), FOILOG_BENCH (default build-bench/bench/foilog-bench),
#        WRK_THREADS (2), WRK_CONNECTIONS (16), WRK_DURATION (10s), WRK_TIMEOUT (10s), HTTP_RUNS (1)
# Endpoints: /search with the search bench's query mix (round robin), the same as /api/search,
# /doc/ID over the first 200 documents, /static/foilog.css, and when the server has them
# /patterns and /check with the 10-question draft in bench/http/draft-10q.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
db=${1:?usage: bench/http.sh DB_DIR}
foilog=${FOILOG:-$root/build-bench/foilog}
bench=${FOILOG_BENCH:-$root/build-bench/bench/foilog-bench}
threads=${WRK_THREADS:-2}
connections=${WRK_CONNECTIONS:-16}
duration=${WRK_DURATION:-10s}
timeout=${WRK_TIMEOUT:-10s}  # wrk's default (2 s) drops slower requests from the latencies
runs=${HTTP_RUNS:-1}
command -v wrk >/dev/null || { echo "http.sh: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
"$foilog" serve --help >/dev/null 2>&1 || { echo "http.sh: $foilog has no serve command" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bench" search --db "$db" --per-class 25 --print-urls > "$work/queries"
sed 's#^#/search?#' "$work/queries" > "$work/search-paths"
sed 's#^#/api/search?#' "$work/queries" > "$work/api-paths"
sqlite3 -readonly "$db/foilog.sqlite" "SELECT id FROM documents ORDER BY id LIMIT 200" |
  sed 's#^#/doc/#' > "$work/doc-paths"

"$foilog" serve --db "$db" --port 0 --bind 127.0.0.1 --rate-limit 0 > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
base=""
for _ in $(seq 1 600); do  # up to 60 s to open the store and build its facet columns
  base=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" | head -1 || true)
  [[ -n "$base" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$base" ]] || { echo "http.sh: foilog serve did not start" >&2; exit 1; }

first=1
echo "["
measure() {  # NAME PATH_OR_FILE
  local name=$1 target=$2 url args=()
  if [[ -f "$target" ]]; then
    url="$base$(head -1 "$target")"
    args=(-- "$target")
  else
    url="$base$target"
  fi
  # The endpoint must answer 200 before it is measured.
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
  if [[ "$status" != 200 ]]; then
    echo "http.sh: $name answered $status, skipped" >&2
    return
  fi
  for run in $(seq 1 "$runs"); do
    # Unloaded latency first: 5 requests one after another (the page-latency targets).
    local single
    single=$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done |
      sort -n | awk '{t[NR] = $1 * 1000} END {printf "\"single_p50_ms\": %.2f, \"single_max_ms\": %.2f", t[3], t[5]}')
    local json
    json=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout "$timeout" --latency \
      -s "$here/http/wrk-bench.lua" "$url" "${args[@]}" | tail -1)
    [[ $first == 1 ]] || echo ","
    first=0
    printf '{"endpoint": "%s", "run": %d, "threads": %d, "connections": %d, "duration": "%s", %s, %s' \
      "$name" "$run" "$threads" "$connections" "$duration" "$single" "${json#\{}"
  done
}
measure "/static/foilog.css" "/static/foilog.css"
measure "/search?q=..." "$work/search-paths"
measure "/api/search?q=..." "$work/api-paths"
measure "/doc/ID" "$work/doc-paths"
measure "/patterns" "/patterns"
# The 'check before you ask' page for a 10-question draft (issue 7: <= 200 ms at 1M).
check_path=$(curl -s -G -o /dev/null -w '%{url_effective}' --data-urlencode "draft@$here/http/draft-10q.txt" \
  "$base/check" | sed "s#^$base##")
measure "/check (10-question draft)" "$check_path"
# The server's memory after the load: peak (VmHWM) and current (VmRSS) resident set.
# RssAnon is the server's own memory; RssFile is file pages it maps (the page cache, counted once
# a mapping), so a large RssFile says something maps the index.
mb() { awk -v f="$1:" '$1 == f {printf "%.1f", $2 / 1024}' "/proc/$server_pid/status"; }
[[ $first == 1 ]] || echo ","
printf '{"endpoint": "server memory", "peak_rss_mb": %s, "rss_mb": %s, "rss_anon_mb": %s, "rss_file_mb": %s, "threads": %s}\n' \
  "$(mb VmHWM)" "$(mb VmRSS)" "$(mb RssAnon)" "$(mb RssFile)" "$(ls "/proc/$server_pid/task" | wc -l)"
echo "]"
