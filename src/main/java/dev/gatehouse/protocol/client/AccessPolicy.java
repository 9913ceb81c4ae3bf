package dev.gatehouse.protocol.client;

import dev.gatehouse.protocol.admin.UserRules;
import dev.gatehouse.protocol.error.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A client's access policy, a Gatehouse extension registered by the operator ({@code allowed_roles}, {@code
 * allowed_groups}): which users may use the client at all. A user qualifies who holds at least one of the roles (its
 * Gatehouse roles: stored for a database user, mapped from its groups for a directory user) or belongs to at least
 * one of the directory groups (compared without regard to case, as the role mapping compares them). A policy with
 * neither lets everyone in, as a client without one always did.
 *
 * <p>RFC 6749 leaves it to the authorization server which resource owners may authorize which client; a user outside
 * the policy gets {@code access_denied}, "The resource owner or authorization server denied the request" (RFC 6749
 * §4.1.2.1), and never a code. Since a grant outlives the sign-in, the policy is applied again at each use of it: at
 * the code's redemption and at each refresh ({@code invalid_grant}, RFC 6749 §5.2).
 *
 * <p>Only the operator sets a policy (the bootstrap file, the admin API, the console): a client that registers itself
 * (RFC 7591) is refused with {@code invalid_client_metadata} when it sends one, like the other operator-only fields,
 * so it never believes it is restricted when it is not, and never learns or probes the directory's group names.
 *
 * @param roles the roles that admit a user; empty for none
 * @param groups the directory groups that admit a user; empty for none
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
public record AccessPolicy(Set<String> roles, Set<String> groups) {

  /** The policy of a client without one: everyone signed in may use it. */
  public static final AccessPolicy EVERYONE = new AccessPolicy(Set.of(), Set.of());
  /** How many roles, and how many groups, one policy may name. */
  public static final int MAX_ENTRIES = 50;
  /** The longest group name (a directory's common name; Active Directory allows 64, OpenLDAP more). */
  public static final int MAX_GROUP_LENGTH = 256;
  /** How many characters all of one list may take: what its TEXT column comfortably holds. */
  public static final int MAX_LIST_LENGTH = 4000;

  /**
   * What the policy looks at about one user: its Gatehouse roles and its directory groups (none for a user of the
   * database store), as they stand now.
   */
  public record Member(Set<String> roles, Set<String> groups) {
    /** A user about whom nothing is known (gone): no role, no group. */
    public static final Member NOBODY = new Member(Set.of(), Set.of());

    public Member {
      roles = Set.copyOf(roles);
      groups = Set.copyOf(groups);
    }
  }

  public AccessPolicy {
    roles = Set.copyOf(roles);
    groups = Set.copyOf(groups);
  }

  /** Whether the policy restricts the client to some users at all. */
  public boolean restricted() {
    return !roles.isEmpty() || !groups.isEmpty();
  }

  /**
   * Whether {@code user} may use the client: always without a policy; otherwise when it holds one of the roles
   * (exactly, as roles are compared everywhere) or belongs to one of the groups (without regard to case).
   */
  public boolean permits(Member user) {
    if (!restricted()) {
      return true;
    }
    if (user.roles().stream().anyMatch(roles::contains)) {
      return true;
    }
    Set<String> mine = user.groups().stream().map(AccessPolicy::folded).collect(Collectors.toSet());
    return groups.stream().map(AccessPolicy::folded).anyMatch(mine::contains);
  }

  /**
   * The problems of the two fields as registered ({@code null}: absent). A client registering itself may set neither.
   * Each role is a role name ({@link UserRules#isRoleName}); each group 1 to {@value #MAX_GROUP_LENGTH} characters
   * without control or format characters, line breaks or surrounding spaces; at most {@value #MAX_ENTRIES} of each.
   */
  public static List<FieldProblem> problems(List<String> roles, List<String> groups, boolean selfRegistered) {
    List<FieldProblem> problems = new ArrayList<>();
    check(ClientMetadata.ALLOWED_ROLES, roles, selfRegistered, problems, AccessPolicy::roleProblem);
    check(ClientMetadata.ALLOWED_GROUPS, groups, selfRegistered, problems, AccessPolicy::groupProblem);
    return problems;
  }

  /** The policy of fields without problems; {@link #EVERYONE} when both are absent or empty. */
  public static AccessPolicy of(List<String> roles, List<String> groups) {
    return new AccessPolicy(roles == null ? Set.of() : new TreeSet<>(roles),
        groups == null ? Set.of() : new TreeSet<>(groups));
  }

  private interface ValueRule {
    String problem(String value);
  }

  private static void check(String field, List<String> values, boolean selfRegistered, List<FieldProblem> problems,
      ValueRule rule) {
    if (values == null || values.isEmpty()) {
      return;
    }
    if (selfRegistered) {
      problems.add(new FieldProblem(field, "can be set by an administrator only"));
      return;
    }
    if (values.size() > MAX_ENTRIES || String.join("\n", values).length() > MAX_LIST_LENGTH) {
      problems.add(new FieldProblem(field, "may hold at most " + MAX_ENTRIES + " names of " + MAX_LIST_LENGTH
          + " characters in all"));
      return;
    }
    for (String value : values) {
      String reason = rule.problem(value);
      if (reason != null) {
        problems.add(new FieldProblem(field, "'" + shortened(value) + "' " + reason));
      }
    }
  }

  private static String roleProblem(String role) {
    return UserRules.isRoleName(role) ? null : "is not a role name (1 to 64 letters, digits, . _ : -)";
  }

  private static String groupProblem(String group) {
    if (group.isEmpty() || group.length() > MAX_GROUP_LENGTH) {
      return "must have 1 to " + MAX_GROUP_LENGTH + " characters";
    }
    if (!group.strip().equals(group)) {
      return "must not begin or end with a space";
    }
    boolean invisible = group.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
        || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
    return invisible ? "must not hold control, format or line-break characters" : null;
  }

  private static String folded(String group) {
    return group.toLowerCase(Locale.ROOT);
  }

  private static String shortened(String value) {
    String visible = value.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return visible.length() > 80 ? visible.substring(0, 77) + "..." : visible;
  }
}
