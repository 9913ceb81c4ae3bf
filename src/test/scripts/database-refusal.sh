# Sourced by the server jobs: what a request that cannot get a database connection is answered, on any server.
#
#   database_refusal_check <base-url> <database-account> <client-id:secret> <limit-ms> <headers-file>
#
# Locks the server's own database account and kills that account's connections only (the shared MariaDB keeps
# running for everyone else), asks for a client_credentials token, then unlocks the account. Passes when the answer
# was a 503 with the JSON error temporarily_unavailable and a Retry-After header within <limit-ms>, and a token is
# issued again within 30 s of the database accepting the account. Prints one line saying what it saw; sets
# REFUSAL_STATUS, REFUSAL_MS and REFUSAL_RECOVERED for the caller's summary. Needs MariaDB's root over the unix
# socket (as root, or through sudo).

refusal_sql() { if [ "$(id -u)" -eq 0 ]; then mysql -uroot "$@"; else sudo -n mysql -uroot "$@"; fi; }

database_refusal_check() {
  local url=$1 account=$2 auth=$3 limit_ms=$4 headers=$5 started body id
  refusal_sql -e "ALTER USER '${account}'@'127.0.0.1' ACCOUNT LOCK"
  for id in $(refusal_sql -N -e "SELECT id FROM information_schema.processlist WHERE user = '${account}'"); do
    refusal_sql -e "KILL ${id}" 2>/dev/null || true
  done
  started=$(date +%s%3N)
  body="$(curl -s -D "${headers}" --max-time 30 -u "${auth}" -d grant_type=client_credentials \
    -w '\n%{http_code}' "${url}/oauth2/token" || true)"
  REFUSAL_MS=$(( $(date +%s%3N) - started ))
  REFUSAL_STATUS="$(printf '%s' "${body}" | tail -n 1)"
  refusal_sql -e "ALTER USER '${account}'@'127.0.0.1' ACCOUNT UNLOCK"
  REFUSAL_RECOVERED=false
  for _ in $(seq 1 100); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "${auth}" -d grant_type=client_credentials \
      "${url}/oauth2/token")" = 200 ]; then REFUSAL_RECOVERED=true; break; fi
    sleep 0.3
  done
  echo "database refusing ${account}: HTTP ${REFUSAL_STATUS} in ${REFUSAL_MS} ms ($(printf '%s' "${body}" | head -n 1));" \
    "tokens again once it accepts: ${REFUSAL_RECOVERED}"
  [ "${REFUSAL_STATUS}" = 503 ] && printf '%s' "${body}" | grep -q '"error":"temporarily_unavailable"' \
    && grep -qi '^Retry-After:' "${headers}" && [ "${REFUSAL_MS}" -le "${limit_ms}" ] && [ "${REFUSAL_RECOVERED}" = true ]
}
