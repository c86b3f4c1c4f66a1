#!/usr/bin/env bash
# Resident memory of the running local platform (started by ./mvnw -Prun), from /proc: every process
# the run command leaves running — the launcher, every process below it, anything else that carries
# the launcher's marker for this data folder (a child an earlier launcher left behind), and the
# launcher's parent if that is still Maven. RSS is what the 2 GB budget is about (the kernel counts
# each process's pages, shared ones too); PSS shares the shared pages out and is shown beside it.
#
#   scripts/measure-memory.sh                  once, now (at idle: wait a minute after the start)
#   scripts/measure-memory.sh --load 120 [6]   under load for 120 s with 6 clients: each registers
#                                              two members (two new ones every 20 rounds) and gets
#                                              their tokens, then logs and confirms hours in a loop,
#                                              reads statements, the inbox and the directory, and
#                                              opens the portal; RSS is sampled every 5 s, the peak
#                                              total and each process's highest are printed
# RECIPROCITY_DATA (default data) chooses the platform as the run command does.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(realpath -m "${RECIPROCITY_DATA:-data}")
MARKER="-Dreciprocity.launcher.data=$DATA"
PIDFILE="$DATA/pids/launcher.pid"

launcher_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid=$(head -1 "$PIDFILE")
  [ -d "/proc/$pid" ] || return 1
  echo "$pid"
}

LAUNCHER=$(launcher_pid) || { echo "The local platform is not running on $DATA (no live pid in $PIDFILE)." >&2; exit 1; }

# pid -> parent pid, for every process
parents() { for stat in /proc/[0-9]*/stat; do awk '{sub(/^[0-9]+ \(.*\) /, ""); print FILENAME, $2}' "$stat" 2>/dev/null; done \
  | sed 's#/proc/\([0-9]*\)/stat#\1#'; }

# every process to count: the launcher, its descendants, marked processes, and a Maven parent
platform_pids() {
  local table all=("$LAUNCHER") frontier=("$LAUNCHER") next pid child
  table=$(parents)
  while [ ${#frontier[@]} -gt 0 ]; do
    next=()
    for pid in "${frontier[@]}"; do
      for child in $(awk -v p="$pid" '$2 == p {print $1}' <<<"$table"); do all+=("$child"); next+=("$child"); done
    done
    frontier=("${next[@]+"${next[@]}"}")
  done
  for pid in $(grep -lsF -- "$MARKER" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3); do
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = java ] && all+=("$pid")  # not this grep, which names the marker too
  done
  local parent
  parent=$(awk -v p="$LAUNCHER" '$1 == p {print $2}' <<<"$table")
  if [ -n "$parent" ] && tr '\0' ' ' < "/proc/$parent/cmdline" 2>/dev/null | grep -q 'plexus-classworlds\|maven'; then
    all+=("$parent")
  fi
  printf '%s\n' "${all[@]}" | sort -un
}

name_of() {
  local cmd
  cmd=$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null) || { echo gone; return; }
  case "$cmd" in
    *org.reciprocity.platform.LocalPlatform*) echo launcher ;;
    *kafka.Kafka*) echo kafka ;;
    *plexus-classworlds*|*maven*) echo maven ;;
    *) grep -o '[a-z-]*-exec\.jar' <<<"$cmd" | head -1 | sed 's/-exec\.jar//' | grep . || echo "$(basename "$(cut -d' ' -f1 <<<"$cmd")")" ;;
  esac
}

kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/$3" 2>/dev/null || true; }

# one line per process: pid name rss_kb pss_kb
snapshot() {
  local pid rss pss
  for pid in $(platform_pids); do
    rss=$(kb "$pid" VmRSS status); pss=$(kb "$pid" Pss smaps_rollup)
    if [ -n "$rss" ]; then echo "$pid $(name_of "$pid") $rss ${pss:-0}"; fi
  done
}

report() {  # stdin: snapshot lines
  awk '{printf "  %-22s pid %-7s %6.0f MB RSS  %6.0f MB PSS\n", $2, $1, $3/1024, $4/1024; r += $3; p += $4}
       END {printf "  %-22s %11s %6.0f MB RSS  %6.0f MB PSS\n", "total", "", r/1024, p/1024}'
}

echo "$(date -u +%FT%TZ) $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), data $DATA"

if [ "${1:-}" != "--load" ]; then
  snapshot | report
  exit 0
fi

