#!/usr/bin/env bash
# A consistent backup of the running local platform (./mvnw -Prun): the embedded store and the
# broker's data, taken by the launcher while everything runs (the services pause for about a second).
#   scripts/backup.sh                  # into data/backups/<UTC time>
#   scripts/backup.sh /mnt/usb/rcp-1   # into a new folder of your choice
# The launcher's port is RECIPROCITY_ISSUER_PORT (default 9000). Restore with scripts/restore.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${RECIPROCITY_ISSUER_PORT:-9000}"
target=""
if [ $# -gt 0 ]; then
  target="$(realpath -m "$1")"
fi
if ! answer=$(curl -sS --max-time 300 -X POST --data-binary "$target" -w '\n%{http_code}' "http://127.0.0.1:$port/dev/backup"); then
  echo "The local platform does not answer on port $port. Is it running (./mvnw -Prun)?" >&2
  exit 1
fi
status="${answer##*$'\n'}"
body="${answer%$'\n'*}"
if [ "$status" != "200" ]; then
  echo "No backup was taken: $body" >&2
  exit 1
fi
echo "Backup taken: $body"
