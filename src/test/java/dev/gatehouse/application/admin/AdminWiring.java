package dev.gatehouse.application.admin;

import dev.gatehouse.application.signin.DirectoryStanding;
import dev.gatehouse.infrastructure.persistence.JpaUserStore;
import dev.gatehouse.protocol.store.ClientStore;

/** Wires the admin services' injected fields for tests in other packages, as CDI would. */
public final class AdminWiring {
  private AdminWiring() {}

  public static AdminAuthorization authorization(ClientStore clients, JpaUserStore users, DirectoryStanding directory) {
    AdminAuthorization authorization = new AdminAuthorization();
    authorization.clients = clients;
    authorization.users = users;
    authorization.directory = directory;
    return authorization;
  }
}
