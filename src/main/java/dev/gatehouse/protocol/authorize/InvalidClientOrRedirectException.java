package dev.gatehouse.protocol.authorize;

import dev.gatehouse.protocol.error.OAuthErrorCode;
import java.util.Objects;

/**
 * An authorization request failure that must be shown to the user and never redirected: the client or the redirect
 * URI could not be established.
 *
 * <p>RFC 6749 §4.1.2.1: "If the request fails due to a missing, invalid, or mismatching redirection URI, or if the
 * client identifier is missing or invalid, the authorization server SHOULD inform the resource owner of the error and
 * MUST NOT automatically redirect the user-agent to the invalid redirection URI." Like {@link
 * dev.gatehouse.protocol.error.OAuthException} it carries no stack trace; {@link #getMessage()} is for the log.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 */
public final class InvalidClientOrRedirectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final OAuthErrorCode code;
  private final String detail;

  public InvalidClientOrRedirectException(OAuthErrorCode code, String detail) {
    super(Objects.requireNonNull(code, "code").code() + ": " + detail, null, false, false);
    this.code = code;
    this.detail = detail == null ? "" : detail;
  }

  /** The error code, for the error page. */
  public OAuthErrorCode code() {
    return code;
  }

  /** A short, fixed, safe description for the error page. */
  public String description() {
    return code.defaultDescription();
  }

  /** The private reason, for the server log only. */
  public String detail() {
    return detail;
  }
}
