#!/usr/bin/env bash
# Gatehouse benchmark: client_credentials issuance, introspection of a valid token, refresh (confidential client
# without rotation) of one token and of 1,000 grants' tokens at random, and the same refresh of 1,000 OpenID Connect
# grants, which returns a signed ID token too (refresh-openid: what signing costs, beside refresh-grants), each
# against GET /oauth2/ping (a trivial JAX-RS endpoint of the same server) measured in
# the same run; concurrency 8 and 32; warm-up first; non-200 answers and socket errors counted; server RSS after each
# run; the whole table REPEAT times back to back (RSS must not grow). Then the same on a store grown to GROW live
# tokens (default 1,000,000). Writes bench/results/<timestamp>.md.
#
# Sign-in, when SCENARIOS names it (not by default): `login` is a real browser sign-in, the authorization code flow's
# front channel with PKCE from GET /oauth2/authorize through the sign-in page and form to the redirect carrying the
# code (four requests, every hop checked, a fresh cookie jar each time), for LOGIN_USERS users (default 200) of the
# database identity store; `login-token` also redeems the code for tokens and an ID token (five requests). The client
# is bench/LoginBench.java (JDK HttpClient, one thread per browser); its rate is sign-ins per second. The users'
# password hashes are the server's own, at the configured cost: the bootstrap file's bench-login-1 is hashed by the
# server at start-up (GATEHOUSE_PASSWORD_HASH_ITERATIONS applies, if set) and its hash copied to the others. Each
# user signs in once first and allows the consent page; from then on the consent is found given. The result file
# names the hash algorithm and iterations as stored, and the time one verification takes on one thread. Any failed
# sign-in marks the run INVALID (the server's throttle would count it), as does any row in the failure counters.
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
#   SCENARIOS="cc login login-token" GROW=0 bench/run.sh   # sign-in beside client_credentials and ping
#   CONCURRENCY="8 32" (default) the concurrency levels of each table; DB=gatehouse_bench and PORT=8090 (defaults)
#   SCENARIOS="cc cc-flood introspect introspect-flood" GROW=0 REPEAT=2 bench/run.sh   # what a sign-in flood costs:
#     cc-flood is cc measured while FLOOD (default 32) clients post random usernames to /login as fast as the server
#     answers, ignoring Retry-After (LoginBench flood); the table's "ratio to cc" is then the rate kept under the
#     flood, and the flood's own answers (401s, 429s) are listed below it. With the default address limit the flood
#     locks its own address after 20 failures; GATEHOUSE_LOGIN_ADDRESS_MAX_FAILURES=1000000 in the environment stands
#     for an attacker with many addresses, whose every attempt reaches the password check (or its capacity bound).
#
# Needs: JDK 17, Maven, wrk (Debian package `wrk`), MariaDB on 127.0.0.1:3306 with root over the local socket.
# Uses database DB (recreated) and port PORT on loopback; stops the server it started.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-20s}"; WARMUP="${WARMUP:-10s}"; GROW="${GROW:-1000000}"; PORT="${PORT:-8090}"
SCENARIOS="${SCENARIOS:-cc introspect refresh refresh-grants refresh-openid}"; REPEAT="${REPEAT:-3}"
DB="${DB:-gatehouse_bench}"; CONCURRENCY="${CONCURRENCY:-8 32}"; LOGIN_USERS="${LOGIN_USERS:-200}"; FLOOD="${FLOOD:-32}"
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
[ -f target/gatehouse.war ] && [ -f target/payara-micro.jar ] || mvn -q -DskipTests package

# MariaDB's stock buffer pool (128 MiB) is a toy size: a million token rows would not fit and every insert would read
# pages from disk. Raise it to 1 GiB for the run (what a production server would have) and put it back afterwards.
# Without the grown store (GROW=0) the tables stay small and the setting is left alone.
pool_before=$(mysql -uroot -N -e 'select @@innodb_buffer_pool_size')
[ "$GROW" -eq 0 ] || [ "$pool_before" -ge 1073741824 ] \
  || mysql -uroot -e 'SET GLOBAL innodb_buffer_pool_size = 1073741824'

