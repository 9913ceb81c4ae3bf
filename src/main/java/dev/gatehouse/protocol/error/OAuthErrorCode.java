package dev.gatehouse.protocol.error;

/**
 * The registered OAuth error codes, each with its wire value, the HTTP status the token endpoint answers with, and a
 * short, fixed, safe default {@code error_description}.
 *
 * <p>At the authorization endpoint errors travel in a redirect, so the status only matters where an error is rendered
 * directly (the token, revocation, introspection and resource endpoints).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1 (authorization errors)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2 (token endpoint errors)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 §3.1 (bearer token errors)</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthError">OpenID Connect Core §3.1.2.6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2">RFC 7591 §3.2.2 (registration errors)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 §2 (invalid_target)</a>
 */
public enum OAuthErrorCode {
  INVALID_REQUEST("invalid_request", 400, "The request is missing a parameter or is otherwise malformed."),
  /** RFC 6749 §5.2: "The authorization server MAY return an HTTP 401 (Unauthorized) status code". */
  INVALID_CLIENT("invalid_client", 401, "Client authentication failed."),
  INVALID_GRANT("invalid_grant", 400, "The authorization grant or refresh token is invalid, expired or revoked."),
  UNAUTHORIZED_CLIENT("unauthorized_client", 400, "The client is not authorized to make this request."),
  UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400, "The grant type is not supported."),
  INVALID_SCOPE("invalid_scope", 400, "The requested scope is invalid or exceeds the allowed scope."),
  ACCESS_DENIED("access_denied", 403, "The request was denied."),
  UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400, "The response type is not supported."),
  SERVER_ERROR("server_error", 500, "The server encountered an unexpected condition."),
  TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503, "The server is temporarily unavailable."),
  INVALID_TOKEN("invalid_token", 401, "The access token is invalid, expired or revoked."),
  INSUFFICIENT_SCOPE("insufficient_scope", 403, "The access token does not carry the required scope."),
  LOGIN_REQUIRED("login_required", 400, "End-user authentication is required."),
  CONSENT_REQUIRED("consent_required", 400, "End-user consent is required."),
  INTERACTION_REQUIRED("interaction_required", 400, "End-user interaction is required."),
  /** OpenID Connect Core §3.1.2.6: request objects (§6.1) are not supported. */
  REQUEST_NOT_SUPPORTED("request_not_supported", 400, "The request parameter is not supported."),
  /** OpenID Connect Core §3.1.2.6: request_uri (§6.2) is not supported. */
  REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported", 400, "The request_uri parameter is not supported."),
  /** RFC 8707 §2: "The requested resource is invalid, missing, unknown, or malformed." */
  INVALID_TARGET("invalid_target", 400, "The requested resource is invalid or not allowed for this client."),
  /** RFC 7591 §3.2.2: "The value of one or more redirection URIs is invalid." */
  INVALID_REDIRECT_URI("invalid_redirect_uri", 400, "One or more redirect URIs are invalid."),
  /** RFC 7591 §3.2.2: "The value of one of the client metadata fields is invalid". */
  INVALID_CLIENT_METADATA("invalid_client_metadata", 400, "The client metadata is invalid.");

  private final String code;
  private final int httpStatus;
  private final String defaultDescription;

  OAuthErrorCode(String code, int httpStatus, String defaultDescription) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.defaultDescription = defaultDescription;
  }

  /** The wire value of the {@code error} parameter, for example {@code invalid_request}. */
  public String code() {
    return code;
  }

  /** The HTTP status used when the error is written as a direct response. */
  public int httpStatus() {
    return httpStatus;
  }

  /** A short, fixed English description that is safe to send as {@code error_description}. */
  public String defaultDescription() {
    return defaultDescription;
  }
}
