package dev.gatehouse.protocol.error;

import java.util.Objects;

/**
 * An expected protocol failure: one registered error code, a fixed public description, and a private detail for the
 * server log.
 *
 * <p>The exception carries no stack trace and no cause: expected errors are cheap and never print traces. {@link
 * #getMessage()} is {@code "<wire code>: <detail>"}, meant for the log only; the detail must never contain a token,
 * code, verifier or secret.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
public final class OAuthException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final OAuthErrorCode code;
  private final String description;
  private final String detail;

  /** An error whose public description is {@link OAuthErrorCode#defaultDescription()}. */
  public OAuthException(OAuthErrorCode code, String detail) {
    this(code, Objects.requireNonNull(code, "code").defaultDescription(), detail);
  }

  /**
   * An error with a caller-chosen public description.
   *
   * @param description a fixed, safe literal chosen by the caller; never built from request input
   * @param detail the private reason, for the log only
   */
  public OAuthException(OAuthErrorCode code, String description, String detail) {
    super(message(code, detail), null, false, false);
    this.code = code;
    this.description = Objects.requireNonNull(description, "description");
    this.detail = detail == null ? "" : detail;
  }

  private static String message(OAuthErrorCode code, String detail) {
    return Objects.requireNonNull(code, "code").code() + ": " + (detail == null ? "" : detail);
  }

  /** The registered error code. */
  public OAuthErrorCode code() {
    return code;
  }

  /** The public {@code error_description}: short, fixed and safe. */
  public String description() {
    return description;
  }

  /** The private reason, for the server log only. */
  public String detail() {
    return detail;
  }
}
