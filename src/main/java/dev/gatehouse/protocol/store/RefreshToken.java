package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored refresh token, keyed by the SHA-256 hash of its value.
 *
 * <p>{@code rotatedAt} is set when the token was exchanged under rotation; {@code revokedAt} when its grant was
 * revoked. A rotated token is kept (not deleted) so that its reuse can be detected. {@code authTime} may be {@code
 * null}. {@code resources} are the grant's resource indicators (RFC 8707): what its access tokens may be for, as
 * {@code scopes} are what they may do.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
public record RefreshToken(
    String hash,
    String grantId,
    String clientId,
    String subject,
    Set<String> scopes,
    Instant authTime,
    Instant issuedAt,
    Instant expiresAt,
    Instant rotatedAt,
    Instant revokedAt,
    Set<String> resources) {

  public RefreshToken {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(clientId, "clientId");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    resources = Set.copyOf(resources);
  }

  /** A refresh token of a grant made for no particular resource. */
  public RefreshToken(String hash, String grantId, String clientId, String subject, Set<String> scopes,
      Instant authTime, Instant issuedAt, Instant expiresAt, Instant rotatedAt, Instant revokedAt) {
    this(hash, grantId, clientId, subject, scopes, authTime, issuedAt, expiresAt, rotatedAt, revokedAt, Set.of());
  }

  /** True when the token is no longer valid at {@code now} (expiry instant included). */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
