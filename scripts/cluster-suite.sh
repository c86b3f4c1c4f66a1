#!/usr/bin/env bash
# Cluster suite (issue 19): runs the local platform on three KRaft brokers (RECIPROCITY_KAFKA_BROKERS=3:
# each broker its own process, every topic on three replicas, min.insync.replicas 2), the launcher in its
# own process, under load (members logging and validating contributions, a coordinator registering
# members), and kill -9s one broker at a time — the active controller and the leader of the busiest
# partition in turn — letting the launcher start it again and waiting until every partition has its three
# replicas in sync before the next kill. Then it checks every acknowledged write against the ledger and
# the topics (0 lost, 0 doubled, 0 phantom) and that every service's consumers caught up. Prints
# "N passed, M failed" and the figures; exits non-zero when a check failed.
#   scripts/cluster-suite.sh [failovers (10)] [seconds of load before each kill (6)] [first port (9700)]
# Uses fifteen ports from the first and a fresh temporary data folder. See docs/reliability.md.
# RECOVERY_SECONDS (300): how long a killed broker may take to be back and in sync; raise it on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
  -pl ledger-service,matching-service,notification-service,review-service,identity-service,bench -am
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
exec java -Xmx512m -Dlog4j2.configurationFile=classpath:kafka-log4j2.xml -Dreciprocity.project.dir="$PWD" \
  -Dreciprocity.crash.recovery-seconds="${RECOVERY_SECONDS:-300}" \
  -cp "$CP" org.reciprocity.bench.crash.ClusterSuite "$@"
