#!/usr/bin/env bash
# Takes names, e-mails, kinds and free text out of the records already on a broker's topics
# (records written before issue 18 carried them; the topics are kept for ever). Run it ONCE when
# upgrading a deployment on your own broker, with EVERY service stopped (it refuses while a consumer
# group is reading). The local platform (./mvnw -Prun) does this by itself at its next start.
#   scripts/scrub-topics.sh kafka-1:9092,kafka-2:9092,kafka-3:9092
# Take a backup of the brokers first: topics are deleted and written again.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ne 1 ]; then
  echo "usage: scripts/scrub-topics.sh <bootstrap servers>   (every service stopped)" >&2
  exit 2
fi
./mvnw -B -q -pl platform -am compile dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath.txt \
  -Dmdep.includeScope=runtime
cp="platform/target/classes:$(cat platform/target/classpath.txt)"
exec java -cp "$cp" org.reciprocity.platform.TopicScrub "$1"