. bench/database.sh
fresh_database "$DB"

export GATEHOUSE_ISSUER="$BASE"
export GATEHOUSE_BOOTSTRAP_FILE="$(pwd)/bench/bootstrap.json" GATEHOUSE_DATA_DIR="$(pwd)/target/bench-data"
# On MySQL the signing keys need a key-encryption key from configuration; the database is new each run, so is the key.
GATEHOUSE_KEY_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64 -w0)"; export GATEHOUSE_KEY_ENCRYPTION_KEY
log=target/bench-server.log
jfr=(); [ "${JFR:-0}" = 1 ] && jfr=(-XX:StartFlightRecording=filename=target/bench.jfr,settings=profile)
MALLOC_ARENA_MAX=2 setsid java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary "${jfr[@]}" -jar target/payara-micro.jar --nohazelcast --port "$PORT" \
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
mysql -uroot $DB -e "INSERT INTO gatehouse_grants (id, client_id, subject, scopes, created_at, expires_at)
  VALUES ('$GRANT', 'bench-app', 'bench-user', 'read write', $now, $now + 86400000);
  INSERT INTO gatehouse_refresh_tokens (id, grant_id, client_id, subject, scopes,
  auth_time, issued_at, expires_at) VALUES (sha2('$REFRESH', 256), '$GRANT', 'bench-app', 'bench-user', 'read write',
  $now, $now, $now + 86400000);"
# GRANTS more grants, each with refresh token "bench-refresh-<n>", for the refresh-grants scenario (bench/refresh.lua).
GRANTS="${GRANTS:-1000}"
mysql -uroot $DB -e "INSERT INTO gatehouse_grants (id, client_id, subject, scopes, created_at, expires_at)
    SELECT concat('bench-grant-', seq), 'bench-app', 'bench-user', 'read write', $now, $now + 86400000
    FROM seq_1_to_$GRANTS;
  INSERT INTO gatehouse_refresh_tokens (id, grant_id, client_id, subject, scopes, auth_time, issued_at, expires_at)
    SELECT sha2(concat('bench-refresh-', seq), 256), concat('bench-grant-', seq), 'bench-app', 'bench-user',
    'read write', $now, $now, $now + 86400000 FROM seq_1_to_$GRANTS;"

# The same again with the openid scope: each refresh then signs an ID token (RS256) for the seeded user.
mysql -uroot $DB -e "INSERT INTO gatehouse_users (id, username, password_hash, name, created_at,
    updated_at) VALUES ('bench-user', 'bench-user', 'unusable', 'Bench User', $now, $now);
  INSERT INTO gatehouse_grants (id, client_id, subject, scopes, created_at, expires_at)
    SELECT concat('bench-oidc-grant-', seq), 'bench-app', 'bench-user', 'openid read write', $now, $now + 86400000
    FROM seq_1_to_$GRANTS;
  INSERT INTO gatehouse_refresh_tokens (id, grant_id, client_id, subject, scopes, auth_time, issued_at, expires_at)
    SELECT sha2(concat('bench-oidc-refresh-', seq), 256), concat('bench-oidc-grant-', seq), 'bench-app',
    'bench-user', 'openid read write', $now, $now, $now + 86400000 FROM seq_1_to_$GRANTS;"

# Sign-in (login, login-token): users bench-login-1 .. bench-login-$LOGIN_USERS, all with the password of the bootstrap
# file's bench-login-1, whose hash the server made at start-up with its configured cost; the others get a copy of it
# (one verification costs the same whatever the salt; hashing each user would add minutes to the start).
LOGIN_PASSWORD=bench-login-password-0123456789
login=(); [[ " $SCENARIOS " == *" login"* || " $SCENARIOS " == *"-flood "* ]] \
  && login=(java -Xmx256m -cp target/bench-classes LoginBench)
