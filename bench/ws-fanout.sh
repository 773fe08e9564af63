#!/usr/bin/env bash
# WebSocket fan-out benchmark: 1,000 subscribers of one scope on one instance, 20 flow updates
# published through FlowUpdates; latency from publish() to each subscriber's listener, p50/p99/max.
#
#   bench/ws-fanout.sh                                  # 1,000 subscribers, 5 warm-up + 20 measured updates
#   SUBSCRIBERS=200 UPDATES=50 bench/ws-fanout.sh
#
# The application runs in the benchmark's JVM (WsFanoutBench in the test sources) on the embedded
# PostgreSQL in a temporary directory; the clients are the JDK's WebSocket client in the same JVM,
# so both share the machine's cores. Writes bench/results/<date>-ws-fanout.md.
# Needs: JDK 17+ and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
SUBSCRIBERS=${SUBSCRIBERS:-1000}
UPDATES=${UPDATES:-20}
RESULT="bench/results/$(date -u +%Y-%m-%d)-ws-fanout.md"
ulimit -n 65536 2>/dev/null || true

mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
java -Xmx1g ${JAVA_OPTS:-} -Dsubscribers="$SUBSCRIBERS" -Dupdates="$UPDATES" \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.migrationplatform.flows.bench.WsFanoutBench 2>&1 | tee "$OUT" | grep -E '^(RESULT|\|)' || true
grep -q '^RESULT' "$OUT" || { echo "benchmark failed; output:"; tail -50 "$OUT"; exit 1; }

{
  echo "# WebSocket fan-out benchmark — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM;"
  echo "$(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)."
  echo "Command: \`SUBSCRIBERS=$SUBSCRIBERS UPDATES=$UPDATES bench/ws-fanout.sh\` — server and JDK WebSocket clients in one JVM"
  echo "(-Xmx1g), embedded PostgreSQL, in-process fan-out (no Redis), one update every 100 ms after 5 warm-up updates."
  echo
  grep '^RESULT' "$OUT" | sed 's/^RESULT /Run: /'
  echo
  grep '^|' "$OUT"
} > "$RESULT"
echo "written: $RESULT"
