#!/usr/bin/env bash
# The benchmark suite's entry point.
#
#   bench/run.sh              # startup times + the HTTP benchmark of the asset inventory
#   bench/run.sh all          # the same, then the JMH benchmarks (analysis engine, wave planner, import parser)
#   bench/run.sh jmh          # the JMH benchmarks only
#   DURATION=5 bench/run.sh   # shorter measurements (default 10 s each)
#
# HTTP part: builds the jar, measures the startup of the embedded default and of the external-database mode,
# then starts the service on the machine's PostgreSQL (a fresh database "mp_bench"), loads 100,000 assets with
# ~300,000 dependency edges into one engagement and 1,000 assets into each of 10 other tenants, and measures
# with wrk (bench/lua/bearer.lua supplies the token) at 1, 16 and 64 connections: GET /assets/{id}, the filtered
# list page, the summary, search, POST /assets and PUT /assets/{id} — requests/s, p50/p99/p99.9 and errors — beside
# the ceilings measured in the same run at the same concurrency: pgbench -S on the same database and GET /ping
# (no token, no database). Every figure is also given as a ratio of both. The server's RSS is sampled throughout.
#
# Results: bench/results/<date>-assets.md (and <date>-jmh.md), written only when the run completes. Needs: JDK 17+,
# Maven, PostgreSQL at $PGHOST:$PGPORT (default 127.0.0.1:5432, user postgres, trust), pgbench, psql, wrk (installed with
# apt-get when missing and run as root), curl, python3, bc. Drops and re-creates the database mp_bench; leaves it
# behind for inspection (drop it with: psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE mp_bench').
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=${1:-http}
DURATION=${DURATION:-10}
ASSETS=${ASSETS:-100000}
TENANTS=${TENANTS:-10}
TENANT_ASSETS=${TENANT_ASSETS:-1000}
PORT=${PORT:-18089}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
export PGPORT
DB=mp_bench
DAY=$(date -u +%Y-%m-%d)
WORK=$(mktemp -d)
APP_PID=""
SAMPLER=""
trap 'kill $APP_PID $SAMPLER 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

