#!/usr/bin/env bash
# CI job: Gatehouse on WildFly, set up only with server-config/wildfly/ exactly as its README tells an administrator.
#   1. fetches org.wildfly:wildfly-dist:<version>:zip from Maven Central into target/servers/ and unpacks it afresh;
#   2. runs the administrator's three steps: install-modules.sh, configure.cli, deploy.cli (with the test's values:
#      the integration-test database, through a database account of this job's own);
#   3. restarts the configured server and measures boot-to-first-token: from the start of standalone.sh until the first
#      successful client_credentials token, in ms;
#   4. runs the shared integration-test subset against it (src/test/scripts/external-its.sh);
#   5. proves the datasource's bound: with the job's database account locked and its connections killed (this
#      server's only; the shared MariaDB keeps running), a token request answers 503 temporarily_unavailable within
#      UNAVAILABLE_LIMIT_MS, and the server recovers once the account is unlocked;
#   6. stops WildFly by its PID (also on failure) and prints one summary line.
# Usage: src/test/scripts/wildfly-its.sh <wildfly-version>      e.g. 39.0.1.Final
#   GATEHOUSE_IT_WF_PORT_OFFSET  WildFly's port offset (default 30000: http 38080, management 39990)
# Expects the WAR and test classes built (mvn -DskipTests package). Shares the directory and ports of the ITs:
# on a machine where other test runs go on, run it under `flock /tmp/gatehouse-it.lock`.
set -euo pipefail

VERSION="${1:?usage: wildfly-its.sh <wildfly-version, e.g. 39.0.1.Final>}"
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
TARGET="${ROOT}/target"
OFFSET="${GATEHOUSE_IT_WF_PORT_OFFSET:-30000}"
HTTP_PORT=$((8080 + OFFSET))
MGMT_PORT=$((9990 + OFFSET))
URL="http://127.0.0.1:${HTTP_PORT}"
SERVERS="${TARGET}/servers"
export JBOSS_HOME="${SERVERS}/wildfly-${VERSION}"
NAME="wildfly-${VERSION}"
WORK="${TARGET}/wildfly-its-${VERSION}"
SERVER_LOG="${WORK}/server.log"
ENV_FILE="${TARGET}/test-classes/it-server.env"
# A database of this job's own (test-services.sh creates it afresh), reached by a database account of its own.
DB_NAME="gatehouse_it_wildfly"
DS_USER="gatehouse_wf_it"
DS_PASSWORD="gatehouse-wf-it-password"
UNAVAILABLE_LIMIT_MS=10000
SERVICE_AUTH="it-service:it-service-secret-0123456789abcdefghijklmn"
# shellcheck source=database-refusal.sh
. "${ROOT}/src/test/scripts/database-refusal.sh"

started_at=$(date +%s)
server_pid=""
wrapper_pid=""

