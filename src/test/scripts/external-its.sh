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
# WAR and test classes (mvn package). Reports: target/failsafe-reports-<name>. Exit status: the tests' verdict.
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
summary="target/failsafe-reports-${name}/failsafe-summary.xml"
count() { sed -n "s:.*<$1>\([0-9]*\)</$1>.*:\1:p" "$summary" 2>/dev/null | head -1; }
echo "external-its: ${name}: $(count completed) tests, $(count failures) failed, $(count errors) errors," \
  "$(count skipped) skipped in $(( $(date +%s) - started )) s"
exit "$status"
