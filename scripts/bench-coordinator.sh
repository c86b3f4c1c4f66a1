#!/usr/bin/env bash
# Coordinator pages benchmark (issue 16): a fresh local platform on free ports, a generated timebank
# ([members] members, [listings] open listings, written through the services' APIs by [threads]
# callers at once), a coordinator signed in through the portal, then [requests] rounds, one request
# at a time, of: the queue page, a listing's suggestions page, and matching's queue and suggestions
# and the ledger's coordinator queue called directly. Times at the client and the server's own (Tomcat's
# access log, switched on below for every service and the portal, %D in microseconds).
#   scripts/bench-coordinator.sh [members=10000] [listings=20000] [requests=200] [threads=16] [coordinators=4]
# After the one-at-a-time rounds, [coordinators] coordinators at once (own sessions), [requests]/[coordinators] rounds each
# of: the queue's overview, one kind's "see more", a random listing's suggestions page (0: not run).
# BENCH_DATA=<folder>: the platform's data kept there; a later run with the same folder measures the
# timebank made then (generate once, measure again after a rebuild). BENCH_NO_BUILD=1: no build first.
# Not part of the build: a benchmark on a shared machine is a record, not a pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."
CP_FILE="$PWD/bench/target/bench-classpath.txt"
# BENCH_NO_BUILD=1 runs what was built last (a second run on the same tree)
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  ./mvnw -q -B -o -DskipTests -pl bench -am package dependency:build-classpath -Dmdep.outputFile="$CP_FILE"
fi
# The run works on a copy of what was built (the services' jars, the launcher's classpath): a build
# beside it (another branch, the next change) cannot replace a jar under a running service.
RUN_DIR="$(mktemp -d -t reciprocity-bench-run-XXXXXX)"
for m in identity-service ledger-service matching-service notification-service web; do
  mkdir -p "$RUN_DIR/$m/target" && cp "$m/target/$m-exec.jar" "$RUN_DIR/$m/target/"
done
mkdir -p "$RUN_DIR/cp" && cp -r bench/target/classes "$RUN_DIR/cp/bench-classes"
CP="$RUN_DIR/cp/bench-classes"
IFS=: read -ra ENTRIES < "$CP_FILE" || true  # no newline at its end
for e in "${ENTRIES[@]}"; do
  if [[ "$e" == "$PWD"/* ]]; then
    copy="$RUN_DIR/cp/$(echo "${e#"$PWD"/}" | tr / _)"; cp -r "$e" "$copy"; e="$copy"
  fi
  CP="$CP:$e"
done
ACCESS_LOGS="$(mktemp -d -t reciprocity-access-logs-XXXXXX)"
# Every Spring process the launcher starts inherits these: one access log per process, by its name.
export SERVER_TOMCAT_ACCESSLOG_ENABLED=true
export SERVER_TOMCAT_ACCESSLOG_DIRECTORY="$ACCESS_LOGS"
export SERVER_TOMCAT_ACCESSLOG_PREFIX='access-${spring.application.name}'
export SERVER_TOMCAT_ACCESSLOG_SUFFIX=.log
export SERVER_TOMCAT_ACCESSLOG_ROTATE=false
export SERVER_TOMCAT_ACCESSLOG_BUFFERED=false
export SERVER_TOMCAT_ACCESSLOG_PATTERN='%{X-Bench}i %m %U %q %s %D'
# Every generated need was published minutes ago; matching's queue lists needs waiting 7 days by
# default, so it would list none. 0 days: every open need is "waiting", the queue's heaviest case.
export RECIPROCITY_MATCHING_QUEUE_NEED_WAITS="${RECIPROCITY_MATCHING_QUEUE_NEED_WAITS:-0d}"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "access logs: $ACCESS_LOGS; jars copied to $RUN_DIR; commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ' + uncommitted changes')"
exec java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dlog4j2.configurationFile=classpath:kafka-log4j2.xml -Dreciprocity.project.dir="$RUN_DIR" \
  -Dreciprocity.bench.access-logs="$ACCESS_LOGS" ${BENCH_DATA:+-Dreciprocity.bench.data="$BENCH_DATA"} -cp "$CP" org.reciprocity.bench.coordinator.CoordinatorBenchmark "$@"
