#!/usr/bin/env bash
# Gatehouse benchmark: client_credentials issuance, introspection of a valid token, refresh (confidential client
# without rotation) of one token and of 1,000 grants' tokens at random, and the same refresh of 1,000 OpenID Connect
# grants, which returns a signed ID token too (refresh-openid: what signing costs, beside refresh-grants), each
# against GET /oauth2/ping (a trivial JAX-RS endpoint of the same server) measured in
# the same run; concurrency 8 and 32; warm-up first; non-200 answers and socket errors counted; server RSS after each
# run; the whole table REPEAT times back to back (RSS must not grow). Then the same on a store grown to GROW live
# tokens (default 1,000,000). Writes bench/results/<timestamp>.md.
#
# The server runs as production should: the heap fixed and committed up front (-Xms = -Xmx, AlwaysPreTouch), so that
# RSS measures what can actually leak (native memory, metaspace, code cache, thread stacks) rather than the heap
# being paged in region by region; glibc capped at two malloc arenas. After each table the JVM's Native Memory
# Tracking summary (committed MB per area) is written beside the RSS, so any growth is attributed, not guessed.
#
#   bench/run.sh            # full run (about 25 minutes)
#   DURATION=10s WARMUP=5s GROW=100000 bench/run.sh   # quicker
#   JFR=1 bench/run.sh      # also record a Java Flight Recording of the server (target/bench.jfr) to profile
#   SCENARIOS="introspect" GROW=0 bench/run.sh   # a subset; GROW=0 skips the grown-store table
#   REPEAT=3 (default) runs the empty-store table that many times back to back on the same server: RSS must not grow
#
# Needs: JDK 17, Maven, wrk (Debian package `wrk`), MariaDB on 127.0.0.1:3306 with root over the local socket.
# Uses database gatehouse_bench (recreated) and port 8090 on loopback; stops the server it started.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-20s}"; WARMUP="${WARMUP:-10s}"; GROW="${GROW:-1000000}"; PORT="${PORT:-8090}"
SCENARIOS="${SCENARIOS:-cc introspect refresh refresh-grants refresh-openid}"; REPEAT="${REPEAT:-3}"
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
[ -f target/gatehouse.war ] && [ -f target/payara-micro.jar ] || mvn -q -DskipTests package

# MariaDB's stock buffer pool (128 MiB) is a toy size: a million token rows would not fit and every insert would read
# pages from disk. Raise it to 1 GiB for the run (what a production server would have) and put it back afterwards.
pool_before=$(mysql -uroot -N -e 'select @@innodb_buffer_pool_size')
[ "$pool_before" -ge 1073741824 ] || mysql -uroot -e 'SET GLOBAL innodb_buffer_pool_size = 1073741824'

mysql -uroot <<SQL
DROP DATABASE IF EXISTS gatehouse_bench;
CREATE DATABASE gatehouse_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'gatehouse'@'127.0.0.1' IDENTIFIED BY 'gatehouse';
GRANT ALL PRIVILEGES ON gatehouse_bench.* TO 'gatehouse'@'127.0.0.1';
SQL

export GATEHOUSE_DB_URL="jdbc:mysql://127.0.0.1:3306/gatehouse_bench?useSSL=false&allowPublicKeyRetrieval=true"
export GATEHOUSE_DB_USER=gatehouse GATEHOUSE_DB_PASSWORD=gatehouse GATEHOUSE_ISSUER="$BASE"
export GATEHOUSE_BOOTSTRAP_FILE="$(pwd)/bench/bootstrap.json" GATEHOUSE_DATA_DIR="$(pwd)/target/bench-data"
# On MySQL the signing keys need a key-encryption key from configuration; the database is new each run, so is the key.
GATEHOUSE_KEY_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64 -w0)"; export GATEHOUSE_KEY_ENCRYPTION_KEY
log=target/bench-server.log
jfr=(); [ "${JFR:-0}" = 1 ] && jfr=(-XX:StartFlightRecording=filename=target/bench.jfr,settings=profile)
MALLOC_ARENA_MAX=2 setsid java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary "${jfr[@]}" -jar target/payara-micro.jar --nocluster --nohazelcast --port "$PORT" \
  --prebootcommandfile server-config/payara/pre-boot-commands.asadmin --deploy target/gatehouse.war >"$log" 2>&1 &
server=$!
trap 'kill -- -$server 2>/dev/null || true; mysql -uroot -e "SET GLOBAL innodb_buffer_pool_size = $pool_before" || true' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "$BASE/oauth2/ping" && break; sleep 0.5; done
curl -sf -o /dev/null "$BASE/oauth2/ping" || { echo "server did not start; see $log"; exit 1; }
pid=$(pgrep -f -- "--port $PORT" | head -1)

