#!/usr/bin/env bash
# Builds review-service and runs its benchmark (a main class, not a test): M members and T ledger entries
# over 2026 put on the real embedded broker, review-service folding the topics from the start (events/s),
# then one month's review page read cold and R times warm (p50/p95/p99), parity and indicators, on the
# platform's default store (mongo-java-server on platform's durable H2 backend, compiled here from
# platform's own sources) unless BACKEND says h2, memory or durable-h2-keymemo (the platform's store with its
# unique indexes' keys compared without re-serialising them: scripts/bench-review/BenchKeyMemoNode.java). Recorded in docs/benchmarks/review.md.
# Usage: scripts/bench-review-service.sh [M=100000] [T=2000000] [R=200] [BACKEND=durable-h2|durable-h2-keymemo|h2|memory]
# Heap: HEAP=8g (the broker, the store and the service share this one JVM). JAVA_OPTS: more JVM options
# RAW_LOG=file keeps the whole output (warnings, stack traces) besides. (e.g. JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/review.jfr to profile a run).
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE=review-service/target/bench-classpath.txt
PLATFORM_CLASSES=review-service/target/bench-platform-classes
./mvnw -B -q -pl review-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="review-service/target/test-classes:review-service/target/classes:$(cat "$CP_FILE")"
mkdir -p "$PLATFORM_CLASSES"
javac -nowarn -d "$PLATFORM_CLASSES" -cp "$CP" \
  platform/src/main/java/org/reciprocity/platform/MongoNode.java \
  platform/src/main/java/org/reciprocity/platform/DurableH2Backend.java \
  platform/src/main/java/org/reciprocity/platform/GroupCommit.java \
  platform/src/main/java/org/reciprocity/platform/PlatformLog.java \
  scripts/bench-review/BenchKeyMemoNode.java
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with changes)'); args: ${*:-defaults}"
exec java -Xmx"${HEAP:-8g}" -XX:+UseParallelGC ${JAVA_OPTS:-} -cp "$PLATFORM_CLASSES:$CP" \
  org.reciprocity.review.bench.ReviewBenchmark "${1:-100000}" "${2:-2000000}" "${3:-200}" "${4:-durable-h2}" 2>&1 | tee "${RAW_LOG:-/dev/null}" \
  | grep --line-buffered -vE '^\s|^[0-9:.]+ \[|WARN|SLF4J|^\{' || true
