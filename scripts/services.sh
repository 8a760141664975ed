#!/usr/bin/env bash
# Installs (from Debian packages) and starts the services some tests use:
#   postgres  - a throw-away PostgreSQL cluster on 127.0.0.1:54329 (job repository and database-load tests);
#               user postgres without a password; role cdr_password_check (created by the tests) needs its password
#   chromium  - headless Chromium for the HTML report tests
# Usage: scripts/services.sh start|stop [postgres] [chromium]   (default: all)
# Tests that need a service skip with a visible message when it is not available.
set -uo pipefail
ACTION="${1:-start}"; shift || true
WANT="${*:-postgres chromium}"
PGPORT=54329
PGDATA="${TMPDIR:-/tmp}/cdr-test-pg"
PASSWORD_ROLE=cdr_password_check   # the one role that must give its password (tests of "wrong password")
SUDO=""; [[ "$(id -u)" != "0" ]] && command -v sudo >/dev/null && SUDO="sudo -n"

apt_install() {
  if ! command -v apt-get >/dev/null; then echo "services: no apt-get; cannot install $*" >&2; return 1; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { $SUDO apt-get update -q >/dev/null 2>&1 && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1; }
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_pg() {
  if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# every role is trusted except one, so that tests can see how a wrong password is reported
require_password_of_role() {
  sed -i "1i host all $PASSWORD_ROLE 127.0.0.1/32 scram-sha-256" "$PGDATA/pg_hba.conf" || return 1
  if [[ "$(id -u)" == "0" ]]; then chown postgres "$PGDATA/pg_hba.conf"; fi
}

start_postgres() {
  if [[ -z "$(pg_bin)" ]]; then apt_install postgresql || return 1; fi
  local bin; bin="$(pg_bin)"
  if [[ "$(id -u)" == "0" ]] && ! id postgres >/dev/null 2>&1; then useradd -r -m postgres || return 1; fi
  if as_pg "$bin/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    if ! grep -q " $PASSWORD_ROLE " "$PGDATA/pg_hba.conf" 2>/dev/null; then
      require_password_of_role && as_pg "$bin/pg_ctl" -D "$PGDATA" reload >/dev/null
    fi
    echo "services: postgres already running on $PGPORT"; return 0
  fi
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"
  [[ "$(id -u)" == "0" ]] && chown postgres "$PGDATA"
  as_pg "$bin/initdb" -D "$PGDATA" -U postgres -A trust >/dev/null || return 1
  require_password_of_role
  as_pg "$bin/pg_ctl" -D "$PGDATA" -o "-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1" -l "$PGDATA/log" -w start >/dev/null || return 1
  echo "services: postgres running on 127.0.0.1:$PGPORT (user postgres, no password)"
}

stop_postgres() {
  local bin; bin="$(pg_bin)"
  [[ -n "$bin" && -d "$PGDATA" ]] && as_pg "$bin/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1
  return 0
}

start_chromium() {
  if command -v chromium >/dev/null; then echo "services: chromium $(chromium --version 2>/dev/null | awk '{print $2}')"; return 0; fi
  apt_install chromium && echo "services: chromium installed"
}

rc=0
for s in $WANT; do
  case "$ACTION:$s" in
    start:postgres) start_postgres || { echo "services: postgres unavailable" >&2; rc=1; } ;;
    stop:postgres) stop_postgres ;;
    start:chromium) start_chromium || { echo "services: chromium unavailable" >&2; rc=1; } ;;
    stop:chromium) ;;
    *) echo "usage: $0 start|stop [postgres] [chromium]" >&2; exit 2 ;;
  esac
done
exit $rc
