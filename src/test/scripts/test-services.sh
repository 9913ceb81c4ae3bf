#!/usr/bin/env bash
# Makes sure what the integration tests need is there, installing and starting it when missing (Debian, as root):
#   - MariaDB on 127.0.0.1:3306, with a fresh test database and its user (gatehouse / gatehouse);
#   - Chromium and chromedriver for the browser test;
#   - an OpenLDAP directory of our own on 127.0.0.1:${GATEHOUSE_IT_LDAP_PORT:-10389}, reloaded fresh at every run from
#     src/test/resources/ldap/directory.ldif (the slapd package's own instance, if any, is neither used nor needed).
# Idempotent; run by `mvn verify` before the integration tests and by .ci/run.
# Set GATEHOUSE_IT_SKIP_SERVICES=true to manage these yourself.
set -euo pipefail
[ "${GATEHOUSE_IT_SKIP_SERVICES:-false}" = "true" ] && exit 0

DB="${GATEHOUSE_IT_DB:-gatehouse_it}"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else
  echo "test-services: need root to run: $*" >&2; return 1; fi; }

missing=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
command -v mariadb >/dev/null 2>&1 || command -v mysql >/dev/null 2>&1 || missing+=(mariadb-client)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v slapd >/dev/null 2>&1 || [ -x /usr/sbin/slapd ] || missing+=(slapd)
command -v ldapsearch >/dev/null 2>&1 || missing+=(ldap-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-services: installing ${missing[*]} from Debian packages"
  # The package need not create a directory and instance of its own: the tests start their own slapd below.
  echo "slapd slapd/no_configuration boolean true" | as_root debconf-set-selections
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

ping_db() { mysqladmin --protocol=tcp -h127.0.0.1 -P3306 -uroot ping >/dev/null 2>&1 || as_root mysqladmin ping >/dev/null 2>&1; }
if ! ping_db; then
  echo "test-services: starting MariaDB on 127.0.0.1:3306"
  as_root mkdir -p /run/mysqld
  as_root chown mysql:mysql /run/mysqld
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- \
    --user=mysql --bind-address=127.0.0.1 --port=3306
  for _ in $(seq 1 60); do ping_db && break; sleep 0.5; done
  ping_db || { echo "test-services: MariaDB did not start" >&2; exit 1; }
fi

as_root mysql -uroot <<SQL
DROP DATABASE IF EXISTS \`${DB}\`;
CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'gatehouse'@'127.0.0.1' IDENTIFIED BY 'gatehouse';
CREATE USER IF NOT EXISTS 'gatehouse'@'localhost' IDENTIFIED BY 'gatehouse';
GRANT ALL PRIVILEGES ON \`${DB}\`.* TO 'gatehouse'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`${DB}\`.* TO 'gatehouse'@'localhost';
SQL

# --- OpenLDAP: our own slapd, started as whoever runs this (root or not), on loopback only. ---------------------------
LDAP_PORT="${GATEHOUSE_IT_LDAP_PORT:-10389}"
LDAP_URL="ldap://127.0.0.1:${LDAP_PORT}"
LDAP_DIR="/tmp/gatehouse-it-ldap-${LDAP_PORT}"
LDAP_SUFFIX="dc=gatehouse,dc=test"
LDAP_ROOT_DN="cn=admin,${LDAP_SUFFIX}"
LDAP_ROOT_PASSWORD="it-ldap-root-password"
LDAP_READER_DN="cn=gatehouse-reader,ou=services,${LDAP_SUFFIX}"
LDAP_READER_PASSWORD="it-ldap-reader-password"
LDAP_LDIF="$(cd "$(dirname "$0")/../resources/ldap" && pwd)/directory.ldif"
SLAPD="$(command -v slapd || echo /usr/sbin/slapd)"
SLAPADD="$(command -v slapadd || echo /usr/sbin/slapadd)"
SLAPPASSWD="$(command -v slappasswd || echo /usr/sbin/slappasswd)"

ldap_fail() { echo "test-services: $*" >&2; [ -f "${LDAP_DIR}/slapd.log" ] && tail -n 20 "${LDAP_DIR}/slapd.log" >&2; exit 1; }
ldap_answers() { ldapsearch -x -LLL -o nettimeout=2 -H "${LDAP_URL}" -D "${LDAP_READER_DN}" -w "${LDAP_READER_PASSWORD}" \
  -b "${LDAP_SUFFIX}" -s base dn >/dev/null 2>&1; }
port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/${LDAP_PORT}") 2>/dev/null; }

# Stop the instance an earlier run started (its pid file says which); never a process we did not start.
if [ -f "${LDAP_DIR}/slapd.pid" ]; then
  pid="$(cat "${LDAP_DIR}/slapd.pid")"
  if [ -n "${pid}" ] && [ "$(cat "/proc/${pid}/comm" 2>/dev/null)" = "slapd" ]; then
    kill "${pid}" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "${pid}" 2>/dev/null || break; sleep 0.25; done
    kill -0 "${pid}" 2>/dev/null && kill -9 "${pid}" 2>/dev/null || true
  fi
fi
port_taken && ldap_fail "127.0.0.1:${LDAP_PORT} is taken by a process this script did not start; set GATEHOUSE_IT_LDAP_PORT (and -Dit.ldap.port)"

rm -rf "${LDAP_DIR}"
mkdir -p "${LDAP_DIR}/data"
cat > "${LDAP_DIR}/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile ${LDAP_DIR}/slapd.pid
argsfile ${LDAP_DIR}/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb

database mdb
maxsize 67108864
suffix "${LDAP_SUFFIX}"
rootdn "${LDAP_ROOT_DN}"
rootpw $("${SLAPPASSWD}" -s "${LDAP_ROOT_PASSWORD}")
directory ${LDAP_DIR}/data
index objectClass eq
index uid eq
index member eq
# Passwords are for binding only; the service account reads everything else and writes nothing; anonymous sees nothing.
access to attrs=userPassword
  by anonymous auth
  by * none
access to *
  by dn.exact="${LDAP_READER_DN}" read
  by self read
  by * none
CONF

# The test directory, each {{slappasswd:X}} replaced by a salted hash of X.
: > "${LDAP_DIR}/directory.ldif"
while IFS= read -r line || [ -n "${line}" ]; do
  if [[ "${line}" =~ ^userPassword:\ \{\{slappasswd:(.*)\}\}$ ]]; then
    line="userPassword: $("${SLAPPASSWD}" -s "${BASH_REMATCH[1]}")"
  fi
  printf '%s\n' "${line}" >> "${LDAP_DIR}/directory.ldif"
done < "${LDAP_LDIF}"
"${SLAPADD}" -q -f "${LDAP_DIR}/slapd.conf" -l "${LDAP_DIR}/directory.ldif" >"${LDAP_DIR}/slapadd.log" 2>&1 \
  || { cat "${LDAP_DIR}/slapadd.log" >&2; ldap_fail "loading ${LDAP_LDIF} failed"; }

# -d stats: stay in the foreground (no init system needed) and log every connection and operation to slapd.log.
# Started with no inherited descriptor beyond the three: a lock held by whoever runs this (flock around a test run)
# must not live on in slapd and block every later run.
(
  for fd in /proc/self/fd/*; do fd="${fd##*/}"; [ "${fd}" -gt 2 ] 2>/dev/null && eval "exec ${fd}>&-"; done
  exec setsid "${SLAPD}" -d stats -f "${LDAP_DIR}/slapd.conf" -h "${LDAP_URL}/" </dev/null >"${LDAP_DIR}/slapd.log" 2>&1
) &
for _ in $(seq 1 60); do ldap_answers && break; sleep 0.5; done
ldap_answers || ldap_fail "slapd did not answer on ${LDAP_URL} (log: ${LDAP_DIR}/slapd.log)"

echo "test-services: MariaDB ready (database ${DB}), OpenLDAP ready at ${LDAP_URL} (${LDAP_SUFFIX}), \
$(chromium --version 2>/dev/null | sed -n 1p), chromedriver at $(command -v chromedriver)"