machine() { # [http]
  local pg="SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings
            WHERE name IN ('shared_buffers', 'synchronous_commit', 'autovacuum', 'max_connections', 'work_mem', 'fsync')"
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem/{print $2}') GiB RAM,"
  echo "$(uname -sr); $(java -version 2>&1 | head -1); $(mvn -B -v 2>/dev/null | head -1 | sed "s/\x1b\[[0-9;]*m//g; s/ (.*//");"
  echo "PostgreSQL $(psql -h $PGHOST -U postgres -d postgres -Atq -c 'SHOW server_version') ($(psql -h $PGHOST -U postgres -d postgres -Atq -c "$pg"));"
  if [ "${1:-}" = http ]; then
    echo "$(wrk -v 2>&1 | head -1 | sed 's/ \[.*//'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); wrk, PostgreSQL and the server share the machine."
  else
    echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')."
  fi
}

run_jmh() {
  local out="$ROOT/bench/results/$DAY-jmh.md" partial="$WORK/jmh.md"
  local args=${JMH_ARGS:--f 1 -wi 3 -i 5 -r 5s -w 5s}
  {
    echo "# JMH benchmarks — $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    machine
    echo
    echo "JMH arguments: \`$args\` (analysis engine pinned to one core with taskset)."
    echo
    echo '```'
    JMH_ARGS="$args" bench/analysis.sh 2>&1 | grep -E '^(Benchmark|AnalysisEngine)'
    JMH_ARGS="$args" bench/planning.sh 2>&1 | grep -E '^(Benchmark|WavePlanner)'
    JMH_ARGS="$args" bench/import-parser.sh 2>&1 | grep -E '^(Benchmark|ImportParser)'
    echo '```'
    echo
    echo "Targets: analysis ≥ 50,000 assets/s on one core; a plan of 100,000 assets and 300,000 edges < 2,000 ms."
  } | tee "$partial"
  mv "$partial" "$out"
}

if [ "$MODE" = jmh ]; then run_jmh; exit 0; fi

command -v wrk >/dev/null || { echo "installing wrk"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
for tool in curl psql pgbench python3 bc; do command -v $tool >/dev/null || { echo "bench/run.sh needs $tool" >&2; exit 1; }; done
# Always build: the results name the commit, so they must come from its code.
mvn -q -B -DskipTests package
curl -s -o /dev/null "http://127.0.0.1:$PORT/" && { echo "port $PORT is in use (a server left from another run?); set PORT=" >&2; exit 1; }

export MIGRATE_JWT_SECRET="bench-secret-0123456789-0123456789-0123456789"
export MIGRATE_ADMIN_EMAIL=bench@example.com MIGRATE_ADMIN_PASSWORD=bench-password SERVER_PORT=$PORT
export LOGGING_LEVEL_ROOT=WARN

ready() { curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; }
# Starts the server and writes the seconds from "java -jar" to a ready answer (polled every 50 ms) to $WORK/elapsed.
start_server() {
  local s; s=$(date +%s.%N)
  java -Xmx512m -jar target/migration-platform.jar > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 2400); do ready && break; kill -0 $APP_PID 2>/dev/null || { cat "$WORK/app.log"; exit 1; }; sleep 0.05; done
  ready || { echo "the server did not become ready in 2 minutes" >&2; tail -50 "$WORK/app.log" >&2; exit 1; }
  echo "$(date +%s.%N) - $s" | bc > "$WORK/elapsed"
}
stop_server() { kill $APP_PID; wait $APP_PID 2>/dev/null || true; APP_PID=""; }

echo "measuring startup"
# The embedded default (in this shell, so the exit trap stops it if the run is interrupted).
unset SPRING_DATASOURCE_URL
export MIGRATE_DATA_DIR="$WORK/embedded"
start_server; mv "$WORK/elapsed" "$WORK/startup-embedded-first"; stop_server
start_server; mv "$WORK/elapsed" "$WORK/startup-embedded-again"; stop_server
unset MIGRATE_DATA_DIR
psql -h $PGHOST -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=postgres
start_server; STARTUP_EXTERNAL_FIRST=$(cat "$WORK/elapsed"); stop_server
start_server; STARTUP_EXTERNAL_AGAIN=$(cat "$WORK/elapsed")
( peak=0; while kill -0 $APP_PID 2>/dev/null; do r=$(ps -o rss= -p $APP_PID 2>/dev/null || echo 0)
  [ "${r:-0}" -gt "$peak" ] && peak=$r && echo $peak > "$WORK/peak"; sleep 0.5; done ) &
SAMPLER=$!

api() { curl -sf "http://127.0.0.1:$PORT/api/v1$1" -H "Authorization: Bearer $TOKEN" "${@:2}"; }
json() { python3 -c "import sys,json;print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password"}' | json '["access_token"]')
export TOKEN
ME=$(api /auth/me) || { echo "GET /auth/me failed" >&2; exit 1; }
read -r ACCOUNT ENGAGEMENT < <(echo "$ME" | python3 -c 'import sys,json;d=json.load(sys.stdin);print(d["default_client_account_id"], d["default_engagement_id"])')

echo "loading $ASSETS assets, and $TENANT_ASSETS in each of $TENANTS other tenants"
LOAD_START=$(date +%s.%N)
psql -h $PGHOST -U postgres -d $DB -q -v account="$ACCOUNT" -v engagement="$ENGAGEMENT" -v n="$ASSETS" -f bench/load-estate.sql
for i in $(seq 1 "$TENANTS"); do
  tenant=$(api /admin/client-accounts -X POST -H 'Content-Type: application/json' -d "{\"name\":\"Bench tenant $i\"}" | json '["id"]')
  engagement=$(api "/admin/client-accounts/$tenant/engagements" -X POST -H 'Content-Type: application/json' \
    -d '{"name":"Bench engagement"}' | json '["id"]')
  psql -h $PGHOST -U postgres -d $DB -q -v account="$tenant" -v engagement="$engagement" -v n="$TENANT_ASSETS" -f bench/load-estate.sql
done
LOAD_SECONDS=$(echo "$(date +%s.%N) - $LOAD_START" | bc)
psql -h $PGHOST -U postgres -d $DB -q -c "VACUUM ANALYZE"   # what autovacuum does after a bulk load
pgbench -h $PGHOST -U postgres -i -s 10 -q $DB >/dev/null 2>&1  # tables for the pgbench -S ceiling
psql -h $PGHOST -U postgres -d $DB -Atq -c "SELECT id FROM assets WHERE client_account_id = '$ACCOUNT' ORDER BY random() LIMIT 2000" > "$WORK/ids.txt"
read -r TOTAL_ASSETS EDGES < <(psql -h $PGHOST -U postgres -d $DB -Atq -F ' ' -c "SELECT (SELECT count(*) FROM assets),
  (SELECT count(*) FROM asset_dependencies WHERE engagement_id = '$ENGAGEMENT')")

declare -A PING PGB
ratio() { [ -n "$2" ] && [ "$2" != 0 ] && printf '%.0f%%' "$(echo "100 * $1 / $2" | bc -l)" || echo "—"; }
# measure <label> <path> <connections> [METHOD BODY]: a 3 s warm-up (JIT, caches, pool), then the measurement.
measure() {
  local label=$1 path=$2 c=$3 token=$TOKEN out rps
  [ "$path" = /ping ] && token=""
  local env=(TOKEN="$token" IDS_FILE="$WORK/ids.txt" METHOD="${4:-GET}")
  [ -n "${5:-}" ] && env+=(BODY="$5")
  local threads=$(( c < 2 ? 1 : 2 ))
  env "${env[@]}" wrk -t1 -c4 -d3s -s bench/lua/bearer.lua "http://127.0.0.1:$PORT$path" >/dev/null
  out=$(env "${env[@]}" wrk -t$threads -c"$c" -d"${DURATION}s" --timeout 10s -s bench/lua/bearer.lua "http://127.0.0.1:$PORT$path" | grep RESULT)
  rps=$(echo "$out" | sed -E 's/.*rps=([^ ]+).*/\1/')
  [ "$path" = /ping ] && PING[$c]=$rps
  echo "| $label | $c | $(echo "$out" | sed -E 's/RESULT rps=([^ ]+) p50_ms=([^ ]+) p99_ms=([^ ]+) p999_ms=([^ ]+) errors=([^ ]+).*/\1 | \2 | \3 | \4 | \5/') | $(ratio "$rps" "${PING[$c]:-}") | $(ratio "$rps" "${PGB[$c]:-}") |"
}
pgbench_row() {
  local c=$1 out tps lat
  out=$(pgbench -h $PGHOST -U postgres -S -n -c "$c" -j $(( c < 2 ? 1 : 2 )) -T "$DURATION" $DB 2>/dev/null)
  tps=$(echo "$out" | awk '/^tps/{printf "%.0f", $3}'); lat=$(echo "$out" | awk '/latency average/{print $4}')
  PGB[$c]=$tps
  echo "| ceiling: pgbench -S (select by primary key, same database) | $c | $tps | avg $lat | | | | | |"
}

LIST='/api/v1/assets?page_size=50&environment=prod&sort_by=name'
NEW_ASSET='{"name":"bench-new-{n}","asset_type":"server","environment":"dev","hostname":"bench-{n}.example.com","cpu_cores":4,"tags":["bench"]}'
CHANGE='{"business_owner":"owner {n}","cpu_utilization_pct":42.5}'
# Warm-up: every endpoint for a while at 16 connections, so the JIT has compiled the request path before the
# first measurement (without it, whichever endpoint came first paid for the compilation).
echo "warming up"
for path in /ping /api/v1/assets/{id} "$LIST" /api/v1/assets/summary '/api/v1/assets?search=host4242'; do
  t=$TOKEN; [ "$path" = /ping ] && t=""
  TOKEN="$t" IDS_FILE="$WORK/ids.txt" wrk -t2 -c16 -d"${WARMUP:-8}s" -s bench/lua/bearer.lua "http://127.0.0.1:$PORT$path" >/dev/null
done

RESULT="$ROOT/bench/results/$DAY-assets.md"
PARTIAL="$WORK/assets.md"   # moved into place only when the run completes
{
  echo "# Asset inventory benchmark — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  machine http
  echo
  echo "Estate: $ASSETS assets and $EDGES dependency edges in the measured engagement, $TOTAL_ASSETS assets in all"
  echo "($TENANTS other tenants of $TENANT_ASSETS assets each); loaded with SQL in $(printf '%.0f' "$LOAD_SECONDS") s. Server: \`java -Xmx512m -jar\`."
  echo "Warm-up: every read endpoint ${WARMUP:-8} s at 16 connections first (PUT just before the writes); then each measurement:"
  echo "${DURATION} s after 3 s at 4 connections; the warm-ups' results are not kept."
  echo "wrk with 2 threads (1 for one connection); ids drawn at random from 2,000 of the engagement's assets."
  echo "Reads at every concurrency first, then the writes (the POSTs add assets to the engagement as they go)."
  echo "Columns \"of ping\" and \"of pgbench\": requests/s as a share of the two ceilings at the same concurrency."
  echo
  echo "| endpoint | connections | req/s | p50 ms | p99 ms | p99.9 ms | errors | of ping | of pgbench |"
  echo "|---|---|---|---|---|---|---|---|---|"
  # Reads at every concurrency first, then the writes: the writes' inserts would otherwise sit in the GIN indexes'
  # pending lists (until autovacuum merges them) and slow the searches measured after them.
  for c in 1 16 64; do
    pgbench_row $c
    measure 'ceiling: GET /ping (no token, no database)' '/ping' $c
    measure 'GET /assets/{id}' '/api/v1/assets/{id}' $c
    measure 'GET /assets?page_size=50&environment=prod&sort_by=name' "$LIST" $c
    measure 'GET /assets/summary (cached)' '/api/v1/assets/summary' $c
    measure 'GET /assets?search=host4242' '/api/v1/assets?search=host4242' $c
  done
  TOKEN="$TOKEN" IDS_FILE="$WORK/ids.txt" METHOD=PUT BODY="$CHANGE" wrk -t2 -c16 -d"${WARMUP:-8}s" -s bench/lua/bearer.lua \
    "http://127.0.0.1:$PORT/api/v1/assets/{id}" >/dev/null
  for c in 1 16 64; do
    measure 'POST /assets' '/api/v1/assets' $c POST "$NEW_ASSET"
    measure 'PUT /assets/{id}' '/api/v1/assets/{id}' $c PUT "$CHANGE"
  done
  echo
  echo "Startup to a ready answer (\`/actuator/health/readiness\`), \`java -Xmx512m -jar\`:"
  echo
  echo "| mode | first start (empty database: migrations) | next start |"
  echo "|---|---|---|"
  echo "| embedded PostgreSQL (default; first start also unpacks PostgreSQL and runs initdb) | $(printf '%.1f' "$(cat "$WORK/startup-embedded-first")") s | $(printf '%.1f' "$(cat "$WORK/startup-embedded-again")") s |"
  echo "| external PostgreSQL (\`SPRING_DATASOURCE_URL\`) | $(printf '%.1f' "$STARTUP_EXTERNAL_FIRST") s | $(printf '%.1f' "$STARTUP_EXTERNAL_AGAIN") s |"
  echo
  echo "Server RSS: peak $(( $(cat "$WORK/peak") / 1024 )) MiB over the run, $(ps -o rss= -p $APP_PID | awk '{printf "%.0f", $1/1024}') MiB at the end."
} | tee "$PARTIAL"
mv "$PARTIAL" "$RESULT"

if [ "$MODE" = all ]; then stop_server; run_jmh; fi
