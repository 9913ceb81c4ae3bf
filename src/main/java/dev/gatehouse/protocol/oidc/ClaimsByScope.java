package dev.gatehouse.protocol.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The claims each OpenID Connect scope releases (OpenID Connect Core §5.4), the one table used for both the ID token
 * and the UserInfo response: {@code profile} gives the name claims, {@code preferred_username}, {@code locale},
 * {@code zoneinfo} and {@code updated_at}; {@code email} gives {@code email} and {@code email_verified}; {@code phone}
 * gives {@code phone_number} and {@code phone_number_verified}; {@code address} gives {@code address} ({@code groups}
 * and {@code roles} release the claims of {@link GroupsAndRoles}, which follow the client's names). A claim the
 * store does not know is left out, never sent empty (§5.3.2).
 *
 * <p>§5.4 returns these claims from the UserInfo endpoint when an access token is issued; Gatehouse also puts them in
 * the ID token (which §5.4 permits), because many internal applications read their user from the ID token alone.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ScopeClaims">OpenID Connect Core §5.4</a>
 */
public final class ClaimsByScope {
  /** The scopes that release claims, and the claims {@code openid} implies; advertised in the discovery document. */
  public static final List<String> SCOPES =
      List.of("openid", "profile", "email", "phone", "address", GroupsAndRoles.GROUPS, GroupsAndRoles.ROLES);

  /**
   * Every claim this table can release, plus the ones every ID token has and those of {@link GroupsAndRoles} (under
   * their default names); advertised as {@code claims_supported}.
   */
  public static final List<String> SUPPORTED = List.of(
      "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "azp", "sid", "at_hash",
      "name", "given_name", "family_name", "preferred_username", "locale", "zoneinfo", "updated_at",
      "email", "email_verified", "phone_number", "phone_number_verified", "address", GroupsAndRoles.GROUPS,
      GroupsAndRoles.ROLES);

  private ClaimsByScope() {}

  /** The claims {@code scopes} release for {@code user}, {@code sub} first; insertion-ordered. */
  public static Map<String, Object> claims(UserClaims user, Set<String> scopes) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", user.subject());
    if (scopes.contains("profile")) {
      put(claims, "name", user.name());
      put(claims, "given_name", user.givenName());
      put(claims, "family_name", user.familyName());
      claims.put("preferred_username", user.preferredUsername());
      put(claims, "locale", user.locale());
      put(claims, "zoneinfo", user.zoneinfo());
      // §5.1: updated_at is "the number of seconds from 1970-01-01T00:00:00Z".
      claims.put("updated_at", user.updatedAt().getEpochSecond());
    }
    if (scopes.contains("email") && user.email().isPresent()) {
      claims.put("email", user.email().get());
      claims.put("email_verified", user.emailVerified());
    }
    if (scopes.contains("phone") && user.phoneNumber().isPresent()) {
      claims.put("phone_number", user.phoneNumber().get());
      claims.put("phone_number_verified", user.phoneNumberVerified());
    }
    if (scopes.contains("address") && !user.address().isEmpty()) {
      claims.put("address", new LinkedHashMap<String, Object>(user.address()));
    }
    return claims;
  }

  private static void put(Map<String, Object> claims, String name, Optional<String> value) {
    value.ifPresent(v -> claims.put(name, v));
  }
}
