#!/usr/bin/env bash
# Ledger benchmark: starts a fresh local platform on ports 93xx/83xx, posts validated
# contributions through the HTTP API and the broker, and measures plain Kafka beside it.
#   scripts/bench-ledger.sh [contributions] [client threads] [timebanks] [members per timebank] [rate]
# rate: validated contributions a second in an open loop (each started on schedule, latency from
# its scheduled start); 0, the default, is a closed loop (the threads post as fast as answers come).
# The ledger alone (no matching or notification consuming its events):
#   BENCH_JAVA_OPTS=-Dreciprocity.services=ledger-service scripts/bench-ledger.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -pl bench -am install
CP="bench/target/classes:$(./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dlog4j2.configurationFile=classpath:kafka-log4j2.xml -Dreciprocity.project.dir="$PWD" \
  -cp "$CP" org.reciprocity.bench.LedgerBenchmark "$@"
