#!/usr/bin/env bash
# Builds review-service and runs its benchmark (a main class, not a test): M members and T validated
# contributions over a year put on the real broker, review-service folding the topics from the start
# (events/s), then R reads of one month's review page (p50/p95), parity and indicators.
# Usage: scripts/bench-review-service.sh [M] [T] [R]
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE=review-service/target/bench-classpath.txt
./mvnw -B -q -o -pl review-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=test >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
exec java -Xmx2g -cp "review-service/target/test-classes:review-service/target/classes:$(cat "$CP_FILE")" \
  org.reciprocity.review.bench.ReviewBenchmark "${1:-10000}" "${2:-100000}" "${3:-30}" 2>&1 \
  | grep -vE '^\s|^[0-9:.]+ \[|WARN|SLF4J|^\{' || true
