#!/usr/bin/env bash
# Issue 19: does a request wait on the broker? Runs the local platform (the launcher in its own
# process), keeps coordinators registering members and members logging hours through the ledger's
# API, and prints each call's latency p50 / p99 / max with the broker running, away (kill -9, and
# again at each restart, for the outage's length) and back; then checks that every acknowledged
# registration and logging is on its topic exactly once. Exits non-zero when that check fails.
#   scripts/bench-broker-outage.sh [seconds per phase (30)] [seconds of outage (30)] [first port (9650)]
# Uses ten ports from the first and a fresh temporary data folder. See docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -pl ledger-service,matching-service,notification-service,identity-service,bench -am
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -Xmx512m -Dlog4j2.configurationFile=classpath:kafka-log4j2.xml -Dreciprocity.project.dir="$PWD" \
  -cp "$CP" org.reciprocity.bench.crash.BrokerOutageBench "$@"
