#!/usr/bin/env bash
# Runs the whole test suite on SQLite and on PostgreSQL, as CI does.
#
#   scripts/test.sh [test options]      e.g. scripts/test.sh --filter-class 'Oversight.Tests.Cli.*'
#
# On a fresh Debian 12 machine with the .NET SDK it installs what the tests need (PostgreSQL server,
# Chromium, fonts with Vietnamese letters, axe-core with npm), starts a throwaway PostgreSQL cluster on
# 127.0.0.1 for the run, fails when the EF model has changes without a migration (for either provider),
# builds once in Release, runs the suite and ends with the plain line "N passed, N failed, N skipped". Logs go to artifacts/test/.
# The exit code is the test run's, or non-zero when the model check or the build failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
log_dir=artifacts/test
rm -rf "$log_dir"
mkdir -p "$log_dir"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

step() { printf '==> %s\n' "$*"; }
fail() { printf 'scripts/test.sh: %s\n' "$*" >&2; exit 1; }
as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
# initdb and the server refuse to run as root.
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# Runs a command with its output added to a log file; shows the end of that log when it fails.
logged() {
  local log=$1; shift
  if ! "$@" >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    fail "'$*' failed; full output in $log"
  fi
}

# --- 1. What the tests need -------------------------------------------------------------------------------
apt_updated=
apt_install() {
  local what=$1; shift
  step "Installing $what: apt-get install $*"
  if [[ -z $apt_updated ]]; then
    logged "$log_dir/apt.log" as_root apt-get update -q -o DPkg::Lock::Timeout=300
    apt_updated=1
  fi
  logged "$log_dir/apt.log" as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 "$@"
}

[[ -x "$(postgres_bin)/initdb" ]] || apt_install "PostgreSQL server" postgresql
[[ -x /usr/bin/chromium ]] || apt_install "Chromium (browser tests)" chromium
[[ -x /usr/sbin/nginx ]] || apt_install "nginx (the cluster tests' proxy)" nginx
# Chromium's own fonts have no Vietnamese letters; pages and PDFs fall back to DejaVu.
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || apt_install "DejaVu fonts (Vietnamese glyphs)" fonts-dejavu-core
pg_bin=$(postgres_bin)
[[ -x $pg_bin/initdb ]] || fail "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin after installing"

# The accessibility checker the browser tests inject into pages; pinned, kept in artifacts/ (ignored by git), and
# named to the tests by OVERSIGHT_AXE_CORE. Keep the version in step with AxeCore.Version in the tests.
axe_version=4.14.1
axe_dir=artifacts/node
axe_file=$axe_dir/node_modules/axe-core/axe.min.js
if ! grep -qs "\"version\": \"$axe_version\"" "$axe_dir/node_modules/axe-core/package.json"; then
  command -v npm >/dev/null || apt_install "npm (axe-core for the accessibility tests)" npm
  step "Installing axe-core $axe_version: npm install --prefix $axe_dir"
  logged "$log_dir/npm.log" npm install --prefix "$axe_dir" --no-save --no-audit --no-fund --ignore-scripts "axe-core@$axe_version"
fi
[[ -f $axe_file ]] || fail "no $axe_file after installing axe-core"
export OVERSIGHT_AXE_CORE="$PWD/$axe_file"

# --- 2. A throwaway PostgreSQL cluster on loopback --------------------------------------------------------
pg_dir=$(mktemp -d -t oversight-pg.XXXXXX)
pg_pid=
stop_postgres() {
  if [[ -n $pg_pid ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -t 30 -s stop >/dev/null 2>&1 || kill -KILL "$pg_pid" 2>/dev/null || true
    cp "$pg_dir/server.log" "$log_dir/postgres.log" 2>/dev/null || true
  fi
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step "Starting PostgreSQL ($("$pg_bin/postgres" --version | awk '{print $3}')) on 127.0.0.1 in $pg_dir"
if [[ $EUID -eq 0 ]]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  chown postgres:postgres "$pg_dir"
fi
logged "$log_dir/initdb.log" as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for attempt in 1 2 3 4 5 6 7 8; do
  port=$((20000 + RANDOM % 30000))
  port_in_use "$port" && continue
  if as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 -s start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null 2>&1; then
    pg_pid=$(head -n 1 "$pg_dir/data/postmaster.pid")
    break
  fi
done
if [[ -z $pg_pid ]]; then
  tail -n 20 "$pg_dir/server.log" >&2 || true
  fail "PostgreSQL did not start (tried $attempt ports)"
fi
echo "    port $port, pid $pg_pid"
export OVERSIGHT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
export OVERSIGHT_REQUIRE_POSTGRES=1

# --- 3. Build once, then check that every model change has its migration ----------------------------------
step "Restoring local tools (dotnet-ef)"
logged "$log_dir/tools.log" dotnet tool restore

step "Building (Release)"
if ! dotnet build Oversight.slnx -c Release -nologo -v quiet -tl:off >"$log_dir/build.log" 2>&1; then
  grep -E ': (error|warning) ' "$log_dir/build.log" | sort -u >&2 || tail -n 40 "$log_dir/build.log" >&2
  fail "the build failed; full output in $log_dir/build.log"
fi

model_status=0
for provider in Sqlite PostgreSQL; do
  step "Checking that the model has no changes without a migration ($provider)"
  if ! dotnet ef migrations has-pending-model-changes --no-build --configuration Release \
      --project "src/Oversight.Migrations.$provider" --startup-project src/Oversight.Web \
      -- --Database:Provider "$provider" >"$log_dir/model-$provider.log" 2>&1; then
    grep -v -E '^(Build started|Build succeeded)' "$log_dir/model-$provider.log" >&2 || true
    printf 'scripts/test.sh: the %s model check failed (above); after a model change, add a migration with the command in OversightDbContext'"'"'s remarks\n' "$provider" >&2
    model_status=1
  fi
done

# --- 4. The suite -------------------------------------------------------------------------------------------
step "Running the tests (SQLite and PostgreSQL)"
# CI stops a run at 90 minutes; a hung test should still leave a summary behind.
set +e
dotnet test --project tests/Oversight.Tests -c Release --no-build --no-ansi --no-progress --timeout 80m "$@" 2>&1 | tee "$log_dir/test.log"
test_status=${PIPESTATUS[0]}
set -e

# CI keeps only the end of the output: name each failed test, with the first lines of its message, last.
awk '/^ *failed [^:]/{n=12} n>0{print; n--}' "$log_dir/test.log"
awk '/^  failed: /{f=$2} /^  succeeded: /{s=$2} /^  skipped: /{k=$2} END{print s+0" passed, "f+0" failed, "k+0" skipped"}' "$log_dir/test.log"
if ((test_status == 0 && model_status != 0)); then
  exit "$model_status"
fi
exit "$test_status"
