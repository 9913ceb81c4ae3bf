package dev.gatehouse.application;

import dev.gatehouse.protocol.admin.AdminActor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/**
 * The one place every administrative change is recorded, whoever makes it (admin API, console, dynamic
 * registration): who, what, and on what. Each administration service calls {@link #record} once per change, inside
 * the change's transaction. For now the record is one structured log line; the audit trail is connected here.
 * Never give it a secret: targets are identifiers (client id, subject, session id, grant id).
 */
@ApplicationScoped
public class AdminChanges {

  private static final Logger LOG = Logger.getLogger(AdminChanges.class.getName());

  /**
   * @param action what was done, as {@code kind.verb} (e.g. {@code client.create}, {@code user.disable})
   * @param target what it was done to, as {@code kind:id} (e.g. {@code client:intranet})
   */
  public void record(AdminActor actor, String action, String target) {
    LOG.info(() -> "admin change: actor=" + actor + " action=" + action + " target=" + target);
  }
}
