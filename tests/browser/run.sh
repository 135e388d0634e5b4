#!/usr/bin/env bash
# Headless-browser tests of `foilog serve` (registered with ctest as "browser").
# Usage: tests/browser/run.sh FOILOG_EXECUTABLE
# Indexes the sample corpus into a temporary database, serves it on a free loopback port, runs
# node --test over tests/browser/*.test.mjs against it (Debian's /usr/bin/chromium, never a
# downloaded browser) and exits with node's status. Screenshots, the server's log and any axe
# report go to ${FOILOG_ARTIFACTS:-build/browser-artifacts}.
# Needs: node >= 18 (Debian 12 ships 18), chromium, tests/browser/node_modules (scripts/install-deps.sh --test).
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 FOILOG_EXECUTABLE" >&2
  exit 2
fi
foilog=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
artifacts=$(realpath -m "${FOILOG_ARTIFACTS:-build/browser-artifacts}")

fail() {
  echo "browser tests: $*" >&2
  exit 1
}
[[ -x "$foilog" ]] || fail "$foilog is not an executable"
command -v node >/dev/null || fail "node not found (scripts/install-deps.sh --test)"
node_major=$(node -p 'process.versions.node.split(".")[0]')
((node_major >= 18)) || fail "node $(node --version) is too old: playwright-core 1.49 needs node >= 18"
[[ -x "${FOILOG_CHROMIUM:-/usr/bin/chromium}" ]] || fail "no ${FOILOG_CHROMIUM:-/usr/bin/chromium} (scripts/install-deps.sh --test)"
[[ -d "$here/node_modules/playwright-core" && -d "$here/node_modules/axe-core" ]] ||
  fail "tests/browser/node_modules is missing (scripts/install-deps.sh --test)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/foilog-browser.XXXXXX")
server_pid=
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  mkdir -p "$artifacts"
  cp "$tmp"/*.log "$artifacts"/ 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$artifacts"
rm -f "$artifacts"/*-axe.json # a previous run's reports; screenshots and logs are overwritten

# Exit 1 only says some files failed; the database must exist all the same.
rc=0
"$foilog" index --db "$tmp/db" data/corpus data/seeds tests/web/fixtures >"$tmp/index.log" 2>&1 || rc=$?
if [[ $rc -gt 1 || ! -f "$tmp/db/foilog.sqlite" ]]; then
  cat "$tmp/index.log" >&2
  fail "foilog index exited $rc"
fi

# The publishing test signs in as an authority the table lacks, with a token made by the CLI
# (printed alone on the last line).
"$foilog" authority add --db "$tmp/db" test-borough --name "Test Borough Council" >"$tmp/accounts.log" 2>&1 ||
  { cat "$tmp/accounts.log" >&2; fail "foilog authority add failed"; }
publish_token=$("$foilog" token create --db "$tmp/db" --authority test-borough --name "browser tests" | tail -n 1)
[[ "$publish_token" == foilog_* ]] || fail "foilog token create printed no token"

# timeout: the server ends by itself even if this script is killed without its EXIT trap running.
timeout 295 "$foilog" serve --db "$tmp/db" --port 0 --bind 127.0.0.1 --rate-limit 0 \
  >"$tmp/serve-stdout.log" 2>"$tmp/serve-stderr.log" &
server_pid=$!

server_log() {
  echo "--- serve stdout" >&2
  tail -n 50 "$tmp/serve-stdout.log" >&2 || true
  echo "--- serve stderr" >&2
  tail -n 50 "$tmp/serve-stderr.log" >&2 || true
}

# The port, from the line the server prints once it is bound; then /healthz must answer 200.
# Both wait at most 30 s in all.
node - "$tmp/serve-stdout.log" "$server_pid" >"$tmp/url" <<'JS' || { server_log; fail "the server did not come up"; }
const fs = require('node:fs');
const [file, pid] = process.argv.slice(2);
const deadline = Date.now() + 30_000;
const alive = () => { try { process.kill(Number(pid), 0); return true; } catch { return false; } };
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  let url;
  while (!url) {
    const m = fs.readFileSync(file, 'utf8').match(/^listening on (http:\/\/127\.0\.0\.1:\d+)\s*$/m);
    if (m) { url = m[1]; break; }
    if (!alive()) throw new Error('foilog serve exited before it printed "listening on http://127.0.0.1:PORT"');
    if (Date.now() > deadline) throw new Error('no "listening on http://127.0.0.1:PORT" line within 30 s');
    await pause(100);
  }
  for (;;) {
    let status = 'no answer';
    try { status = (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) })).status; } catch (e) { status = String(e.cause ?? e); }
    if (status === 200) break;
    if (!alive()) throw new Error('foilog serve exited before /healthz answered 200');
    if (Date.now() > deadline) throw new Error(`GET ${url}/healthz: ${status} after 30 s`);
    await pause(100);
  }
  process.stdout.write(url);
})().catch((e) => { console.error(`browser tests: ${e.message}`); process.exit(1); });
JS
url=$(cat "$tmp/url")
echo "browser tests: foilog serve at $url; artifacts in $artifacts"

rc=0
FOILOG_URL="$url" FOILOG_ARTIFACTS="$artifacts" FOILOG_PUBLISH_TOKEN="$publish_token" \
  node --test --test-reporter=spec --test-concurrency=1 "$here"/*.test.mjs || rc=$?

if ! kill -0 "$server_pid" 2>/dev/null; then
  server_log
  fail "foilog serve died during the tests"
fi
if [[ $rc -ne 0 ]]; then
  server_log
fi
exit "$rc"
