package dev.gatehouse.infrastructure.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.naming.AuthenticationException;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.InvalidNameException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.PartialResultException;
import javax.naming.SizeLimitExceededException;
import javax.naming.directory.Attribute;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;

/**
 * The LDAP operations of the directory store, over JNDI ({@code javax.naming.ldap}, in the JDK): searches as the
 * service account, binds as a user. Holds no state; every call opens its own context, since an {@code LdapContext} is
 * not thread-safe.
 *
 * <p>Connections: the service account's are pooled by JNDI when {@code GATEHOUSE_LDAP_POOL} is on (JNDI pools only
 * plain {@code ldap://} connections unless the JVM's {@code com.sun.jndi.ldap.connect.pool.protocol} says {@code
 * "plain ssl"}, and never StartTLS ones). A user's bind always gets a fresh connection, closed at once, so that no
 * connection authenticated as a user is ever reused. Referrals are not followed: a directory that answers with one
 * (Active Directory at a domain's root) ends the search there.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4511#section-4.2">RFC 4511 §4.2 (Bind)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc4513#section-5.1.2">RFC 4513 §5.1.2 (unauthenticated binds)</a>
 */
@ApplicationScoped
public class LdapDirectory {

  /** One entry as read: its DN and each attribute's values (names in lower case). */
  public record LdapEntry(String dn, Map<String, List<String>> attributes) {
    public LdapEntry {
      attributes = Map.copyOf(attributes);
    }

    /** The first value of an attribute, if it has a non-blank one. */
    public Optional<String> first(String attribute) {
      return values(attribute).stream().map(String::strip).filter(v -> !v.isEmpty()).findFirst();
    }

    public List<String> values(String attribute) {
      return attributes.getOrDefault(attribute.toLowerCase(Locale.ROOT), List.of());
    }
  }

  /**
   * The entries the user filter finds for this username under the search base: none, one, or two when the username is
   * ambiguous (the search asks for no more than two).
   */
  public List<LdapEntry> findUsers(LdapSettings.Directory d, String username) throws NamingException {
    LdapContext ctx = open(d, d.bindDn(), d.bindPassword(), d.pool());
    try {
      SearchControls controls = controls(d, 2, d.userAttributes());
      return search(ctx, d.userSearchBase(), LdapFilter.format(d.userFilter(), username), controls, d);
    } finally {
      ctx.close();
    }
  }

  /**
   * Binds as {@code dn} with {@code password}: true when the directory accepts it, false when it refuses it.
   * Anything else (the directory is unreachable) is thrown. An empty password is refused here without asking the
   * directory (RFC 4513 §5.1.2: "Unauthenticated Bind" with a DN and no password "succeeds" on many servers).
   */
  public boolean bind(LdapSettings.Directory d, String dn, String password) throws NamingException {
    if (password == null || password.isEmpty()) {
      return false;
    }
    try {
      open(d, Optional.of(dn), password, false).close();
      return true;
    } catch (AuthenticationException refused) {
      return false;
    }
  }

  /** The deepest nesting {@code GATEHOUSE_LDAP_NESTED_GROUPS_DEPTH} may ask to follow. */
  public static final int MAX_NESTED_DEPTH = 10;
  /** The most groups the search for nested groups collects, whatever the depth: its count bound. */
  public static final int MAX_NESTED_GROUPS = 1000;
  /** How many groups one search for their parents names, so that a filter stays a reasonable size. */
  static final int NESTED_BATCH = 50;

  /**
   * The names of the user's groups: read from the membership attribute of the user's entry (Active Directory's
   * {@code memberOf}) when one is configured, each group being the first RDN's value of a DN under the group search
   * base (which {@link LdapSettings} requires then); otherwise found by the group filter under the group search base.
   * None when neither is configured. With {@code GATEHOUSE_LDAP_NESTED_GROUPS}, also the groups those groups are
   * members of ({@link #withNested}).
   */
  public Set<String> groups(LdapSettings.Directory d, LdapEntry user, String username) throws NamingException {
    if (d.groupMembershipAttribute().isEmpty() && d.groupSearchBase().isEmpty()) {
      return Set.of();
    }
    Map<LdapName, String> groups = d.groupMembershipAttribute().isPresent() ? groupsFromMembership(d, user)
        : new LinkedHashMap<>();
    if (d.groupMembershipAttribute().isPresent() && d.nestedGroupsDepth() == 0) {
      return new LinkedHashSet<>(groups.values());
    }
    LdapContext ctx = open(d, d.bindDn(), d.bindPassword(), d.pool());
    try {
      if (d.groupMembershipAttribute().isEmpty()) {
        for (LdapEntry group : search(ctx, d.groupSearchBase().get(),
            LdapFilter.format(d.groupFilter(), user.dn(), username), groupControls(d), d)) {
          add(d, groups, group);
        }
      }
      if (d.nestedGroupsDepth() > 0) {
        withNested(ctx, d, groups);
      }
      return new LinkedHashSet<>(groups.values());
    } finally {
      ctx.close();
    }
  }

