package dev.gatehouse.application.oauth;

import dev.gatehouse.application.signin.DirectoryStanding;
import dev.gatehouse.infrastructure.persistence.JpaUserStore;
import dev.gatehouse.protocol.store.RefreshTokenStore;

/** Wires the OAuth services' injected fields for tests in other packages, as CDI would. */
public final class OAuthWiring {
  private OAuthWiring() {}

  public static RefreshingUsers refreshingUsers(RefreshTokenStore refreshTokens, JpaUserStore users,
      DirectoryStanding directory) {
    RefreshingUsers owners = new RefreshingUsers();
    owners.refreshTokens = refreshTokens;
    owners.users = users;
    owners.directory = directory;
    return owners;
  }
}
