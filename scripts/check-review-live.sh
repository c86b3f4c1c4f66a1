#!/usr/bin/env bash
# From outside, on a running local platform (./mvnw -Prun in another terminal, timebank demo): registers two
# members, logs and validates three contributions through the ledger's API and waits for each to show in
# review-service's month (exact minutes, and how long it took); sends 20 identical review requests at once
# (the bodies must be identical); kill -9's review-service and reads again once the launcher has it back.
# Usage: scripts/check-review-live.sh [project folder, default .]
set -u
cd "${1:-.}"
TOKEN=$(cat data/dev-token.txt)
H="Authorization: Bearer $TOKEN"
M=$(date -u +%Y-%m)
review() { curl -s "http://127.0.0.1:8085/api/v1/timebanks/demo/review/members?from=$M&to=$M&size=500" -H "$H"; }
given() { review | python3 -c 'import sys,json; d=json.load(sys.stdin); print(d["givenMinutes"], d["total"])'; }
echo "before: $(given)"
A=$(curl -s -X POST http://127.0.0.1:8081/api/v1/timebanks/demo/members -H "$H" -H 'Content-Type: application/json' \
  -d '{"kind":"SERVICE_USER","displayName":"Attack A"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
B=$(curl -s -X POST http://127.0.0.1:8081/api/v1/timebanks/demo/members -H "$H" -H 'Content-Type: application/json' \
  -d '{"kind":"STAFF","displayName":"Attack B"}' | sed 's/.*"id":"\([^"]*\)".*/\1/')
AT=$(curl -s "http://127.0.0.1:9000/dev/token?timebank=demo&member=$A&roles=MEMBER")
BT=$(curl -s "http://127.0.0.1:9000/dev/token?timebank=demo&member=$B&roles=MEMBER")
before=$(given | cut -d' ' -f1)
for i in 1 2 3; do
  C=$(curl -s -X POST http://127.0.0.1:8081/api/v1/timebanks/demo/contributions -H "Authorization: Bearer $AT" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: attack-$A-$i" \
    -d "{\"side\":\"GIVER\",\"giverId\":\"$A\",\"receiverId\":\"$B\",\"minutes\":$((i*15)),\"happenedOn\":\"$(date -u +%F)\",\"kind\":\"PEER_SUPPORT\"}" \
    | sed 's/.*"id":"\([^"]*\)".*/\1/')
  curl -s -o /dev/null -w "validate %{http_code}\n" -X POST http://127.0.0.1:8081/api/v1/timebanks/demo/contributions/$C/validation \
    -H "Authorization: Bearer $BT" -H 'Content-Type: application/json' -d '{"note":"thanks"}'
  t0=$(date +%s%N)
  for k in $(seq 1 100); do
    g=$(given | cut -d' ' -f1)
    exp=$((before + 15*i*(i+1)/2))
    [ "$g" = "$exp" ] && break
    sleep 0.1
  done
  echo "after contribution $i: given $g (expected $exp) seen after $(( ($(date +%s%N)-t0)/1000000 )) ms"
done
echo "20 identical requests at once:"
for k in $(seq 1 20); do review > /tmp/attack-$k.json & done; wait
md5sum /tmp/attack-*.json | cut -d' ' -f1 | sort | uniq -c
echo "kill -9 review-service:"
PID=$(pgrep -f 'review-service-exec' | head -1); echo "pid $PID"; kill -9 $PID
for k in $(seq 1 120); do
  code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8085/actuator/health); [ "$code" = 200 ] && break; sleep 1
done
echo "health after ${k}s: $code; $(given) (expected given $exp)"