  /**
   * Adds the groups that the groups found are members of, breadth first: level by level up to {@code
   * GATEHOUSE_LDAP_NESTED_GROUPS_DEPTH} levels, and no more than {@value #MAX_NESTED_GROUPS} groups in all. A group
   * met again (a cycle, or two paths to one group) is not searched again. Each level is one search per {@value
   * #NESTED_BATCH} groups, the group filter with each group's DN in place of the user's ({@code {0}}, and in place of
   * the username too, so that a {@code memberUid={1}} filter can never take a group for a user of the same name),
   * OR-ed together. For OpenLDAP, which lacks Active Directory's {@code LDAP_MATCHING_RULE_IN_CHAIN}.
   */
  private static void withNested(LdapContext ctx, LdapSettings.Directory d, Map<LdapName, String> groups)
      throws NamingException {
    List<LdapName> level = new ArrayList<>(groups.keySet());
    for (int depth = 0; depth < d.nestedGroupsDepth() && !level.isEmpty(); depth++) {
      List<LdapName> next = new ArrayList<>();
      for (int from = 0; from < level.size() && groups.size() < MAX_NESTED_GROUPS; from += NESTED_BATCH) {
        StringBuilder filter = new StringBuilder("(|");
        for (LdapName group : level.subList(from, Math.min(level.size(), from + NESTED_BATCH))) {
          filter.append(LdapFilter.format(d.groupFilter(), group.toString(), group.toString()));
        }
        for (LdapEntry parent : search(ctx, d.groupSearchBase().get(), filter.append(')').toString(),
            groupControls(d), d)) {
          Optional<LdapName> dn = name(parent.dn());
          if (dn.isPresent() && !groups.containsKey(dn.get()) && groups.size() < MAX_NESTED_GROUPS
              && add(d, groups, parent)) {
            next.add(dn.get());
          }
        }
      }
      level = next;
    }
  }

  private static SearchControls groupControls(LdapSettings.Directory d) {
    return controls(d, 0, new String[] {d.groupNameAttribute()});
  }

  /**
   * Adds a group found by a search, named as its kind of lookup names groups: by the first RDN's value when groups
   * come from a membership attribute, by the group name attribute otherwise. False when it has no name.
   */
  private static boolean add(LdapSettings.Directory d, Map<LdapName, String> groups, LdapEntry group) {
    Optional<LdapName> dn = name(group.dn());
    Optional<String> groupName = d.groupMembershipAttribute().isPresent() ? dn.flatMap(LdapDirectory::firstRdn)
        : group.first(d.groupNameAttribute());
    if (dn.isEmpty() || groupName.isEmpty()) {
      return false;
    }
    groups.put(dn.get(), groupName.get());
    return true;
  }

  /** The groups of the membership attribute under the group search base: DN to name (the first RDN's value). */
  static Map<LdapName, String> groupsFromMembership(LdapSettings.Directory d, LdapEntry user) {
    Optional<LdapName> base = d.groupSearchBase().flatMap(LdapDirectory::name);
    Map<LdapName, String> groups = new LinkedHashMap<>();
    if (base.isEmpty()) {
      return groups; // no base to anchor the groups: none counts (LdapSettings refuses this at start-up)
    }
    for (String value : user.values(d.groupMembershipAttribute().get())) {
      Optional<LdapName> dn = name(value);
      if (dn.isPresent() && !dn.get().isEmpty() && dn.get().startsWith(base.get())) {
        firstRdn(dn.get()).ifPresent(groupName -> groups.put(dn.get(), groupName));
      }
    }
    return groups;
  }

  private static Optional<String> firstRdn(LdapName dn) {
    return dn.isEmpty() ? Optional.empty() : Optional.of(dn.getRdn(dn.size() - 1).getValue().toString());
  }

  /** Checks that the service account can bind and read the user search base (at start-up, for the log). */
  public void probe(LdapSettings.Directory d) throws NamingException {
    LdapContext ctx = open(d, d.bindDn(), d.bindPassword(), d.pool());
    try {
      ctx.getAttributes(d.userSearchBase(), new String[] {"1.1"});
    } finally {
      ctx.close();
    }
  }

