package dev.gatehouse.infrastructure.persistence;

import dev.gatehouse.infrastructure.persistence.entity.UserEntity;
import dev.gatehouse.protocol.oidc.UserClaims;
import dev.gatehouse.protocol.store.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Users of the built-in database identity store. */
@ApplicationScoped
public class JpaUserStore implements UserDirectory {
  /** Looked up once: {@code Json.create…} would look the provider up on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @PersistenceContext(unitName = "gatehouse")
  EntityManager em;

  public Optional<UserEntity> findByUsername(String username) {
    return em.createNamedQuery("User.byUsername", UserEntity.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /** The user a directory knows by this stable id (the unique source + external_id pair of V8). */
  public Optional<UserEntity> findByExternalId(String source, String externalId) {
    return em.createNamedQuery("User.byExternalId", UserEntity.class)
        .setParameter("source", source)
        .setParameter("externalId", externalId)
        .getResultStream()
        .findFirst();
  }

  public Optional<UserEntity> findById(String id) {
    return Optional.ofNullable(em.find(UserEntity.class, id));
  }

  @Override
  public Optional<String> username(String subject) {
    return findById(subject).map(u -> u.username);
  }

  @Override
  public Optional<UserClaims> claims(String subject) {
    return findById(subject).map(JpaUserStore::toClaims);
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
        Instant.ofEpochMilli(u.updatedAt));
  }

  /** The address column: a JSON object of string members (written only by {@link #addressColumn}). */
  public static Map<String, String> address(String column) {
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
  public static String addressColumn(Map<String, String> address) {
    if (address.isEmpty()) {
      return null;
    }
    JsonObjectBuilder json = JSON.createObjectBuilder();
    address.forEach(json::add);
    return json.build().toString();
  }

  public void persist(UserEntity user) {
    em.persist(user);
  }
}
