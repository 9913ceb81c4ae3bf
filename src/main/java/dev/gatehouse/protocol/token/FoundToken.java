package dev.gatehouse.protocol.token;

import dev.gatehouse.protocol.store.AccessToken;
import dev.gatehouse.protocol.store.RefreshToken;
import java.util.Objects;

/**
 * The stored record behind a presented token: an active access token, or a refresh token in whatever state it is.
 *
 * @see TokenLookup
 */
public sealed interface FoundToken permits FoundToken.Access, FoundToken.Refresh {

  /** The client the token was issued to. */
  String clientId();

  /** The grant the token belongs to. */
  String grantId();

  /** The user the token was issued for, or {@code null} for a client acting on its own behalf. */
  String subject();

  /** An access token that was active when it was looked up. */
  record Access(AccessToken token) implements FoundToken {
    public Access {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String clientId() {
      return token.clientId();
    }

    @Override
    public String grantId() {
      return token.grantId();
    }

    @Override
    public String subject() {
      return token.subject();
    }
  }

  /** A refresh token; it may be expired, rotated or revoked, and the caller decides what that means. */
  record Refresh(RefreshToken token) implements FoundToken {
    public Refresh {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String clientId() {
      return token.clientId();
    }

    @Override
    public String grantId() {
      return token.grantId();
    }

    @Override
    public String subject() {
      return token.subject();
    }
  }
}
