package dev.gatehouse.protocol.client;

import dev.gatehouse.protocol.admin.AdminAccess;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.request.GrantType;
import dev.gatehouse.protocol.scope.Scopes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a client registration ({@link ClientMetadata}) and builds the {@link Client} it describes, or reports EVERY
 * problem, each with the field it belongs to. One set of rules for every way a client is registered: the bootstrap
 * file, the administration (API and console) and dynamic registration (RFC 7591); they differ only where {@link
 * Origin} says. The same check serves a creation and a full update (RFC 7592 §2.2 replaces every field).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 §2 (client metadata)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2">RFC 7591 §3.2.2 (registration errors)</a>
 */
public final class ClientMetadataRules {

  /** Who registers the client; decides where the secret comes from and what a client may ask for. */
  public enum Origin {
    /** The operator's bootstrap file: the secret is in the file (at least {@value ClientSecrets#MIN_LENGTH} chars). */
    BOOTSTRAP_FILE,
    /** An administrator: the server generates the secret and shows it once. */
    ADMINISTRATION,
    /** The client itself (RFC 7591): as the administration, but it cannot make itself privileged. */
    DYNAMIC_REGISTRATION
  }

  /** The outcome: the client (its {@code secretHash} set only for {@link Origin#BOOTSTRAP_FILE}), or the problems. */
  public record Checked(Optional<Client> client, List<FieldProblem> problems) {
    public Checked {
      problems = List.copyOf(problems);
    }
  }

  /** RFC 7591 leaves the form of a client_id open; ours fits the column and the Basic header (visible ASCII). */
  private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
  public static final int MAX_SCOPE = 2000;
  /** How many URIs one list may hold, and how many characters all of them: the list must fit its TEXT column. */
  public static final int MAX_URIS = 20;
  public static final int MAX_URIS_LENGTH = 16_000;

  private final Origin origin;
  private final List<FieldProblem> problems = new ArrayList<>();

  private ClientMetadataRules(Origin origin) {
    this.origin = origin;
  }

  /** Checks {@code metadata} as registered by {@code origin}. */
  public static Checked check(ClientMetadata metadata, Origin origin) {
    return new ClientMetadataRules(origin).run(metadata);
  }

  private Checked run(ClientMetadata m) {
    String id = clientId(m.clientId());
    String name = clientName(m.clientName());
    TokenEndpointAuthMethod method = authMethod(m.tokenEndpointAuthMethod());
    String secretHash = secret(m.clientSecret(), method);
    List<String> redirectUris = uris(ClientMetadata.REDIRECT_URIS, m.redirectUris());
    Set<GrantType> grants = grantTypes(m.grantTypes());
    boolean noRedirectUris = m.redirectUris() == null || m.redirectUris().isEmpty();
    if (grants.contains(GrantType.AUTHORIZATION_CODE) && noRedirectUris && origin != Origin.BOOTSTRAP_FILE) {
      // RFC 7591 §2: "clients using flows with redirection MUST register their redirection URI values"
      problem(ClientMetadata.REDIRECT_URIS, "is required for the authorization_code grant");
    }
    Set<String> scopes = scopes(m.scope());
    boolean resourceServer = Boolean.TRUE.equals(m.resourceServer());
    if (resourceServer && origin == Origin.DYNAMIC_REGISTRATION) {
      // RFC 7662 §4: resource servers calling introspection "SHOULD" be "specifically authorized"; not self-declared.
      problem(ClientMetadata.RESOURCE_SERVER, "can be set by an administrator only");
    }
    OidcRegistration oidc = oidc(m);
    problems.addAll(AllowedResources.problems(m.allowedResources(), origin == Origin.DYNAMIC_REGISTRATION));
    problems.addAll(AccessPolicy.problems(m.allowedRoles(), m.allowedGroups(),
        origin == Origin.DYNAMIC_REGISTRATION));
    boolean firstParty = Boolean.TRUE.equals(m.firstParty());
    if (firstParty && origin == Origin.DYNAMIC_REGISTRATION) {
      // A client that registered itself is exactly the one whose redirect URI the user must see first (RFC 9700
      // §4.11.2); skipping the consent page is the operator's to give.
      problem(ClientMetadata.FIRST_PARTY, "can be set by an administrator only");
    }
    problems.addAll(ClaimNames.problems(m.groupsClaimName(), m.rolesClaimName(),
        origin == Origin.DYNAMIC_REGISTRATION));
    if (!problems.isEmpty()) {
      return new Checked(Optional.empty(), problems);
    }
    Client client = Client.builder(id)
        .name(name == null ? id : name)
        .authMethod(method)
        .secretHash(secretHash)
        .redirectUris(redirectUris)
        .grantTypes(grants)
        .scopes(scopes)
        .rotateRefreshTokens(m.rotateRefreshTokens() == null || m.rotateRefreshTokens())
        .resourceServer(resourceServer)
        .oidc(oidc)
        .dynamicallyRegistered(origin == Origin.DYNAMIC_REGISTRATION)
        .allowedResources(AllowedResources.of(m.allowedResources()))
        .accessPolicy(AccessPolicy.of(m.allowedRoles(), m.allowedGroups()))
        .firstParty(firstParty)
        .claimNames(ClaimNames.of(m.groupsClaimName(), m.rolesClaimName()))
        .build();
    return new Checked(Optional.of(client), problems);
  }

