#!/usr/bin/env bash
# Server job for the default runtime, Payara Micro 6, started the way the README's "Running on MySQL" starts it
# (target/payara-micro.jar, --nohazelcast, the shipped pre-boot file, the built-in pool over GATEHOUSE_DB_URL): the
# integration tests cover everything else on it, this job proves the one thing they cannot on their shared database,
# that a request which cannot get a connection is answered 503 temporarily_unavailable within a bound (the built-in
# pool's 5 s wait, validated connections), and that tokens come back once the database accepts again.
#
#   src/test/scripts/payara-micro-its.sh        (after mvn package; port 18480 on 127.0.0.1)
#
# A database and account of its own (gatehouse_it_micro, gatehouse_pm_it); the shared MariaDB keeps running. Stops
# the server it started on every path; prints one summary line; exit status non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root="${PWD}"
port=18480
url="http://127.0.0.1:${port}"
work="${root}/target/payara-micro-its"
db=gatehouse_it_micro
account=gatehouse_pm_it
password=gatehouse-pm-it-password
auth="it-service:it-service-secret-0123456789abcdefghijklmn"
limit_ms=10000
# shellcheck source=database-refusal.sh
. "${root}/src/test/scripts/database-refusal.sh"

pid=""
fail() { echo "payara-micro-its: FAILED: $*" >&2; [ -f "${work}/server.log" ] && tail -n 30 "${work}/server.log" >&2; exit 1; }
stop() {
  if [ -n "${pid}" ]; then
    kill "${pid}" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.5; done
    kill -9 "${pid}" 2>/dev/null || true
  fi
  mysql -uroot -e "ALTER USER '${account}'@'127.0.0.1' ACCOUNT UNLOCK" 2>/dev/null || true
}
trap stop EXIT

[ -f target/gatehouse.war ] && [ -f target/payara-micro.jar ] && [ -f target/test-classes/it-server.env ] \
  || fail "build first: mvn -DskipTests package"
(exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null && fail "127.0.0.1:${port} is taken"
mysql -uroot -e "DROP DATABASE IF EXISTS \`${db}\`;
  CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
  CREATE USER IF NOT EXISTS '${account}'@'127.0.0.1' IDENTIFIED BY '${password}';
  ALTER USER '${account}'@'127.0.0.1' ACCOUNT UNLOCK;
  GRANT ALL PRIVILEGES ON \`${db}\`.* TO '${account}'@'127.0.0.1';"
rm -rf "${work}" && mkdir -p "${work}/data"

started=$(date +%s%3N)
(
  set -a
  # shellcheck disable=SC1091
  . target/test-classes/it-server.env
  set +a
  export GATEHOUSE_ISSUER="${url}" GATEHOUSE_DATA_DIR="${work}/data" GATEHOUSE_DB_USER="${account}" \
    GATEHOUSE_DB_PASSWORD="${password}" \
    GATEHOUSE_DB_URL="jdbc:mysql://127.0.0.1:3306/${db}?useSSL=false&allowPublicKeyRetrieval=true"
  exec java -Xmx512m -jar target/payara-micro.jar --nohazelcast --port "${port}" \
    --prebootcommandfile server-config/payara/pre-boot-commands.asadmin \
    --deploy target/gatehouse.war --contextroot / </dev/null >"${work}/server.log" 2>&1
) &
pid=$!
for _ in $(seq 1 900); do
  kill -0 "${pid}" 2>/dev/null || fail "Payara Micro exited"
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "${auth}" -d grant_type=client_credentials \
    "${url}/oauth2/token")" = 200 ] && break
  sleep 0.2
done
boot_ms=$(( $(date +%s%3N) - started ))
[ "$(curl -s -o /dev/null -w '%{http_code}' -u "${auth}" -d grant_type=client_credentials "${url}/oauth2/token")" = 200 ] \
  || fail "no client_credentials token within three minutes"

refusal=FAILED
database_refusal_check "${url}" "${account}" "${auth}" "${limit_ms}" "${work}/refusal.headers" && refusal=passed
echo "payara-micro-its: Payara Micro (target/payara-micro.jar): boot-to-first-token ${boot_ms} ms;" \
  "database refusing its account: ${refusal}, HTTP ${REFUSAL_STATUS} in ${REFUSAL_MS} ms (limit ${limit_ms} ms)"
[ "${refusal}" = passed ] || fail "a request without a connection was not answered 503 temporarily_unavailable in time"