if [ ${#login[@]} -gt 0 ]; then
  javac -d target/bench-classes bench/LoginBench.java
  : >target/bench-login.log
  hash=$(mysql -uroot -N $DB -e "select password_hash from gatehouse_users where username = 'bench-login-1'")
  [ -n "$hash" ] || { echo "bench-login-1 is not in the users table (bootstrap file not applied?); see $log"; exit 1; }
  [ "$LOGIN_USERS" -lt 2 ] || mysql -uroot $DB -e "INSERT INTO gatehouse_users (id, username, password_hash, name,
      created_at, updated_at) SELECT UUID(), concat('bench-login-', seq), '$hash', concat('Bench login user ', seq),
      $now, $now FROM seq_2_to_$LOGIN_USERS;"
  login_args=(base="$BASE" client=bench-app secret=bench-app-secret-0123456789abcdefghijklmn
    redirect=http://127.0.0.1:9/cb "scope=openid read" users="$LOGIN_USERS" password="$LOGIN_PASSWORD")
  # The cost of one verification, on one thread while the server is idle: the stored hash, verified as the server does.
  read -r hash_algorithm hash_iterations hash_salt hash_key hash_ms < <("${login[@]}" verify-cost hash="$hash" \
    password="$LOGIN_PASSWORD")
  [ -n "${hash_ms:-}" ] || { echo "could not time the stored password hash"; exit 1; }
fi

secs() { case $1 in *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }
run() { # name concurrency url [BODY BASIC] -> "rate p50 p99 errors"
  local name=$1 c=$2 url=$3; shift 3
  if [[ $name == *-flood ]]; then # the base scenario, measured while a sign-in flood runs (LoginBench flood)
    local base=${name%-flood} flooder result
    "${login[@]}" flood "${login_args[@]}" threads="$FLOOD" \
      duration="$(( $(secs "$WARMUP") + $(secs "$DURATION") + 4 ))s" >target/bench-flood.out 2>>target/bench-login.log &
    flooder=$!
    sleep 2
    result=$(run "$base" "$c" "$url" "$@")
    wait "$flooder"
    echo "$result"
    return
  fi
  if [[ $name == login* ]]; then # sign-ins by bench/LoginBench.java; warm-up and measurement in one client JVM
    local redeem=false; [ "$name" = login-token ] && redeem=true
    "${login[@]}" sign-in "${login_args[@]}" threads="$c" warmup="$WARMUP" duration="$DURATION" redeem=$redeem \
      2>>target/bench-login.log | tail -1
    return
  fi
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

ratio() { # two decimals, or two significant digits below 0.1 (a sign-in is a small fraction of a ping)
  awk -v a="$1" -v b="$2" 'BEGIN { v = (b > 0 ? a / b : -1); printf (v < 0 ? "-" : (v >= 0.1 ? "%.2f" : "%.2g")), v }'
}
floods=()
table() { # label; the ratio to cc is filled in once every scenario of a concurrency has run
  fresh_access
  echo "| $1 | c | req/s (login: sign-ins/s) | ratio to ping | ratio to cc | p50 | p99 | errors | RSS MB |"
  echo "|---|---|---|---|---|---|---|---|---|"
  local costs=()
  for c in $CONCURRENCY; do
    read -r prate pp50 pp99 perr < <(run ping "$c" "$BASE/oauth2/ping")
    local names=(ping) rates=("$prate") rows=("$pp50 | $pp99 | $perr | $(rss)") ccrate=0
    for scenario in $SCENARIOS; do
      case $scenario in
        cc|cc-flood) set -- "$BASE/oauth2/token" "grant_type=client_credentials" "$SERVICE" ;;
        introspect|introspect-flood) set -- "$BASE/oauth2/introspect" "token=$ACCESS" "$RS" ;;
        refresh) set -- "$BASE/oauth2/token" "grant_type=refresh_token&refresh_token=$REFRESH" "$APP" ;;
        refresh-grants|refresh-openid) set -- "$BASE/oauth2/token" "-" "$APP" ;;
        login|login-token) set -- "$BASE/oauth2/authorize" ;;
      esac
      read -r rate p50 p99 err < <(run "$scenario" "$c" "$@")
      [ "$scenario" = cc ] && ccrate=$rate
      [ "$scenario" = introspect ] && introspectrate=$rate
      if [[ $scenario == *-flood ]]; then
        read -r attempts unauthorized throttled others <target/bench-flood.out
        floods+=("$scenario, c=$c, beside $FLOOD flood clients: $attempts sign-in attempts answered ($unauthorized x 401 wrong password, $throttled x 429 too many, $others other)")
        [ "${others:-1}" = 0 ] || invalid+=("$scenario at c=$c: the flood got ${others:-no} answers other than 401 and 429")
      fi
      [ "$scenario" = introspect-flood ] && costs+=("introspect-flood, c=$c: $(ratio "$rate" "${introspectrate:-0}") of the introspection rate measured without the flood")
      names+=("$scenario") rates+=("$rate") rows+=("$p50 | $p99 | $err | $(rss)")
      if [[ $scenario == login* ]]; then
        [ "$err" = 0 ] || invalid+=("$scenario at c=$c: ${err:-no result, see target/bench-login.log} failed")
        costs+=("$(awk -v s="$scenario" -v c="$c" -v r="$rate" -v n="$(nproc)" -v h="$hash_ms" 'BEGIN {
          t = (r > 0 ? n * 1000 / r : 0)
          printf "%s, c=%s: %s cores / %s sign-ins/s = %.1f ms of machine time per sign-in, ", s, c, n, r, t
          printf "of which one password verification takes %s ms (%.0f %%)", h, (t > 0 ? 100 * h / t : 0) }')")
      fi
    done
    for i in "${!names[@]}"; do
      local label=${names[$i]}; [ "$label" = ping ] && label="ping (baseline)"
      echo "| $label | $c | ${rates[$i]} | $(ratio "${rates[$i]}" "$prate") | $(ratio "${rates[$i]}" "$ccrate")" \
        "| ${rows[$i]} |"
    done
  done
  echo
  for cost in "${costs[@]}" "${floods[@]}"; do echo "- $cost"; done
  [ ${#costs[@]} -eq 0 ] && [ ${#floods[@]} -eq 0 ] || echo
  floods=()
  echo "After this table: $(nmt)"
}

# Warm the whole server (JIT) on every path before the first measurement: a cold ping is a bad baseline.
for scenario in ping $SCENARIOS; do
  case $scenario in
    ping) run ping 32 "$BASE/oauth2/ping" >/dev/null ;;
    cc) run cc 32 "$BASE/oauth2/token" "grant_type=client_credentials" "$SERVICE" >/dev/null ;;
    *-flood) ;; # its base scenario warms the same path
    introspect) run introspect 32 "$BASE/oauth2/introspect" "token=$ACCESS" "$RS" >/dev/null ;;
    refresh) run refresh 32 "$BASE/oauth2/token" "grant_type=refresh_token&refresh_token=$REFRESH" "$APP" >/dev/null ;;
    refresh-grants|refresh-openid) run "$scenario" 32 "$BASE/oauth2/token" "-" "$APP" >/dev/null ;;
    login|login-token) # every user signs in once first and allows the consent page (a user's first visit)
      if [ -z "${primed:-}" ] && ! "${login[@]}" prime "${login_args[@]}" 2>>target/bench-login.log; then
        echo "a user could not sign in; see target/bench-login.log and $log"; exit 1
      fi
      primed=1
      run "$scenario" 32 "$BASE/oauth2/authorize" >/dev/null ;;
  esac
