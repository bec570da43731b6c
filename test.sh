#!/usr/bin/env bash
# Runs every test: builds the solution and runs the xunit suite (scenario files, validator fixtures, fuzzing,
# classifier, CLI). Later components (PostgreSQL, Chromium) are installed and started here too, so a fresh
# machine with the .NET SDK needs nothing else. Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Decrim.slnx --nologo 2>&1 | tee "$log" || status=$?

count() { grep -Eo "$1: +[0-9]+" "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(count Passed)
failed=$(count Failed)
if [ "${passed:-0}" = "0" ] && [ "$status" = "0" ]; then
  echo "no tests ran" >&2
  status=1
fi
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
