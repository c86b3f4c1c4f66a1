#!/usr/bin/env bash
# Stack floor benchmark: starts the local platform's broker, mongo-java-server and token issuer
# (no service) on ports 95xx, runs FloorApp (service-kit, no business) on 8480, and measures
# echo / insert / publish calls: requests/s, latency and CPU per request by process.
#   scripts/bench-floor.sh [requests per mode] [client threads] [modes, e.g. echo,insert,publish]
# Builds in the reactor (package, nothing installed into ~/.m2) and runs on the reactor's classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
CPFILE=$(mktemp /tmp/floor-cp.XXXXXX)
trap 'rm -f "$CPFILE"' EXIT
./mvnw -q -B -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile="$CPFILE" -Dmdep.appendOutput=false
CP="bench/target/classes:$(cat "$CPFILE")"
java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dlog4j2.configurationFile=classpath:kafka-log4j2.xml -Dreciprocity.project.dir="$PWD" \
  -cp "$CP" org.reciprocity.bench.floor.StackFloorBenchmark "$@"
