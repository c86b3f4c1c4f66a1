#!/usr/bin/env bash
# Stops the local platform that ./mvnw -Prun started in the background: the launcher stops the
# portal and the services (they finish their work), then the broker, then the store, and exits.
# Data is kept. RECIPROCITY_DATA (default data) chooses the platform, as the run command does.
#   scripts/stop.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(realpath -m "${RECIPROCITY_DATA:-data}")
PIDFILE="$DATA/pids/launcher.pid"
MARKER="-Dreciprocity.launcher.data=$DATA"

pid=$(head -1 "$PIDFILE" 2>/dev/null || true)
# the pid file may be stale and its pid given to another program since: only a launcher of this
# data folder (its marker on the command line) is stopped
if [ -z "$pid" ] || ! ps -p "$pid" -o args= 2>/dev/null | grep -qF -- "org.reciprocity.platform.LocalPlatform"; then
  echo "Reciprocity is not running on $DATA."
  exit 0
fi
if ! ps -p "$pid" -o args= | grep -qF -- "$MARKER"; then
  echo "The launcher (pid $pid) was not started by ./mvnw -Prun; stop it with Ctrl-C where it runs." >&2
  exit 1
fi
echo "Stopping Reciprocity (launcher pid $pid)..."
kill -TERM "$pid"
for _ in $(seq 1 120); do
  kill -0 "$pid" 2>/dev/null || { echo "Stopped. Your data is kept in $DATA."; exit 0; }
  sleep 1
done
# its children watch it and stop within seconds of it, however it ends
echo "The launcher did not stop within 2 minutes; stopping it by force (its children stop with it)."
kill -KILL "$pid" 2>/dev/null || true
echo "Stopped. Your data is kept in $DATA; $DATA/logs/platform.log says what it was doing."
