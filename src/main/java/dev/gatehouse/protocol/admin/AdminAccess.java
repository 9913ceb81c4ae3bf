package dev.gatehouse.protocol.admin;

/**
 * Who may administer Gatehouse: the names every part of the administration shares (the admin REST API, the console,
 * the directory's group mapping).
 */
public final class AdminAccess {
  /** The scope an access token needs for the admin API. Only a client registered for it can obtain it. */
  public static final String ADMIN_SCOPE = "gatehouse:admin";

  /** The role (users.roles, or a directory group mapped to it) a user needs to administer Gatehouse. */
  public static final String ADMIN_ROLE = "gatehouse-admin";

  private AdminAccess() {}
}