done

invalid=()
verdict() { # sign-in scenarios only: was every sign-in a success, and did the server count no failure?
  [ ${#login[@]} -gt 0 ] || return 0
  [[ " $SCENARIOS " != *"-flood "* ]] || { for reason in "${invalid[@]}"; do echo "INVALID: $reason"; done; return 0; }
  local failures; failures=$(mysql -uroot -N $DB -e 'select count(*) from gatehouse_login_failures')
  [ "$failures" = 0 ] || invalid+=("the server counted failed sign-ins: $failures rows in gatehouse_login_failures")
  echo "Sign-in failure counters after the run: $failures rows (a success counts nothing; the address 127.0.0.1"
  echo "would be locked after GATEHOUSE_LOGIN_ADDRESS_MAX_FAILURES failures)."
  echo
  for reason in "${invalid[@]}"; do echo "INVALID: $reason"; done
}

mkdir -p bench/results
out="bench/results/$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "# Gatehouse benchmark $(date -u +%FT%TZ)"
  echo
  echo "$(nproc) cores, $(java -version 2>&1 | head -1), MariaDB $(mysql -uroot -N -e 'select version()'), wrk -t2, warm-up $WARMUP, measured $DURATION"
  echo
  echo "Store: $(mysql -uroot -N $DB -e 'select count(*) from gatehouse_access_tokens') access tokens"
  echo
  if [ ${#login[@]} -gt 0 ]; then
    echo "Sign-in scenarios (bench/LoginBench.java: one thread per browser, a fresh cookie jar per sign-in):"
    echo
    echo "- login: GET /oauth2/authorize (code flow, PKCE S256, client bench-app, scope \"openid read\"), GET the"
    echo "  sign-in page, POST username and password, GET the resume URL, redirect with the code: 4 requests"
    echo "- login-token: the same, then the code redeemed for access, refresh and ID token: 5 requests"
    echo "- $LOGIN_USERS users of the database identity store, each of whom allowed the consent page once before"
    echo "  the warm-up"
    setting=${GATEHOUSE_PASSWORD_HASH_ITERATIONS:-not set, the default}
    echo "- password hash as stored: $hash_algorithm, $hash_iterations iterations, $hash_salt-byte salt," \
      "$hash_key-byte key (GATEHOUSE_PASSWORD_HASH_ITERATIONS $setting)"
    echo "- one verification of that hash on one thread, the server idle: $hash_ms ms; hashing alone allows at most" \
      "$(awk -v n="$(nproc)" -v h="$hash_ms" 'BEGIN { printf "%.1f", n * 1000 / h }') sign-ins/s on $(nproc) cores"
    echo
  fi
  for round in $(seq 1 "$REPEAT"); do
    table "empty store, run $round of $REPEAT"
    echo
  done
  [ "$GROW" -gt 0 ] || { verdict; exit 0; }
  echo
  mysql -uroot $DB -e "INSERT INTO gatehouse_access_tokens (id, grant_id, client_id, subject, scopes,
    issued_at, expires_at) SELECT sha2(concat('grow-', seq), 256), UUID(), 'bench-service', NULL, 'read',
    $now, $now + 86400000 FROM seq_1_to_$GROW;"
  # A bulk insert of a million rows leaves MariaDB flushing pages and purging undo for minutes; measured inside that,
  # every row of the table (ping included) is slower for a reason that is not the size of the store. Wait until the
  # flushing has settled and the statistics are fresh, as they would be on a server that grew over days.
  # An idle MariaDB 10.11 leaves dirty pages alone (innodb_max_dirty_pages_pct_lwm is 0): ask it to flush them all,
  # then put the setting back.
  mysql -uroot $DB -e "ANALYZE TABLE gatehouse_access_tokens" >/dev/null
  dirty_pct=$(mysql -uroot -N -e 'select @@innodb_max_dirty_pages_pct')
  mysql -uroot -e "SET GLOBAL innodb_max_dirty_pages_pct = 0"
  for _ in $(seq 1 120); do
    dirty=$(mysql -uroot -N -e "show global status like 'Innodb_buffer_pool_pages_dirty'" | awk '{print $2}')
    history=$(mysql -uroot -N -e "select count from information_schema.innodb_metrics where name='trx_rseg_history_len'")
    [ "$dirty" -lt 1000 ] && [ "${history:-0}" -lt 1000 ] && break; sleep 5
  done
  mysql -uroot -e "SET GLOBAL innodb_max_dirty_pages_pct = $dirty_pct"
  echo "Store grown: $(mysql -uroot -N $DB -e 'select count(*) from gatehouse_access_tokens') access tokens (dirty pages $dirty, undo history $history when measured)"
  echo
  table "grown store"
  echo
  verdict
} | tee "$out"
echo "written to $out"
! grep -q '^INVALID' "$out" || { echo "the run is INVALID (see the end of $out)"; exit 1; }
