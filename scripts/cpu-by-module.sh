#!/usr/bin/env bash
# CPU seconds per Maven module: each process is charged to the module whose test JVM (surefire/failsafe) it
# descends from (its cwd); Maven itself and the rest separately. Samples until STOP exists.
set -uo pipefail
out=$1; stop=${2:-/tmp/cpu-by-module.stop}; every=${3:-3}
HZ=$(getconf CLK_TCK)
declare -A best first mod ppid
round=0
modof() { # pid -> module of nearest ancestor test JVM
  local p=$1 d=0
  while [ "$p" -gt 1 ] && [ $d -lt 30 ]; do
    if [ -n "${mod[$p]:-}" ]; then echo "${mod[$p]}"; return; fi
    local c; c=$(tr '\0' ' ' < /proc/$p/cmdline 2>/dev/null)
    case "$c" in
      *surefire*|*failsafe*) local m; m=$(basename "$(readlink /proc/$p/cwd)"); mod[$p]=$m; echo "$m"; return ;;
      *plexus-classworlds*) echo maven; return ;;
    esac
    p=$(awk '{print $4}' /proc/$p/stat 2>/dev/null | head -1); [ -z "$p" ] && break
    d=$((d+1))
  done
  echo other
}
declare -A owner
while [ ! -f "$stop" ]; do
  for p in /proc/[0-9]*; do
    pid=${p#/proc/}
    st=$(sed 's/.*) //' "$p/stat" 2>/dev/null) || continue
    read -r -a f <<< "$st"
    t=$(( ${f[11]} + ${f[12]} ))
    if [ $round -eq 0 ] && [ -z "${first[$pid]:-}" ]; then first[$pid]=$t; fi
    if [ -z "${owner[$pid]:-}" ]; then owner[$pid]=$(modof "$pid"); fi
    if [ -z "${best[$pid]:-}" ] || [ "$t" -gt "${best[$pid]}" ]; then best[$pid]=$t; fi
  done
  round=1
  sleep "$every"
done
for pid in "${!best[@]}"; do echo "$pid ${owner[$pid]} $(( ${best[$pid]} - ${first[$pid]:-0} ))"; done \
  | awk -v hz="$HZ" '{s[$2]+=$3/hz} END {for (k in s) printf "%-30s %8.1f\n",k,s[k]}' | sort -k2 -rn > "$out"
