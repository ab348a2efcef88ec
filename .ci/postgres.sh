#!/usr/bin/env bash
# Makes PostgreSQL available to the tests; sourced by .ci/run (which runs with `set -euo pipefail`).
#
# - ABLAUF_TEST_POSTGRES_URL already set and answering: nothing to do (idempotent, also for re-sourcing).
# - Else: installs the server when initdb/pg_ctl are missing (Debian/Ubuntu: apt-get install postgresql,
#   as root or with passwordless sudo), starts a throwaway cluster in a temp dir (as the `postgres` user
#   when we are root; fsync off; 127.0.0.1 on a free port) and exports ABLAUF_TEST_POSTGRES_URL.
#   Each test file creates its own fresh databases there. The cluster is stopped on exit (EXIT trap).
# Any failure stops CI: with CI=true the PostgreSQL tests must run, never be skipped.

ablauf_pg_answers() {
  node -e '
    const { Client } = require(require.resolve("pg", { paths: [process.cwd() + "/engine", process.cwd()] }))
    const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 })
    c.connect().then(() => c.end()).then(() => process.exit(0), () => process.exit(1))
  ' "$1" >/dev/null 2>&1
}

ablauf_pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

ablauf_pg_start() {
  local bindir as_pg=() dir port tries
  if ! bindir="$(ablauf_pg_bindir)"; then
    echo "ci: PostgreSQL server binaries missing; installing postgresql" >&2
    local sudo=()
    if [ "$(id -u)" != 0 ]; then sudo=(sudo -n); fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bindir="$(ablauf_pg_bindir)" || { echo "ci: initdb/pg_ctl still not found after installing postgresql" >&2; return 1; }
  fi
  dir="$(mktemp -d "${TMPDIR:-/tmp}/ablauf-ci-pg.XXXXXX")"
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root.
    chown postgres: "$dir"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  for tries in 1 2 3; do
    port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })')"
    if "${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      ABLAUF_CI_PG_DIR="$dir"
      ABLAUF_CI_PG_CTL=("${as_pg[@]}" "$bindir/pg_ctl")
      export ABLAUF_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
      echo "ci: PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') at $ABLAUF_TEST_POSTGRES_URL (data in $dir)" >&2
      return 0
    fi
    echo "ci: pg_ctl start failed on port $port (try $tries)" >&2
  done
  cat "$dir/server.log" >&2
  return 1
}

ablauf_pg_stop() {
  if [ -n "${ABLAUF_CI_PG_DIR:-}" ]; then
    "${ABLAUF_CI_PG_CTL[@]}" -D "$ABLAUF_CI_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$ABLAUF_CI_PG_DIR"
    ABLAUF_CI_PG_DIR=
  fi
}

if [ -n "${ABLAUF_TEST_POSTGRES_URL:-}" ] && ablauf_pg_answers "$ABLAUF_TEST_POSTGRES_URL"; then
  echo "ci: using PostgreSQL at ABLAUF_TEST_POSTGRES_URL" >&2
else
  unset ABLAUF_TEST_POSTGRES_URL
  ablauf_pg_start
  trap ablauf_pg_stop EXIT
fi
