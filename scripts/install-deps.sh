#!/usr/bin/env bash
# Installs the Debian packages foilog builds, runs and tests with. Idempotent: it asks apt only
# for what is missing, so a machine that has everything does no network work at all.
# Usage: scripts/install-deps.sh [--test]   (--test adds what the test suite needs)
set -euo pipefail

runtime_and_build=(
  build-essential cmake pkg-config ninja-build
  libxapian-dev xapian-tools          # full-text index; xapian-check/-compact/-tcpsrv
  libsqlite3-dev sqlite3              # structured store
  libcpp-httplib-dev                  # HTTP server (0.11.4, shared library)
  libkainjow-mustache-dev             # HTML templates
  nlohmann-json3-dev                  # JSON in/out: labels, API, extract output
  libpoppler-cpp-dev                  # PDF text layer
  libtesseract-dev libleptonica-dev tesseract-ocr-eng  # OCR for PDFs without a text layer
  libcairo2-dev                       # renders PDF pages to images for OCR (and test fixtures)
  libgumbo-dev                        # HTML5 parser
  libgmime-3.0-dev                    # e-mail (.eml) parsing
  libzip-dev libpugixml-dev           # DOCX / XLSX (zip + XML)
  libuchardet-dev                     # charset detection for legacy text
  zlib1g-dev                          # inflates PDF streams for the pre-publication checks
  libpcre2-dev                        # regular expressions with a JIT (extraction cues)
  libssl-dev                          # SHA-256 of source files (idempotent re-ingest), token hashing
)
test_only=(
  libgtest-dev libgmock-dev qpdf clang-format clang-tidy
  chromium                            # headless browser for tests/browser (never a downloaded one)
  nginx-light                         # the reverse proxy in deploy/nginx, started by the R16 tests
)

want=("${runtime_and_build[@]}")
if [[ "${1:-}" == "--test" ]]; then
  want+=("${test_only[@]}")
  # tests/browser needs node (>= 18: playwright-core 1.49, so Debian 12's own nodejs works) and npm; take Debian's only when none is on the PATH.
  command -v node >/dev/null || want+=(nodejs)
  command -v npm >/dev/null || want+=(npm)
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' npm packages (exact versions in tests/browser/package-lock.json), installed
# again only when node_modules is missing or older than the lock file.
if [[ "${1:-}" == "--test" ]]; then
  browser_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
  if [[ ! -d "$browser_dir/node_modules" || "$browser_dir/package-lock.json" -nt "$browser_dir/node_modules" ]]; then
    echo "install-deps: npm ci in tests/browser"
    npm ci --prefix "$browser_dir" --no-audit --no-fund --loglevel=error
    touch "$browser_dir/node_modules"
  fi
fi
