#!/usr/bin/env bash
# The publishing tests' store, built once per ctest run (publish_store_setup): the sample corpus
# indexed from the source tree, accounts for West Midlands Police (in data/authorities.tsv) and
# Canary Borough Council (not), and a token for each plus an administrator's, made with the CLI
# as an operator would. Usage: make_store.sh FOILOG_EXECUTABLE DIR SOURCE_DIR
# Writes DIR/db (the store, which each test copies) and DIR/tokens (three lines: west midlands,
# canary, administrator).
set -euo pipefail
foilog=$1
dir=$2
src=$3
rm -rf "$dir"
mkdir -p "$dir"
"$foilog" index --quiet --db "$dir/db" "$src/data/corpus" "$src/data/seeds" >"$dir/index.log"
"$foilog" authority add --db "$dir/db" west-midlands-police >/dev/null
"$foilog" authority add --db "$dir/db" canary-borough --name "Canary Borough Council" >/dev/null
{
  "$foilog" token create --db "$dir/db" --authority west-midlands-police --name "FOI team" | tail -n 1
  "$foilog" token create --db "$dir/db" --authority canary-borough | tail -n 1
  "$foilog" token create --db "$dir/db" --admin --name operator | tail -n 1
} >"$dir/tokens"
[[ $(grep -c '^foilog_' "$dir/tokens") -eq 3 ]] || { echo "make_store.sh: token create printed no token" >&2; exit 1; }
