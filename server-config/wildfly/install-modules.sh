#!/usr/bin/env bash
# Step 1 of 3 on WildFly: installs the two jars Gatehouse needs from the server, as WildFly modules.
#   - EclipseLink, the JPA provider the WAR's persistence.xml names, into WildFly's own `org.eclipse.persistence`
#     module (WildFly's JPA guide, "Using EclipseLink"): eclipselink.jar beside the integration jar WildFly ships
#     there (jipijapa-eclipselink), one more <resource-root>, and the JDK modules EclipseLink uses.
#   - MySQL Connector/J, the JDBC driver of MySQL and MariaDB, as the module `com.mysql` (configure.cli registers it).
# Both jars come from Maven Central through `mvn dependency:copy`, in the versions Gatehouse is built and tested with
# (WildFlyScriptsTest keeps them equal to pom.xml); set ECLIPSELINK_VERSION / MYSQL_CONNECTOR_VERSION to override.
#
# Usage, from any directory, with the server stopped (modules are read when the server starts):
#   JBOSS_HOME=/opt/wildfly /path/to/gatehouse/server-config/wildfly/install-modules.sh
# Needs Java and Maven (mvn) on the PATH, and access to Maven Central (or a mirror set in ~/.m2/settings.xml).
# Idempotent: a second run replaces the jars with fresh copies and leaves module.xml as the first run wrote it.
# A WildFly upgrade replaces org.eclipse.persistence's module.xml: run this script again after upgrading.
set -euo pipefail

ECLIPSELINK_VERSION="${ECLIPSELINK_VERSION:-4.0.7}"
MYSQL_CONNECTOR_VERSION="${MYSQL_CONNECTOR_VERSION:-9.5.0}"

: "${JBOSS_HOME:?set JBOSS_HOME to the WildFly installation (the directory holding bin/standalone.sh)}"
[ -x "${JBOSS_HOME}/bin/standalone.sh" ] || { echo "install-modules: ${JBOSS_HOME} is not a WildFly installation" >&2; exit 1; }
MODULES="${JBOSS_HOME}/modules/system/layers/base"
ECLIPSELINK_MODULE="${MODULES}/org/eclipse/persistence/main"
# Modules of our own go into the root of the module path, apart from WildFly's base layer.
MYSQL_MODULE="${JBOSS_HOME}/modules/com/mysql/main"
[ -f "${ECLIPSELINK_MODULE}/module.xml" ] || {
  echo "install-modules: ${ECLIPSELINK_MODULE}/module.xml is missing: this WildFly has no org.eclipse.persistence module" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

fetch() { # groupId:artifactId:version -> the jar, copied into ${work}
  mvn -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$1" -DoutputDirectory="${work}" -Dmdep.stripVersion=true
}
fetch "org.eclipse.persistence:eclipselink:${ECLIPSELINK_VERSION}"
fetch "com.mysql:mysql-connector-j:${MYSQL_CONNECTOR_VERSION}"

# --- EclipseLink ------------------------------------------------------------------------------------------------------
cp "${work}/eclipselink.jar" "${ECLIPSELINK_MODULE}/eclipselink.jar"
if ! grep -q 'path="eclipselink.jar"' "${ECLIPSELINK_MODULE}/module.xml"; then
  cp "${ECLIPSELINK_MODULE}/module.xml" "${ECLIPSELINK_MODULE}/module.xml.before-gatehouse"
  # After WildFly's own resource-root (the jipijapa integration): EclipseLink itself. Before </dependencies>: the JDK
  # modules EclipseLink needs beyond WildFly's list (java.rmi for its remote command manager, java.sql and java.xml
  # for JDBC and its XML metadata, java.desktop for java.beans, jdk.unsupported for sun.misc.Unsafe).
  awk '
    /<resource-root path="jipijapa-eclipselink/ { print; print "        <resource-root path=\"eclipselink.jar\"/>"; next }
    /<\/dependencies>/ {
      print "        <!-- Added by Gatehouse server-config/wildfly/install-modules.sh -->"
      print "        <module name=\"java.desktop\"/>"
      print "        <module name=\"java.rmi\"/>"
      print "        <module name=\"java.sql\"/>"
      print "        <module name=\"java.xml\"/>"
      print "        <module name=\"jdk.unsupported\"/>"
    }
    { print }' "${ECLIPSELINK_MODULE}/module.xml.before-gatehouse" > "${ECLIPSELINK_MODULE}/module.xml"
  grep -q 'path="eclipselink.jar"' "${ECLIPSELINK_MODULE}/module.xml" || {
    echo "install-modules: could not add eclipselink.jar to ${ECLIPSELINK_MODULE}/module.xml (unexpected layout)" >&2; exit 1; }
fi

# --- MySQL Connector/J --------------------------------------------------------------------------------------------------
mkdir -p "${MYSQL_MODULE}"
cp "${work}/mysql-connector-j.jar" "${MYSQL_MODULE}/mysql-connector-j.jar"
cat > "${MYSQL_MODULE}/module.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!-- MySQL Connector/J for Gatehouse's datasource; written by server-config/wildfly/install-modules.sh. -->
<module name="com.mysql" xmlns="urn:jboss:module:1.9">
    <resources>
        <resource-root path="mysql-connector-j.jar"/>
    </resources>
    <dependencies>
        <module name="java.se"/>
        <module name="jakarta.transaction.api"/>
    </dependencies>
</module>
XML

echo "install-modules: EclipseLink ${ECLIPSELINK_VERSION} in ${ECLIPSELINK_MODULE}, Connector/J ${MYSQL_CONNECTOR_VERSION} in ${MYSQL_MODULE}"
