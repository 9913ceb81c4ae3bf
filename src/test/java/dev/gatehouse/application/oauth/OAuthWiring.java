package dev.gatehouse.application.oauth;

import dev.gatehouse.application.signin.DirectoryStanding;
import dev.gatehouse.protocol.store.RefreshTokenStore;
import dev.gatehouse.protocol.store.UserStore;

/** Wires the OAuth services' injected fields for tests in other packages, as CDI would. */
public final class OAuthWiring {
  private OAuthWiring() {}

  public static RefreshingUsers refreshingUsers(RefreshTokenStore refreshTokens, UserStore users,
      DirectoryStanding directory) {
    RefreshingUsers owners = new RefreshingUsers();
    owners.refreshTokens = refreshTokens;
    owners.users = users;
    owners.directory = directory;
    return owners;
  }
}
