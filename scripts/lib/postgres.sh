# shellcheck shell=bash
# A private PostgreSQL cluster for the run and test commands, plus small database helpers.
#
# pg_private_start DIR PORT   a cluster kept in DIR (created on first use, reused later)
# pg_throwaway_start          a cluster in a fresh temporary folder on a free port (tests)
# pg_private_stop             stops the cluster this script started (fast shutdown)
#
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
# The cluster listens on 127.0.0.1 only, with its unix socket inside its own folder, so it never
# collides with a system server on 5432. Local connections are trusted: it is a development and
# test database on the loopback interface, never a production one.
# Needs lib/common.sh.

PG_BIN=''          # folder holding initdb, pg_ctl, postgres, psql
PG_DATA=''         # data folder of the private cluster
PG_PORT=''         # its port
PG_STARTED_HERE=0  # 1 when this script started it (and so must stop it)
PG_THROWAWAY_DIR='' # set for a throwaway cluster: removed after stopping

# Finds the PostgreSQL server binaries (installing Debian's PostgreSQL if there are none).
ensure_postgres_binaries() {
  [[ -n $PG_BIN ]] && return 0
  local dir candidates=()
  candidates+=(/usr/lib/postgresql/15/bin)
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4 -rn); do candidates+=("$dir"); done
  if command -v pg_ctl >/dev/null; then
    candidates+=("$(dirname "$(readlink -f "$(command -v pg_ctl)")")")
  fi
  for dir in "${candidates[@]}"; do
    if [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]]; then
      PG_BIN=$dir
      break
    fi
  done
  if [[ -z $PG_BIN ]]; then
    apt_install postgresql
    PG_BIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k4 -rn | head -n1)
  fi
  [[ -x $PG_BIN/initdb ]] || die "PostgreSQL server binaries (initdb, pg_ctl) not found"
}

# psql from the server's folder, or any psql on PATH.
psql_bin() {
  if [[ -n $PG_BIN && -x $PG_BIN/psql ]]; then echo "$PG_BIN/psql"; else command -v psql || die "psql not found"; fi
}

# Runs a command as the owner of the cluster: `postgres` when we are root, else ourselves.
as_pg_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

_pg_make_owned_dir() {
  mkdir -p "$1"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$1"; fi
  chmod 700 "$1"
}

# initdb into $PG_DATA unless it already holds a cluster.
_pg_init_if_needed() {
  if [[ -f $PG_DATA/PG_VERSION ]]; then
    return 0
  fi
  if [[ -e $PG_DATA ]] && [[ -n $(ls -A "$PG_DATA" 2>/dev/null) ]]; then
    die "$PG_DATA exists but holds no PostgreSQL cluster; move it away and try again"
  fi
  _pg_make_owned_dir "$PG_DATA"
  if ! as_pg_owner test -w "$PG_DATA"; then
    die "the postgres user cannot write $PG_DATA (a parent folder is not searchable by others?); set DATABASE_URL to use another server"
  fi
  local locale_args=(--no-locale)
  if locale -a 2>/dev/null | grep -qix 'c.utf-\?8'; then locale_args=(--locale=C.UTF-8); fi
  as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 "${locale_args[@]}" >/dev/null
}

