package dev.gatehouse.application.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import dev.gatehouse.application.lifecycle.PurgeScheduler;

/**
 * The audit trail's settings: {@code GATEHOUSE_AUDIT_RETENTION}, how long rows of {@code audit_events} are kept (the
 * purge deletes older ones), and {@code GATEHOUSE_AUDIT_NODE}, the node name in every row and log line (the host name
 * unless set; give each node of a cluster its own). {@link PurgeScheduler} checks them at start-up.
 */
@ApplicationScoped
public class AuditSettings {

  @Inject
  @ConfigProperty(name = "GATEHOUSE_AUDIT_RETENTION", defaultValue = "P90D")
  Duration retention;

  @Inject
  @ConfigProperty(name = "GATEHOUSE_AUDIT_NODE")
  Optional<String> node;

  private volatile String nodeName;

  /** How long an audit row is kept. */
  public Duration retention() {
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalStateException(
          "GATEHOUSE_AUDIT_RETENTION must be a positive ISO-8601 duration such as P90D, got " + retention);
    }
    return retention;
  }

  /** This node's name: {@code GATEHOUSE_AUDIT_NODE}, else the host name (looked up once). */
  public String node() {
    String name = nodeName;
    if (name == null) {
      name = node.map(String::strip).filter(s -> !s.isEmpty()).orElseGet(AuditSettings::hostName);
      nodeName = name;
    }
    return name;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException | SecurityException e) {
      return "unknown";
    }
  }
}
