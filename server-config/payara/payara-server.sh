#!/usr/bin/env bash
# Configures a running Payara Server 6 domain for Gatehouse and deploys the WAR. Run it from any directory, as the
# account that administers the domain; then restart the domain once (asadmin restart-domain). See README.md here.
#
#   payara-server.sh jdbc-resource   the administrator's own JDBC resource (GATEHOUSE_DATASOURCE, default
#                                    jdbc/gatehouse) over a connection pool of the domain: MySQL's driver in the
#                                    domain's lib/, the password in a password alias, validated connections,
#                                    monitoring on. The mode enterprises use; the one CI proves.
#     JDBC_DRIVER_JAR                the MySQL Connector/J jar (mysql-connector-j-9.5.0.jar), installed with add-library
#     JDBC_URL, JDBC_USER            the database, e.g. jdbc:mysql://db.example.com:3306/gatehouse, and its account
#     JDBC_PASSWORD                  that account's password (asked for when unset); into the alias gatehouse-db-password
#     POOL_NAME                      default gatehouse-pool
#   payara-server.sh builtin-pool    Gatehouse's own pool (java:app/jdbc/gatehouse, defined in the WAR), the quick way:
#                                    GATEHOUSE_DB_URL / GATEHOUSE_DB_USER / GATEHOUSE_DB_PASSWORD as settings
#
# Where asadmin and the domain are (asadmin's own variables, read by asadmin itself):
#   PAYARA_HOME            the installation (the folder holding bin/asadmin); default: asadmin on the PATH
#   AS_ADMIN_HOST          default localhost
#   AS_ADMIN_PORT          the domain's admin port: 4848 by default, N+48 for a domain made with --portbase N
#   AS_ADMIN_USER          default admin
#   AS_ADMIN_PASSWORDFILE  when the admin account has a password: a file with the line AS_ADMIN_PASSWORD=…
# What is deployed, and where it listens:
#   WAR                    default: target/gatehouse.war of the repository this script belongs to
#   LISTEN_ADDRESS         address of the HTTP and HTTPS listeners; default 127.0.0.1, for a TLS reverse proxy on
#                          this host. Set the interface the proxy reaches if it runs elsewhere.
# Gatehouse's settings: every GATEHOUSE_* variable in this script's environment becomes a MicroProfile Config property
# of the domain, under the same name (the README's tables list them); the server reads them at every start. The
# secrets among them (GATEHOUSE_DB_PASSWORD, GATEHOUSE_KEY_ENCRYPTION_KEY, GATEHOUSE_CLUSTER_SECRET,
# GATEHOUSE_LDAP_BIND_PASSWORD, GATEHOUSE_DYNAMIC_REGISTRATION_INITIAL_TOKEN) are never written into domain.xml: each
# goes into a password alias of the domain (gatehouse-db-password, …, encrypted in the domain's keystore), and the
# property holds only ${ALIAS=gatehouse-db-password}, which Payara's MicroProfile Config resolves when Gatehouse reads
# it. Left unset, GATEHOUSE_DB_PASSWORD is asked for on the terminal.
# Required in both modes: GATEHOUSE_ISSUER and the key-encryption key (GATEHOUSE_KEY_ENCRYPTION_KEY_FILE, a file
# readable by the server's account, or GATEHOUSE_KEY_ENCRYPTION_KEY).
#
# Safe to run again: it overwrites the properties and aliases it sets and redeploys the WAR.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

mode="${1:-}"
case "${mode}" in
  builtin-pool|jdbc-resource) ;;
  *) echo "usage: $0 jdbc-resource|builtin-pool   (see the comments at the top of $0)" >&2; exit 2 ;;
esac

fail() { echo "payara-server.sh: $*" >&2; exit 1; }
asadmin="${PAYARA_HOME:+${PAYARA_HOME}/bin/}asadmin"
command -v "${asadmin}" >/dev/null 2>&1 || fail "no asadmin: set PAYARA_HOME to the Payara installation"
war="$(cd "$(dirname "${WAR:-${here}/../../target/gatehouse.war}")" && pwd)/$(basename "${WAR:-gatehouse.war}")"
[ -f "${war}" ] || fail "no WAR at ${war}: build it (mvn package) or set WAR"
listen="${LISTEN_ADDRESS:-127.0.0.1}"

