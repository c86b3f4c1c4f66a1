#!/usr/bin/env bash
# Samples the CPU of every process on the machine until the file STOP exists, then writes, per kind of
# process (a service's jar, Chromium's process type, chromedriver, Maven, the test JVM...), the CPU seconds
# (user + sys) it used while sampled. Used to find where a build's or a test run's CPU goes
# (docs/benchmarks.md, "Build time (session 16)"). A process that lives less than one interval is missed.
# Usage: scripts/cpu-by-process.sh OUT [STOP=/tmp/cpu-by-process.stop] [EVERY=2]
set -uo pipefail
out=$1; stop=${2:-/tmp/cpu-by-process.stop}; every=${3:-2}
HZ=$(getconf CLK_TCK)
declare -A best name first
round=0
while [ ! -f "$stop" ]; do
  for p in /proc/[0-9]*; do
    pid=${p#/proc/}
    st=$(sed 's/.*) //' "$p/stat" 2>/dev/null) || continue
    read -r -a f <<< "$st"
    t=$(( ${f[11]} + ${f[12]} ))
    # processes already running when sampling starts count from then on
    if [ $round -eq 0 ] && [ -z "${first[$pid]:-}" ]; then first[$pid]=$t; fi
    if [ -z "${best[$pid]:-}" ] || [ "$t" -gt "${best[$pid]}" ]; then
      best[$pid]=$t
      if [ -z "${name[$pid]:-}" ]; then
        cmd=$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null)
        n=$(echo "$cmd" | grep -oE '[a-z]+-service-exec\.jar|web-exec\.jar|surefire|failsafe|plexus-classworlds|chromedriver|kafka-log4j2' | head -1)
        case "$cmd" in
          *chromium*--type=*) n=chromium$(echo "$cmd" | grep -oE -- '--type=[a-z-]+' | head -1) ;;
          *chromium*) n=chromium-browser ;;
        esac
        [ -z "$n" ] && n=$(echo "$cmd" | awk '{print $1}' | xargs -r basename 2>/dev/null)
        name[$pid]=${n:-kernel}
      fi
    fi
  done
  round=1
  sleep "$every"
done
for pid in "${!best[@]}"; do echo "$pid ${name[$pid]} $(( ${best[$pid]} - ${first[$pid]:-0} ))"; done \
  | awk -v hz="$HZ" '{s[$2]+=$3/hz} END {for (k in s) printf "%-40s %8.1f\n",k,s[k]}' | sort -k2 -rn > "$out"
