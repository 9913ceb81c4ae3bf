package dev.gatehouse.infrastructure.directory;

import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.oidc.GroupsAndRoles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a directory entry says about its user, ready to be recorded in the users table: the directory's stable id of
 * the entry, the username, the OpenID Connect claims of the attribute mapping, the Gatehouse roles of its groups, and
 * the names of those groups (for clients' access policies and the groups claim; a group's name as {@link
 * LdapDirectory#groups} read it).
 *
 * @param claims claim name to value, without the address members
 * @param address the members of the address claim (OpenID Connect Core §5.1.1)
 * @param roles the Gatehouse roles all of the user's groups give
 * @param groups the names of all the user's groups the directory gave: every one is recorded, so that an {@code
 *     allowed_groups} access policy sees them all
 * @param maxGroups the bound of the groups claim ({@code GATEHOUSE_LDAP_MAX_GROUPS}), which {@link
 *     GroupsAndRoles} applies where the claim is released
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims">OpenID Connect Core §5.1</a>
 */
public record DirectoryProfile(String externalId, String username, Map<String, String> claims,
    Map<String, String> address, Set<String> roles, Set<String> groups, int maxGroups) {
  private static final SafeLog LOG = SafeLog.of(DirectoryProfile.class);
  private static final String ADDRESS = "address.";

  /** The widths of the users table's columns: a longer value is left out rather than cut or failing the insert. */
  static final Map<String, Integer> WIDTHS = Map.of("username", 190, "external_id", 190, "name", 200,
      "given_name", 200, "family_name", 200, "email", 254, "phone_number", 64, "locale", 35, "zoneinfo", 64);

  public DirectoryProfile {
    claims = Map.copyOf(claims);
    address = Map.copyOf(address);
    roles = Set.copyOf(roles);
    groups = Set.copyOf(groups);
  }

  /** A profile under the default bound of the groups claim ({@value GroupsAndRoles#DEFAULT_MAX_GROUPS}). */
  public DirectoryProfile(String externalId, String username, Map<String, String> claims, Map<String, String> address,
      Set<String> roles, Set<String> groups) {
    this(externalId, username, claims, address, roles, groups, GroupsAndRoles.DEFAULT_MAX_GROUPS);
  }

  /** A profile whose groups are not known (none recorded). */
  public DirectoryProfile(String externalId, String username, Map<String, String> claims, Map<String, String> address,
      Set<String> roles) {
    this(externalId, username, claims, address, roles, Set.of());
  }

  /**
   * Whether the user has more groups than its groups claim carries ({@code GATEHOUSE_LDAP_MAX_GROUPS}); all of them
   * are recorded all the same.
   */
  public boolean groupsCut() {
    return groups.size() > maxGroups;
  }

  /**
   * The profile of an entry, or empty when the entry lacks its id attribute (or has one too long to store): without a
   * stable id the user cannot keep a subject identifier, so it cannot sign in. The username is the entry's value of
   * the username attribute (the directory's spelling), or the one typed when the entry has none.
   */
  public static Optional<DirectoryProfile> of(LdapSettings.Directory d, LdapDirectory.LdapEntry entry, String typed,
      Set<String> groups) {
    Optional<String> id = entry.first(d.idAttribute()).filter(v -> fits("external_id", v));
    String username = entry.first(d.usernameAttribute()).orElse(typed);
    if (id.isEmpty() || !fits("username", username)) {
      LOG.warning("sign-in refused: the directory entry {} has no usable {} to record", entry.dn(),
          id.isEmpty() ? d.idAttribute() + " (" + LdapSettings.ID_ATTRIBUTE + ")" : "username");
      return Optional.empty();
    }
    Map<String, String> claims = new LinkedHashMap<>();
    Map<String, String> address = new LinkedHashMap<>();
    d.claimAttributes().forEach((claim, attribute) -> entry.first(attribute).ifPresent(value -> {
      String v = claim.equals("locale") ? firstLanguageTag(value) : value;
      if (claim.startsWith(ADDRESS)) {
        address.put(claim.substring(ADDRESS.length()), v);
      } else if (fits(claim, v)) {
        claims.put(claim, v);
      } else {
        LOG.warning("the directory entry {} has a {} too long for the {} claim; left out", entry.dn(), attribute,
            claim);
      }
    }));
    // Every group is recorded and gives its roles; only the groups claim is bounded (GroupsAndRoles).
    return Optional.of(new DirectoryProfile(id.get(), username, claims, address, d.roles(groups), groups,
        d.maxGroups()));
  }

  /** {@code preferredLanguage} (RFC 2798 §2.7) has Accept-Language syntax, "en-GB, en;q=0.8": the first tag. */
  static String firstLanguageTag(String value) {
    return value.split("[,;]", 2)[0].strip();
  }

  private static boolean fits(String column, String value) {
    return value.length() <= WIDTHS.getOrDefault(column, Integer.MAX_VALUE);
  }

  public Optional<String> claim(String name) {
    return Optional.ofNullable(claims.get(name));
  }
}
