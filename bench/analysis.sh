#!/usr/bin/env bash
# Analysis engine benchmark (JMH): 100,000 generated assets through the rule engine on ONE thread,
# in assets per second (target >= 50,000/s on one core).
#
#   bench/analysis.sh               # 2 forks x 5 iterations of 100,000 assets
#   JMH_ARGS="-f 1 -wi 1 -i 2" bench/analysis.sh
#
# Needs: JDK 17+ and Maven. Prints JMH's table; copy it into bench/results/<date>-analysis.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# taskset pins the JVM to one core when available, so "one core" is what is measured.
PIN=""; command -v taskset >/dev/null && PIN="taskset -c 0"
$PIN java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
    AnalysisEngineBenchmark -t 1 ${JMH_ARGS:--f 2 -wi 3 -i 5 -r 5s -w 5s}
