#!/usr/bin/env bash
# CPU seconds per Maven module: every process charged to the module whose test JVM started it (docs/benchmarks.md,
# "Session 18"). Usage: scripts/cpu-by-module.sh OUT [STOP=/tmp/cpu-by-module.stop] [EVERY=3]
exec env BY=module "$(dirname "$0")/cpu-by-process.sh" "$1" "${2:-/tmp/cpu-by-module.stop}" "${3:-3}"