SECONDS_OF_LOAD=${2:-120}
CLIENTS=${3:-6}
port() { local v; v=$(printenv "RECIPROCITY_${1}_PORT" || true); echo "${v:-$2}"; }
LEDGER=http://127.0.0.1:$(port LEDGER 8081)
MATCHING=http://127.0.0.1:$(port MATCHING 8082)
NOTIFICATION=http://127.0.0.1:$(port NOTIFICATION 8083)
PAGES=http://127.0.0.1:$(port ISSUER 9000)
PORTAL=http://localhost:$(port WEB 8080)
TB=${RECIPROCITY_DEV_TIMEBANK:-demo}
TOKEN=$(cat "$DATA/dev-token.txt")
WORK=$(mktemp -d /tmp/reciprocity-memory-XXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
STOP_AT=$(( $(date +%s) + SECONDS_OF_LOAD ))

member() {  # display name -> member id
  curl -s -X POST "$LEDGER/api/v1/timebanks/$TB/members" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"kind\":\"NEIGHBOUR\",\"displayName\":\"$1\",\"email\":\"$(tr ' ' . <<<"$1")@example.org\",\"language\":\"en\"}" \
    | sed 's/.*"id":"\([^"]*\)".*/\1/'
}

client() {  # one member gives to another and the other confirms, again and again
  local n=$1 i=0 giver receiver giver_token receiver_token c ok=0 failed=0 status
  while [ "$(date +%s)" -lt "$STOP_AT" ]; do
    # a new pair every 20 rounds (5 hours): the ledger refuses more than a member may take unconfirmed
    if [ $((i % 20)) -eq 0 ]; then
      giver=$(member "Giver $n $RANDOM"); receiver=$(member "Receiver $n $RANDOM")
      giver_token=$(curl -s "$PAGES/dev/token?timebank=$TB&member=$giver&roles=MEMBER")
      receiver_token=$(curl -s "$PAGES/dev/token?timebank=$TB&member=$receiver&roles=MEMBER")
    fi
    i=$((i + 1))
    c=$(curl -s -X POST "$LEDGER/api/v1/timebanks/$TB/contributions" -H "Authorization: Bearer $giver_token" \
      -H 'Content-Type: application/json' -H "Idempotency-Key: mem-$n-$RANDOM-$RANDOM" \
      -d "{\"side\":\"GIVER\",\"giverId\":\"$giver\",\"receiverId\":\"$receiver\",\"minutes\":15,\"happenedOn\":\"$(date -u +%F)\",\"kind\":\"PEER_SUPPORT\",\"description\":\"Memory check\"}" \
      | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$LEDGER/api/v1/timebanks/$TB/contributions/$c/validation" \
      -H "Authorization: Bearer $receiver_token" -H 'Content-Type: application/json' -d '{"note":"Thank you!"}')
    case "$status" in 2*) ok=$((ok + 1)) ;; *) failed=$((failed + 1)) ;; esac
    curl -s -o /dev/null "$LEDGER/api/v1/timebanks/$TB/members/$giver/statement" -H "Authorization: Bearer $giver_token"
    curl -s -o /dev/null "$NOTIFICATION/api/v1/timebanks/$TB/inbox" -H "Authorization: Bearer $receiver_token"
    curl -s -o /dev/null "$MATCHING/api/v1/timebanks/$TB/directory" -H "Authorization: Bearer $giver_token"
    curl -s -o /dev/null -L "$PORTAL/"
  done
  echo "$ok $failed" > "$WORK/client-$n"
}

for n in $(seq 1 "$CLIENTS"); do client "$n" & done
: > "$WORK/samples"
while [ "$(date +%s)" -lt "$STOP_AT" ]; do
  snapshot | awk -v t="$(date +%s)" '{print t, $0}' >> "$WORK/samples"
  sleep 5
done
wait
read -r ok failed < <(cat "$WORK"/client-* | awk '{o += $1; f += $2} END {print o + 0, f + 0}')
echo "load: $CLIENTS clients for $SECONDS_OF_LOAD s: $ok contributions logged and confirmed, $failed failed"
PEAK=$(awk '{sum[$1] += $4} END {for (t in sum) if (sum[t] > max) {max = sum[t]; at = t}; print at}' "$WORK/samples")
echo "at the peak total ($(date -u -d "@$PEAK" +%TZ)):"
awk -v t="$PEAK" '$1 == t {print $2, $3, $4, $5}' "$WORK/samples" | report
echo "each process's highest during the load:"
awk '{if ($4 > rss[$3]) {rss[$3] = $4; pss[$3] = $5; pid[$3] = $2}} END {for (n in rss) print pid[n], n, rss[n], pss[n]}' "$WORK/samples" \
  | sort -k2 | report
echo "after the load:"
snapshot | report
