#!/usr/bin/env bash
# Discovery import benchmark: a generated 100,000-row CSV, upload → execute → assets committed,
# against PostgreSQL COPY of the same rows into a plain table, and against PostgreSQL alone writing
# what the import wrote (its floor on this machine), in the same run.
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

# PostgreSQL alone writing what the import wrote: the staged rows, the assets with their audit entries and the
# row outcomes, the edges with theirs — COPY'd from files into an empty copy of the schema, each group in one
# transaction as the import does it (edges through a temporary table, as the import adds them). The import
# cannot be faster than this on the same machine.
for q in "discovery_import_rows" "assets" "discovery_import_outcomes" \
         "(SELECT asset_id, depends_on_asset_id FROM asset_dependencies) TO" \
         "(SELECT client_account_id, engagement_id, asset_id, action, changes, actor_id, actor_email, source, request_id FROM asset_audit_log WHERE action = 'import') TO" \
         "(SELECT client_account_id, engagement_id, asset_id, action, changes, actor_id, actor_email, source, request_id FROM asset_audit_log WHERE action = 'dependency_add') TO"; do
  n=$((${n:-0} + 1))
  case "$q" in *" TO") src="${q% TO}" ;; *) src="$q" ;; esac
  psql -h 127.0.0.1 -U postgres -d $DB -q -c "\\copy $src TO '$WORK/floor-$n.csv' WITH (FORMAT csv)"
done
kill $APP_PID; wait $APP_PID 2>/dev/null || true
FLOOR_DB=${DB}_floor
psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $FLOOR_DB" -c "CREATE DATABASE $FLOOR_DB TEMPLATE $DB"
psql -h 127.0.0.1 -U postgres -d $FLOOR_DB -q -c "TRUNCATE assets, asset_audit_log, discovery_import_rows, discovery_import_outcomes, discovery_import_issues CASCADE" -c "CHECKPOINT"
AUDIT="asset_audit_log (client_account_id, engagement_id, asset_id, action, changes, actor_id, actor_email, source, request_id)"
timed() { local s; s=$(date +%s.%N); psql -h 127.0.0.1 -U postgres -d $FLOOR_DB -q -v ON_ERROR_STOP=1 "$@"; echo "$(date +%s.%N) - $s" | bc; }
FLOOR_STAGE=$(timed -c "\\copy discovery_import_rows FROM '$WORK/floor-1.csv' WITH (FORMAT csv)")
FLOOR_INVENTORY=$(timed -c "BEGIN" -c "\\copy assets FROM '$WORK/floor-2.csv' WITH (FORMAT csv)" \
  -c "\\copy $AUDIT FROM '$WORK/floor-5.csv' WITH (FORMAT csv)" -c "\\copy discovery_import_outcomes FROM '$WORK/floor-3.csv' WITH (FORMAT csv)" -c "COMMIT")
FLOOR_EDGES=$(timed -c "BEGIN" -c "CREATE TEMPORARY TABLE new_edges (asset_id uuid, target uuid) ON COMMIT DROP" \
  -c "\\copy new_edges FROM '$WORK/floor-4.csv' WITH (FORMAT csv)" \
  -c "INSERT INTO asset_dependencies (id, client_account_id, engagement_id, asset_id, depends_on_asset_id) SELECT gen_random_uuid(), a.client_account_id, a.engagement_id, e.asset_id, e.target FROM new_edges e JOIN assets a ON a.id = e.asset_id ON CONFLICT (asset_id, depends_on_asset_id) DO NOTHING" \
  -c "\\copy $AUDIT FROM '$WORK/floor-6.csv' WITH (FORMAT csv)" -c "COMMIT")
psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE $FLOOR_DB"
FLOOR=$(echo "$FLOOR_STAGE + $FLOOR_INVENTORY + $FLOOR_EDGES" | bc)

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
  echo "| PostgreSQL alone writing what the import wrote (staged rows $(printf '%.1f' "$FLOOR_STAGE") s; assets, their audit entries and outcomes $(printf '%.1f' "$FLOOR_INVENTORY") s; edges and theirs $(printf '%.1f' "$FLOOR_EDGES") s) | $(printf '%.1f' "$FLOOR") s |"
  echo "| ratio import / PostgreSQL alone | $(echo "scale=1; $TOTAL / $FLOOR" | bc) × |"
  echo "| server RSS before → peak | $((BASE_RSS / 1024)) MiB → $(( $(cat "$WORK/peak") / 1024 )) MiB (heap limit -Xmx1g) |"
  echo
  echo "Result: $(python3 -c "import json;d=json.load(open('$WORK/import.json'));print(d['status'], json.dumps(d['result']))")"
  echo
  echo "Phases: $(python3 -c "import json;d=json.load(open('$WORK/import.json'));print('; '.join(p['name']+' '+p['started_at'][11:19]+'→'+p['finished_at'][11:19] for p in d['phases']))")"
} | tee "$RESULT"
