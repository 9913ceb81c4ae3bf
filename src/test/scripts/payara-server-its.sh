#!/usr/bin/env bash
# Proves Gatehouse on Payara Server 6 (full) as an administrator runs it: provisions the server from Maven Central,
# creates an empty domain, configures it with server-config/payara/payara-server.sh exactly as
# server-config/payara/README.md says, restarts it, and then
#   - measures boot-to-first-token (domain start until the first client_credentials token succeeds),
#   - checks that the domain listens on 127.0.0.1 only and that Payara's /health, /metrics, /openapi are not served,
#   - runs the shared integration-test subset against it (src/test/scripts/external-its.sh, over MariaDB),
#   - proves the bound: while the database refuses Gatehouse's account, a token request answers 503
#     temporarily_unavailable within 10 s, and Gatehouse recovers once the database lets it in again.
#
#   src/test/scripts/payara-server-its.sh [version]        (default 6.2025.9; needs `mvn package` first)
#
# The database comes from the administrator's JDBC resource (jdbc/gatehouse, the mode enterprises use).
# Ports: --portbase 18200 (admin 18248, http 18280, https 18281), every listener on 127.0.0.1. Database gatehouse_ps,
# fresh at every run, reached by the server through its own account gatehouse_ps (a random password, given to the
# domain only as a password alias) and by the tests as the pom's it.db.user. Uses the integration tests' services
# (MariaDB, slapd on 10389, the ports of the pom's it.* properties): run it under `flock /tmp/gatehouse-it.lock` where
# other integration tests may run at the same time. Stops the domain on every path. Prints one line at the end.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root="${PWD}"
version="${1:-6.2025.9}"
servers="${root}/target/servers"
home="${servers}/payara-server-${version}"
domains="${servers}/payara-server-${version}-domains"
data="${root}/target/it-data-payara-server" # where the subset reads the demo password (external-its.sh)
log="${domains}/gatehouse/logs/server.log"
admin_port=18248
http="http://127.0.0.1:18280"
db=gatehouse_ps
db_user=gatehouse_ps
db_password="$(openssl rand -hex 16)"
env_file="${root}/target/test-classes/it-server.env"
service_client="it-service:it-service-secret-0123456789abcdefghijklmn"

say() { echo "payara-server-its: $*"; }
fail() { say "FAILED: $*" >&2; [ -f "${log}" ] && grep -E 'SEVERE|Caused by' "${log}" | tail -n 15 >&2; exit 1; }
[ -f target/gatehouse.war ] || fail "no target/gatehouse.war (mvn package)"
[ -f "${env_file}" ] || fail "no ${env_file} (mvn package)"
# shellcheck source=database-refusal.sh
. src/test/scripts/database-refusal.sh
# Only what this script passes on reaches the server: not some GATEHOUSE_* of the caller's shell.
for name in $(compgen -e | grep '^GATEHOUSE_' || true); do case "${name#GATEHOUSE_}" in IT_*) ;; *) unset "${name}" ;; esac; done

# 1. Payara Server from Maven Central, unpacked afresh.
zip="${servers}/payara-${version}.zip"
if [ ! -f "${zip}" ]; then
  mvn -B -ntp -q dependency:copy -Dartifact="fish.payara.distributions:payara:${version}:zip" -DoutputDirectory="${servers}"
fi
rm -rf "${home}" "${domains}" "${data}" "${servers}/unpack"
mkdir -p "${servers}/unpack" "${data}"
unzip -q "${zip}" -d "${servers}/unpack"
mv "${servers}/unpack/"payara* "${home}"
asadmin="${home}/bin/asadmin"

