#!/usr/bin/env bash
# Restores a backup taken by scripts/backup.sh into a data folder that holds no store and no broker
# data yet (a fresh folder, or one whose old data you moved away), then says how to start on it.
#   scripts/restore.sh data/backups/20261130-201500            # into data/
#   scripts/restore.sh /mnt/usb/rcp-1 /srv/reciprocity/data    # into another folder
# The platform must not be running on that folder. On its next start the broker checks the copied
# logs, the ledger rolls any half-done change forward and the services publish what was still waiting.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ]; then
  echo "usage: scripts/restore.sh <backup folder> [data folder, default: \${RECIPROCITY_DATA:-data}]" >&2
  exit 2
fi
backup="$(realpath -m "$1")"
data="$(realpath -m "${2:-${RECIPROCITY_DATA:-data}}")"
if [ ! -f "$backup/backup.txt" ] || [ ! -d "$backup/mongo" ] || [ ! -d "$backup/kafka/logs" ]; then
  echo "$backup is not a Reciprocity backup (no backup.txt, mongo/ and kafka/logs/ in it)." >&2
  exit 1
fi
if [ -f "$data/pids/launcher.pid" ] && kill -0 "$(head -1 "$data/pids/launcher.pid")" 2>/dev/null \
    && tr '\0' ' ' < "/proc/$(head -1 "$data/pids/launcher.pid")/cmdline" 2>/dev/null | grep -q java; then
  echo "The platform seems to run on $data (pid $(head -1 "$data/pids/launcher.pid")). Stop it first (Ctrl-C)." >&2
  exit 1
fi
if [ -e "$data/mongo" ] || [ -e "$data/kafka" ]; then
  echo "$data already holds data (mongo/ or kafka/). Nothing was changed." >&2
  echo "Restore into a fresh folder, or move the old data away first, e.g.: mv $data $data.before-restore" >&2
  exit 1
fi
mkdir -p "$data/kafka"
cp -a "$backup/mongo" "$data/mongo"
cp -a "$backup/kafka/logs" "$data/kafka/logs"
echo "Restored $backup into $data."
echo "Start on it with: RECIPROCITY_DATA=$data ./mvnw -Prun"
