#!/usr/bin/env bash
# Idle CPU of the local platform: starts it on fresh data (default ports), waits until every service
# is healthy and 60 s more, then prints each process's CPU over 30 s (from /proc/<pid>/stat).
#   scripts/platform-idle-cpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -pl bench -am install
CP="bench/target/classes:$(./mvnw -q -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
DATA=$(mktemp -d /tmp/reciprocity-idle-XXXX)
LOG="$DATA/platform.log"
java -Xmx1g -Dlog4j2.configurationFile=classpath:kafka-log4j2.xml -Dreciprocity.project.dir="$PWD" -Dreciprocity.data="$DATA" \
  -cp "$CP" org.reciprocity.platform.LocalPlatform > "$LOG" 2>&1 &
PLATFORM=$!
trap 'kill $PLATFORM 2>/dev/null; wait $PLATFORM 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do grep -q "all services healthy" "$LOG" && break; sleep 1; done
grep -q "all services healthy" "$LOG" || { echo "the platform did not come up; see $LOG"; exit 1; }
sleep 60
snapshot() {
  for pid in $PLATFORM $(pgrep -P $PLATFORM); do
    name=$(tr '\0' ' ' < /proc/$pid/cmdline | grep -o 'ledger-service\|matching-service\|notification-service\|kafka.Kafka\|LocalPlatform' | head -1)
    echo "$pid $(awk '{print $14 + $15}' /proc/$pid/stat) ${name:-other}"
  done
}
snapshot > "$DATA/a"; sleep 30; snapshot > "$DATA/b"
TICKS=$(getconf CLK_TCK)
join "$DATA/a" "$DATA/b" | awk -v t="$TICKS" '{ms = ($4 - $2) * 1000 / t / 30; sum += ms; printf "%-22s %5.0f ms of CPU a second\n", $3, ms} END {printf "%-22s %5.0f ms of CPU a second\n", "all", sum}'