b64() { printf '%s' "$1" | base64 -w0; }
SERVICE=$(b64 bench-service:bench-service-secret-0123456789abcdefghij)
RS=$(b64 bench-rs:bench-rs-secret-0123456789abcdefghijklmno)
APP=$(b64 bench-app:bench-app-secret-0123456789abcdefghijklmn)
# A valid access token to introspect, and a refresh token of the non-rotating client (seeded: a refresh token is the
# product of a browser sign-in, which is not what this measures).
fresh_access() { # a new access token to introspect (tokens live 10 minutes; a run takes longer)
  ACCESS=$(curl -sf -u bench-service:bench-service-secret-0123456789abcdefghij -d grant_type=client_credentials \
    "$BASE/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
}
fresh_access
REFRESH="bench-refresh-$(date +%s%N)-0123456789abcdefghijklmnopqrstuvwxyz"
GRANT="$(cat /proc/sys/kernel/random/uuid)"
now=$(($(date +%s) * 1000))
mysql -uroot gatehouse_bench -e "INSERT INTO gatehouse_grants (id, client_id, subject, scopes, created_at, expires_at)
  VALUES ('$GRANT', 'bench-app', 'bench-user', 'read write', $now, $now + 86400000);
  INSERT INTO gatehouse_refresh_tokens (id, grant_id, client_id, subject, scopes,
  auth_time, issued_at, expires_at) VALUES (sha2('$REFRESH', 256), '$GRANT', 'bench-app', 'bench-user', 'read write',
  $now, $now, $now + 86400000);"
# GRANTS more grants, each with refresh token "bench-refresh-<n>", for the refresh-grants scenario (bench/refresh.lua).
GRANTS="${GRANTS:-1000}"
mysql -uroot gatehouse_bench -e "INSERT INTO gatehouse_grants (id, client_id, subject, scopes, created_at, expires_at)
    SELECT concat('bench-grant-', seq), 'bench-app', 'bench-user', 'read write', $now, $now + 86400000
    FROM seq_1_to_$GRANTS;
  INSERT INTO gatehouse_refresh_tokens (id, grant_id, client_id, subject, scopes, auth_time, issued_at, expires_at)
    SELECT sha2(concat('bench-refresh-', seq), 256), concat('bench-grant-', seq), 'bench-app', 'bench-user',
    'read write', $now, $now, $now + 86400000 FROM seq_1_to_$GRANTS;"

# The same again with the openid scope: each refresh then signs an ID token (RS256) for the seeded user.
mysql -uroot gatehouse_bench -e "INSERT INTO gatehouse_users (id, username, password_hash, name, created_at,
    updated_at) VALUES ('bench-user', 'bench-user', 'unusable', 'Bench User', $now, $now);
  INSERT INTO gatehouse_grants (id, client_id, subject, scopes, created_at, expires_at)
    SELECT concat('bench-oidc-grant-', seq), 'bench-app', 'bench-user', 'openid read write', $now, $now + 86400000
    FROM seq_1_to_$GRANTS;
  INSERT INTO gatehouse_refresh_tokens (id, grant_id, client_id, subject, scopes, auth_time, issued_at, expires_at)
    SELECT sha2(concat('bench-oidc-refresh-', seq), 256), concat('bench-oidc-grant-', seq), 'bench-app',
    'bench-user', 'openid read write', $now, $now, $now + 86400000 FROM seq_1_to_$GRANTS;"

run() { # name concurrency url [BODY BASIC] -> "rate p50 p99 errors"
  local name=$1 c=$2 url=$3; shift 3
  local args=(-t2 -c"$c" --latency)
  if [ "$name" = refresh-grants ]; then export BASIC="$2" GRANTS PREFIX=bench-refresh-; args+=(-s bench/refresh.lua)
  elif [ "$name" = refresh-openid ]; then export BASIC="$2" GRANTS PREFIX=bench-oidc-refresh-
    args+=(-s bench/refresh.lua)
  elif [ $# -gt 0 ]; then export BODY="$1" BASIC="$2"; args+=(-s bench/post.lua); fi
  wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null
  local out; out=$(wrk "${args[@]}" -d"$DURATION" "$url")
  local rate p50 p99 errors non2xx
  rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' <<<"$out"); errors=${errors:-0}
  echo "$rate $p50 $p99 $((non2xx + errors))"
}
rss() { echo $(( $(ps -o rss= -p "$pid") / 1024 )); }
nmt() { # one line: RSS and the JVM's own committed memory per area (Native Memory Tracking), in MB
  jcmd "$pid" VM.native_memory summary scale=MB 2>/dev/null | awk -v rss="$(rss)" '
    /^Total:/ { match($0, /committed=[0-9]+/); total = substr($0, RSTART + 10, RLENGTH - 10) }
    /^-/ { name = $2; for (i = 3; i <= NF && $i !~ /\(reserved=/; i++) name = name " " $i
           match($0, /committed=[0-9]+/); parts = parts sprintf("%s %s, ", name, substr($0, RSTART + 10, RLENGTH - 10)) }
    END { sub(/, $/, "", parts); printf "RSS %s MB; JVM committed %s MB (%s)\n", rss, total, parts }'
}

table() { # label
  fresh_access
  echo "| $1 | c | req/s | ratio to ping | p50 | p99 | errors | RSS MB |"
  echo "|---|---|---|---|---|---|---|---|"
  for c in 8 32; do
    read -r prate pp50 pp99 perr < <(run ping "$c" "$BASE/oauth2/ping")
    echo "| ping (baseline) | $c | $prate | 1.00 | $pp50 | $pp99 | $perr | $(rss) |"
    for scenario in $SCENARIOS; do
      case $scenario in
        cc) set -- "$BASE/oauth2/token" "grant_type=client_credentials" "$SERVICE" ;;
        introspect) set -- "$BASE/oauth2/introspect" "token=$ACCESS" "$RS" ;;
        refresh) set -- "$BASE/oauth2/token" "grant_type=refresh_token&refresh_token=$REFRESH" "$APP" ;;
        refresh-grants|refresh-openid) set -- "$BASE/oauth2/token" "-" "$APP" ;;
      esac
      read -r rate p50 p99 err < <(run "$scenario" "$c" "$@")
      ratio=$(awk -v a="$rate" -v b="$prate" 'BEGIN { printf "%.2f", a / b }')
      echo "| $scenario | $c | $rate | $ratio | $p50 | $p99 | $err | $(rss) |"
    done
  done
  echo
  echo "After this table: $(nmt)"
}

