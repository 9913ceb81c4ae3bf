package dev.gatehouse.infrastructure.directory;

import dev.gatehouse.infrastructure.config.Setting;
import dev.gatehouse.infrastructure.config.SettingsReader;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The LDAP identity store's settings ({@code GATEHOUSE_LDAP_*}), so that an operator connects an existing directory
 * without rebuilding. {@link #directory()} checks them all at once and says which setting is wrong; it is empty when
 * {@code GATEHOUSE_LDAP_URL} is not set, and the store is then off. The README's "Connecting a directory (LDAP)" lists
 * them with examples for OpenLDAP and Active Directory.
 *
 * <p>Secure by default: the service account's and the users' passwords cross the network at every bind, so a plain
 * {@code ldap://} URL needs StartTLS, unless it points at this machine or the operator says in so many words that
 * plaintext is acceptable ({@code GATEHOUSE_LDAP_ALLOW_PLAINTEXT}).
 */
@ApplicationScoped
public class LdapSettings {
  static final String DEFAULT_USER_FILTER = "(&(objectClass=inetOrgPerson)(uid={0}))";
  static final String DEFAULT_GROUP_FILTER = "(&(objectClass=groupOfNames)(member={0}))";

  public static final Setting URL = Setting.optional("GATEHOUSE_LDAP_URL", "— (the store is off)",
      "ldaps://host[:port] or ldap://host[:port]; several are tried in order.");
  static final Setting START_TLS = Setting.of("GATEHOUSE_LDAP_START_TLS", "false",
      "Upgrade an ldap:// connection with StartTLS before any bind.");
  static final Setting ALLOW_PLAINTEXT = Setting.of("GATEHOUSE_LDAP_ALLOW_PLAINTEXT", "false",
      "Accept ldap:// without StartTLS to another host than this one.");
  static final Setting BIND_DN = Setting.optional("GATEHOUSE_LDAP_BIND_DN", "— (anonymous search)",
      "The service account that searches.");
  static final Setting BIND_PASSWORD = Setting.optional("GATEHOUSE_LDAP_BIND_PASSWORD", "—",
      "The service account's password.");
  static final Setting BIND_PASSWORD_FILE = Setting.optional("GATEHOUSE_LDAP_BIND_PASSWORD_FILE", "—",
      "A file that holds the service account's password instead.");
  public static final Setting USER_SEARCH_BASE = Setting.optional("GATEHOUSE_LDAP_USER_SEARCH_BASE", "required",
      "Where users are searched, with the whole subtree.");
  public static final Setting USER_FILTER = Setting.of("GATEHOUSE_LDAP_USER_FILTER", DEFAULT_USER_FILTER,
      "{0} is the username as typed, escaped.");
  static final Setting USERNAME_ATTRIBUTE = Setting.of("GATEHOUSE_LDAP_USERNAME_ATTRIBUTE", "uid",
      "The attribute whose value becomes the Gatehouse username.");
  static final Setting ID_ATTRIBUTE = Setting.of("GATEHOUSE_LDAP_ID_ATTRIBUTE", "entryUUID",
      "The entry's stable id, kept in users.external_id.");
  static final Setting GROUP_SEARCH_BASE = Setting.optional("GATEHOUSE_LDAP_GROUP_SEARCH_BASE", "— (no groups)",
      "Where groups are searched.");
  static final Setting GROUP_FILTER = Setting.of("GATEHOUSE_LDAP_GROUP_FILTER", DEFAULT_GROUP_FILTER,
      "{0} is the user's DN, {1} the username, both escaped.");
  static final Setting GROUP_NAME_ATTRIBUTE = Setting.of("GATEHOUSE_LDAP_GROUP_NAME_ATTRIBUTE", "cn",
      "The group's name, as the role mapping names it.");
  static final Setting GROUP_MEMBERSHIP_ATTRIBUTE = Setting.optional("GATEHOUSE_LDAP_GROUP_MEMBERSHIP_ATTRIBUTE",
      "—", "Read the groups from this attribute of the user's entry (memberOf) instead of searching.");
  static final Setting ROLE_MAPPING = Setting.optional("GATEHOUSE_LDAP_ROLE_MAPPING", "— (no roles)",
      "group=role pairs separated by commas.");
  static final Setting ATTRIBUTES = Setting.optional("GATEHOUSE_LDAP_ATTRIBUTES", "see below",
      "claim=attribute pairs separated by commas that change the default claim attributes.");
  static final Setting CONNECT_TIMEOUT = Setting.of("GATEHOUSE_LDAP_CONNECT_TIMEOUT", "PT5S",
      "How long to wait for a connection.");
  static final Setting READ_TIMEOUT = Setting.of("GATEHOUSE_LDAP_READ_TIMEOUT", "PT10S",
      "How long to wait for an answer.");
  static final Setting POOL = Setting.of("GATEHOUSE_LDAP_POOL", "true",
      "Let JNDI pool the service account's connections.");
  static final Setting NESTED_GROUPS = Setting.of("GATEHOUSE_LDAP_NESTED_GROUPS", "false",
      "Also count the groups that the user's groups are members of, found level by level.");
  static final Setting NESTED_GROUPS_DEPTH = Setting.of("GATEHOUSE_LDAP_NESTED_GROUPS_DEPTH", "5",
      "How many levels of nesting the search for nested groups follows.");
  public static final Setting MAX_GROUPS = Setting.of("GATEHOUSE_LDAP_MAX_GROUPS", "200",
      "The most groups one groups claim carries (every group is still recorded for the user).");
  static final Setting ROLE_CACHE = Setting.of("GATEHOUSE_LDAP_ROLE_CACHE", "PT30S",
      "How long an administration check may reuse the directory's last answer about a user.");

  /** The OpenID Connect claims (Core §5.1) a directory attribute can fill, with the inetOrgPerson defaults. */
  static final Map<String, String> DEFAULT_CLAIMS;

  static {
    Map<String, String> claims = new LinkedHashMap<>();
    claims.put("name", "cn");
    claims.put("given_name", "givenName");
    claims.put("family_name", "sn");
    claims.put("email", "mail");
    claims.put("phone_number", "telephoneNumber");
    claims.put("locale", "preferredLanguage");
    claims.put("zoneinfo", "");
    claims.put("address.formatted", "");
    claims.put("address.street_address", "street");
    claims.put("address.locality", "l");
    claims.put("address.region", "st");
    claims.put("address.postal_code", "postalCode");
    claims.put("address.country", "");
    DEFAULT_CLAIMS = Collections.unmodifiableMap(claims);
  }

  /** An attribute description (RFC 4512 §2.5): a name, or a numeric OID. */
  private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+");
  /** A Gatehouse role: what users.roles holds, space-separated. */
  private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

  Optional<String> url = Optional.empty();
  Optional<String> bindDn = Optional.empty();
  Optional<String> bindPassword = Optional.empty();
  Optional<String> bindPasswordFile = Optional.empty();
  Optional<String> userSearchBase = Optional.empty();
  String userFilter = DEFAULT_USER_FILTER;
  String usernameAttribute = "uid";
  String idAttribute = "entryUUID";
  Optional<String> groupSearchBase = Optional.empty();
  String groupFilter = DEFAULT_GROUP_FILTER;
  String groupNameAttribute = "cn";
  Optional<String> groupMembershipAttribute = Optional.empty();
  Optional<String> roleMapping = Optional.empty();
  Optional<String> attributes = Optional.empty();
  boolean startTls;
  boolean allowPlaintext;
  Duration connectTimeout = Duration.ofSeconds(5);
  Duration readTimeout = Duration.ofSeconds(10);
  boolean pool = true;
  Duration roleCache = Duration.ofSeconds(30);
  boolean nestedGroups;
  int nestedGroupsDepth = 5;
  int maxGroups = 200;

  /** Fills the fields above (whose initial values are the defaults, for tests) from the configuration. */
  @PostConstruct
  void read() {
    SettingsReader settings = SettingsReader.microProfileConfig();
    url = settings.raw(URL);
    bindDn = settings.raw(BIND_DN);
    bindPassword = settings.raw(BIND_PASSWORD);
    bindPasswordFile = settings.raw(BIND_PASSWORD_FILE);
    userSearchBase = settings.raw(USER_SEARCH_BASE);
    userFilter = settings.string(USER_FILTER);
    usernameAttribute = settings.string(USERNAME_ATTRIBUTE);
    idAttribute = settings.string(ID_ATTRIBUTE);
    groupSearchBase = settings.raw(GROUP_SEARCH_BASE);
    groupFilter = settings.string(GROUP_FILTER);
    groupNameAttribute = settings.string(GROUP_NAME_ATTRIBUTE);
    groupMembershipAttribute = settings.raw(GROUP_MEMBERSHIP_ATTRIBUTE);
    roleMapping = settings.raw(ROLE_MAPPING);
    attributes = settings.raw(ATTRIBUTES);
    startTls = settings.flag(START_TLS);
    allowPlaintext = settings.flag(ALLOW_PLAINTEXT);
    connectTimeout = settings.duration(CONNECT_TIMEOUT);
    readTimeout = settings.duration(READ_TIMEOUT);
    pool = settings.flag(POOL);
    roleCache = settings.duration(ROLE_CACHE);
    nestedGroups = settings.flag(NESTED_GROUPS);
    nestedGroupsDepth = settings.integer(NESTED_GROUPS_DEPTH);
    maxGroups = settings.integer(MAX_GROUPS);
  }

  /**
   * {@code GATEHOUSE_LDAP_MAX_GROUPS}: the most groups one groups claim carries, whether a directory is configured or
   * not (the claim's bound; every group is recorded for the user all the same, for access policies).
   *
   * @throws IllegalStateException when it is not at least 1
   */
  public int maxGroups() {
    if (maxGroups < 1) {
      throw new IllegalStateException(MAX_GROUPS + " must be at least 1, got " + maxGroups);
    }
    return maxGroups;
  }

  private volatile Optional<Directory> checked;

  /**
   * A directory to sign users in against, as configured.
   *
   * @param urls one or more {@code ldap://} or {@code ldaps://} URLs; JNDI tries them in order (fail-over)
   * @param bindDn the service account that searches; empty for anonymous searches
   * @param userFilter {@code {0}} is the username as typed, escaped
   * @param groupFilter {@code {0}} is the user's DN and {@code {1}} the username, both escaped
   * @param roleMapping lower-case group name to the Gatehouse roles it gives
   * @param claimAttributes claim name ({@code address.*} for the members of the address claim) to attribute
   * @param roleCache how long an administration check may reuse the directory's answer about a user
   *     ({@code application.signin.DirectoryStanding}); zero asks every time
   * @param nestedGroupsDepth how many levels of groups of groups are followed; 0 when nested groups are off
   * @param maxGroups the most groups one groups claim carries ({@code GATEHOUSE_LDAP_MAX_GROUPS})
   */
  public record Directory(List<String> urls, boolean startTls, Optional<String> bindDn, String bindPassword,
      String userSearchBase, String userFilter, String usernameAttribute, String idAttribute,
      Optional<String> groupSearchBase, String groupFilter, String groupNameAttribute,
      Optional<String> groupMembershipAttribute, Map<String, Set<String>> roleMapping,
      Map<String, String> claimAttributes, Duration connectTimeout, Duration readTimeout, boolean pool,
      Duration roleCache, int nestedGroupsDepth, int maxGroups) {

    /** The JNDI provider URL: the URLs space-separated. */
    String providerUrl() {
      return String.join(" ", urls);
    }

    /** The attributes a user search reads. */
    String[] userAttributes() {
      Set<String> names = new LinkedHashSet<>();
      names.add(usernameAttribute);
      names.add(idAttribute);
      names.addAll(claimAttributes.values());
      groupMembershipAttribute.ifPresent(names::add);
      return names.toArray(String[]::new);
    }

    /** The Gatehouse roles that these directory groups give. */
    Set<String> roles(Collection<String> groups) {
      Set<String> roles = new TreeSet<>();
      for (String group : groups) {
        roles.addAll(roleMapping.getOrDefault(group.toLowerCase(Locale.ROOT), Set.of()));
      }
      return roles;
    }

    /** For the log: where and how, never the password. */
    @Override
    public String toString() {
      return providerUrl() + (startTls ? " (StartTLS)" : "") + ", users under " + userSearchBase
          + bindDn.map(dn -> ", searching as " + dn).orElse(", searching anonymously");
    }
  }

  /** The directory, checked once; empty when {@code GATEHOUSE_LDAP_URL} is not set. */
  public Optional<Directory> directory() {
    Optional<Directory> d = checked;
    if (d == null) {
      d = check();
      checked = d;
    }
    return d;
  }

  Optional<Directory> check() {
    Optional<String> configured = url.map(String::strip).filter(s -> !s.isEmpty());
    if (configured.isEmpty()) {
      return Optional.empty();
    }
    List<String> urls = urls(configured.get());
    Optional<String> dn = bindDn.map(String::strip).filter(s -> !s.isEmpty());
    String password = bindPassword(dn.isPresent());
    String base = userSearchBase.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() ->
        new IllegalStateException(USER_SEARCH_BASE + " must be set when " + URL + " is: the DN users are found under"));
    require(USER_FILTER, () -> LdapFilter.checkTemplate(userFilter, 0));
    require(GROUP_FILTER, () -> LdapFilter.checkTemplate(groupFilter, 1));
    Optional<String> membership = groupMembershipAttribute.map(String::strip).filter(s -> !s.isEmpty());
    membership.ifPresent(a -> attribute(GROUP_MEMBERSHIP_ATTRIBUTE, a));
    Optional<String> groupBase = groupSearchBase.map(String::strip).filter(s -> !s.isEmpty());
    if (membership.isPresent() && groupBase.isEmpty()) {
      // A memberOf value names a group by its DN; without a base to anchor it, a group of the mapped name created in
      // any OU (where anyone may create groups) would give the role.
      throw new IllegalStateException(GROUP_MEMBERSHIP_ATTRIBUTE + " needs " + GROUP_SEARCH_BASE + ": only groups"
          + " under that base may give roles, or a same-named group elsewhere in the directory would");
    }
    Map<String, Set<String>> roles = parse(ROLE_MAPPING, () -> parseRoleMapping(roleMapping.orElse("")));
    Map<String, String> claims = parse(ATTRIBUTES, () -> parseClaimAttributes(attributes.orElse("")));
    return Optional.of(new Directory(urls, startTls, dn, password, base, userFilter.strip(),
        attribute(USERNAME_ATTRIBUTE, usernameAttribute), attribute(ID_ATTRIBUTE, idAttribute),
        groupBase, groupFilter.strip(),
        attribute(GROUP_NAME_ATTRIBUTE, groupNameAttribute), membership, roles, claims,
        positive(CONNECT_TIMEOUT, connectTimeout), positive(READ_TIMEOUT, readTimeout), pool,
        notNegative(ROLE_CACHE, roleCache), nestedDepth(), maxGroups()));
  }

  private int nestedDepth() {
    if (!nestedGroups) {
      return 0;
    }
    if (nestedGroupsDepth < 1 || nestedGroupsDepth > LdapDirectory.MAX_NESTED_DEPTH) {
      throw new IllegalStateException(NESTED_GROUPS_DEPTH + " must be 1 to " + LdapDirectory.MAX_NESTED_DEPTH
          + ", got " + nestedGroupsDepth);
    }
    return nestedGroupsDepth;
  }

  private List<String> urls(String value) {
    List<String> urls = new ArrayList<>();
    for (String one : value.split("[\\s,]+")) {
      URI uri;
      try {
        uri = new URI(one);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(URL + ": '" + one + "' is not a URL");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("ldap") && !scheme.equals("ldaps") || uri.getHost() == null
          || uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
          || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalStateException(URL + ": '" + one + "' must be ldap://host[:port] or ldaps://host[:port]");
      }
      if (scheme.equals("ldaps") && startTls) {
        throw new IllegalStateException(START_TLS + ": StartTLS is for ldap:// URLs; ldaps:// is TLS already");
      }
      if (scheme.equals("ldap") && !startTls && !allowPlaintext && !loopback(uri.getHost())) {
        throw new IllegalStateException(URL + ": '" + one + "' would send passwords in clear text: use ldaps://, or "
            + START_TLS + "=true, or (only on a network you trust) " + ALLOW_PLAINTEXT + "=true");
      }
      urls.add(scheme + "://" + uri.getRawAuthority());
    }
    if (urls.stream().map(u -> u.substring(0, u.indexOf(':'))).distinct().count() > 1) {
      throw new IllegalStateException(URL + ": use one scheme (ldap or ldaps) for every URL");
    }
    return List.copyOf(urls);
  }

  /** Whether a host is this machine: the only place a plain ldap:// URL is accepted without being told. */
  static boolean loopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
      return false; // a name: not resolved here, so that DNS cannot make it look local
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private String bindPassword(boolean hasBindDn) {
    Optional<String> inline = bindPassword.filter(s -> !s.isEmpty());
    Optional<String> file = bindPasswordFile.map(String::strip).filter(s -> !s.isEmpty());
    if (!hasBindDn) {
      if (inline.isPresent() || file.isPresent()) {
        throw new IllegalStateException(BIND_PASSWORD + " is set without " + BIND_DN);
      }
      return "";
    }
    if (inline.isPresent() == file.isPresent()) {
      throw new IllegalStateException("Set one of " + BIND_PASSWORD + " and " + BIND_PASSWORD_FILE + " for "
          + BIND_DN);
    }
    String password = inline.orElseGet(() -> readPassword(Path.of(file.get())));
    if (password.isEmpty()) {
      // RFC 4513 §5.1.2: a simple bind with a DN and no password is an unauthenticated bind, which "succeeds".
      throw new IllegalStateException(BIND_PASSWORD_FILE + " names an empty file");
    }
    return password;
  }

  private static String readPassword(Path path) {
    try {
      String content = Files.readString(path, StandardCharsets.UTF_8);
      return content.endsWith("\r\n") ? content.substring(0, content.length() - 2)
          : content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    } catch (IOException e) {
      throw new IllegalStateException(BIND_PASSWORD_FILE + " names " + path + ", which cannot be read: " + e);
    }
  }

  /**
   * {@code GATEHOUSE_LDAP_ROLE_MAPPING}: {@code group=role} pairs separated by commas, e.g. {@code
   * gatehouse-admins=gatehouse-admin,Domain Admins=gatehouse-admin}. The group is the value of the group name
   * attribute (compared without regard to case, as LDAP compares names); the last {@code =} separates it from the
   * role. A group may give several roles, several groups one role.
   */
  static Map<String, Set<String>> parseRoleMapping(String value) {
    Map<String, Set<String>> mapping = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.lastIndexOf('=');
      String group = eq < 0 ? "" : entry.substring(0, eq).strip();
      String role = eq < 0 ? "" : entry.substring(eq + 1).strip();
      if (group.isEmpty() || !ROLE.matcher(role).matches()) {
        throw new IllegalArgumentException("'" + entry.strip() + "' is not group=role (a role is letters, digits"
            + " and . _ : -)");
      }
      mapping.computeIfAbsent(group.toLowerCase(Locale.ROOT), g -> new TreeSet<>()).add(role);
    }
    mapping.replaceAll((group, roles) -> Set.copyOf(roles));
    return Collections.unmodifiableMap(mapping);
  }

  /**
   * {@code GATEHOUSE_LDAP_ATTRIBUTES}: {@code claim=attribute} pairs separated by commas that change the defaults ({@link
   * #DEFAULT_CLAIMS}); {@code claim=} with no attribute leaves that claim out. The members of the address claim are
   * {@code address.street_address} and so on.
   */
  static Map<String, String> parseClaimAttributes(String value) {
    Map<String, String> claims = new LinkedHashMap<>(DEFAULT_CLAIMS);
    for (String entry : value.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      String claim = eq < 0 ? entry.strip() : entry.substring(0, eq).strip();
      String attribute = eq < 0 ? null : entry.substring(eq + 1).strip();
      if (!DEFAULT_CLAIMS.containsKey(claim) || attribute == null) {
        throw new IllegalArgumentException("'" + entry.strip() + "' is not claim=attribute with one of the claims "
            + DEFAULT_CLAIMS.keySet());
      }
      if (!attribute.isEmpty() && !ATTRIBUTE.matcher(attribute).matches()) {
        throw new IllegalArgumentException("'" + attribute + "' is not an LDAP attribute name");
      }
      claims.put(claim, attribute);
    }
    claims.values().removeIf(String::isEmpty);
    return Collections.unmodifiableMap(claims);
  }

  private static String attribute(Setting setting, String value) {
    String v = value == null ? "" : value.strip();
    if (!ATTRIBUTE.matcher(v).matches()) {
      throw new IllegalStateException(setting + ": '" + v + "' is not an LDAP attribute name");
    }
    return v;
  }

  private static Duration positive(Setting setting, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalStateException(setting + " must be a positive ISO-8601 duration, got " + value);
    }
    return value;
  }

  private static Duration notNegative(Setting setting, Duration value) {
    if (value.isNegative()) {
      throw new IllegalStateException(setting + " must be an ISO-8601 duration of zero or more, got " + value);
    }
    return value;
  }

  private static void require(Setting setting, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " " + e.getMessage(), e);
    }
  }

  private static <T> T parse(Setting setting, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + ": " + e.getMessage(), e);
    }
  }
}
