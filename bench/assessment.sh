#!/usr/bin/env bash
# Assessment benchmark, end to end: an estate of 10,000 assets (with dependencies) imported, then
# POST /assessments over all of them and the time until it is completed: read the assets and the
# dependency graph → analyse → analyses and decisions stored. Target: under 5 s. Two runs: a cold
# JVM, then a second assessment of the same estate.
#
#   bench/assessment.sh               # 10,000 assets
#   ASSETS=2000 bench/assessment.sh
#
# Needs: JDK 17+, Maven, python3, curl, bc, PostgreSQL at 127.0.0.1:5432 (trust).
# Writes bench/results/<date>-assessment.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ASSETS=${ASSETS:-10000}
PORT=${PORT:-18091}
DB=mp_bench_assessment
RESULT="$ROOT/bench/results/$(date -u +%Y-%m-%d)-assessment.md"
WORK=$(mktemp -d)
trap 'kill $APP_PID 2>/dev/null || true; wait $APP_PID 2>/dev/null || true; cp "$WORK/app.log" /tmp/assessment-bench.log 2>/dev/null || true; rm -rf "$WORK"' EXIT

[ -f target/migration-platform.jar ] || mvn -q -B -DskipTests package
python3 - "$WORK/estate.csv" "$ASSETS" <<'PY'
import sys, random
path, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
oss = ["Windows Server 2012 R2", "Windows 2008 R2", "RHEL 7.9", "RHEL 8", "Ubuntu 20.04 LTS", "Ubuntu 22.04", "SLES 12 SP5",
       "Windows Server 2019", "CentOS 6", "AIX 7.1", "Oracle Linux 7"]
stacks = ["", "Java 8 Spring", "Java 17 Spring Boot", "COBOL CICS", "Node.js 16", "PostgreSQL 9.6", "SQL Server 2014",
          "Oracle 19c", "IIS .NET Framework 4.8", "Python 2.7", "Docker Kubernetes"]
with open(path, "w") as f:
    f.write("asset_id,asset_name,asset_type,os,software,environment,criticality,cpu_cores,memory_gb,storage_gb,cpu_utilization,dependencies\n")
    for i in range(1, n + 1):
        deps = ",".join(f"A{random.randint(1, n):06d}" for _ in range(random.randint(0, 3)))
        f.write(f"A{i:06d},host-{i:06d},{random.choice(['Server', 'Virtual Machine', 'Database', 'Application'])},"
                f"{random.choice(oss)},{random.choice(stacks)},{random.choice(['Production', 'Development', 'Test'])},"
                f"{random.choice(['Critical', 'High', 'Medium', 'Low'])},{random.choice([2, 4, 8, 16, 32, 64])},"
                f"{random.choice([4, 8, 16, 64, 256])},{random.randint(20, 20000)},{random.randint(0, 95)},\"{deps}\"\n")
PY

psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SPRING_DATASOURCE_USERNAME=postgres
export MIGRATE_JWT_SECRET="bench-secret-0123456789-0123456789-0123456789"
export MIGRATE_ADMIN_EMAIL=bench@example.com MIGRATE_ADMIN_PASSWORD=bench-password SERVER_PORT=$PORT LOGGING_LEVEL_ROOT=WARN LOGGING_LEVEL_IO_MIGRATIONPLATFORM_ASSESSMENTS=INFO LOGGING_LEVEL_IO_MIGRATIONPLATFORM_ANALYSIS=DEBUG
java -Xmx1g -jar target/migration-platform.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break; sleep 1; done
B="http://127.0.0.1:$PORT/api/v1"
TOKEN=$(curl -sf -X POST "$B/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"bench@example.com","password":"bench-password"}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["access_token"])')
H="Authorization: Bearer $TOKEN"
json() { python3 -c "import sys,json;d=json.load(sys.stdin);print($1)"; }

ID=$(curl -sf -X POST "$B/discovery/imports" -H "$H" -F "file=@$WORK/estate.csv" | json 'd["id"]')
curl -sf -X POST "$B/discovery/imports/$ID/execute" -H "$H" >/dev/null
until curl -sf "$B/discovery/imports/$ID" -H "$H" | json 'd["status"]' | grep -qE 'completed|failed'; do sleep 0.5; done
IMPORTED=$(curl -sf "$B/discovery/imports/$ID" -H "$H" | json 'd["result"]')

run() {  # one assessment of every asset; prints "<seconds from POST to completed> <task seconds> <assessment id>"
  local start end aid
  start=$(date +%s.%N)
  aid=$(curl -sf -X POST "$B/assessments" -H "$H" -H 'Content-Type: application/json' -d "{\"name\": \"bench $1\", \"filters\": {}}" | json 'd["id"]')
  until curl -sf "$B/assessments/$aid" -H "$H" | json 'd["status"]' | grep -qE 'completed|failed'; do sleep 0.05; done
  end=$(date +%s.%N)
  local flow; flow=$(curl -sf "$B/assessments/$aid" -H "$H" | json 'd["flow_id"]')
  local inside; inside=$(curl -sf "$B/flows/$flow" -H "$H" | python3 -c '
import sys, json, datetime
d = json.load(sys.stdin)
p = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
print("%.2f" % (p(d["finished_at"]) - p(d["started_at"])).total_seconds())')
  echo "$(echo "$end - $start" | bc) $inside $aid"
}
read -r COLD COLD_TASK AID1 <<<"$(run cold)"
read -r WARM WARM_TASK AID2 <<<"$(run warm)"
SUMMARY=$(curl -sf "$B/assessments/$AID2" -H "$H" | json 'json.dumps({k: d["summary"][k] for k in ("by_strategy", "by_readiness", "decisions")})')
{
  echo "# Assessment benchmark — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB RAM; $(java -version 2>&1 | head -1); PostgreSQL $(psql -h 127.0.0.1 -U postgres -d $DB -Atq -c 'SHOW server_version'); client and server share the machine."
  echo
  echo "Estate: $ASSETS generated assets imported through discovery ($IMPORTED), up to 3 dependencies each."
  echo
  echo "| run | POST /assessments → status completed | inside the flow (read → analyse → store) |"
  echo "|---|---|---|"
  echo "| cold JVM | $(printf '%.2f' "$COLD") s | $COLD_TASK s |"
  echo "| second assessment | $(printf '%.2f' "$WARM") s | $WARM_TASK s |"
  echo
  echo "Summary of the second run: $SUMMARY"
} | tee "$RESULT"
