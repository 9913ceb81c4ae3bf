package dev.gatehouse.protocol.token;

import dev.gatehouse.protocol.client.Client;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TokenIssuer#issue} is asked to issue for one grant: an access token with {@code access}, and, when
 * present, a refresh token with {@code refresh} and an ID token describing the sign-in ({@code authTime}, {@code nonce},
 * {@code sessionId}). Immutable; start from {@link #of} and add what applies, each step named after what it adds:
 *
 * <pre>{@code
 * IssueRequest.of(grantId, client, access).forSubject("alice").withRefreshToken(grant)
 *     .authenticatedAt(authTime).withIdToken(nonce, sid)
 * }</pre>
 *
 * <p>The access and refresh rights differ when a refresh request narrows them: RFC 6749 §6 narrows the new access
 * token, but a narrowed request must not shrink what later refreshes may ask for.
 *
 * @param subject the resource owner; empty for a client acting on its own behalf (RFC 6749 §4.4)
 * @param refresh the refresh token's rights; empty for no refresh token
 * @param authTime when the resource owner signed in, if known: the access token's and refresh token's {@code
 *     auth_time}
 * @param nonce the authorization request's {@code nonce}, echoed in the ID token (OpenID Connect Core §3.1.3.6)
 * @param sessionId the SSO session the sign-in belongs to, the ID token's {@code sid}
 * @param idToken whether an ID token is wanted; one is issued only for a subject with the {@code openid} scope and by
 *     an issuer that has signing keys
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 §5.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse">OpenID Connect Core §3.1.3.3</a>
 */
public record IssueRequest(
    String grantId,
    Client client,
    Optional<String> subject,
    TokenIssuer.Rights access,
    Optional<TokenIssuer.Rights> refresh,
    Optional<Instant> authTime,
    Optional<String> nonce,
    Optional<String> sessionId,
    boolean idToken) {

  public IssueRequest {
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(authTime, "authTime");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(sessionId, "sessionId");
    // OpenID Connect Core §2: auth_time is in every ID token Gatehouse issues, so none without a sign-in time.
    if (idToken && authTime.isEmpty()) {
      throw new IllegalArgumentException("an ID token needs the sign-in time");
    }
  }

  /** An access token with {@code access} for no subject: no refresh token, no sign-in, no ID token. */
  public static IssueRequest of(String grantId, Client client, TokenIssuer.Rights access) {
    return new IssueRequest(grantId, client, Optional.empty(), access, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), false);
  }

  /** The same, for the resource owner {@code subject}. */
  public IssueRequest forSubject(String subject) {
    return new IssueRequest(grantId, client, Optional.of(subject), access, refresh, authTime, nonce, sessionId,
        idToken);
  }

  /** The same, with a refresh token holding the access token's rights. */
  public IssueRequest withRefreshToken() {
    return withRefreshToken(access);
  }

  /** The same, with a refresh token holding {@code rights}. */
  public IssueRequest withRefreshToken(TokenIssuer.Rights rights) {
    return new IssueRequest(grantId, client, subject, access, Optional.of(rights), authTime, nonce, sessionId,
        idToken);
  }

  /** The same, for a resource owner who signed in at {@code time}. */
  public IssueRequest authenticatedAt(Instant time) {
    return new IssueRequest(grantId, client, subject, access, refresh, Optional.of(time), nonce, sessionId, idToken);
  }

  /**
   * The same, with an ID token (when there is a subject and the {@code openid} scope) carrying {@code nonce} and
   * {@code sessionId} when present.
   *
   * @throws IllegalArgumentException when no sign-in time was given ({@link #authenticatedAt})
   */
  public IssueRequest withIdToken(Optional<String> nonce, Optional<String> sessionId) {
    return new IssueRequest(grantId, client, subject, access, refresh, authTime, nonce, sessionId, true);
  }
}
