#!/usr/bin/env bash
# Discovery import benchmark: a generated 100,000-row CSV, upload → execute → assets committed,
# against PostgreSQL COPY of the same rows into a plain table, in the same run.
#
#   bench/import.sh            # 100,000 rows
#   ROWS=20000 bench/import.sh
#
# Needs: JDK 17+, Maven, python3, PostgreSQL at 127.0.0.1:5432 (trust). Writes bench/results/<date>-import.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROWS=${ROWS:-100000}
PORT=${PORT:-18090}
DB=mp_bench_import
RESULT="$ROOT/bench/results/$(date -u +%Y-%m-%d)-import.md"
WORK=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; kill $SAMPLER 2>/dev/null || true; wait $APP_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f target/migration-platform.jar ] || mvn -q -B -DskipTests package
python3 - "$WORK/estate.csv" "$ROWS" <<'PY'
import sys, random
path, n = sys.argv[1], int(sys.argv[2])
random.seed(42)
envs = ["Production", "PRD", "Development", "QA", "UAT", "Staging"]
types = ["Server", "Virtual Machine", "Database", "Application"]
oss = ["Windows Server 2012 R2", "RHEL 7.9", "Ubuntu 20.04 LTS", "SLES 12 SP5", "Windows Server 2019"]
with open(path, "w") as f:
    f.write("asset_id,asset_name,asset_type,ip_address,os,environment,criticality,owner,cpu_cores,memory_gb,storage_gb,dependencies\n")
    for i in range(1, n + 1):
        deps = ",".join(f"A{random.randint(1, n):07d}" for _ in range(random.randint(0, 3)))
        f.write(f"A{i:07d},host-{i:07d},{random.choice(types)},10.{i // 65536 % 256}.{i // 256 % 256}.{i % 256},"
                f"{random.choice(oss)},{random.choice(envs)},{random.choice(['High', 'Medium', 'Low'])},Team {i % 50},"
                f"{2 + i % 30},\"{4 + i % 120},5\",{50 + i % 2000},\"{deps}\"\n")
PY
SIZE=$(du -h "$WORK/estate.csv" | cut -f1)

psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres
export MIGRATE_JWT_SECRET="bench-secret-0123456789-0123456789-0123456789"
export MIGRATE_ADMIN_EMAIL=bench@example.com MIGRATE_ADMIN_PASSWORD=bench-password SERVER_PORT=$PORT LOGGING_LEVEL_ROOT=WARN
java -Xmx1g -jar target/migration-platform.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done
( peak=0; while kill -0 $APP_PID 2>/dev/null; do r=$(ps -o rss= -p $APP_PID 2>/dev/null || echo 0); [ "${r:-0}" -gt "$peak" ] && peak=$r && echo $peak > "$WORK/peak"; sleep 0.2; done ) &
SAMPLER=$!
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
H="Authorization: Bearer $TOKEN"
BASE_RSS=$(ps -o rss= -p $APP_PID)

START=$(date +%s.%N)
ID=$(curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/discovery/imports" -H "$H" -F "file=@$WORK/estate.csv" \
  | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
UPLOADED=$(date +%s.%N)
curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/discovery/imports/$ID/execute" -H "$H" >/dev/null
while true; do
  STATUS=$(curl -sf "http://127.0.0.1:$PORT/api/v1/discovery/imports/$ID" -H "$H" | python3 -c 'import sys,json;print(json.load(sys.stdin)["status"])')
  [ "$STATUS" = completed ] || [ "$STATUS" = failed ] && break
  sleep 0.5
done
END=$(date +%s.%N)
curl -sf "http://127.0.0.1:$PORT/api/v1/discovery/imports/$ID" -H "$H" > "$WORK/import.json"

psql -h 127.0.0.1 -U postgres -d $DB -q -c "CREATE TABLE copy_target (asset_id text, asset_name text, asset_type text, ip_address text, os text, environment text, criticality text, owner text, cpu_cores text, memory_gb text, storage_gb text, dependencies text)"
COPY_START=$(date +%s.%N)
psql -h 127.0.0.1 -U postgres -d $DB -q -c "\\copy copy_target FROM '$WORK/estate.csv' WITH (FORMAT csv, HEADER true)"
COPY_END=$(date +%s.%N)

TOTAL=$(echo "$END - $START" | bc); UPLOAD=$(echo "$UPLOADED - $START" | bc); COPY=$(echo "$COPY_END - $COPY_START" | bc)
{
  echo "# Discovery import benchmark — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB RAM; $(java -version 2>&1 | head -1); PostgreSQL $(psql -h 127.0.0.1 -U postgres -d $DB -Atq -c 'SHOW server_version'); client and server share the machine."
  echo
  echo "Input: generated CMDB export, $ROWS rows ($SIZE), 12 columns, up to 3 dependencies per row, decimal commas."
  echo
  echo "| measure | value |"
  echo "|---|---|"
  echo "| upload (detect, suggest mappings, stage every row) | $(printf '%.1f' "$UPLOAD") s |"
  echo "| upload + execute (all five phases, assets and edges committed) | $(printf '%.1f' "$TOTAL") s |"
  echo "| PostgreSQL \\\\copy of the same file into a plain text table | $(printf '%.1f' "$COPY") s |"
  echo "| ratio import / COPY | $(echo "scale=1; $TOTAL / $COPY" | bc) × |"
  echo "| server RSS before → peak | $((BASE_RSS / 1024)) MiB → $(( $(cat "$WORK/peak") / 1024 )) MiB (heap limit -Xmx1g) |"
  echo
  echo "Result: $(python3 -c "import json;d=json.load(open('$WORK/import.json'));print(d['status'], json.dumps(d['result']))")"
  echo
  echo "Phases: $(python3 -c "import json;d=json.load(open('$WORK/import.json'));print('; '.join(p['name']+' '+p['started_at'][11:19]+'→'+p['finished_at'][11:19] for p in d['phases']))")"
} | tee "$RESULT"