  private String clientId(String id) {
    if (id == null) {
      problem(ClientMetadata.CLIENT_ID, "is required");
    } else if (!CLIENT_ID.matcher(id).matches()) {
      problem(ClientMetadata.CLIENT_ID, "must be 1 to 128 visible ASCII characters");
    }
    return id;
  }

  /** {@code client_name}, when present: {@link ClientNames#problem}. */
  private String clientName(String name) {
    if (name != null) {
      ClientNames.problem(name).ifPresent(reason -> problem(ClientMetadata.CLIENT_NAME, reason));
    }
    return name;
  }

  private TokenEndpointAuthMethod authMethod(String value) {
    if (value == null) {
      return TokenEndpointAuthMethod.CLIENT_SECRET_BASIC; // RFC 7591 §2: the default
    }
    return TokenEndpointAuthMethod.fromValue(value).orElseGet(() -> {
      problem(ClientMetadata.TOKEN_ENDPOINT_AUTH_METHOD, "must be client_secret_basic, client_secret_post or none");
      return TokenEndpointAuthMethod.CLIENT_SECRET_BASIC;
    });
  }

  /** The stored hash of a supplied secret (bootstrap file only); never repeats the secret in a problem. */
  private String secret(String secret, TokenEndpointAuthMethod method) {
    String field = ClientMetadata.CLIENT_SECRET;
    if (origin != Origin.BOOTSTRAP_FILE) {
      if (secret != null) {
        problem(field, "is issued by the server and cannot be chosen (RFC 7591 §3.2.1)");
      }
      return null;
    }
    if (method == TokenEndpointAuthMethod.NONE) {
      if (secret != null) {
        problem(field, "must not be set for a public client (token_endpoint_auth_method none)");
      }
      return null;
    }
    if (secret == null) {
      problem(field, "is required for " + method.value() + " (at least " + ClientSecrets.MIN_LENGTH
          + " characters, e.g. from `openssl rand -base64 32`)");
      return null;
    }
    if (secret.length() < ClientSecrets.MIN_LENGTH) {
      problem(field, "must have at least " + ClientSecrets.MIN_LENGTH + " characters");
      return null;
    }
    return ClientSecrets.hash(secret);
  }

