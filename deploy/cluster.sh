#!/usr/bin/env bash
# A throwaway Oversight cluster on loopback: one PostgreSQL server, two stateless web nodes (Release) and nginx in
# front of them, as a server deployment runs it.
#
#   deploy/cluster.sh up DIR      starts it all with its files under DIR, loads the demo, and prints four lines:
#                                   proxy URL
#                                   node URL
#                                   node URL
#                                   database CONNECTION-STRING
#   deploy/cluster.sh down DIR    stops everything started under DIR
#
# The command line reaches the same database with Database__Provider=PostgreSQL, ConnectionStrings__Oversight set
# to the printed connection string and Keys__File=DIR/keys/oversight.key. Installs nginx and the PostgreSQL server when missing (Debian, as root or with
# sudo). Everything listens on 127.0.0.1 only; logs are under DIR.
set -euo pipefail

usage() { echo "usage: deploy/cluster.sh up|down DIR" >&2; exit 2; }
fail() { printf 'deploy/cluster.sh: %s\n' "$*" >&2; exit 1; }
(($# == 2)) || usage
command=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
# initdb and the server refuse to run as root.
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Ports are taken below the range the kernel gives client connections: a port a connection holds there answers no
# probe, yet the server cannot listen on it (PostgreSQL failed to start so while the tests opened connections).
free_port() {
  local port first_ephemeral
  first_ephemeral=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  for _ in $(seq 1 50); do
    port=$((15000 + RANDOM % (first_ephemeral - 15000)))
    port_in_use "$port" || { echo "$port"; return; }
  done
  fail "no free port on 127.0.0.1"
}

# Waits until a node says it is ready (migrated, caches loaded, database reachable), or its process has ended.
wait_ready() {
  local url=$1 pid=$2 log=$3
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null; then return; fi
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; fail "the node at $url ended; its log is $log"; }
    sleep 0.5
  done
  fail "the node at $url was not ready after 5 minutes; its log is $log"
}

stop_pid_file() {
  local file=$1
  [[ -f $file ]] || return 0
  local pid
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

down() {
  stop_pid_file "$dir/nginx.pid"
  stop_pid_file "$dir/node1.pid"
  stop_pid_file "$dir/node2.pid"
  local pg_bin
  pg_bin=$(postgres_bin)
  if [[ -f $dir/pg/data/postmaster.pid ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/data" -m fast -t 30 -s stop >/dev/null 2>&1 || true
  fi
}

up() {
  [[ -f $dir/pg/data/postmaster.pid || -f $dir/node1.pid ]] && fail "a cluster already runs under $dir; stop it with: deploy/cluster.sh down $dir"
  local missing=()
  [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  [[ -x "$(postgres_bin)/initdb" ]] || missing+=(postgresql)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]} > 0)); then
    as_root apt-get update -q -o DPkg::Lock::Timeout=300 >"$dir/apt.log" 2>&1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 "${missing[@]}" >>"$dir/apt.log" 2>&1 \
      || { tail -n 20 "$dir/apt.log" >&2; fail "installing ${missing[*]} failed"; }
    # The package's own server (port 80, all addresses) is not ours to run.
    as_root invoke-rc.d nginx stop >/dev/null 2>&1 || true
  fi

  # The database server, its data under DIR.
  local pg_bin pg_port
  pg_bin=$(postgres_bin)
  mkdir -p "$dir/pg"
  if [[ $EUID -eq 0 ]]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres:postgres "$dir/pg"
  fi
  [[ -d $dir/pg/data ]] || as_postgres "$pg_bin/initdb" -D "$dir/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || fail "initdb failed; see $dir/initdb.log"
  pg_port=$(free_port)
  as_postgres "$pg_bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 60 -s start \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $dir/pg -c max_connections=200" >/dev/null \
    || fail "PostgreSQL did not start; see $dir/pg/server.log"
  as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE oversight" >/dev/null
  local connection="Host=127.0.0.1;Port=$pg_port;Database=oversight;Username=postgres"

  # The application, built once in Release; each node runs it on its own port.
  dotnet publish "$root/src/Oversight.Web" -c Release -o "$dir/app" --nologo -v quiet >"$dir/publish.log" 2>&1 \
    || { tail -n 20 "$dir/publish.log" >&2; fail "building the web host failed; see $dir/publish.log"; }

  # One installation key file for both nodes, kept outside the database (Keys:File).
  if [[ ! -f $dir/keys/oversight.key ]]; then
    mkdir -p -m 700 "$dir/keys"
    (umask 077 && head -c 32 /dev/urandom | base64 >"$dir/keys/oversight.key")
  fi

  local ports=() node
  for node in 1 2; do
    ports+=("$(free_port)")
    local demo=()
    ((node == 1)) && demo=(--demo)
    # nginx below is the proxy whose X-Forwarded-For the nodes believe.
    (cd "$dir" && exec env Database__Provider=PostgreSQL ConnectionStrings__Oversight="$connection" Attachments__Root="$dir/attachments" Keys__File="$dir/keys/oversight.key" ForwardedHeaders__KnownProxies=127.0.0.1 \
      dotnet "$dir/app/Oversight.Web.dll" "${demo[@]}" --urls "http://127.0.0.1:${ports[-1]}" >"$dir/node$node.log" 2>&1) &
    echo $! >"$dir/node$node.pid"
    # The first node migrates the database and loads the demo before the second starts.
    wait_ready "http://127.0.0.1:${ports[-1]}" "$(cat "$dir/node$node.pid")" "$dir/node$node.log"
  done

  # nginx in front: reads go to either node and, when one fails, to the other; a write is never sent twice.
  local proxy_port
  proxy_port=$(free_port)
  mkdir -p "$dir/nginx"
  chmod 0777 "$dir/nginx"
  cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  client_max_body_size 64m;
  upstream oversight {
    server 127.0.0.1:${ports[0]} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:${ports[1]} max_fails=1 fail_timeout=10s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$proxy_port;
    location / {
      proxy_pass http://oversight;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_connect_timeout 2s;
    }
  }
}
EOF
  /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir/nginx" 2>"$dir/nginx/start.log" || { cat "$dir/nginx/start.log" >&2; fail "nginx did not start"; }
  for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$proxy_port/health/ready" 2>/dev/null && break; sleep 0.2; done

  echo "http://127.0.0.1:$proxy_port"
  echo "http://127.0.0.1:${ports[0]}"
  echo "http://127.0.0.1:${ports[1]}"
  echo "$connection"
}

case $command in
  up) up ;;
  down) down ;;
  *) usage ;;
esac
