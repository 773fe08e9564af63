#!/usr/bin/env bash
# HTTP benchmark of the asset inventory at 100,000 assets (~300,000 dependency edges).
#
#   bench/run.sh            # full run: 20 s per measurement
#   DURATION=5 bench/run.sh # shorter
#
# Builds the jar, starts it on the machine's PostgreSQL (a fresh database "mp_bench"), loads the
# estate with SQL, then measures with wrk at 1, 16 and 64 connections. Results go to
# bench/results/<date>-assets.md. Needs: JDK 17+, Maven, PostgreSQL at 127.0.0.1:5432 (trust), wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-20}
ASSETS=${ASSETS:-100000}
PORT=${PORT:-18089}
PGHOST=127.0.0.1
DB=mp_bench
RESULT="$ROOT/bench/results/$(date -u +%Y-%m-%d)-assets.md"
WORK=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
[ -f target/migration-platform.jar ] || mvn -q -B -DskipTests package

psql -h $PGHOST -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres
export MIGRATE_JWT_SECRET="bench-secret-0123456789-0123456789-0123456789"
export MIGRATE_ADMIN_EMAIL=bench@example.com MIGRATE_ADMIN_PASSWORD=bench-password SERVER_PORT=$PORT
export LOGGING_LEVEL_ROOT=WARN
java -Xmx512m -jar target/migration-platform.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done

TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
export TOKEN
read -r ACCOUNT ENGAGEMENT < <(curl -sf "http://127.0.0.1:$PORT/api/v1/auth/me" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import sys,json;d=json.load(sys.stdin);print(d["default_client_account_id"], d["default_engagement_id"])')

echo "loading $ASSETS assets"
LOAD_START=$(date +%s.%N)
psql -h $PGHOST -U postgres -d $DB -q -v account="$ACCOUNT" -v engagement="$ENGAGEMENT" -v n="$ASSETS" -f bench/load-estate.sql
LOAD_SECONDS=$(echo "$(date +%s.%N) - $LOAD_START" | bc)
psql -h $PGHOST -U postgres -d $DB -q -c "VACUUM ANALYZE"   # what autovacuum does after a bulk load
pgbench -h $PGHOST -U postgres -i -s 10 -q $DB >/dev/null 2>&1  # tables for the pgbench -S ceiling
psql -h $PGHOST -U postgres -d $DB -Atq -c "SELECT id FROM assets ORDER BY random() LIMIT 2000" > "$WORK/ids.txt"
EDGES=$(psql -h $PGHOST -U postgres -d $DB -Atq -c "SELECT count(*) FROM asset_dependencies")

measure() { # name path connections
  local out
  # Warm-up (JIT, caches, pool) before each measurement; not recorded.
  IDS_FILE="$WORK/ids.txt" wrk -t1 -c4 -d3s -s bench/lua/bearer.lua "http://127.0.0.1:$PORT$2" >/dev/null
  out=$(IDS_FILE="$WORK/ids.txt" wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"${DURATION}s" --timeout 10s -s bench/lua/bearer.lua "http://127.0.0.1:$PORT$2" | grep RESULT)
  echo "| $1 | $3 | $(echo "$out" | sed -E 's/RESULT rps=([^ ]+) p50_ms=([^ ]+) p99_ms=([^ ]+) p999_ms=([^ ]+) errors=([^ ]+).*/\1 | \2 | \3 | \4 | \5/') |"
}

{
  echo "# Asset inventory benchmark — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB RAM, $(uname -sr); $(java -version 2>&1 | head -1);"
  echo "PostgreSQL $(psql -h $PGHOST -U postgres -d $DB -Atq -c 'SHOW server_version'); wrk and the server share the machine."
  echo
  echo "Estate: $ASSETS assets, $EDGES dependency edges in one engagement (loaded in ${LOAD_SECONDS%.*} s)."
  echo "Each measurement: ${DURATION} s, 2 wrk threads."
  echo
  echo "| endpoint | connections | req/s | p50 ms | p99 ms | p99.9 ms | errors |"
  echo "|---|---|---|---|---|---|---|"
  for c in 1 16 64; do
    measure 'ceiling: GET /ping (no auth, no database)' '/ping' $c
    echo "| ceiling: pgbench -S (same PostgreSQL) | $c | $(pgbench -h $PGHOST -U postgres -S -n -c $c -j $(( c < 2 ? 1 : 2 )) -T "$DURATION" $DB 2>/dev/null | awk '/^tps/{printf "%.0f", $3} /latency average/{lat=$4} END{printf " | avg %s | | | |", lat}')"
    measure 'GET /assets?page_size=50&environment=prod&sort_by=name' '/api/v1/assets?page_size=50&environment=prod&sort_by=name' $c
    measure 'GET /assets/summary (cached)' '/api/v1/assets/summary' $c
    measure 'GET /assets/{id}' '/api/v1/assets/{id}' $c
    measure 'GET /assets?search=host4242 (search)' '/api/v1/assets?search=host4242' $c
  done
  echo
  echo "Server RSS after the run: $(ps -o rss= -p $APP_PID | awk '{printf "%.0f MiB", $1/1024}')"
} | tee "$RESULT"
