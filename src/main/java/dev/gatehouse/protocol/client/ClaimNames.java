package dev.gatehouse.protocol.client;

import dev.gatehouse.protocol.error.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names under which a client's tokens carry the user's directory groups and Gatehouse roles: {@code groups} and
 * {@code roles} unless the client is registered with others (the Gatehouse fields {@code groups_claim_name} and {@code
 * roles_claim_name}), for applications that expect, say, {@code memberOf} or {@code
 * http://schemas.microsoft.com/ws/2008/06/identity/claims/groups}.
 *
 * <p>A name may not be one of the claims a token or an introspection answer already has a meaning for ({@link
 * #RESERVED}: the JWT registered claims of RFC 7519 §4.1, those of RFC 9068 §2.2, OpenID Connect Core §2 and §5.1,
 * RFC 7662 §2.2 and RFC 8693 §4), nor the other one's name: a renamed claim must never replace or shadow one that the
 * relying party trusts for something else. Only the operator sets them (bootstrap file, administration): a client
 * that registers itself could otherwise put the user's group list under a name that a resource server reading its
 * JWT access tokens takes for something else (it may send the default names back, as a registration response shows
 * them).
 *
 * @param groups the name of the groups claim
 * @param roles the name of the roles claim
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7519#section-4.1">RFC 7519 §4.1 (registered claim names)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2.2">RFC 9068 §2.2</a>
 */
public record ClaimNames(String groups, String roles) {
  /** The names a client gets unless registered with others. */
  public static final ClaimNames DEFAULTS = new ClaimNames("groups", "roles");

  /** The longest name accepted: what its column holds. */
  public static final int MAX_LENGTH = 255;

  /** The claims with a meaning of their own, which neither name may take. */
  public static final Set<String> RESERVED = Set.of(
      "iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scope", "client_id", "auth_time", "acr", "amr", "azp",
      "nonce", "sid", "at_hash", "c_hash", "s_hash", "cnf", "act", "may_act", "active", "token_type", "username",
      "typ", "alg", "kid", "events",
      "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture",
      "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number",
      "phone_number_verified", "address", "updated_at");

  /** Visible ASCII: a JSON member name that survives every header, log line and form unchanged. */
  private static final Pattern NAME = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

  public ClaimNames {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(roles, "roles");
  }

  /**
   * The problems of the two fields ({@code null}: absent, the default name), registered by the client itself or not.
   */
  public static List<FieldProblem> problems(String groups, String roles, boolean selfRegistered) {
    List<FieldProblem> problems = new ArrayList<>();
    if (selfRegistered) {
      // The default name is what a registration response shows, so a client may send it back (RFC 7592 §2.2).
      if (groups != null && !groups.equals(DEFAULTS.groups())) {
        problems.add(new FieldProblem(ClientMetadata.GROUPS_CLAIM_NAME, "can be set by an administrator only"));
      }
      if (roles != null && !roles.equals(DEFAULTS.roles())) {
        problems.add(new FieldProblem(ClientMetadata.ROLES_CLAIM_NAME, "can be set by an administrator only"));
      }
      return problems;
    }
    problem(groups).ifPresent(r -> problems.add(new FieldProblem(ClientMetadata.GROUPS_CLAIM_NAME, r)));
    problem(roles).ifPresent(r -> problems.add(new FieldProblem(ClientMetadata.ROLES_CLAIM_NAME, r)));
    if (problems.isEmpty() && of(groups, roles).groups().equals(of(groups, roles).roles())) {
      problems.add(new FieldProblem(ClientMetadata.ROLES_CLAIM_NAME, "must differ from the groups claim's name"));
    }
    return problems;
  }

  /** The names of two fields without problems; an absent one is its default. */
  public static ClaimNames of(String groups, String roles) {
    return new ClaimNames(groups == null ? DEFAULTS.groups() : groups, roles == null ? DEFAULTS.roles() : roles);
  }

  /** Why {@code name} cannot name a claim, if it cannot. */
  static Optional<String> problem(String name) {
    if (name == null) {
      return Optional.empty();
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of("must be 1 to " + MAX_LENGTH + " visible ASCII characters");
    }
    if (RESERVED.contains(name)) {
      return Optional.of("'" + name + "' is a claim with a meaning of its own");
    }
    return Optional.empty();
  }
}