  /** A list of redirect-like URIs, each checked by {@link ClientUris#redirectUriProblem}; duplicates dropped. */
  private List<String> uris(String field, List<String> values) {
    List<String> uris = new ArrayList<>();
    if (values == null) {
      return uris;
    }
    if (values.size() > MAX_URIS || values.stream().mapToInt(String::length).sum() > MAX_URIS_LENGTH) {
      problem(field, "may hold at most " + MAX_URIS + " URIs of " + MAX_URIS_LENGTH + " characters in all");
      return uris;
    }
    for (String uri : values) {
      Optional<String> reason = ClientUris.redirectUriProblem(uri, origin == Origin.DYNAMIC_REGISTRATION);
      if (reason.isPresent()) {
        problem(field, quote(uri) + " " + reason.get());
      } else if (!uris.contains(uri)) {
        uris.add(uri);
      }
    }
    return uris;
  }

  private Set<GrantType> grantTypes(List<String> values) {
    Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
    List<String> requested = values != null ? values : List.of(GrantType.AUTHORIZATION_CODE.value()); // RFC 7591 §2
    for (String value : requested) {
      GrantType.fromValue(value).ifPresentOrElse(grants::add,
          () -> problem(ClientMetadata.GRANT_TYPES, quote(value) + " is not supported"));
    }
    return grants;
  }

  private Set<String> scopes(String value) {
    String field = ClientMetadata.SCOPE;
    if (value != null && value.length() > MAX_SCOPE) {
      problem(field, "is longer than " + MAX_SCOPE + " characters");
      return Set.of();
    }
    Set<String> scopes;
    try {
      scopes = Scopes.parse(value);
    } catch (OAuthException e) {
      problem(field, "is not a space-separated list of scope tokens (RFC 6749 §3.3)");
      return Set.of();
    }
    if (origin == Origin.DYNAMIC_REGISTRATION && scopes.contains(AdminAccess.ADMIN_SCOPE)) {
      problem(field, AdminAccess.ADMIN_SCOPE + " can be given by an administrator only");
    }
    return scopes;
  }

  /**
   * The OpenID Connect registration fields (Registration §2, RP-Initiated Logout §3.1, Back-Channel Logout §2.2) and
   * {@code access_token_format} ({@code opaque} or {@code jwt}, a Gatehouse field: RFC 9068 defines none).
   */
  private OidcRegistration oidc(ClientMetadata m) {
    String alg = m.idTokenSignedResponseAlg();
    if (alg != null && !OidcRegistration.ID_TOKEN_ALGORITHMS.contains(alg)) {
      problem(ClientMetadata.ID_TOKEN_SIGNED_RESPONSE_ALG, "must be RS256 or ES256");
      alg = null;
    }
    AccessTokenFormat format = m.accessTokenFormat() == null ? AccessTokenFormat.OPAQUE
        : AccessTokenFormat.fromValue(m.accessTokenFormat()).orElseGet(() -> {
          problem(ClientMetadata.ACCESS_TOKEN_FORMAT, "must be opaque or jwt");
          return AccessTokenFormat.OPAQUE;
        });
    List<String> postLogout = uris(ClientMetadata.POST_LOGOUT_REDIRECT_URIS, m.postLogoutRedirectUris());
    String backchannel = checked(ClientMetadata.BACKCHANNEL_LOGOUT_URI, m.backchannelLogoutUri(),
        ClientUris::backchannelLogoutUriProblem);
    return new OidcRegistration(alg == null ? "RS256" : alg, format, postLogout, Optional.ofNullable(backchannel));
  }

  private String checked(String field, String value, Function<String, Optional<String>> rule) {
    if (value == null) {
      return null;
    }
    Optional<String> reason = rule.apply(value);
    reason.ifPresent(r -> problem(field, quote(value) + " " + r));
    return reason.isPresent() ? null : value;
  }

  /** A value quoted in a problem, shortened: a problem names the value, it does not have to repeat all of it. */
  private static String quote(String value) {
    return "'" + (value.length() > 80 ? value.substring(0, 77) + "..." : value) + "'";
  }

  private void problem(String field, String reason) {
    problems.add(new FieldProblem(field, reason));
  }
}
