#!/usr/bin/env bash
# Builds notification-service and runs its inbox burst benchmark (a main class, not a test):
# N ContributionLogged events in a burst, p50/p95/p99 delay from event to inbox item, beside a
# bare Kafka consumer's delay for the same burst. Usage: scripts/bench-notification-service.sh [N] [WARMUP]
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE=notification-service/target/bench-classpath.txt
./mvnw -B -q -pl notification-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
exec java -Xmx2g -cp "notification-service/target/test-classes:notification-service/target/classes:$(cat "$CP_FILE")" \
  org.reciprocity.notification.bench.InboxBurstBenchmark "${1:-10000}" "${2:-2000}" 2>&1 \
  | grep -vE '^\s|^[0-9:.]+ \[|WARN|SLF4J|^\{' || true