# Warm the whole server (JIT) on every path before the first measurement: a cold ping is a bad baseline.
for scenario in ping $SCENARIOS; do
  case $scenario in
    ping) run ping 32 "$BASE/oauth2/ping" >/dev/null ;;
    cc) run cc 32 "$BASE/oauth2/token" "grant_type=client_credentials" "$SERVICE" >/dev/null ;;
    introspect) run introspect 32 "$BASE/oauth2/introspect" "token=$ACCESS" "$RS" >/dev/null ;;
    refresh) run refresh 32 "$BASE/oauth2/token" "grant_type=refresh_token&refresh_token=$REFRESH" "$APP" >/dev/null ;;
    refresh-grants|refresh-openid) run "$scenario" 32 "$BASE/oauth2/token" "-" "$APP" >/dev/null ;;
  esac
done

mkdir -p bench/results
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "# Gatehouse benchmark $(date -u +%FT%TZ)"
  echo
  echo "$(nproc) cores, $(java -version 2>&1 | head -1), MariaDB $(mysql -uroot -N -e 'select version()'), wrk -t2, warm-up $WARMUP, measured $DURATION"
  echo
  echo "Store: $(mysql -uroot -N gatehouse_bench -e 'select count(*) from gatehouse_access_tokens') access tokens"
  echo
  for round in $(seq 1 "$REPEAT"); do
    table "empty store, run $round of $REPEAT"
    echo
  done
  [ "$GROW" -gt 0 ] || exit 0
  echo
  mysql -uroot gatehouse_bench -e "INSERT INTO gatehouse_access_tokens (id, grant_id, client_id, subject, scopes,
    issued_at, expires_at) SELECT sha2(concat('grow-', seq), 256), UUID(), 'bench-service', NULL, 'read',
    $now, $now + 86400000 FROM seq_1_to_$GROW;"
  # A bulk insert of a million rows leaves MariaDB flushing pages and purging undo for minutes; measured inside that,
  # every row of the table (ping included) is slower for a reason that is not the size of the store. Wait until the
  # flushing has settled and the statistics are fresh, as they would be on a server that grew over days.
  # An idle MariaDB 10.11 leaves dirty pages alone (innodb_max_dirty_pages_pct_lwm is 0): ask it to flush them all,
  # then put the setting back.
  mysql -uroot gatehouse_bench -e "ANALYZE TABLE gatehouse_access_tokens" >/dev/null
  dirty_pct=$(mysql -uroot -N -e 'select @@innodb_max_dirty_pages_pct')
  mysql -uroot -e "SET GLOBAL innodb_max_dirty_pages_pct = 0"
  for _ in $(seq 1 120); do
    dirty=$(mysql -uroot -N -e "show global status like 'Innodb_buffer_pool_pages_dirty'" | awk '{print $2}')
    history=$(mysql -uroot -N -e "select count from information_schema.innodb_metrics where name='trx_rseg_history_len'")
    [ "$dirty" -lt 1000 ] && [ "${history:-0}" -lt 1000 ] && break; sleep 5
  done
  mysql -uroot -e "SET GLOBAL innodb_max_dirty_pages_pct = $dirty_pct"
  echo "Store grown: $(mysql -uroot -N gatehouse_bench -e 'select count(*) from gatehouse_access_tokens') access tokens (dirty pages $dirty, undo history $history when measured)"
  echo
  table "grown store"
} | tee "$out"
echo "written to $out"
