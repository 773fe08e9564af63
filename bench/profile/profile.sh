#!/usr/bin/env bash
# Profiles one endpoint with JFR while wrk loads it: the method samples behind docs/benchmarks.md.
#
#   bench/profile/profile.sh '/api/v1/assets/{id}' [connections=64] [seconds=15]
#
# Uses the database bench/run.sh leaves behind (mp_bench, 100,000 assets). Starts the jar with -Xmx512m,
# warms the endpoint up for 10 s, records 1 ms method sampling (JFR's "profile" settings with the sampling
# period lowered from 10 ms) for the measured run, and prints the hot frames (bench/profile/jfr_hot.py).
# The recording stays in target/profile-<time>.jfr for JDK Mission Control.
set -euo pipefail
cd "$(dirname "$0")/../.."
ENDPOINT=$1; CONNS=${2:-64}; SECONDS_=${3:-15}; PORT=${PORT:-18096}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}
JFR_OUT="target/profile-$(date +%H%M%S).jfr"
[ -f target/migration-platform.jar ] || mvn -q -B -DskipTests package
JAVA_HOME_=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
python3 - "$JAVA_HOME_/lib/jfr/profile.jfc" target/fine.jfc <<'PY'
import re, sys
settings = open(sys.argv[1]).read()
settings = re.sub(r'(<event name="jdk.ExecutionSample">.*?<setting name="period"[^>]*>)[^<]*', r'\g<1>1 ms', settings, flags=re.S)
open(sys.argv[2], "w").write(settings)
PY
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/mp_bench" SPRING_DATASOURCE_USERNAME=postgres
export MIGRATE_JWT_SECRET="bench-secret-0123456789-0123456789-0123456789"
export MIGRATE_ADMIN_EMAIL=bench@example.com MIGRATE_ADMIN_PASSWORD=bench-password SERVER_PORT=$PORT LOGGING_LEVEL_ROOT=WARN
java -Xmx512m -jar target/migration-platform.jar > target/profile-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
[ "$ENDPOINT" = /ping ] && TOKEN=""
export TOKEN IDS_FILE=target/profile-ids.txt
psql -h "$PGHOST" -U postgres -d mp_bench -Atq -c "SELECT a.id FROM assets a JOIN users u ON u.default_engagement_id = a.engagement_id
  WHERE u.email = 'bench@example.com' ORDER BY random() LIMIT 2000" > "$IDS_FILE"
wrk -t2 -c16 -d10s -s bench/lua/bearer.lua "http://127.0.0.1:$PORT$ENDPOINT" >/dev/null
jcmd $APP JFR.start name=profile settings="$(pwd)/target/fine.jfc" filename="$(pwd)/$JFR_OUT" >/dev/null
wrk -t2 -c"$CONNS" -d"${SECONDS_}s" -s bench/lua/bearer.lua "http://127.0.0.1:$PORT$ENDPOINT" | grep RESULT
jcmd $APP JFR.stop name=profile >/dev/null
python3 bench/profile/jfr_hot.py "$JFR_OUT"
