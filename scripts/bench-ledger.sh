#!/usr/bin/env bash
# Ledger benchmark: starts a fresh local platform on ports 93xx/83xx, posts validated
# contributions through the HTTP API and the broker, and measures plain Kafka beside it.
# It does so twice in one run: with the embedded store's writes as they were before issue 12
# (not forced to disk), then durable (forced before each answer); the last table compares them.
#   scripts/bench-ledger.sh [contributions] [client threads] [timebanks] [members per timebank] [rate]
# rate: validated contributions a second in an open loop (each started on schedule, latency from
# its scheduled start); 0, the default, is a closed loop (the threads post as fast as answers come).
# The ledger alone (no matching or notification consuming its events):
#   BENCH_JAVA_OPTS=-Dreciprocity.services=ledger-service scripts/bench-ledger.sh ...
# One store only: BENCH_JAVA_OPTS=-Dreciprocity.bench.store=durable (or non-durable); or a list in
# turn, e.g. -Dreciprocity.bench.store=non-durable,durable,non-durable.
set -euo pipefail
cd "$(dirname "$0")/.."
# package, not install: the classpath is read from this reactor's own build (the local Maven
# repository is shared and keeps no copy of these modules)
CP_FILE="$PWD/bench/target/bench-classpath.txt"
./mvnw -q -B -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile="$CP_FILE"
CP="bench/target/classes:$(cat "$CP_FILE")"
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dlog4j2.configurationFile=classpath:kafka-log4j2.xml -Dreciprocity.project.dir="$PWD" \
  -cp "$CP" org.reciprocity.bench.LedgerBenchmark "$@"