: "${GATEHOUSE_ISSUER:?set GATEHOUSE_ISSUER (the public https URL of Gatehouse, as clients see it)}"
ask_password() { # variable, account: asked for on the terminal when unset
  if [ -z "${!1:-}" ] && [ -t 0 ]; then
    read -rs -p "Password of the database account $2: " "$1" && echo
    export "${1?}"
  fi
}
if [ "${mode}" = builtin-pool ]; then
  : "${GATEHOUSE_DB_URL:?set GATEHOUSE_DB_URL (jdbc:mysql://host:3306/gatehouse)}"
  : "${GATEHOUSE_DB_USER:?set GATEHOUSE_DB_USER (the database account)}"
  ask_password GATEHOUSE_DB_PASSWORD "${GATEHOUSE_DB_USER}"
  : "${GATEHOUSE_DB_PASSWORD:?set GATEHOUSE_DB_PASSWORD (it goes into the password alias gatehouse-db-password)}"
else
  [ -z "${GATEHOUSE_DB_URL:-}${GATEHOUSE_DB_USER:-}${GATEHOUSE_DB_PASSWORD:-}" ] \
    || fail "jdbc-resource: the pool has the database; unset GATEHOUSE_DB_URL, GATEHOUSE_DB_USER, GATEHOUSE_DB_PASSWORD"
  [ -f "${JDBC_DRIVER_JAR:-}" ] || fail "jdbc-resource: set JDBC_DRIVER_JAR to the MySQL Connector/J jar"
  : "${JDBC_URL:?set JDBC_URL (jdbc:mysql://host:3306/gatehouse)}"
  : "${JDBC_USER:?set JDBC_USER (the database account)}"
  ask_password JDBC_PASSWORD "${JDBC_USER}"
  : "${JDBC_PASSWORD:?set JDBC_PASSWORD (it goes into the password alias gatehouse-db-password)}"
  export GATEHOUSE_DATASOURCE="${GATEHOUSE_DATASOURCE:-jdbc/gatehouse}"
  pool="${POOL_NAME:-gatehouse-pool}"
fi
[ -n "${GATEHOUSE_KEY_ENCRYPTION_KEY:-}${GATEHOUSE_KEY_ENCRYPTION_KEY_FILE:-}" ] || fail \
  "set GATEHOUSE_KEY_ENCRYPTION_KEY_FILE (openssl rand -base64 32 > file; chmod 600) or GATEHOUSE_KEY_ENCRYPTION_KEY"

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
chmod 700 "${work}"

# One asadmin file for everything but the aliases; multimode goes on after a failed command and still exits 0, so its
# output is checked for failures.
run_asadmin_file() {
  local out="${work}/out"
  "${asadmin}" ${AS_ADMIN_PASSWORDFILE:+--passwordfile "${AS_ADMIN_PASSWORDFILE}"} multimode --file "$1" 2>&1 \
    | grep -v '^Unable to retrieve infocmp' | tee "${out}"
  if grep -Eq '^(Command .* failed|Remote server does not listen|CLI[0-9]+)' "${out}"; then
    fail "an asadmin command failed (above)"
  fi
}

# A value as one asadmin token: in double quotes (where a colon needs no escape), with \ and " escaped.
quote() { local v="${1//\\/\\\\}"; printf '"%s"' "${v//\"/\\\"}"; }
alias_of() { local n="${1#GATEHOUSE_}"; n="${n//_/-}"; echo "gatehouse-${n,,}"; }
is_secret() { [[ "$1" =~ _(PASSWORD|SECRET|KEY_ENCRYPTION_KEY|INITIAL_TOKEN)$ ]]; }

admin() { "${asadmin}" ${AS_ADMIN_PASSWORDFILE:+--passwordfile "${AS_ADMIN_PASSWORDFILE}"} "$@"; }

