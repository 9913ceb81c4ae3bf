#!/usr/bin/env bash
# Makes sure what the integration tests need is there, installing and starting it when missing (Debian, as root):
#   - MariaDB on 127.0.0.1:3306, with a fresh test database and its user (gatehouse / gatehouse);
#   - Chromium and chromedriver for the browser test.
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
if [ ${#missing[@]} -gt 0 ]; then
  echo "test-services: installing ${missing[*]} from Debian packages"
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
echo "test-services: MariaDB ready (database ${DB}), $(chromium --version 2>/dev/null | sed -n 1p), chromedriver at $(command -v chromedriver)"
