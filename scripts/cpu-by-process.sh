#!/usr/bin/env bash
# Samples the CPU of every process on the machine until the file STOP exists, then writes, per kind of
# process (a service's jar, Chromium's process type, chromedriver, Maven, the test JVM...), the CPU seconds
# (user + sys) it used while sampled. Used to find where a build's or a test run's CPU goes
# (docs/benchmarks.md, "Build time (session 16)"). A process that lives less than one interval is missed.
# With BY=module, each process is charged instead to the Maven module whose test JVM (surefire or failsafe) it
# descends from (that JVM's working folder), Maven itself as "maven" (scripts/cpu-by-module.sh).
# Usage: [BY=module] scripts/cpu-by-process.sh OUT [STOP=/tmp/cpu-by-process.stop] [EVERY=2]
set -uo pipefail
out=$1; stop=${2:-/tmp/cpu-by-process.stop}; every=${3:-2}
HZ=$(getconf CLK_TCK)
declare -A best name first testjvm
round=0
# the module of the nearest test JVM above a process, "maven", or "other"
module_of() {
  local p=$1 d=0 c
  while [ "$p" -gt 1 ] && [ $d -lt 30 ]; do
    if [ -n "${testjvm[$p]:-}" ]; then echo "${testjvm[$p]}"; return; fi
    c=$(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null)
    case "$c" in
      *surefire*|*failsafe*) testjvm[$p]=$(basename "$(readlink "/proc/$p/cwd")"); echo "${testjvm[$p]}"; return ;;
      *plexus-classworlds*) echo maven; return ;;
    esac
    p=$(awk '{print $4}' "/proc/$p/stat" 2>/dev/null); [ -z "$p" ] && break
    d=$((d+1))
  done
  echo other
}
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
      if [ -z "${name[$pid]:-}" ] && [ "${BY:-process}" = module ]; then
        name[$pid]=$(module_of "$pid")
      elif [ -z "${name[$pid]:-}" ]; then
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
