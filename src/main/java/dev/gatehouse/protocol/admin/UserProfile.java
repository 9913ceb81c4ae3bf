package dev.gatehouse.protocol.admin;

import dev.gatehouse.protocol.admin.UserRules;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.store.UserAccount;
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

  public static UserProfile of(UserAccount.Profile p) {
    return new UserProfile(p.name(), p.givenName(), p.familyName(), p.email(), p.emailVerified(), p.phoneNumber(),
        p.phoneNumberVerified(), p.locale(), p.zoneinfo(), p.address());
  }

  /**
   * The claims as the user store keeps them. Whether they differ from the stored ones decides whether {@code
   * updated_at}, itself a claim (Core §5.1), moves: the caller moves it only when something really changed.
   */
  public UserAccount.Profile stored() {
    return new UserAccount.Profile(name, givenName, familyName, email, emailVerified, phoneNumber,
        phoneNumberVerified, locale, zoneinfo, address);
  }
}
