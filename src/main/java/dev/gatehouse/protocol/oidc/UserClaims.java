package dev.gatehouse.protocol.oidc;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the identity store knows about a user, as OpenID Connect standard claims. Absent values are empty, never
 * empty strings.
 *
 * @param subject the stable {@code sub}: never reassigned, unlike the username
 * @param address the members of the §5.1.1 address claim ({@code formatted}, {@code street_address}, {@code
 *     locality}, {@code region}, {@code postal_code}, {@code country}); empty when unknown
 * @param groups the names of the user's directory groups as last read from the directory (none for a database-store
 *     user); released by {@link GroupsAndRoles}
 * @param roles the user's Gatehouse roles (for a directory user, those its groups give)
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#StandardClaims">OpenID Connect Core §5.1</a>
 */
public record UserClaims(
    String subject,
    String preferredUsername,
    Optional<String> name,
    Optional<String> givenName,
    Optional<String> familyName,
    Optional<String> email,
    boolean emailVerified,
    Optional<String> phoneNumber,
    boolean phoneNumberVerified,
    Optional<String> locale,
    Optional<String> zoneinfo,
    Map<String, String> address,
    Instant updatedAt,
    Set<String> groups,
    Set<String> roles) {

  public UserClaims {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(preferredUsername, "preferredUsername");
    address = Map.copyOf(address);
    Objects.requireNonNull(updatedAt, "updatedAt");
    groups = Set.copyOf(groups);
    roles = Set.copyOf(roles);
  }

  /** A user without groups or roles. */
  public UserClaims(String subject, String preferredUsername, Optional<String> name, Optional<String> givenName,
      Optional<String> familyName, Optional<String> email, boolean emailVerified, Optional<String> phoneNumber,
      boolean phoneNumberVerified, Optional<String> locale, Optional<String> zoneinfo, Map<String, String> address,
      Instant updatedAt) {
    this(subject, preferredUsername, name, givenName, familyName, email, emailVerified, phoneNumber,
        phoneNumberVerified, locale, zoneinfo, address, updatedAt, Set.of(), Set.of());
  }
}
