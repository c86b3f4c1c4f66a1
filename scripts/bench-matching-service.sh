#!/usr/bin/env bash
# Builds matching-service's test classes and runs its benchmark (a main class, not a test):
# suggestions on a generated timebank of 100,000 open listings and 20,000 members, and the
# batch planner on 2,000 needs x 2,000 offers beside a greedy baseline.
# Usage: scripts/bench-matching-service.sh [members] [listings] [queries] [planner-side]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl matching-service -am test-compile -DskipTests
./mvnw -B -q -pl matching-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt -o
# this tree's own modules first, ahead of any installed snapshot of them
CP="matching-service/target/test-classes:matching-service/target/classes:contracts/target/classes"
CP="$CP:service-kit/target/classes:$(cat matching-service/target/bench-classpath.txt)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
exec java -Xmx2g -cp "$CP" org.reciprocity.matching.bench.MatchingBenchmark "$@"
