package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored authorization code, keyed by the SHA-256 hash of its value.
 *
 * <p>{@code redirectUri} is the value sent at the authorization endpoint, or {@code null} when the client omitted it;
 * {@code codeChallenge} (S256 only) and {@code nonce} are {@code null} when absent; {@code sessionId} is the {@code sid}
 * of the SSO session the code was issued in, or {@code null}; {@code resources} are the resource indicators the
 * authorization request named (RFC 8707 §2.1: they apply "to the full authorization grant"), empty for none. {@code grantId} ties together every
 * token issued from this code, so a replay can revoke them all.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.4">RFC 7636 §4.4</a>
 */
public record AuthorizationCode(
    String hash,
    String grantId,
    String clientId,
    String subject,
    String redirectUri,
    Set<String> scopes,
    String codeChallenge,
    String nonce,
    Instant authTime,
    Instant issuedAt,
    Instant expiresAt,
    String sessionId,
    Set<String> resources) {

  public AuthorizationCode {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(subject, "subject");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(authTime, "authTime");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    resources = Set.copyOf(resources);
  }

  /** A code for no particular resource (RFC 8707): its tokens get the default audience. */
  public AuthorizationCode(String hash, String grantId, String clientId, String subject, String redirectUri,
      Set<String> scopes, String codeChallenge, String nonce, Instant authTime, Instant issuedAt, Instant expiresAt,
      String sessionId) {
    this(hash, grantId, clientId, subject, redirectUri, scopes, codeChallenge, nonce, authTime, issuedAt, expiresAt,
        sessionId, Set.of());
  }

  /** A code issued outside an SSO session. */
  public AuthorizationCode(String hash, String grantId, String clientId, String subject, String redirectUri,
      Set<String> scopes, String codeChallenge, String nonce, Instant authTime, Instant issuedAt, Instant expiresAt) {
    this(hash, grantId, clientId, subject, redirectUri, scopes, codeChallenge, nonce, authTime, issuedAt, expiresAt,
        null);
  }

  /** True when the code is no longer valid at {@code now} (expiry instant included). */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