# Starts the cluster in $PG_DATA on $PG_PORT with its socket in $1 (unless it is running already).
_pg_start() {
  local socket_dir=$1 extra=${2:-} log_file=$3 running_port
  if as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    running_port=$(sed -n 4p "$PG_DATA/postmaster.pid")
    PG_PORT=$running_port
    note "PostgreSQL is already running in $PG_DATA (port $PG_PORT); using it and leaving it running"
    PG_STARTED_HERE=0
    return 0
  fi
  if port_in_use "$PG_PORT"; then
    die "port $PG_PORT is taken by another program; set AGORA_PG_PORT to a free port"
  fi
  # Unix socket paths are limited to ~107 bytes; with a very deep checkout use TCP only.
  if ((${#socket_dir} > 90)); then socket_dir=''; fi
  if [[ -n $socket_dir ]]; then _pg_make_owned_dir "$socket_dir"; fi
  # pg_ctl detaches the postmaster into its own session, so Ctrl-C reaches only our server;
  # the database is stopped afterwards by the exit trap.
  if ! as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$log_file" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$socket_dir' $extra" start >/dev/null; then
    tail -n 20 "$log_file" >&2 || true
    die "PostgreSQL did not start (log: $log_file)"
  fi
  PG_STARTED_HERE=1
}

# The project-local cluster of the run command: DIR holds data/, run/ (socket, log).
pg_private_start() {
  local dir=$1
  PG_PORT=$2
  ensure_postgres_binaries
  mkdir -p "$dir"
  chmod 755 "$dir"
  PG_DATA="$dir/data"
  if [[ ! -f $PG_DATA/PG_VERSION ]]; then
    log "creating a private PostgreSQL cluster in ${PG_DATA#"$AGORA_ROOT"/} (first run only)"
  fi
  _pg_init_if_needed
  _pg_make_owned_dir "$dir/run"
  log "starting the private PostgreSQL on 127.0.0.1:$PG_PORT"
  _pg_start "$dir/run" "" "$dir/run/postgresql.log"
}

# A cluster for one test run, in a temporary folder, on a free port; deleted when stopped.
pg_throwaway_start() {
  ensure_postgres_binaries
  PG_THROWAWAY_DIR=$(mktemp -d "${TMPDIR:-/tmp}/agora-pg.XXXXXX")
  chmod 755 "$PG_THROWAWAY_DIR"
  PG_DATA="$PG_THROWAWAY_DIR/data"
  PG_PORT=$(free_port 41000 9000)
  log "starting a throwaway PostgreSQL cluster on 127.0.0.1:$PG_PORT ($PG_THROWAWAY_DIR)"
  _pg_init_if_needed
  _pg_make_owned_dir "$PG_THROWAWAY_DIR/run"
  # Durability is pointless for a cluster deleted at exit; speed is not.
  _pg_start "$PG_THROWAWAY_DIR/run" \
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    "$PG_THROWAWAY_DIR/run/postgresql.log"
}

# Stops the cluster if this script started it; deletes a throwaway one. Safe to call twice.
pg_private_stop() {
  if [[ $PG_STARTED_HERE -eq 1 && -n $PG_DATA ]]; then
    log "stopping the private PostgreSQL ($PG_DATA)"
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 ||
      warn "pg_ctl stop failed; see the log next to $PG_DATA"
    PG_STARTED_HERE=0
  fi
  if [[ -n $PG_THROWAWAY_DIR ]]; then
    rm -rf "$PG_THROWAWAY_DIR"
    PG_THROWAWAY_DIR=''
  fi
}

# postgres://postgres@127.0.0.1:PORT/DB for the private cluster.
pg_private_url() {
  echo "postgres://postgres@127.0.0.1:$PG_PORT/$1"
}

# The same server URL with another database name (keeps user, password, host and ?options).
url_with_db() {
  local url=$1 db=$2 query='' rest
  [[ $url == *://* ]] || die "DATABASE_URL must be a URL like postgres://user@host:5432/db, not $url"
  if [[ $url == *\?* ]]; then
    query="?${url#*\?}"
    url=${url%%\?*}
  fi
  rest=${url#*://}
  printf '%s://%s/%s%s\n' "${url%%://*}" "${rest%%/*}" "$db" "$query"
}

# Runs SQL against URL; prints unaligned, tuples-only output.
psql_at() {
  local url=$1
  shift
  PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" \
    "$(psql_bin)" -X -q -t -A -v ON_ERROR_STOP=1 -d "$url" "$@"
}

# Creates database NAME on the server of ADMIN_URL unless it exists.
ensure_database() {
  local admin_url=$1 name=$2
  if [[ -z $(psql_at "$admin_url" -c "select 1 from pg_database where datname = '$name'") ]]; then
    psql_at "$admin_url" -c "create database \"$name\"" >/dev/null
  fi
}

# Drops database NAME (if it exists), disconnecting anyone still connected.
drop_database() {
  psql_at "$1" -c "drop database if exists \"$2\" with (force)" >/dev/null
}

# Drops every database whose name starts with PREFIX_ (test databases).
drop_databases_with_prefix() {
  local admin_url=$1 prefix=$2 name
  while IFS= read -r name; do
    [[ -n $name ]] && drop_database "$admin_url" "$name"
  done < <(psql_at "$admin_url" -c "select datname from pg_database where starts_with(datname, '${prefix}_')")
}
