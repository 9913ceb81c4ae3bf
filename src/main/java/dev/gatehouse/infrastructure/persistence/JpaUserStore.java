package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.UserEntity;
import dev.gatehouse.protocol.oidc.UserClaims;
import dev.gatehouse.protocol.store.UserAccount;
import dev.gatehouse.protocol.store.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code users} table: maps each {@link UserEntity} row to a {@link UserAccount} and back. The roles column is
 * space-separated and sorted; the address column a JSON object of string members; the directory_groups column a sorted
 * JSON array of names. An update writes into the row that
 * the transaction's persistence context already holds (read by the {@code find…} before it), so only the columns that
 * really changed reach the database.
 */
@ApplicationScoped
public class JpaUserStore implements UserStore {
  /** Looked up once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  @Override
  public Optional<UserAccount> findByUsername(String username) {
    return em.createNamedQuery("User.byUsername", UserEntity.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst()
        .map(JpaUserStore::toAccount);
  }

  @Override
  public Optional<UserAccount> findByExternalId(String source, String externalId) {
    return em.createNamedQuery("User.byExternalId", UserEntity.class)
        .setParameter("source", source)
        .setParameter("externalId", externalId)
        .getResultStream()
        .findFirst()
        .map(JpaUserStore::toAccount);
  }

  @Override
  public Optional<UserAccount> findById(String subject) {
    return row(subject).map(JpaUserStore::toAccount);
  }

  private Optional<UserEntity> row(String subject) {
    return Optional.ofNullable(em.find(UserEntity.class, subject));
  }

  @Override
  public void insert(UserAccount user) {
    UserEntity row = new UserEntity();
    row.id = user.subject();
    write(user, row);
    em.persist(row);
  }

  @Override
  public void update(UserAccount user) {
    write(user, row(user.subject())
        .orElseThrow(() -> new IllegalStateException("no user with subject " + user.subject())));
  }

  @Override
  public Optional<String> username(String subject) {
    return row(subject).map(u -> u.username);
  }

  @Override
  public Optional<UserClaims> claims(String subject) {
    return row(subject).map(JpaUserStore::toClaims);
  }

  static UserClaims toClaims(UserEntity u) {
    return new UserClaims(
        u.id,
        u.username,
        Optional.ofNullable(u.name),
        Optional.ofNullable(u.givenName),
        Optional.ofNullable(u.familyName),
        Optional.ofNullable(u.email),
        u.emailVerified,
        Optional.ofNullable(u.phoneNumber),
        u.phoneNumberVerified,
        Optional.ofNullable(u.locale),
        Optional.ofNullable(u.zoneinfo),
        address(u.address),
        Instant.ofEpochMilli(u.updatedAt),
        groups(u.directoryGroups),
        roles(u.roles));
  }

  /** The row as a record. */
  static UserAccount toAccount(UserEntity u) {
    return new UserAccount(u.id, u.username, u.source, u.externalId, u.passwordHash, roles(u.roles), u.disabled,
        new UserAccount.Profile(u.name, u.givenName, u.familyName, u.email, u.emailVerified, u.phoneNumber,
            u.phoneNumberVerified, u.locale, u.zoneinfo, address(u.address)),
        Instant.ofEpochMilli(u.createdAt), Instant.ofEpochMilli(u.updatedAt), groups(u.directoryGroups));
  }

  /**
   * Writes the record into the row. The roles and address columns are rewritten only when what they say changes, so
   * a row whose roles or address members are stored in another order is left as it is.
   */
  static void write(UserAccount user, UserEntity u) {
    u.username = user.username();
    u.source = user.source();
    u.externalId = user.externalId();
    u.passwordHash = user.passwordHash();
    if (u.roles == null || !roles(u.roles).equals(user.roles())) {
      u.roles = String.join(" ", new TreeSet<>(user.roles()));
    }
    if (!groups(u.directoryGroups).equals(user.groups())) {
      u.directoryGroups = groupsColumn(user.groups());
    }
    u.disabled = user.disabled();
    UserAccount.Profile p = user.profile();
    u.name = p.name();
    u.givenName = p.givenName();
    u.familyName = p.familyName();
    u.email = p.email();
    u.emailVerified = p.emailVerified();
    u.phoneNumber = p.phoneNumber();
    u.phoneNumberVerified = p.phoneNumberVerified();
    u.locale = p.locale();
    u.zoneinfo = p.zoneinfo();
    if (!address(u.address).equals(p.address())) {
      u.address = addressColumn(p.address());
    }
    u.createdAt = user.createdAt().toEpochMilli();
    u.updatedAt = user.updatedAt().toEpochMilli();
  }

  /** The roles column: space-separated role names. */
  static Set<String> roles(String column) {
    return column == null || column.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(column.trim().split("\\s+")));
  }

  /** The directory_groups column: a JSON array of names. */
  static Set<String> groups(String column) {
    if (column == null || column.isBlank()) {
      return Set.of();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(column))) {
      Set<String> groups = new TreeSet<>();
      reader.readArray().forEach(value -> {
        if (value instanceof JsonString string) {
          groups.add(string.getString());
        }
      });
      return groups;
    }
  }

  /** The groups as the column stores them, sorted, or null for none. */
  static String groupsColumn(Set<String> groups) {
    if (groups.isEmpty()) {
      return null;
    }
    JsonArrayBuilder json = JSON.createArrayBuilder();
    new TreeSet<>(groups).forEach(json::add);
    return json.build().toString();
  }

  /** The address column: a JSON object of string members (written only by {@link #addressColumn}). */
  static Map<String, String> address(String column) {
    if (column == null || column.isBlank()) {
      return Map.of();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(column))) {
      Map<String, String> address = new LinkedHashMap<>();
      reader.readObject().forEach((name, value) -> {
        if (value instanceof JsonString string) {
          address.put(name, string.getString());
        }
      });
      return address;
    }
  }

  /** The address claim members as the column stores them, or null for none. */
  static String addressColumn(Map<String, String> address) {
    if (address.isEmpty()) {
      return null;
    }
    JsonObjectBuilder json = JSON.createObjectBuilder();
    address.forEach(json::add);
    return json.build().toString();
  }
}
