#!/usr/bin/env bash
# Import parser benchmark (JMH): a generated 100,000-row CMDB export read, then read + mapped + cleansed +
# validated, on one thread, in rows per second. No database: the Java side of an import only.
#
#   bench/import-parser.sh
#   JMH_ARGS="-f 1 -wi 1 -i 2" bench/import-parser.sh
#
# Needs: JDK 17+ and Maven. Prints JMH's table.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
    ImportParserBenchmark -t 1 ${JMH_ARGS:--f 1 -wi 3 -i 5 -r 5s -w 5s}
