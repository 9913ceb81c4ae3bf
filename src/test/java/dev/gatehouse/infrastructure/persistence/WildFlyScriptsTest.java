package dev.gatehouse.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The WildFly scripts of {@code server-config/wildfly} install what the WAR is built and tested with, and point
 * Gatehouse at the datasource they define.
 */
class WildFlyScriptsTest {

  private static final Path BASE = Path.of(System.getProperty("user.dir"));

  private static String read(String path) throws IOException {
    return Files.readString(BASE.resolve(path));
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
    assertTrue(m.find(), () -> "not found: " + regex);
    return m.group(1);
  }

  @Test
  void installModulesFetchesTheEclipseLinkAndConnectorVersionsOfThePom() throws IOException {
    String pom = read("pom.xml");
    String script = read("server-config/wildfly/install-modules.sh");
    assertEquals(
        group(pom, "<artifactId>org\\.eclipse\\.persistence\\.core</artifactId>\\s*<version>([^<]+)</version>"),
        group(script, "ECLIPSELINK_VERSION=\"\\$\\{ECLIPSELINK_VERSION:-([^}]+)\\}\""));
    assertEquals(group(pom, "<mysql\\.version>([^<]+)</mysql\\.version>"),
        group(script, "MYSQL_CONNECTOR_VERSION=\"\\$\\{MYSQL_CONNECTOR_VERSION:-([^}]+)\\}\""));
  }

  @Test
  void configureSetsGatehouseDatasourceToTheJndiNameOfTheDatasourceItDefines() throws IOException {
    String cli = read("server-config/wildfly/configure.cli");
    assertEquals(group(cli, "data-source=Gatehouse:add\\(jndi-name=([^,\\s]+),"),
        group(cli, "/system-property=GATEHOUSE_DATASOURCE:add\\(value=([^)\\s]+)\\)"));
  }
}
