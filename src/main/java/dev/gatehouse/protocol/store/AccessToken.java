package dev.gatehouse.protocol.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stored opaque access token, keyed by the SHA-256 hash of its value. {@code subject} is {@code null} for tokens
 * issued to a client on its own behalf (client credentials grant). {@code resources} are the resource indicators the
 * token is for (RFC 8707), its audience; empty means the configured default audience.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-1.4">RFC 6749 §1.4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750">RFC 6750</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2.2">RFC 8707 §2.2</a>
 */
public record AccessToken(
    String hash,
    String grantId,
    String clientId,
    String subject,
    Set<String> scopes,
    Instant issuedAt,
    Instant expiresAt,
    Set<String> resources) {

  public AccessToken {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(grantId, "grantId");
    Objects.requireNonNull(clientId, "clientId");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    resources = Set.copyOf(resources);
  }

  /** A token for no particular resource: it has the default audience. */
  public AccessToken(String hash, String grantId, String clientId, String subject, Set<String> scopes,
      Instant issuedAt, Instant expiresAt) {
    this(hash, grantId, clientId, subject, scopes, issuedAt, expiresAt, Set.of());
  }

  /** True when the token is no longer valid at {@code now} (expiry instant included). */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
