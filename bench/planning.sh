#!/usr/bin/env bash
# Wave planner benchmark (JMH): one plan of 100,000 generated assets with 300,000 dependency edges,
# at 50 and 500 assets per wave, in milliseconds per plan (target < 2,000 ms).
#
#   bench/planning.sh               # 2 forks x 5 iterations
#   JMH_ARGS="-f 1 -wi 2 -i 3" bench/planning.sh
#
# Needs: JDK 17+ and Maven. Prints JMH's table; copy it into bench/results/<date>-planning.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
    WavePlannerBenchmark ${JMH_ARGS:--f 2 -wi 3 -i 5 -r 5s -w 5s}
