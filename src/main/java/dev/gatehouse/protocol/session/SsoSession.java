package dev.gatehouse.protocol.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser. The browser holds a random cookie value; the server keeps only its SHA-256 (like every other
 * secret) and this record. {@code sid} is the public identifier that ID tokens and logout tokens carry (OpenID Connect
 * Back-Channel Logout 1.0 §2.1); it reveals nothing about the cookie.
 *
 * @param authTime when the user last proved who they are (the ID token's {@code auth_time})
 * @param expiresAt the earlier of the idle and the absolute end ({@link SessionLifetimes#expiresAt})
 */
public record SsoSession(
    String sid,
    String subject,
    String username,
    Instant authTime,
    Instant createdAt,
    Instant lastSeenAt,
    Instant expiresAt) {

  public SsoSession {
    Objects.requireNonNull(sid, "sid");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(authTime, "authTime");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean isActiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
