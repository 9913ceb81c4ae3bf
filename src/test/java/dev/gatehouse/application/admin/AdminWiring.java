package dev.gatehouse.application.admin;

import dev.gatehouse.application.signin.DirectoryStanding;
import dev.gatehouse.protocol.store.ClientStore;
import dev.gatehouse.protocol.store.UserStore;

/** Wires the admin services' injected fields for tests in other packages, as CDI would. */
public final class AdminWiring {
  private AdminWiring() {}

  public static AdminAuthorization authorization(ClientStore clients, UserStore users, DirectoryStanding directory) {
    AdminAuthorization authorization = new AdminAuthorization();
    authorization.clients = clients;
    authorization.users = users;
    authorization.directory = directory;
    return authorization;
  }
}