log() { echo "wildfly-its: ${VERSION}: $*"; }
fail() { log "FAILED: $*" >&2; [ -f "${SERVER_LOG}" ] && tail -n 40 "${SERVER_LOG}" >&2; exit 1; }
now_ms() { date +%s%3N; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
sql() { as_root mysql -uroot -e "$1"; }
cli() { "${JBOSS_HOME}/bin/jboss-cli.sh" --connect --controller="127.0.0.1:${MGMT_PORT}" "$@"; }

stop_server() {
  [ -n "${server_pid}" ] || return 0
  kill "${server_pid}" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "${server_pid}" 2>/dev/null || break; sleep 0.5; done
  kill -0 "${server_pid}" 2>/dev/null && kill -9 "${server_pid}" 2>/dev/null || true
  [ -n "${wrapper_pid}" ] && kill "${wrapper_pid}" 2>/dev/null || true
  server_pid=""
  wrapper_pid=""
}

cleanup() {
  stop_server
  sql "ALTER USER '${DS_USER}'@'127.0.0.1' ACCOUNT UNLOCK" 2>/dev/null || true
  rm -f "${WORK}/gatehouse-wildfly.properties"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Starts standalone.sh bound to loopback with the test settings in its environment; sets server_pid to the java
# process (standalone.sh writes it to JBOSS_PIDFILE).
start_server() {
  rm -f "${WORK}/wildfly.pid"
  (
    set -a
    # shellcheck disable=SC1090
    . "${ENV_FILE}"
    set +a
    export GATEHOUSE_ISSUER="${URL}"
    export GATEHOUSE_DATA_DIR="${TARGET}/it-data-${NAME}"
    export JBOSS_PIDFILE="${WORK}/wildfly.pid" LAUNCH_JBOSS_IN_BACKGROUND=1
    exec setsid "${JBOSS_HOME}/bin/standalone.sh" -b 127.0.0.1 -bmanagement 127.0.0.1 \
      -Djboss.socket.binding.port-offset="${OFFSET}" </dev/null >>"${SERVER_LOG}" 2>&1
  ) &
  wrapper_pid=$!
  for _ in $(seq 1 100); do [ -s "${WORK}/wildfly.pid" ] && break; sleep 0.1; done
  server_pid="$(cat "${WORK}/wildfly.pid" 2>/dev/null || true)"
  [ -n "${server_pid}" ] || fail "standalone.sh wrote no PID"
}

wait_running() {
  for _ in $(seq 1 240); do
    kill -0 "${server_pid}" 2>/dev/null || fail "WildFly exited"
    if cli --command=":read-attribute(name=server-state)" 2>/dev/null | grep -q '"result" => "running"'; then
      return 0
    fi
    sleep 0.5
  done
  fail "WildFly did not reach the running state"
}

token_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 15 -u "${SERVICE_AUTH}" \
    -d grant_type=client_credentials "${URL}/oauth2/token" || true
}

wait_first_token() {
  for _ in $(seq 1 1200); do
    [ "$(token_status)" = "200" ] && return 0
    kill -0 "${server_pid}" 2>/dev/null || fail "WildFly exited"
    sleep 0.1
  done
  fail "no client_credentials token within two minutes"
}

# --- Services, WAR, database account ------------------------------------------------------------------------------
GATEHOUSE_IT_DB="${DB_NAME}" bash "${ROOT}/src/test/scripts/test-services.sh"
[ -f "${TARGET}/gatehouse.war" ] && [ -f "${ENV_FILE}" ] || {
  log "building the WAR"; (cd "${ROOT}" && mvn -B -ntp -q -DskipTests package); }
sql "CREATE USER IF NOT EXISTS '${DS_USER}'@'127.0.0.1' IDENTIFIED BY '${DS_PASSWORD}';
     ALTER USER '${DS_USER}'@'127.0.0.1' ACCOUNT UNLOCK;
     GRANT ALL PRIVILEGES ON \`${DB_NAME}\`.* TO '${DS_USER}'@'127.0.0.1';"

# --- A fresh WildFly from Maven Central ---------------------------------------------------------------------------------
mkdir -p "${SERVERS}"
rm -rf "${WORK}" "${JBOSS_HOME}" "${TARGET}/it-data-${NAME}"
mkdir -p "${WORK}"
log "fetching org.wildfly:wildfly-dist:${VERSION}:zip"
mvn -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
  -Dartifact="org.wildfly:wildfly-dist:${VERSION}:zip" -DoutputDirectory="${SERVERS}"
unzip -q "${SERVERS}/wildfly-dist-${VERSION}.zip" -d "${SERVERS}"
[ -x "${JBOSS_HOME}/bin/standalone.sh" ] || fail "the zip did not unpack to ${JBOSS_HOME}"

# --- The administrator's steps (server-config/wildfly/README.md), with the test's values ----------------------------
# Step 1, server stopped: the modules.
"${ROOT}/server-config/wildfly/install-modules.sh"
start_server
wait_running
# Step 2: driver, credential store, datasource, system properties (the file ends with a reload).
(umask 077; cat > "${WORK}/gatehouse-wildfly.properties" <<PROPERTIES
gatehouse.db.url=jdbc:mysql://127.0.0.1:3306/${DB_NAME}?useSSL=false&allowPublicKeyRetrieval=true
gatehouse.db.user=${DS_USER}
gatehouse.db.password=${DS_PASSWORD}
gatehouse.credential-store.password=wildfly-its-store-password
PROPERTIES
)
cli --resolve-parameter-values --properties="${WORK}/gatehouse-wildfly.properties" \
  --file="${ROOT}/server-config/wildfly/configure.cli" >"${WORK}/configure.out" \
  || { cat "${WORK}/configure.out" >&2; fail "configure.cli"; }
rm -f "${WORK}/gatehouse-wildfly.properties"
wait_running
# Step 3: the WAR.
cli --resolve-parameter-values -Dgatehouse.war="${TARGET}/gatehouse.war" \
  --file="${ROOT}/server-config/wildfly/deploy.cli" || fail "deploy.cli"
wait_first_token
log "configured and deployed; restarting to measure boot-to-first-token"

# --- Boot to first token, on the configured server ------------------------------------------------------------------
stop_server
boot_started=$(now_ms)
start_server
wait_first_token
boot_ms=$(( $(now_ms) - boot_started ))
log "boot-to-first-token ${boot_ms} ms"

# --- The shared integration-test subset ------------------------------------------------------------------------------
its_status=0
bash "${ROOT}/src/test/scripts/external-its.sh" "${NAME}" "${HTTP_PORT}" "${DB_NAME}" || its_status=$?
# shellcheck disable=SC1091
. "${TARGET}/failsafe-reports-${NAME}/subset.env"

# --- A request that cannot get a connection: 503 temporarily_unavailable, in bounded time (database-refusal.sh) ----
unavailable_ok=false
database_refusal_check "${URL}" "${DS_USER}" "${SERVICE_AUTH}" "${UNAVAILABLE_LIMIT_MS}" "${WORK}/unavailable.headers" \
  && unavailable_ok=true
unavailable_status="${REFUSAL_STATUS}" unavailable_ms="${REFUSAL_MS}" recovered="${REFUSAL_RECOVERED}"

stop_server
echo "wildfly-its: WildFly ${VERSION}, boot-to-first-token ${boot_ms} ms, subset ${SUBSET_SECONDS} s, tests ${SUBSET_TESTS} run /" \
  "${SUBSET_FAILED} failed, database-unavailable answer ${unavailable_status} in ${unavailable_ms} ms," \
  "recovered ${recovered}, job $(( $(date +%s) - started_at )) s"
[ "${its_status}" -eq 0 ] || fail "the integration-test subset failed (exit ${its_status})"
[ "${unavailable_ok}" = true ] || fail "expected 503 temporarily_unavailable with Retry-After within ${UNAVAILABLE_LIMIT_MS} ms"
[ "${recovered}" = true ] || fail "no token after the database account was unlocked"
