package dev.gatehouse.application.admin;

import dev.gatehouse.protocol.store.UserAccount;
import java.time.Instant;
import java.util.Set;
import dev.gatehouse.application.signin.DatabaseIdentityStore;
import dev.gatehouse.protocol.admin.UserProfile;

/**
 * A user as the administration shows it: never a password or its hash.
 *
 * @param subject the stable subject identifier ({@code sub})
 * @param source the identity store the user comes from: {@code database} (editable here) or a directory's name
 *     (its claims, roles and password are the directory's; it can still be disabled and enabled here)
 */
public record AdminUser(String subject, String username, String source, Set<String> roles, boolean disabled,
    UserProfile profile, Instant createdAt, Instant updatedAt) {

  public AdminUser {
    roles = Set.copyOf(roles);
  }

  /**
   * Whether the administration may change the user's claims, roles and password: only for users of the built-in
   * store. Every user may be disabled and enabled.
   */
  public boolean editable() {
    return DatabaseIdentityStore.STORE_ID.equals(source);
  }

  static AdminUser of(UserAccount u) {
    return new AdminUser(u.subject(), u.username(), u.source(), u.roles(), u.disabled(),
        UserProfile.of(u.profile()), u.createdAt(), u.updatedAt());
  }
}
