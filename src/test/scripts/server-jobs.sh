#!/usr/bin/env bash
# The server jobs of `mvn verify` (README command 2), after the integration tests on Payara Micro: the same WAR on
# each other supported server, provisioned from Maven Central and set up with server-config/ exactly as the README
# tells an administrator, then the proving subset of the integration tests against it (external-its.sh):
#   Payara Micro 6, the database refusing it       src/test/scripts/payara-micro-its.sh
#   WildFly, newest and oldest supported          src/test/scripts/wildfly-its.sh <version>
#   Payara Server 6 (full), the administrator's JDBC resource   src/test/scripts/payara-server-its.sh
#   Payara Micro 7 (Jakarta EE 11) on Java 21+, a smoke test    src/test/scripts/payara7-smoke.sh
# Every job runs even when one before it failed; the exit status says whether all passed. A summary line per job
# goes to target/server-jobs.txt. Skip them all with -Dgatehouse.servers.skip=true (or -DskipITs).
set -uo pipefail
cd "$(dirname "$0")/../../.."
# WildFly 39.0.1 is both the newest and the oldest supported: 31.0.1 to 38.0.1 pass the subset but one test, since
# their Undertow drops the Servlet 6 cookie attribute SameSite (UNDERTOW-2580), so Gatehouse's cookies lack it there.
: "${GATEHOUSE_IT_WILDFLY_VERSIONS:=39.0.1.Final 31.0.1.Final}"
summary=target/server-jobs.txt
: > "$summary"
failed=0
run() {
  local started=$(date +%s) status=0
  echo "server-jobs: $*"
  "$@" 2>&1 | tee "target/server-job-$(basename "$1" .sh)${2:+-$2}.log" | sed -u "s/\x1b\[[0-9;]*m//g" | grep -E '^(external-its|[a-z0-9-]+-its|payara7-smoke|wildfly|payara)[:-]' || true
  status=${PIPESTATUS[0]}
  echo "$* -> $([ "$status" -eq 0 ] && echo passed || echo "FAILED ($status)") in $(( $(date +%s) - started )) s" | tee -a "$summary"
  [ "$status" -eq 0 ] || failed=1
}
run src/test/scripts/payara-micro-its.sh
for version in $GATEHOUSE_IT_WILDFLY_VERSIONS; do
  run src/test/scripts/wildfly-its.sh "$version"
done
run src/test/scripts/payara-server-its.sh
run src/test/scripts/payara7-smoke.sh
cat "$summary"
exit "$failed"
