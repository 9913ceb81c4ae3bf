package dev.gatehouse.application.audit;

import dev.gatehouse.infrastructure.config.Setting;
import dev.gatehouse.infrastructure.config.SettingsReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import dev.gatehouse.application.lifecycle.PurgeScheduler;

/**
 * The audit trail's settings: {@code GATEHOUSE_AUDIT_RETENTION}, how long rows of {@code audit_events} are kept (the
 * purge deletes older ones), and {@code GATEHOUSE_AUDIT_NODE}, the node name in every row and log line (the host name
 * unless set; give each node of a cluster its own). {@link PurgeScheduler} checks them at start-up.
 */
@ApplicationScoped
public class AuditSettings {

  static final Setting RETENTION = Setting.of("GATEHOUSE_AUDIT_RETENTION", "P90D",
      "How long rows of the audit trail are kept.");
  Duration retention;

  static final Setting NODE = Setting.optional("GATEHOUSE_AUDIT_NODE", "the host name",
      "The node name in every audit row and line.");
  Optional<String> node;

  @PostConstruct
  void read() {
    SettingsReader settings = SettingsReader.microProfileConfig();
    retention = settings.duration(RETENTION);
    node = settings.raw(NODE);
  }

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