  private static Optional<LdapName> name(String dn) {
    try {
      return Optional.of(new LdapName(dn));
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
  }

  private static SearchControls controls(LdapSettings.Directory d, int countLimit, String[] attributes) {
    SearchControls controls = new SearchControls();
    controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
    controls.setCountLimit(countLimit);
    controls.setTimeLimit((int) Math.min(Integer.MAX_VALUE, d.readTimeout().toMillis()));
    controls.setReturningAttributes(attributes);
    return controls;
  }

  private static List<LdapEntry> search(LdapContext ctx, String base, String filter, SearchControls controls,
      LdapSettings.Directory d) throws NamingException {
    List<LdapEntry> found = new ArrayList<>();
    NamingEnumeration<SearchResult> results = ctx.search(base, filter, controls);
    try {
      while (results.hasMore()) {
        found.add(entry(results.next(), d));
      }
    } catch (SizeLimitExceededException more) {
      // More entries than asked for: a user search knows it is ambiguous; a group search (no limit of its own, so
      // this is the server's) keeps the groups it got, which can only give fewer roles.
      if (found.size() < controls.getCountLimit()) {
        throw more;
      }
    } catch (PartialResultException referral) {
      // A continuation reference that is not followed (Context.REFERRAL=ignore): what was found is the answer.
    } finally {
      results.close();
    }
    return found;
  }

  private static LdapEntry entry(SearchResult result, LdapSettings.Directory d) throws NamingException {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    NamingEnumeration<? extends Attribute> all = result.getAttributes().getAll();
    while (all.hasMore()) {
      Attribute attribute = all.next();
      List<String> values = new ArrayList<>();
      for (int i = 0; i < attribute.size(); i++) {
        Object value = attribute.get(i);
        values.add(value instanceof byte[] bytes ? binary(bytes) : String.valueOf(value));
      }
      attributes.put(attribute.getID().toLowerCase(Locale.ROOT), values);
    }
    return new LdapEntry(result.getNameInNamespace(), attributes);
  }

  /**
   * A binary value as text: a 16-byte value as a GUID in Microsoft's layout (Active Directory's {@code objectGUID},
   * whose first three fields are little-endian), anything else as hex.
   */
  static String binary(byte[] bytes) {
    if (bytes.length != 16) {
      return HexFormat.of().formatHex(bytes);
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long high = ((long) in.getInt() << 32) | ((in.getShort() & 0xffffL) << 16) | (in.getShort() & 0xffffL);
    long low = in.order(ByteOrder.BIG_ENDIAN).getLong();
    return new UUID(high, low).toString();
  }

  /** Attributes that only make sense as bytes: read as such, whatever the server's schema says. */
  private static boolean binaryAttribute(String name) {
    return name.equalsIgnoreCase("objectGUID") || name.equalsIgnoreCase("objectSid")
        || name.equalsIgnoreCase("msDS-ConsistencyGuid");
  }

  private static Hashtable<String, Object> environment(LdapSettings.Directory d, boolean pooled) {
    Hashtable<String, Object> env = new Hashtable<>();
    env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
    env.put(Context.PROVIDER_URL, d.providerUrl());
    env.put(Context.REFERRAL, "ignore");
    env.put("com.sun.jndi.ldap.connect.timeout", Long.toString(d.connectTimeout().toMillis()));
    env.put("com.sun.jndi.ldap.read.timeout", Long.toString(d.readTimeout().toMillis()));
    env.put("com.sun.jndi.ldap.connect.pool", Boolean.toString(pooled));
    if (binaryAttribute(d.idAttribute())) {
      env.put("java.naming.ldap.attributes.binary", d.idAttribute());
    }
    return env;
  }

  /**
   * A context bound as {@code dn} (anonymous when empty): over StartTLS when configured, in which case the bind
   * happens only after TLS is negotiated (and the JDK refuses to send credentials otherwise).
   */
  private static LdapContext open(LdapSettings.Directory d, Optional<String> dn, String password, boolean pooled)
      throws NamingException {
    Hashtable<String, Object> env = environment(d, pooled && !d.startTls());
    if (!d.startTls()) {
      authentication(env, dn, password);
      return new InitialLdapContext(env, null);
    }
    env.put(Context.SECURITY_AUTHENTICATION, "none");
    LdapContext ctx = new InitialLdapContext(env, null);
    try {
      StartTlsResponse tls = (StartTlsResponse) ctx.extendedOperation(new StartTlsRequest());
      tls.negotiate();
      if (dn.isPresent()) {
        Hashtable<String, Object> credentials = new Hashtable<>();
        authentication(credentials, dn, password);
        for (Map.Entry<String, Object> e : credentials.entrySet()) {
          ctx.addToEnvironment(e.getKey(), e.getValue());
        }
        ctx.reconnect(null); // binds now, over the TLS-protected connection
      }
      return ctx;
    } catch (IOException e) {
      ctx.close();
      CommunicationException failed = new CommunicationException("StartTLS failed: " + e.getMessage());
      failed.setRootCause(e);
      throw failed;
    } catch (NamingException | RuntimeException e) {
      ctx.close();
      throw e;
    }
  }

  private static void authentication(Hashtable<String, Object> env, Optional<String> dn, String password) {
    if (dn.isEmpty()) {
      env.put(Context.SECURITY_AUTHENTICATION, "none");
      return;
    }
    env.put(Context.SECURITY_AUTHENTICATION, "simple");
    env.put(Context.SECURITY_PRINCIPAL, dn.get());
    env.put(Context.SECURITY_CREDENTIALS, password);
  }
}
