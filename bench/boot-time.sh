#!/usr/bin/env bash
# Measures README command 1's boot: seconds from launch to the first successful authorization request
# (GET /oauth2/authorize for the demo client answered with the redirect to the sign-in page).
#   bench/boot-time.sh h2        # the embedded default, fresh data folder (first start: migrations + demo set-up)
#   bench/boot-time.sh h2-warm   # the embedded default again, on the data folder of the previous h2 run
#   bench/boot-time.sh mariadb   # MariaDB at 127.0.0.1:3306, database gatehouse_bench (created fresh)
#   bench/boot-time.sh mvn       # the whole README command 1, `mvn -Prun`, including the Maven build
# Needs `mvn package` first (except for mvn). Uses port 8080 on loopback; stops the server it started.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-h2}"
data="$(pwd)/target/bench-boot-data"
[ "$mode" = "h2-warm" ] || rm -rf "$data"
export GATEHOUSE_DATA_DIR="$data" GATEHOUSE_DEMO=true
if [ "$mode" = "mariadb" ]; then
  mysql -uroot -e "DROP DATABASE IF EXISTS gatehouse_bench; CREATE DATABASE gatehouse_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    CREATE USER IF NOT EXISTS 'gatehouse'@'127.0.0.1' IDENTIFIED BY 'gatehouse'; GRANT ALL ON gatehouse_bench.* TO 'gatehouse'@'127.0.0.1';"
  export GATEHOUSE_DB_URL="jdbc:mysql://127.0.0.1:3306/gatehouse_bench?useSSL=false&allowPublicKeyRetrieval=true"
  export GATEHOUSE_DB_USER=gatehouse GATEHOUSE_DB_PASSWORD=gatehouse
fi
url="http://localhost:8080/oauth2/authorize?response_type=code&client_id=demo-client&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fdemo%2Fcallback&scope=profile&state=s&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
log="target/bench-boot-$mode.log"
start=$(date +%s.%N)
if [ "$mode" = "mvn" ]; then
  setsid mvn -q -Prun >"$log" 2>&1 &
else
  setsid java -jar target/payara-micro.jar --nohazelcast \
    --prebootcommandfile server-config/payara/pre-boot-commands.asadmin --deploy target/gatehouse.war >"$log" 2>&1 &
fi
pid=$!
stop() { # the whole tree: with `mvn -Prun`, Payara is Maven's child and may sit in another process group
  local children; children=$(pgrep -P "$pid" || true)
  kill -- -"$pid" 2>/dev/null || true
  for child in $children; do pkill -P "$child" 2>/dev/null || true; kill "$child" 2>/dev/null || true; done
}
trap stop EXIT
for _ in $(seq 1 3000); do
  location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$url" || true)
  case "$location" in
    "302 "*/login\?request=*) break ;;
  esac
  sleep 0.1
done
end=$(date +%s.%N)
case "$location" in "302 "*/login\?request=*) ;; *) echo "no successful authorization request; see $log" >&2; exit 1 ;; esac
awk -v m="$mode" -v s="$start" -v e="$end" 'BEGIN { printf "boot to first successful authorization request (%s): %.1f s\n", m, e - s }'
