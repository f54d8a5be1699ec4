# Sourced by test-all: a throwaway PostgreSQL cluster in a temp dir, on a unix socket.
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.

pg_bindir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

pg_ensure_installed() {
  [ -n "$(pg_bindir)" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then return 1; fi
  echo ">>> installing PostgreSQL server with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  [ -n "$(pg_bindir)" ]
}

pg_as_owner() {  # run a server binary as the cluster owner
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {  # sets PG_DIR and DATABASE_URL
  pg_ensure_installed || return 1
  local bin; bin=$(pg_bindir)
  PG_DIR=$(mktemp -d /tmp/archive-pg.XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"
  local user; user=$([ "$(id -u)" -eq 0 ] && echo postgres || id -un)
  pg_as_owner "$bin/initdb" -D "$PG_DIR/data" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log"; return 1; }
  # Unix socket only (listen_addresses=''), so no port can clash with anything on the machine.
  pg_as_owner "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-k $PG_DIR -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$PG_DIR/server.log"; return 1; }
  PG_VERSION=$("$bin/postgres" --version | awk '{print $3}')
  export DATABASE_URL="postgres://$user@$(printf %s "$PG_DIR" | sed 's|/|%2F|g')/archive"
}

pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  pg_as_owner "$(pg_bindir)/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PG_DIR"
}