# 2. The database: a fresh gatehouse_ps (test-services.sh, which also starts the directory), and the server's account.
GATEHOUSE_IT_DB="${db}" bash src/test/scripts/test-services.sh
database_access() { # LOCK or UNLOCK the server's account (the tests keep theirs)
  mysql -uroot -e "ALTER USER '${db_user}'@'127.0.0.1' ACCOUNT $1"
}
mysql -uroot <<SQL
CREATE USER IF NOT EXISTS '${db_user}'@'127.0.0.1';
ALTER USER '${db_user}'@'127.0.0.1' IDENTIFIED BY '${db_password}' ACCOUNT UNLOCK;
GRANT ALL PRIVILEGES ON \`${db}\`.* TO '${db_user}'@'127.0.0.1';
SQL

# 3. An empty domain, bound to loopback before it ever starts: the listeners, IIOP and JMX, and neither the data grid
#    nor the message broker at its first start (payara-server.sh turns both off for good; the test proves it below).
"${asadmin}" create-domain --domaindir "${domains}" --portbase 18200 --nopassword=true gatehouse >/dev/null
sed -i -e '/<config name="server-config"/,/<\/config>/{
  s/address="0\.0\.0\.0"/address="127.0.0.1"/g
  s/<network-listener /<network-listener address="127.0.0.1" /
  s/<hazelcast-config-specific-configuration>/<hazelcast-config-specific-configuration enabled="false">/
  s/\(<jms-service [^>]*\)type="EMBEDDED"/\1type="DISABLED"/
}' "${domains}/gatehouse/config/domain.xml"

pid=""
stop_domain() {
  "${asadmin}" stop-domain --domaindir "${domains}" gatehouse >/dev/null 2>&1 || true
  if [ -n "${pid}" ] && kill -0 "${pid}" 2>/dev/null; then kill "${pid}"; fi
}
cleanup() { database_access UNLOCK 2>/dev/null || true; stop_domain; }
trap cleanup EXIT
# The server process gets the test settings of it-server.env in its environment (as the integration tests' Payara
# Micro does); everything an administrator sets comes from payara-server.sh below.
start_domain() {
  ( set -a; . "${env_file}"; set +a
    "${asadmin}" start-domain --domaindir "${domains}" gatehouse >/dev/null ) || fail "the domain did not start"
  pid="$(cat "${domains}/gatehouse/config/pid")"
}
start_domain

# 4. The administrator's step (server-config/payara/README.md), with this test's values: the JDBC-resource mode, with
#    the MySQL driver of the pom's version from Maven Central.
driver_version="$(sed -n 's:.*<mysql.version>\(.*\)</mysql.version>.*:\1:p' pom.xml)"
driver="${servers}/mysql-connector-j-${driver_version}.jar"
[ -f "${driver}" ] || mvn -B -ntp -q dependency:copy -Dartifact="com.mysql:mysql-connector-j:${driver_version}" \
  -DoutputDirectory="${servers}"
PAYARA_HOME="${home}" AS_ADMIN_PORT="${admin_port}" WAR="${root}/target/gatehouse.war" \
  JDBC_DRIVER_JAR="${driver}" JDBC_URL="jdbc:mysql://127.0.0.1:3306/${db}?useSSL=false&allowPublicKeyRetrieval=true" \
  JDBC_USER="${db_user}" JDBC_PASSWORD="${db_password}" \
  GATEHOUSE_ISSUER="${http}" GATEHOUSE_DATA_DIR="${data}" \
  GATEHOUSE_KEY_ENCRYPTION_KEY="$(. "${env_file}"; echo "${GATEHOUSE_KEY_ENCRYPTION_KEY}")" \
  bash server-config/payara/payara-server.sh jdbc-resource </dev/null >"${servers}/payara-server-config.log" 2>&1 \
  || { cat "${servers}/payara-server-config.log" >&2; fail "payara-server.sh jdbc-resource"; }
grep -q "${db_password}" "${domains}/gatehouse/config/domain.xml" && fail "the database password is in domain.xml"

# 5. Restart once, as the README says, and time the way to the first token.
stop_domain
started_ms=$(date +%s%3N)
start_domain
first_token() {
  curl -s -m 5 -u "${service_client}" -d grant_type=client_credentials "${http}/oauth2/token" | grep -q '"access_token"'
}
for _ in $(seq 1 360); do first_token && break; sleep 0.5; done
first_token || fail "no client_credentials token within 180 s of the domain's start"
boot_ms=$(( $(date +%s%3N) - started_ms ))
say "Payara Server ${version}: boot-to-first-token ${boot_ms} ms"

# 6. What payara-server.sh promises about the domain: Gatehouse on the JDBC resource (the pool lends it connections),
#    loopback only, no data grid, Payara's endpoints and big headers refused.
"${asadmin}" --port "${admin_port}" list -m 'server.resources.*' | grep -qx 'server.resources.gatehouse-pool.gatehouse' \
  || fail "the monitoring of the pool gatehouse-pool does not show the application gatehouse using it"
wide="$(ss -Hltnp | grep "pid=${pid}," | awk '{print $4}' | grep -Ev '^(\[::ffff:)?127\.0\.0\.1\]?:' || true)"
[ -z "${wide}" ] || fail "the domain listens beyond loopback: ${wide}"
for path in health metrics openapi; do
  status="$(curl -s -o /dev/null -w '%{http_code}' "${http}/${path}")"
  [ "${status}" = 404 ] || fail "/${path} answers ${status}, not 404"
done
status="$(curl -s -o /dev/null -w '%{http_code}' -H "X-Filler: $(head -c 9000 /dev/zero | tr '\0' a)" "${http}/oauth2/ping" || true)"
[ "${status}" = 400 ] || fail "a request with 9 KB of headers answered ${status}, not 400"
"${asadmin}" --port "${admin_port}" get-hazelcast-configuration | grep -Eq '^Enabled +false' \
  || fail "the data grid is enabled"

# 7. The shared integration-test subset, over MariaDB.
subset_status=0
bash src/test/scripts/external-its.sh payara-server 18280 "${db}" || subset_status=$?
# shellcheck disable=SC1091
. target/failsafe-reports-payara-server/subset.env

# 8. The bound: the database refuses Gatehouse's account and has dropped its connections (database-refusal.sh).
database_refusal_check "${http}" "${db_user}" "${service_client}" 10000 "${servers}/bound.headers" \
  || fail "with the database refusing its account, a token request was not answered 503 temporarily_unavailable in time"
bound_ms="${REFUSAL_MS}"

stop_domain
pid=""
say "Payara Server ${version}: boot-to-first-token ${boot_ms} ms, subset ${SUBSET_SECONDS} s," \
  "tests run ${SUBSET_TESTS}, failed ${SUBSET_FAILED}; 503 within ${bound_ms} ms"
[ "${subset_status}" -eq 0 ] || fail "the integration-test subset failed (target/failsafe-reports-payara-server)"
