#!/usr/bin/env bash
# Jakarta EE 11 readiness: runs the very target/gatehouse.war on Payara Micro 7 under Java 21+ on the embedded H2
# default (a fresh data folder) and checks it over HTTP: discovery, JWKS, a client_credentials token for a bootstrap
# client, introspection, the login page, and the RFC 6749 §5.2 JSON error of a bad token request.
#
#   src/test/scripts/payara7-smoke.sh [payara-micro-version]     (default below; needs `mvn package` first)
#
# JAVA_HOME_21: the JDK to run Payara 7 with (default /usr/lib/jvm/temurin-25-jdk-amd64). Port 18380 on 127.0.0.1,
# no data grid. Prints one line: version, boot-to-first-token ms, checks passed. Exit status non-zero on any failure;
# the server it started is stopped on every path.
set -euo pipefail
cd "$(dirname "$0")/../../.."
version="${1:-7.2026.11}"
java_home="${JAVA_HOME_21:-/usr/lib/jvm/temurin-25-jdk-amd64}"
port=18380
base="http://127.0.0.1:${port}"
work="target/payara7-smoke"
jar="target/servers/payara-micro-${version}.jar"
client=smoke-service
secret=smoke-service-secret-0123456789abcdefghijkl

fail() { echo "payara7-smoke: FAILED: $*" >&2; [ -f "${work}/server.log" ] && tail -n 40 "${work}/server.log" >&2; exit 1; }
[ -x "${java_home}/bin/java" ] || fail "no JDK at ${java_home} (set JAVA_HOME_21)"
[ -f target/gatehouse.war ] || fail "no target/gatehouse.war (mvn package)"
if [ ! -f "${jar}" ]; then
  mvn -B -ntp -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:${version}" -DoutputDirectory=target/servers
fi
(exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null && fail "127.0.0.1:${port} is taken"

rm -rf "${work}" && mkdir -p "${work}/data"
cat > "${work}/bootstrap.json" <<EOF
{"clients": [{"client_id": "${client}", "client_name": "Smoke test service", "client_secret": "${secret}",
  "token_endpoint_auth_method": "client_secret_basic", "grant_types": ["client_credentials"], "scope": "read introspect"},
 {"client_id": "smoke-web", "client_name": "Smoke test web client", "token_endpoint_auth_method": "none",
  "redirect_uris": ["http://127.0.0.1:9/callback"], "grant_types": ["authorization_code"], "scope": "openid"}]}
EOF
# Payara Micro 7's pre-boot: the shipped file, with its listener addresses (already 127.0.0.1).
started_ms=$(date +%s%3N)
env GATEHOUSE_ISSUER="${base}" GATEHOUSE_DATA_DIR="${PWD}/${work}/data" GATEHOUSE_BOOTSTRAP_FILE="${PWD}/${work}/bootstrap.json" \
  "${java_home}/bin/java" -jar "${jar}" --nohazelcast --port "${port}" \
  --prebootcommandfile server-config/payara/pre-boot-commands.asadmin \
  --rootdir "${work}/runtime" --deploy target/gatehouse.war:/ > "${work}/server.log" 2>&1 &
pid=$!
trap 'kill "${pid}" 2>/dev/null && wait "${pid}" 2>/dev/null; true' EXIT

token=""
for _ in $(seq 1 240); do
  kill -0 "${pid}" 2>/dev/null || fail "Payara Micro ${version} exited"
  token="$(curl -s -m 5 -u "${client}:${secret}" -d grant_type=client_credentials "${base}/oauth2/token" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')" || true
  [ -n "${token}" ] && break
  # Payara says it is ready even when the deployment failed; then nothing answers but 404.
  if grep -q 'ready in' "${work}/server.log" && [ "$(curl -s -o /dev/null -w '%{http_code}' "${base}/oauth2/ping")" = 404 ]; then
    fail "Payara Micro ${version} is ready, but Gatehouse is not deployed"
  fi
  sleep 0.5
done
[ -n "${token}" ] || fail "no client_credentials token within 120 s"
boot_ms=$(( $(date +%s%3N) - started_ms ))

checks=0
check() { # description, expected status, body pattern, curl arguments...
  local what="$1" status="$2" pattern="$3"; shift 3
  local got; got="$(curl -s -m 10 -o "${work}/body" -w '%{http_code}' "$@")" || true
  [ "${got}" = "${status}" ] || fail "${what}: HTTP ${got}, expected ${status}: $(head -c 300 "${work}/body")"
  grep -Eq -- "${pattern}" "${work}/body" || fail "${what}: body lacks /${pattern}/: $(head -c 300 "${work}/body")"
  checks=$((checks + 1))
}
check "discovery" 200 "\"issuer\":\"${base}\"" "${base}/.well-known/openid-configuration"
check "authorization server metadata" 200 "\"token_endpoint\":\"${base}/oauth2/token\"" \
  "${base}/.well-known/oauth-authorization-server"
check "JWKS" 200 '"keys":\[\{' "${base}/oauth2/jwks"
check "introspection of the token" 200 '"active":true' -u "${client}:${secret}" --data-urlencode "token=${token}" \
  "${base}/oauth2/introspect"
check "introspection of a made-up token" 200 '^\{"active":false\}$' -u "${client}:${secret}" -d token=nonsense \
  "${base}/oauth2/introspect"
# The sign-in page as a browser reaches it: /authorize (PKCE, S256) sends it on to the form.
challenge="$(printf 'smoke-verifier-0123456789abcdefghijklmnopqrstuvwxyz' | openssl dgst -sha256 -binary | openssl base64 -A \
  | tr '+/' '-_' | tr -d '=')"
check "sign-in page after /authorize" 200 '<form method="post"' -L -c "${work}/cookies" -b "${work}/cookies" \
  "${base}/oauth2/authorize?response_type=code&client_id=smoke-web&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcallback&scope=openid&state=s1&nonce=n1&code_challenge=${challenge}&code_challenge_method=S256"
grep -q 'name="password"' "${work}/body" || fail "the sign-in page has no password field"
check "token request without grant_type" 400 '"error":"invalid_request"' -u "${client}:${secret}" -d scope=read \
  "${base}/oauth2/token"
check "token request with an unknown grant" 400 '"error":"unsupported_grant_type"' -u "${client}:${secret}" \
  -d grant_type=urn:example:nothing "${base}/oauth2/token"
check "token request with a wrong secret" 401 '"error":"invalid_client"' -u "${client}:wrong" \
  -d grant_type=client_credentials "${base}/oauth2/token"
grep -q "Payara Micro.*${version%%.*}\." "${work}/server.log" || grep -q "${version}" "${work}/server.log" \
  || fail "the log does not name Payara Micro ${version}"

java_version="$("${java_home}/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p')"
echo "payara7-smoke: Payara Micro ${version} on Java ${java_version}: boot-to-first-token ${boot_ms} ms," \
  "${checks} passed, 0 failed"
