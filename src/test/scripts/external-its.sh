#!/usr/bin/env bash
# Runs the integration-test subset that proves one server (the pom's failsafe execution `it-external`: the browser
# code flow, client_credentials, introspection, revocation, discovery and ID tokens, UserInfo, RP-initiated and
# back-channel logout, the admin API, bad input at the token endpoint) against a Gatehouse that is ALREADY running on
# 127.0.0.1:<port>, deployed by the administrator's own scripts (server-config/). The tests reach the server's database
# (MariaDB, <database>) directly to check rows, as they do on Payara Micro.
#
#   src/test/scripts/external-its.sh <name> <port> <database>
#
# The server must run with the settings of target/test-classes/it-server.env, GATEHOUSE_ISSUER=http://127.0.0.1:<port>,
# GATEHOUSE_DATA_DIR=target/it-data-<name> (the browser test reads the demo password there)
# and a fresh <database> (GATEHOUSE_IT_DB=<database> src/test/scripts/test-services.sh makes one). Needs the built
# WAR and test classes (mvn package). Reports: target/failsafe-reports-<name>, with subset.env (SUBSET_TESTS,
# SUBSET_FAILED, SUBSET_SECONDS) for the calling job's summary. Exit status: the tests' verdict.
set -euo pipefail
cd "$(dirname "$0")/../../.."
[ $# -ge 3 ] || { echo "usage: $0 <name> <port> <database> [maven options, e.g. -Dit.test=OidcIT]" >&2; exit 2; }
name=$1 port=$2 database=$3
shift 3
started=$(date +%s)
status=0
mvn -B -ntp -q failsafe:integration-test@it-external failsafe:verify@it-external \
  -Dgatehouse.it.server="$name" -Dit.port="$port" \
  -Dit.db.url="jdbc:mysql://127.0.0.1:3306/${database}?useSSL=false&allowPublicKeyRetrieval=true" "$@" || status=$?
reports="target/failsafe-reports-${name}"
count() { sed -n "s:.*<$1>\([0-9]*\)</$1>.*:\1:p" "${reports}/failsafe-summary.xml" 2>/dev/null | head -1; }
tests=$(count completed) failures=$(count failures) errors=$(count errors) skipped=$(count skipped)
seconds=$(( $(date +%s) - started ))
echo "external-its: ${name}: ${tests:-0} tests, ${failures:-0} failed, ${errors:-0} errors, ${skipped:-0} skipped" \
  "in ${seconds} s"
# For the job that called this: its summary line (source the file).
mkdir -p "${reports}"
printf 'SUBSET_TESTS=%s\nSUBSET_FAILED=%s\nSUBSET_SECONDS=%s\n' "${tests:-0}" \
  "$(( ${failures:-0} + ${errors:-0} ))" "${seconds}" > "${reports}/subset.env"
exit "$status"
