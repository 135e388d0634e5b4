#!/usr/bin/env bash
# Measures search over one store and over the same corpus split by authority into two shards
# served by xapian-tcpsrv (docs/SCALING.md): a corpus from `foilog-bench gen`, the benchmark's
# own query mix (`foilog-bench search --print-urls`) sent to /api/search of both servers one
# request at a time, and the two answers compared (they must be byte-identical).
# Usage: scripts/shards-measure.sh [DOCS=10000] [WORK_DIR=build-logs/shards-measure]
# Needs the foilog and foilog-bench targets built in $BUILD (default build; foilog-bench in
# $BUILD/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-10000}
work=${2:-build-logs/shards-measure}
build=${BUILD:-build}
foilog="$build/foilog"
bench="$build/bench/foilog-bench"
mkdir -p "$work"
work=$(cd "$work" && pwd)

corpus="$work/corpus-$docs"
[[ -f "$corpus/MANIFEST.json" ]] || "$bench" gen --docs "$docs" --seed 1 "$corpus" >/dev/null

# Authorities alternate between the two shards in name order (the authority each letter's label
# names), and the single store is made in shard order so a document has the same id both ways
# (shard 2 numbers from where shard 1 ends).
# REUSE=1 keeps stores built by an earlier run.
if [[ "${REUSE:-0}" != 1 || ! -f "$work/shard2/foilog.sqlite" ]]; then
rm -rf "$work/single" "$work/shard1" "$work/shard2"
python3 - "$corpus" "$work" <<'PY'
import json, pathlib, sys
corpus, work = pathlib.Path(sys.argv[1]), sys.argv[2]
rows = []
for label in sorted(corpus.rglob("*.json")):
    doc = label.with_suffix(".txt")
    if doc.exists():
        rows.append((str(doc), json.loads(label.read_text()).get("authority") or ""))
order = sorted({a for _, a in rows})
shard = {a: i % 2 for i, a in enumerate(order)}
for i in (0, 1):
    with open(f"{work}/group{i + 1}.txt", "w") as f:
        f.writelines(p + "\n" for p, a in sorted(rows) if shard[a] == i)
PY
n1=$(wc -l <"$work/group1.txt")
xargs -d '\n' -a "$work/group1.txt" "$foilog" index --quiet --db "$work/single" >/dev/null
xargs -d '\n' -a "$work/group2.txt" "$foilog" index --quiet --db "$work/single" >/dev/null
xargs -d '\n' -a "$work/group1.txt" "$foilog" index --quiet --db "$work/shard1" >/dev/null
xargs -d '\n' -a "$work/group2.txt" "$foilog" index --quiet --db "$work/shard2" --first-id $((n1 + 1)) >/dev/null
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
ports=()
for i in 1 2; do
  port=$(free_port)
  setsid xapian-tcpsrv --quiet --port "$port" --interface 127.0.0.1 "$work/shard$i/xapian" \
    >"$work/tcpsrv$i.log" 2>&1 &
  pids+=($!)
  ports+=("$port")
done
serve() {  # name, args...: starts `foilog serve`, waits until it listens
  local name=$1
  shift
  "$foilog" serve --port 0 --threads 2 --rate-limit 0 "$@" >"$work/$name.out" 2>"$work/$name.log" &
  pids+=($!)
  for _ in $(seq 100); do grep -q listening "$work/$name.out" 2>/dev/null && return; sleep 0.1; done
  echo "foilog serve ($name) did not start: see $work/$name.log" >&2
  exit 1
}
port_of() { sed 's/.*://' "$work/$1.out"; }
serve single --db "$work/single"
serve sharded --shard "tcp://127.0.0.1:${ports[0]}" --shard-store "$work/shard1" \
  --shard "tcp://127.0.0.1:${ports[1]}" --shard-store "$work/shard2"
single_port=$(port_of single)
sharded_port=$(port_of sharded)

"$bench" search --db "$work/single" --print-urls >"$work/urls.txt"
python3 - "$work/urls.txt" "$single_port" "$sharded_port" <<'PY'
import http.client, statistics, sys, time
urls = [u.strip() for u in open(sys.argv[1]) if u.strip()]
urls = ["/api/search?" + u for u in urls]  # --print-urls prints query strings
def run(port):
    c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)
    for u in urls[:20]:  # warm-up: page cache, facet columns
        c.request("GET", u); c.getresponse().read()
    times, bodies = [], []
    for u in urls:
        t = time.perf_counter(); c.request("GET", u); r = c.getresponse(); b = r.read()
        times.append((time.perf_counter() - t) * 1000); bodies.append((r.status, b))
    return times, bodies
one, one_b = run(sys.argv[2])
two, two_b = run(sys.argv[3])
import json
kinds = {}
for (sa, a), (sb, b) in zip(one_b, two_b):
    if (sa, a) == (sb, b):
        kind = "identical"
    elif sa != sb:
        kind = "status"
    else:
        ja, jb = json.loads(a), json.loads(b)
        strip = lambda j: {**j, "suggestion": None, "results": [
            {k: v for k, v in r.items() if k != "snippet"} for r in j.get("results", [])]}
        if strip(ja) != strip(jb):
            kind = "results, totals or facets"
        else:
            kind = " and ".join(k for k, d in (("suggestion", ja.get("suggestion") != jb.get("suggestion")),
                                                ("snippet", ja.get("results") != jb.get("results"))) if d)
            kind = "only " + kind
    kinds[kind] = kinds.get(kind, 0) + 1
same = kinds.get("identical", 0)
def q(ts, p): return sorted(ts)[min(len(ts) - 1, int(p * len(ts)))]
print(f"queries: {len(urls)}; identical answers: {same}/{len(urls)}; by kind: {kinds}")
for name, ts in (("1 store", one), ("2 shards (xapian-tcpsrv)", two)):
    print(f"{name}: median {statistics.median(ts):.2f} ms, p95 {q(ts, .95):.2f} ms, "
          f"max {max(ts):.2f} ms, total {sum(ts)/1000:.2f} s")
PY
