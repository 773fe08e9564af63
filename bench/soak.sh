#!/usr/bin/env bash
# Soak test: 10 minutes of mixed load at about 70% of the mix's measured capacity, recording errors, latency,
# the server's RSS and heap every 10 s (issue 11).
#
#   bench/soak.sh                       # 600 s at 70%
#   SECONDS_TOTAL=120 SHARE=0.5 bench/soak.sh
#
# Starts the service (-Xmx512m, as bench/run.sh) on a fresh database "mp_soak" of the machine's PostgreSQL, loads
# 20,000 assets with ~60,000 edges, measures the mix's capacity (16 workers, closed loop, 30 s), then holds SHARE of
# that rate open-loop (bench/soak/Soak.java: each request is due at its own time, latency counts from then).
# The mix: 35% GET /assets/{id}, 15% list pages, 12% summary, 10% search, 8% dependencies, 5% audit trail,
# 7% PUT /assets/{id}, 8% POST /assets. Writes bench/results/<date>-soak.md; exits non-zero on any error.
# Needs: JDK 17+, Maven, PostgreSQL at 127.0.0.1:5432 (trust), curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TOTAL=${SECONDS_TOTAL:-600}
SHARE=${SHARE:-0.7}
ASSETS=${ASSETS:-20000}
PORT=${PORT:-18091}
DB=mp_soak
WORK=$(mktemp -d)
APP_PID=""
trap 'kill $APP_PID 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

mvn -q -B -DskipTests package
psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres
export MIGRATE_JWT_SECRET="soak-secret-0123456789-0123456789-0123456789"
export MIGRATE_ADMIN_EMAIL=soak@example.com MIGRATE_ADMIN_PASSWORD=soak-password SERVER_PORT=$PORT LOGGING_LEVEL_ROOT=WARN
# The soak's own user makes thousands of writes: the per-user limits on expensive operations don't apply to them,
# but keep them out of the way anyway.
java -Xmx512m -jar target/migration-platform.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 0.5; done
json() { python3 -c "import sys,json;print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"soak@example.com","password":"soak-password"}' | json '["access_token"]')
read -r ACCOUNT ENGAGEMENT < <(curl -sf "http://127.0.0.1:$PORT/api/v1/auth/me" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import sys,json;d=json.load(sys.stdin);print(d["default_client_account_id"], d["default_engagement_id"])')
psql -h 127.0.0.1 -U postgres -d $DB -q -v account="$ACCOUNT" -v engagement="$ENGAGEMENT" -v n="$ASSETS" -f bench/load-estate.sql
psql -h 127.0.0.1 -U postgres -d $DB -q -c "VACUUM ANALYZE"
psql -h 127.0.0.1 -U postgres -d $DB -Atq -c "SELECT id FROM assets ORDER BY random() LIMIT 2000" > "$WORK/ids.txt"

STATUS=0
java bench/soak/Soak.java "http://127.0.0.1:$PORT" "$TOKEN" "$WORK/ids.txt" "$APP_PID" "$TOTAL" "$SHARE" "$WORK/soak.md" || STATUS=$?
{
  echo "# Soak — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB RAM; $(java -version 2>&1 | head -1); PostgreSQL $(psql -h 127.0.0.1 -U postgres -d postgres -Atq -c 'SHOW server_version');"
  echo "commit $(git rev-parse --short HEAD); server -Xmx512m; $ASSETS assets; the load generator, PostgreSQL and the server share the machine."
  echo
  cat "$WORK/soak.md"
  echo
  echo "Server log lines at WARN or above during the run: $(grep -cE " (WARN|ERROR) " "$WORK/app.log" || true)"
  grep -E " (WARN|ERROR) " "$WORK/app.log" | cut -c1-300 | sed "s/^/    /" || true
} > "$ROOT/bench/results/$(date -u +%Y-%m-%d)-soak.md"
cat "$ROOT/bench/results/$(date -u +%Y-%m-%d)-soak.md"
exit $STATUS
