#!/usr/bin/env bash
# Runs the built WAR on Payara Micro over MySQL/MariaDB. Everything comes from the environment; nothing is in the WAR.
#   GATEHOUSE_DB_URL       default jdbc:mysql://127.0.0.1:3306/gatehouse
#   GATEHOUSE_DB_USER      default gatehouse
#   GATEHOUSE_DB_PASSWORD  required
#   GATEHOUSE_KEY_ENCRYPTION_KEY or GATEHOUSE_KEY_ENCRYPTION_KEY_FILE   required: the key that encrypts the signing
#                          keys at rest (openssl rand -base64 32), the same on every node
#   GATEHOUSE_ISSUER, GATEHOUSE_BOOTSTRAP_FILE, ... as in the README
# Usage (from the repository root, after `mvn package`): server-config/payara/run-mysql.sh
# Extra arguments go to Payara Micro. Never add --nocluster: it makes Payara ignore --nohazelcast and run an
# unauthenticated data grid (see the README, "No data grid").
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${GATEHOUSE_DB_PASSWORD:?set GATEHOUSE_DB_PASSWORD (the password of the gatehouse database account)}"
[ -n "${GATEHOUSE_KEY_ENCRYPTION_KEY:-}${GATEHOUSE_KEY_ENCRYPTION_KEY_FILE:-}" ] || {
  echo "set GATEHOUSE_KEY_ENCRYPTION_KEY (openssl rand -base64 32) or GATEHOUSE_KEY_ENCRYPTION_KEY_FILE" >&2; exit 1; }
export GATEHOUSE_DB_URL="${GATEHOUSE_DB_URL:-jdbc:mysql://127.0.0.1:3306/gatehouse}"
export GATEHOUSE_DB_USER="${GATEHOUSE_DB_USER:-gatehouse}"
exec java -jar target/payara-micro.jar --nohazelcast \
  --prebootcommandfile server-config/payara/pre-boot-commands.asadmin \
  --deploy target/gatehouse.war "$@"
