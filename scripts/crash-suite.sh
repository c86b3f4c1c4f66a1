#!/usr/bin/env bash
# Crash suite: runs the local platform (the launcher in its own process) under load and kill -9s
# each process in turn, then checks every acknowledged contribution against the ledger and its
# topics. Prints "N passed, M failed" and the figures; exits non-zero when a check failed.
#   scripts/crash-suite.sh [cycles per process (10)] [processes (launcher,ledger-service,matching-service,notification-service,kafka)] [seconds of load before each kill (6)]
# Uses ports 9600-9609 and a fresh temporary data folder. See docs/reliability.md.
# RECOVERY_SECONDS (240): how long a killed process may take to be healthy again; raise it on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java -Xmx768m -Dlog4j2.configurationFile=classpath:kafka-log4j2.xml -Dreciprocity.project.dir="$PWD" \
  -Dreciprocity.crash.recovery-seconds="${RECOVERY_SECONDS:-240}" \
  -cp "$CP" org.reciprocity.bench.crash.CrashSuite "$@"
