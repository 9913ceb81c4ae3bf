package dev.gatehouse.it.external;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A server under test (WildFly, Payara Server) runs with src/test/resources/it-server.env; the Payara Micro of the
 * integration tests with the failsafe environment in the pom. The same suite checks both, so the two must say the
 * same, apart from what each job sets for itself.
 */
class ExternalServerSettingsTest {
  /** What a job sets itself: its issuer (port), its database and datasource, its data folder; and no cluster peer. */
  private static final Set<String> SET_BY_EACH_JOB = Set.of("GATEHOUSE_ISSUER", "GATEHOUSE_DB_URL",
      "GATEHOUSE_DB_USER", "GATEHOUSE_DB_PASSWORD", "GATEHOUSE_DATA_DIR", "GATEHOUSE_CLUSTER_PEERS");

  @Test
  void serverUnderTestSettings_equalThePayaraMicroTestEnvironment_butForWhatEachJobSets() throws Exception {
    Map<String, String> pom = failsafeEnvironment();
    Map<String, String> env = envFile();
    Map<String, String> expected = new TreeMap<>(pom);
    expected.keySet().removeAll(SET_BY_EACH_JOB);
    assertEquals(expected, new TreeMap<>(env));
    assertEquals(new TreeSet<>(SET_BY_EACH_JOB), new TreeSet<>(difference(pom.keySet(), env.keySet())),
        "the pom sets exactly these for its own Payara Micro only");
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }

  private static Map<String, String> envFile() throws IOException {
    Map<String, String> env = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/it-server.env"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String value = line.substring(eq + 1);
      if (!value.startsWith("'") || !value.endsWith("'") || value.length() < 2) {
        throw new AssertionError("values are single-quoted for the shell: " + line);
      }
      env.put(line.substring(0, eq), value.substring(1, value.length() - 1));
    }
    return env;
  }

  /** The plugin-level environmentVariables of maven-failsafe-plugin in pom.xml. */
  private static Map<String, String> failsafeEnvironment() throws Exception {
    Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
        .getDocumentElement();
    NodeList plugins = root.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      // The build's declaration (pluginManagement only pins the version): the one whose configuration has them.
      Element configuration = optionalChild(plugin, "configuration");
      if (!"maven-failsafe-plugin".equals(child(plugin, "artifactId").getTextContent()) || configuration == null
          || optionalChild(configuration, "environmentVariables") == null) {
        continue;
      }
      Element variables = child(configuration, "environmentVariables");
      Map<String, String> env = new TreeMap<>();
      for (Node n = variables.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e) {
          env.put(e.getTagName(), e.getTextContent());
        }
      }
      return env;
    }
    throw new AssertionError("no maven-failsafe-plugin in pom.xml");
  }

  private static Element child(Element parent, String name) {
    Element child = optionalChild(parent, name);
    if (child == null) {
      throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }
    return child;
  }

  private static Element optionalChild(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
