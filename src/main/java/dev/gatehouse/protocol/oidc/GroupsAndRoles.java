package dev.gatehouse.protocol.oidc;

import dev.gatehouse.protocol.client.ClaimNames;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code groups} and {@code roles} claims, a Gatehouse extension (no specification registers them for OpenID
 * Connect; RFC 9068 §2.2.3.1 names {@code groups} and {@code roles} for JWT access tokens, from SCIM's attributes): the
 * user's directory groups by name, and the user's Gatehouse roles (for a directory user, those its groups give through
 * {@code GATEHOUSE_LDAP_ROLE_MAPPING}; for a database-store user, its stored roles). The one rule for the ID token,
 * UserInfo, JWT access tokens and introspection answers.
 *
 * <ul>
 *   <li>Each is released only when the token's scopes hold the scope of its name ({@value #GROUPS} or {@value #ROLES}),
 *       which the client must be registered for like any other scope.
 *   <li>Under the client's names ({@link ClaimNames}): {@code groups} and {@code roles} unless registered otherwise.
 *   <li>A JSON array of strings, sorted (by {@link String#compareTo}) and without duplicates; empty when the user has
 *       none, so that "no groups" and "not asked for" stay distinguishable.
 *   <li>At most {@code maxGroups} groups ({@link #bounded}): past the bound, the first {@code maxGroups} names in that
 *       order and no more, so a user in 5,000 Active Directory groups does not make a 100 KB token. Roles are few (the
 *       role mapping's values) and unbounded. The bound is the claim's only: the user's row keeps every group.
 * </ul>
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.2.3.1">RFC 9068 §2.2.3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7643#section-4.1.2">RFC 7643 §4.1.2 (SCIM groups and roles)</a>
 */
public final class GroupsAndRoles {
  /** The scope that releases the groups claim. */
  public static final String GROUPS = "groups";
  /** The scope that releases the roles claim. */
  public static final String ROLES = "roles";
  /** The scopes of this table, for the discovery document. */
  public static final List<String> SCOPES = List.of(GROUPS, ROLES);
  /** The bound when none is configured. */
  public static final int DEFAULT_MAX_GROUPS = 200;

  private final int maxGroups;

  /** @param maxGroups the most groups one claim carries; at least 1 */
  public GroupsAndRoles(int maxGroups) {
    if (maxGroups < 1) {
      throw new IllegalArgumentException("maxGroups must be at least 1");
    }
    this.maxGroups = maxGroups;
  }

  /** The bound this instance applies. */
  public int maxGroups() {
    return maxGroups;
  }

  /** Whether {@code scopes} ask for either claim: whether the user's claims need to be read at all. */
  public static boolean asked(Set<String> scopes) {
    return scopes.contains(GROUPS) || scopes.contains(ROLES);
  }

  /** The claims {@code scopes} release for {@code user}, under {@code names}; insertion-ordered, groups first. */
  public Map<String, List<String>> claims(UserClaims user, Set<String> scopes, ClaimNames names) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(names, "names");
    Map<String, List<String>> claims = new LinkedHashMap<>();
    if (scopes.contains(GROUPS)) {
      claims.put(names.groups(), bounded(user.groups(), maxGroups));
    }
    if (scopes.contains(ROLES)) {
      claims.put(names.roles(), List.copyOf(new TreeSet<>(user.roles())));
    }
    return claims;
  }

  /**
   * {@code values} sorted, without duplicates (and without nulls), cut to the first {@code max}: the bound of the
   * groups claim. Gatehouse records every group of a user (an access policy must see them all); only the claim is
   * cut.
   */
  public static List<String> bounded(Collection<String> values, int max) {
    return new TreeSet<>(values.stream().filter(Objects::nonNull).toList()).stream().limit(max).toList();
  }
}
