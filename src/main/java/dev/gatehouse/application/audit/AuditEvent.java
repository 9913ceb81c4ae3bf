package dev.gatehouse.application.audit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One security event, as the code that saw it describes it: what happened, who did it and what it concerns, and a few
 * details under fixed keys ({@link AuditDetail}). {@link AuditTrail} adds the time, the node, the client address and
 * an id.
 *
 * <p>No field can hold a secret: there is none for a token, code, client secret, password or a hash of one, and the
 * detail keys are a closed list. A grant id and a session id ({@code sid}) are not credentials: they name a grant or a
 * session, and presenting one gets nothing. Every text is clipped to its column's length here, so the row and the log
 * line always agree.
 *
 * @param actor who caused the event, when known: the user's subject, or the client's id
 * @param username a signed-in user's username as the identity store spells it (sign-in, consent, session end); never
 *     what someone typed into a failed sign-in (people type their password there), which appears only as {@link
 *     AuditDetail#ACCOUNT_KEY}
 * @param clientId the client the event concerns
 * @param subject the user the event concerns
 * @param grantId the grant the event concerns
 * @param sessionId the SSO session ({@code sid}) the event concerns
 */
public record AuditEvent(
    AuditEventType type,
    AuditOutcome outcome,
    String actor,
    String username,
    String clientId,
    String subject,
    String grantId,
    String sessionId,
    Map<AuditDetail, String> details) {

  /** Column lengths of {@code audit_events} (migration V9): longer values are clipped. */
  static final int ACTOR_MAX = 190;
  static final int USERNAME_MAX = 190;
  static final int CLIENT_ID_MAX = 128;
  static final int SUBJECT_MAX = 190;
  static final int ID_MAX = 64;
  static final int DETAIL_MAX = 200;

  public AuditEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
    actor = clip(actor, ACTOR_MAX);
    username = clip(username, USERNAME_MAX);
    clientId = clip(clientId, CLIENT_ID_MAX);
    subject = clip(subject, SUBJECT_MAX);
    grantId = clip(grantId, ID_MAX);
    sessionId = clip(sessionId, ID_MAX);
    Map<AuditDetail, String> copy = new EnumMap<>(AuditDetail.class);
    Objects.requireNonNull(details, "details").forEach((key, value) -> {
      if (value != null) {
        copy.put(Objects.requireNonNull(key, "detail key"), clip(value, DETAIL_MAX));
      }
    });
    details = Collections.unmodifiableMap(copy);
  }

  /** An event of {@code type}, to be described further. */
  public static Builder of(AuditEventType type) {
    return new Builder(type);
  }

  /**
   * An administrator's change, for the administration's application services: {@code actor} is the administrator
   * (a user's subject, or the client id of a client acting with the admin scope), {@code action} what was done (e.g.
   * {@code client.update}, {@code user.disable}), and the target what it was done to. A {@code client} target also
   * fills the client column, a {@code user} target the subject column, so that listing by client or user finds it.
   * Name changed fields with {@link AuditDetail#FIELDS}; never put a value there.
   */
  public static Builder adminChange(String actor, String action, String targetType, String targetId) {
    Builder b = of(AuditEventType.ADMIN_CHANGE).actor(actor).detail(AuditDetail.ACTION, action)
        .detail(AuditDetail.TARGET_TYPE, targetType).detail(AuditDetail.TARGET_ID, targetId);
    if ("client".equals(targetType)) {
      b.clientId(targetId);
    } else if ("user".equals(targetType)) {
      b.subject(targetId);
    }
    return b;
  }

  /**
   * {@code value} cut to at most {@code max} characters (never in the middle of a surrogate pair), or {@code null}.
   */
  static String clip(String value, int max) {
    if (value == null || value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end);
  }

  /** Describes an event field by field; {@link #build()} makes the immutable event. */
  public static final class Builder {
    private final AuditEventType type;
    private AuditOutcome outcome;
    private String actor;
    private String username;
    private String clientId;
    private String subject;
    private String grantId;
    private String sessionId;
    private final Map<AuditDetail, String> details = new EnumMap<>(AuditDetail.class);

    private Builder(AuditEventType type) {
      this.type = Objects.requireNonNull(type, "type");
      this.outcome = type.defaultOutcome();
    }

    public Builder outcome(AuditOutcome value) {
      outcome = value;
      return this;
    }

    public Builder actor(String value) {
      actor = value;
      return this;
    }

    public Builder username(String value) {
      username = value;
      return this;
    }

    public Builder clientId(String value) {
      clientId = value;
      return this;
    }

    public Builder subject(String value) {
      subject = value;
      return this;
    }

    public Builder grantId(String value) {
      grantId = value;
      return this;
    }

    public Builder sessionId(String value) {
      sessionId = value;
      return this;
    }

    /** Sets a detail; a {@code null} value leaves it out. */
    public Builder detail(AuditDetail key, Object value) {
      if (value != null) {
        details.put(key, String.valueOf(value));
      }
      return this;
    }

    public AuditEvent build() {
      return new AuditEvent(type, outcome, actor, username, clientId, subject, grantId, sessionId, details);
    }
  }
}
