#!/usr/bin/env bash
# R7 end to end: `foilog index` over a directory of hostile files (empty, 2 GB sparse, random
# binary, invalid UTF-8, encrypted PDF, truncated PDF, PDFs that loop a naive parser) next to
# good documents. Pass: each hostile file gets exactly one output line, naming the file and a
# reason; the good documents (and the invalid UTF-8 text, which foilog reads as Windows-1252, as
# the README documents) are indexed; `foilog check` passes; no sanitizer report anywhere in the
# output (the ASan build runs this too). The PDFs are the checked-in fuzz seeds
# (make_seeds.py). Usage: hostile_files_test.sh FOILOG_BINARY SOURCE_DIR
set -euo pipefail
foilog=$1
src=$2
seeds="$src/tests/fuzz/corpus"
work=$(mktemp -d "${TMPDIR:-/tmp}/foilog-hostile-XXXXXX")
trap 'rm -rf "$work"' EXIT
docs="$work/docs"
mkdir -p "$docs"

# Good documents: a letter as text, as PDF, as DOCX (the office seed without its selector byte).
cp "$src/data/corpus/dev002.txt" "$docs/good.txt"
cp "$seeds/pdf/seed-letter.pdf" "$docs/good.pdf"
tail -c +2 "$seeds/office/seed-letter.docx" >"$docs/good.docx"
# Not an error: invalid UTF-8 text is read as Windows-1252.
printf 'Dear Requester,\nThe cost would exceed \xa3450 \xff\xfe under section 12.\n' >"$docs/latin1.txt"

# Hostile files, each expected to fail with one line.
: >"$docs/empty.txt"
truncate -s 2G "$docs/huge.pdf"
for _ in $(seq 64); do for i in $(seq 0 255); do printf "\\$(printf %03o "$i")"; done; done \
  >"$docs/random.pdf"
cp "$seeds/pdf/seed-encrypted.pdf" "$docs/encrypted.pdf"
cp "$seeds/pdf/seed-truncated.pdf" "$docs/truncated.pdf"
cp "$seeds/pdf/seed-page-tree-loop.pdf" "$docs/page-tree-loop.pdf"
cp "$seeds/pdf/seed-xref-prev-loop.pdf" "$docs/xref-prev-loop.pdf"
cp "$seeds/pdf/seed-form-draws-itself.pdf" "$docs/form-draws-itself.pdf"
hostile=(empty.txt huge.pdf random.pdf encrypted.pdf truncated.pdf page-tree-loop.pdf
  xref-prev-loop.pdf form-draws-itself.pdf)

set +e
output=$("$foilog" index --quiet --db "$work/db" --cpu-limit 10 --timeout 20 "$docs" 2>&1)
status=$?
set -e
fail() {
  echo "hostile_files_test: $*"
  echo "---- foilog index output (exit $status):"
  echo "$output"
  exit 1
}
[[ $status -eq 1 ]] || fail "expected exit 1 (some files failed)"
for f in "${hostile[@]}"; do
  lines=$(grep -cF "$docs/$f" <<<"$output" || true)
  [[ $lines -eq 1 ]] || fail "$f: expected one line naming it, got $lines"
  grep -qE "^failed: $docs/$f: .+" <<<"$output" || fail "$f: no 'failed: FILE: REASON' line"
done
grep -qF "4 added" <<<"$output" || fail "expected the 4 good documents added"
grep -qF "${#hostile[@]} failed" <<<"$output" || fail "expected ${#hostile[@]} failures"
if grep -qE 'Sanitizer|runtime error:|LeakSanitizer' <<<"$output"; then
  fail "sanitizer report in the output"
fi
"$foilog" check --db "$work/db" >/dev/null || fail "foilog check failed after the run"
echo "hostile_files_test: ${#hostile[@]} hostile files refused with one line each, 4 indexed"
