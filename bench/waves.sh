#!/usr/bin/env bash
# Wave planning and exports end to end, at 100,000 assets with ~300,000 dependency edges.
#
#   bench/waves.sh              # 100,000 assets
#   ASSETS=10000 bench/waves.sh
#
# Builds the jar if needed, starts it with a 512 MiB heap on the machine's PostgreSQL (a fresh database
# "mp_bench_waves"), loads the estate with SQL (bench/load-estate.sql for the assets; its edges are
# replaced by an estate-shaped graph: applications of 50 assets in five tiers, most edges down a tier
# inside the application, some across, a few back up closing small cycles), then:
#   1. POST /waves/plan (500 assets a wave, pilot) and the time until the plan is completed, with the
#      planning flow's own split (read, plan, store) from the server log;
#   2. the server restarted with a small heap (EXPORT_HEAP, default 128 MiB: exports stream, so they must fit),
#      then the plan's export as CSV, XLSX and JSON, and GET /assets/export as CSV and XLSX, each with its size,
#      time and the server's peak RSS while it streams (sampled every 100 ms).
# Needs: JDK 17+, Maven, python3, curl, bc, PostgreSQL at 127.0.0.1:5432 (trust).
# Writes bench/results/<date>-waves.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ASSETS=${ASSETS:-100000}
PORT=${PORT:-18093}
PGHOST=127.0.0.1
DB=mp_bench_waves
RESULT="$ROOT/bench/results/$(date -u +%Y-%m-%d)-waves.md"
WORK=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true; cp "$WORK/app.log" /tmp/waves-bench.log 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f target/migration-platform.jar ] || mvn -q -B -DskipTests package
psql -h $PGHOST -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres
export MIGRATE_JWT_SECRET="bench-secret-0123456789-0123456789-0123456789"
export MIGRATE_ADMIN_EMAIL=bench@example.com MIGRATE_ADMIN_PASSWORD=bench-password SERVER_PORT=$PORT
export LOGGING_LEVEL_ROOT=WARN LOGGING_LEVEL_IO_MIGRATIONPLATFORM_PLANNING=INFO
EXPORT_HEAP=${EXPORT_HEAP:-128m}
start_server() { # heap
  java -Xmx"$1" -jar target/migration-platform.jar >> "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done
}
start_server 512m
B="http://127.0.0.1:$PORT/api/v1"
TOKEN=$(curl -sf -X POST "$B/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
H="Authorization: Bearer $TOKEN"
read -r ACCOUNT ENGAGEMENT < <(curl -sf "$B/auth/me" -H "$H" \
  | python3 -c 'import sys,json;d=json.load(sys.stdin);print(d["default_client_account_id"], d["default_engagement_id"])')

echo "loading $ASSETS assets"
psql -h $PGHOST -U postgres -d $DB -q -v account="$ACCOUNT" -v engagement="$ENGAGEMENT" -v n="$ASSETS" -f bench/load-estate.sql
psql -h $PGHOST -U postgres -d $DB -Atq -c "SELECT id FROM assets ORDER BY name" > "$WORK/ids.txt"
python3 - "$WORK/ids.txt" "$WORK/edges.csv" "$ACCOUNT" "$ENGAGEMENT" <<'PY'
import sys, random, uuid
ids = [line.strip() for line in open(sys.argv[1]) if line.strip()]
n, account, engagement = len(ids), sys.argv[3], sys.argv[4]
random.seed(42)
edges = set()
while len(edges) < 3 * n:
    src = random.randrange(n)
    tier, app = src % 5, src // 50
    roll = random.randrange(1000)
    if roll < 3 and tier > 0:
        dst = app * 50 + random.randrange(10) * 5 + tier - 1          # back up a tier: a small cycle
    elif tier == 4:
        dst = random.randrange(src // 5) * 5 + 4 if src >= 5 else src  # an older database
    else:
        lower = tier + 1 + random.randrange(4 - tier)
        target = app if roll < 850 else random.randrange(n // 50)
        dst = target * 50 + random.randrange(10) * 5 + lower
    if dst < n and dst != src:
        edges.add((src, dst))
with open(sys.argv[2], "w") as f:
    for s, d in edges:
        f.write(f"{uuid.uuid4()},{account},{engagement},{ids[s]},{ids[d]}\n")
PY
psql -h $PGHOST -U postgres -d $DB -q -c "TRUNCATE asset_dependencies" \
  -c "\\copy asset_dependencies (id, client_account_id, engagement_id, asset_id, depends_on_asset_id) FROM '$WORK/edges.csv' WITH (FORMAT csv)" \
  -c "ANALYZE assets" -c "ANALYZE asset_dependencies"
EDGES=$(psql -h $PGHOST -U postgres -d $DB -Atq -c "SELECT count(*) FROM asset_dependencies")

PEAK_FILE="$WORK/peak"
sample_rss() { # writes the peak RSS (KiB) seen until killed
  local peak=0 rss
  while true; do
    rss=$(ps -o rss= -p $APP_PID | tr -d ' '); [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" > "$PEAK_FILE"
    sleep 0.1
  done
}

plan_once() { # prints: seconds waves planned
  local start id status body
  start=$(date +%s.%N)
  id=$(curl -sf -X POST "$B/waves/plan" -H "$H" -H 'Content-Type: application/json' \
    -d '{"name": "bench", "max_assets_per_wave": 500, "pilot": true}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  while true; do
    body=$(curl -sf "$B/waves/$id?include_assets=false" -H "$H")
    status=$(echo "$body" | python3 -c 'import sys,json;print(json.load(sys.stdin)["status"])')
    [ "$status" = completed ] || [ "$status" = failed ] && break
    sleep 0.05
  done
  echo "$(echo "$(date +%s.%N) - $start" | bc) $id $(echo "$body" | python3 -c 'import sys,json;s=json.load(sys.stdin)["summary"];print(s["wave_count"], s["planned_assets"], s["cycles"], s["largest_cycle"], s["constraints_total"])')"
}

download() { # label path
  echo 0 > "$PEAK_FILE"
  sample_rss & local sampler=$!
  local out
  out=$(curl -sf -o /dev/null -w '%{size_download} %{time_total}' "$B$2" -H "$H")
  kill $sampler; wait $sampler 2>/dev/null || true
  read -r size seconds <<< "$out"
  echo "| $1 | $(python3 -c "print(f'{$size/1048576:.1f} MiB')") | $(python3 -c "print(f'{$seconds:.2f} s')") | $(( $(cat "$PEAK_FILE") / 1024 )) MiB |"
}

read -r COLD PLAN WAVES PLANNED CYCLES LARGEST CONSTRAINTS <<< "$(plan_once)"
read -r WARM PLAN2 _ <<< "$(plan_once)"
read -r WARM2 PLAN3 _ <<< "$(plan_once)"
SPLITS=$(grep "Wave plan" "$WORK/app.log" | sed -E 's/.*: ([0-9]+ assets read.*)/- \1/')
kill $APP_PID; wait $APP_PID 2>/dev/null || true
start_server "$EXPORT_HEAP"
TOKEN=$(curl -sf -X POST "$B/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
H="Authorization: Bearer $TOKEN"
{
  echo "# Wave planning and exports, end to end — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB RAM, $(uname -sr); $(java -version 2>&1 | head -1);"
  echo "PostgreSQL $(psql -h $PGHOST -U postgres -d $DB -Atq -c 'SHOW server_version'); server heap -Xmx512m; client and server share the machine."
  echo
  echo "Estate: $ASSETS assets, $EDGES dependency edges (\`bench/waves.sh\`). Plan: 500 assets a wave, pilot on →"
  echo "$PLANNED assets planned in $WAVES waves, $CYCLES cycles (largest $LARGEST), $CONSTRAINTS constraints."
  echo
  echo "| POST /waves/plan → completed | seconds |"
  echo "|---|---|"
  echo "| first plan (just-started JVM) | $(printf '%.2f' "$COLD") |"
  echo "| second plan | $(printf '%.2f' "$WARM") |"
  echo "| third plan | $(printf '%.2f' "$WARM2") |"
  echo
  echo "The planning flow's own split (server log, read → plan → store):"
  echo
  echo "$SPLITS"
  echo
  echo "Exports, on the server restarted with a $EXPORT_HEAP heap (it would fail if an export held its rows):"
  echo
  echo "| export | size | time | server peak RSS while streaming |"
  echo "|---|---|---|---|"
  download 'GET /waves/{id}/export?format=csv' "/waves/$PLAN/export?format=csv"
  download 'GET /waves/{id}/export?format=xlsx' "/waves/$PLAN/export?format=xlsx"
  download 'GET /waves/{id}/export?format=json' "/waves/$PLAN/export?format=json"
  download 'GET /assets/export?format=csv' "/assets/export?format=csv"
  download 'GET /assets/export?format=xlsx' "/assets/export?format=xlsx"
  echo
  echo "Server RSS after the run: $(ps -o rss= -p $APP_PID | awk '{printf "%.0f MiB", $1/1024}')"
} | tee "$RESULT"
