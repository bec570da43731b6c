#!/usr/bin/env bash
# Runs every test: builds the solution and runs the xunit suite (scenario files, validator fixtures, fuzzing,
# classifier, simulator, CLI, and the simulation report in real Chromium). What the tests need and a fresh machine
# with the .NET SDK may lack is installed from Debian first: Chromium (browser tests) and Node.js with npm (the
# build installs the pinned front-end libraries). Ends with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"

apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing from Debian: $*" >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
[ -x /usr/bin/chromium ] || apt_install chromium
command -v npm >/dev/null 2>&1 || apt_install nodejs npm

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
