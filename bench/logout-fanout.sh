#!/usr/bin/env bash
# How long an RP-initiated logout takes now that it waits for its back-channel notifications (GATEHOUSE_LOGOUT_WAIT,
# default PT2S in all): GET /oauth2/logout with an ID token hint and a registered post_logout_redirect_uri, timed
# from the request to its 302, for a session signed in to 2 and to 5 relying parties with back-channel logout URIs,
# all answering at once, or one of them a black hole (accepts, never answers). Median, minimum and maximum of RUNS
# runs each, after one warm-up; the last column says how many reachable relying parties had their logout token when
# the 302 arrived. The relying parties are bench/LogoutBench.java's, in its own process on loopback. Writes
# bench/results/logout-<timestamp>.txt.
#
#   bench/logout-fanout.sh               # RUNS=7, the default wait
#   WAIT=PT0S bench/logout-fanout.sh     # the old behaviour: the browser is answered at once
#
# Needs: JDK 17, Maven, MariaDB on 127.0.0.1:3306 with root over the local socket. Uses database DB (recreated),
# port PORT and the two ports RP_PORT and HOLE_PORT on loopback; stops the server it started.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8092}"; RP_PORT="${RP_PORT:-18392}"; HOLE_PORT="${HOLE_PORT:-18393}"; RUNS="${RUNS:-7}"
DB="${DB:-gatehouse_bench_logout}"; BASE="http://127.0.0.1:$PORT"; PASSWORD=bench-logout-password-0123456789
[ -f target/gatehouse.war ] && [ -f target/payara-micro.jar ] || mvn -q -DskipTests package

. bench/database.sh
fresh_database "$DB"

# Five reachable relying parties and one black hole, each with its back-channel URI and post-logout page.
bootstrap=target/bench-logout-bootstrap.json
mkdir -p target
{
  printf '{"clients": ['
  for c in bench-rp-1 bench-rp-2 bench-rp-3 bench-rp-4 bench-rp-5 bench-hole; do
    bcl="http://127.0.0.1:$RP_PORT/bcl/$c"; [ "$c" = bench-hole ] && bcl="http://127.0.0.1:$HOLE_PORT/bcl"
    [ "$c" = bench-rp-1 ] || printf ','
    printf '{"client_id": "%s", "client_name": "%s", "client_secret": "%s-secret-0123456789abcdefghijklmnop",' "$c" "$c" "$c"
    printf ' "redirect_uris": ["http://127.0.0.1:%s/cb"], "grant_types": ["authorization_code"], "scope": "openid",' "$RP_PORT"
    printf ' "post_logout_redirect_uris": ["http://127.0.0.1:%s/signed-out"], "backchannel_logout_uri": "%s"}' "$RP_PORT" "$bcl"
  done
  printf '], "users": [{"username": "bench-logout", "password": "%s", "name": "Bench logout user"}]}\n' "$PASSWORD"
} >"$bootstrap"

export GATEHOUSE_ISSUER="$BASE"
export GATEHOUSE_BOOTSTRAP_FILE="$(pwd)/$bootstrap" GATEHOUSE_DATA_DIR="$(pwd)/target/bench-logout-data"
GATEHOUSE_KEY_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64 -w0)"; export GATEHOUSE_KEY_ENCRYPTION_KEY
[ -z "${WAIT:-}" ] || export GATEHOUSE_LOGOUT_WAIT="$WAIT"
log=target/bench-logout-server.log
setsid java -Xms512m -Xmx512m -jar target/payara-micro.jar --nohazelcast --port "$PORT" \
  --prebootcommandfile server-config/payara/pre-boot-commands.asadmin --deploy target/gatehouse.war >"$log" 2>&1 &
server=$!
trap 'kill -- -$server 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "$BASE/oauth2/ping" && break; sleep 0.5; done
curl -sf -o /dev/null "$BASE/oauth2/ping" || { echo "server did not start; see $log"; exit 1; }

javac -d target/bench-classes bench/LoginBench.java bench/LogoutBench.java
mkdir -p bench/results
out="bench/results/logout-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# bench/logout-fanout.sh, $(date -u +%FT%TZ), GATEHOUSE_LOGOUT_WAIT=${WAIT:-PT2S (default)}, $(nproc) cores,"
  echo "# Payara Micro over MariaDB, logout request to its 302 on loopback, ms"
  java -cp target/bench-classes LogoutBench base="$BASE" rp-port="$RP_PORT" hole-port="$HOLE_PORT" runs="$RUNS" \
    password="$PASSWORD"
} | tee "$out"
