#!/usr/bin/env bash
# Portal benchmark (issue 15): a fresh local platform on free ports with the demo timebank, then
# [members] members signed in through the portal for real (password, OAuth2 redirects, a cookie jar
# each), all browsing and logging hours at once for [seconds]; page times p50/p95/p99 by page and
# overall, errors, CPU by process per page, and identity-service's per-page check measured beside.
#   scripts/bench-portal.sh [members=50] [seconds=120] [think-millis=0]
# Not part of the build: a benchmark on a shared machine is a record, not a pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."
# package, not install: the classpath is read from this reactor's own build
CP_FILE="$PWD/bench/target/bench-classpath.txt"
./mvnw -q -B -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile="$CP_FILE"
CP="bench/target/classes:$(cat "$CP_FILE")"
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dlog4j2.configurationFile=classpath:kafka-log4j2.xml -Dreciprocity.project.dir="$PWD" \
  -cp "$CP" org.reciprocity.bench.portal.PortalBenchmark "$@"