# 1. The secrets, into password aliases (one asadmin call each: the value travels in a file only asadmin reads).
existing="$(admin list-password-aliases 2>/dev/null || true)"
set_alias() { # alias, value
  { [ -n "${AS_ADMIN_PASSWORDFILE:-}" ] && cat "${AS_ADMIN_PASSWORDFILE}"; printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$2"; } \
    > "${work}/alias"
  local verb=create; grep -qx "$1" <<<"${existing}" && verb=update
  "${asadmin}" --passwordfile "${work}/alias" "${verb}-password-alias" "$1" 2>&1 | grep -v '^Unable to retrieve infocmp'
  rm -f "${work}/alias"
}
for name in $(compgen -e | grep '^GATEHOUSE_' | sort); do
  if is_secret "${name}"; then set_alias "$(alias_of "${name}")" "${!name}"; fi
done

# 2. jdbc-resource: the driver in the domain's lib/ (when it is not there yet), then the pool and the resource, made
#    afresh.
if [ "${mode}" = jdbc-resource ]; then
  set_alias gatehouse-db-password "${JDBC_PASSWORD}"
  if ! admin list-libraries 2>/dev/null | grep -qx "$(basename "${JDBC_DRIVER_JAR}")"; then
    # Payara 6.2025.9 loads the jar at once (the pool's ping below succeeds); the restart at the end makes it certain.
    # Do not call restart-domain here: run like this it starts the installation's own domain1 (on 4848, 8080, every
    # interface) when it does not find the domain locally.
    admin add-library "${JDBC_DRIVER_JAR}"
  fi
  if admin list-jdbc-connection-pools 2>/dev/null | grep -qx "${pool}"; then
    admin delete-jdbc-connection-pool --cascade=true "${pool}"
  fi
fi

# A value in a pool's --property list: ':' and '=' escaped, as asadmin's property syntax wants.
property() { local v="${1//:/\\:}"; printf '%s' "${v//=/\\=}"; }

# 3. The domain's own settings, the pool (jdbc-resource), the listeners' address, Gatehouse's settings, the deployment.
{
  cat "${here}/payara-server-domain.asadmin"
  if [ "${mode}" = jdbc-resource ]; then
    echo "#"
    echo "# The pool: 2 to 40 connections, READ COMMITTED (InnoDB then takes no gap locks for Gatehouse's conditional"
    echo "# updates), each checked with JDBC 4's isValid before use (meta-data is answered by Connector/J without asking"
    echo "# MySQL), the whole pool discarded when one check fails, at most 5 s of waiting for a connection (then"
    echo "# Gatehouse answers 503 temporarily_unavailable), and a ping now."
    echo "create-jdbc-connection-pool --datasourceclassname=com.mysql.cj.jdbc.MysqlDataSource" \
      "--restype=javax.sql.DataSource --steadypoolsize=2 --maxpoolsize=40 --maxwait=5000" \
      "--isconnectvalidatereq=true --validationmethod=custom-validation" \
      "--validationclassname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation --failconnection=true" \
      "--isolationlevel=read-committed --isisolationguaranteed=true --ping=true" \
      "--property $(quote "url=$(property "${JDBC_URL}"):user=$(property "${JDBC_USER}"):password=\${ALIAS=gatehouse-db-password}")" \
      "${pool}"
    echo "create-jdbc-resource --connectionpoolid=${pool} ${GATEHOUSE_DATASOURCE}"
    echo "# The pool's statistics (asadmin get -m 'server.resources.${pool}.*')."
    echo "set configs.config.server-config.monitoring-service.module-monitoring-levels.jdbc-connection-pool=HIGH"
  fi
  echo "#"
  echo "# The listeners' address (LISTEN_ADDRESS); takes effect at the restart."
  for listener in http-listener-1 http-listener-2; do
    echo "set configs.config.server-config.network-config.network-listeners.network-listener.${listener}.address=${listen}"
  done
  echo "#"
  echo "# Gatehouse's settings, as MicroProfile Config properties of the domain."
  for name in $(compgen -e | grep '^GATEHOUSE_' | sort); do
    if is_secret "${name}"; then
      value="\${ALIAS=$(alias_of "${name}")}"
    else
      value="${!name}"
    fi
    echo "set-config-property --source=domain --propertyName=${name} --propertyValue=$(quote "${value}")"
  done
  echo "#"
  echo "deploy --force=true --contextroot=/ --name=gatehouse $(quote "${war}")"
} > "${work}/gatehouse.asadmin"
run_asadmin_file "${work}/gatehouse.asadmin"

echo "payara-server.sh: done. Restart the domain once (asadmin restart-domain) so that the listener, data grid and"
echo "message broker settings take effect; Gatehouse then answers at ${GATEHOUSE_ISSUER}/oauth2/ping."
