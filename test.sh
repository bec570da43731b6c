#!/usr/bin/env bash
# Runs every test: builds the solution and runs the xunit suite (scenario files, validator fixtures, fuzzing,
# classifier, simulator, CLI, web app and API, the stores on SQLite and on PostgreSQL, browser tests in real Chromium).
# What the tests need and a fresh machine with the .NET SDK may lack is installed from Debian first: Chromium
# (browser tests), Node.js with npm (the build installs the pinned front-end libraries) and PostgreSQL. A PostgreSQL
# server is started here in a scratch directory for the run and stopped after; the tests find it through
# DECRIM_TEST_POSTGRES and fail (never skip) without it. Ends with one line: "N passed, N failed".
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
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || { apt_install postgresql; pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1); }

# A throwaway PostgreSQL for this run: its own data directory and port, owned by an unprivileged user when run as root.
pg_dir=$(mktemp -d /tmp/decrim-pg.XXXXXX)
pg_port=$(( 20000 + RANDOM % 20000 ))
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
as_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres -A trust -E UTF8 --no-locale >/dev/null"
as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -w -o \"-p $pg_port -k '$pg_dir' -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200\" start >/dev/null"
export DECRIM_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

log=$(mktemp)
cleanup() {
  as_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pg_dir" "$log"
}
trap cleanup EXIT
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
