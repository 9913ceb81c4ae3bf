package dev.gatehouse.protocol.admin;

import dev.gatehouse.protocol.admin.UserRules;
import dev.gatehouse.protocol.error.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import dev.gatehouse.protocol.admin.UserProfile;

/**
 * A user of the built-in store as the bootstrap file or an administrator describes it; the password is hashed before
 * it is stored and {@link #toString()} never shows it.
 *
 * @param roles the user's roles, or null to leave them as they are (a bootstrap file without {@code roles} does not
 *     take away roles an administrator gave)
 */
public record UserSpec(String username, String password, UserProfile profile, Set<String> roles) {

  public UserSpec {
    roles = roles == null ? null : Set.copyOf(roles);
  }

  /** Every problem of the entry ({@link UserRules}), each with its field. */
  public List<FieldProblem> problems() {
    List<FieldProblem> problems = new ArrayList<>(UserRules.username(username));
    problems.addAll(UserRules.password(password));
    problems.addAll(profile.problems());
    if (roles != null) {
      problems.addAll(UserRules.roles(roles));
    }
    return problems;
  }

  @Override
  public String toString() {
    return "UserSpec[" + username + "]";
  }
}
