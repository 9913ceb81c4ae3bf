package dev.gatehouse.application.admin;

import dev.gatehouse.infrastructure.persistence.JpaUserStore;
import dev.gatehouse.infrastructure.persistence.entity.UserEntity;
import dev.gatehouse.protocol.admin.UserRules;
import dev.gatehouse.protocol.error.FieldProblem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's standard claims (OpenID Connect Core §5.1) as an administrator or the bootstrap file sets them; absent ones
 * are null, the address members (§5.1.1) may be empty.
 */
public record UserProfile(String name, String givenName, String familyName, String email, boolean emailVerified,
    String phoneNumber, boolean phoneNumberVerified, String locale, String zoneinfo, Map<String, String> address) {

  /** The members of the address claim (OpenID Connect Core §5.1.1). */
  public static final List<String> ADDRESS_MEMBERS =
      List.of("formatted", "street_address", "locality", "region", "postal_code", "country");

  public UserProfile {
    address = address == null ? Map.of() : Map.copyOf(address);
  }

  /** Values longer than their columns, each named by its claim. */
  public List<FieldProblem> problems() {
    Map<String, String> claims = new HashMap<>();
    claims.put("name", name);
    claims.put("given_name", givenName);
    claims.put("family_name", familyName);
    claims.put("email", email);
    claims.put("phone_number", phoneNumber);
    claims.put("locale", locale);
    claims.put("zoneinfo", zoneinfo);
    return UserRules.claims(claims, address);
  }

  public static UserProfile of(UserEntity u) {
    return new UserProfile(u.name, u.givenName, u.familyName, u.email, u.emailVerified, u.phoneNumber,
        u.phoneNumberVerified, u.locale, u.zoneinfo, JpaUserStore.address(u.address));
  }

  /**
   * Writes the profile into the row; returns whether it changed anything. {@code updated_at} is a claim (Core §5.1):
   * the caller moves it only when something really changed.
   */
  public boolean applyTo(UserEntity u) {
    List<Object> before = columns(u);
    u.name = name;
    u.givenName = givenName;
    u.familyName = familyName;
    u.email = email;
    u.emailVerified = emailVerified;
    u.phoneNumber = phoneNumber;
    u.phoneNumberVerified = phoneNumberVerified;
    u.locale = locale;
    u.zoneinfo = zoneinfo;
    u.address = JpaUserStore.addressColumn(address);
    return !before.equals(columns(u));
  }

  private static List<Object> columns(UserEntity u) {
    return Arrays.asList(u.name, u.givenName, u.familyName, u.email, u.emailVerified, u.phoneNumber,
        u.phoneNumberVerified, u.locale, u.zoneinfo, u.address);
  }
}
