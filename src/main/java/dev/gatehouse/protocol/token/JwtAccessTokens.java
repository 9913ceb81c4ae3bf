package dev.gatehouse.protocol.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.jose.JwtSigner;
import dev.gatehouse.protocol.oidc.GroupsAndRoles;
import dev.gatehouse.protocol.store.UserDirectory;
import dev.gatehouse.protocol.resource.ResourceIndicators;
import dev.gatehouse.protocol.scope.Scopes;
import dev.gatehouse.protocol.support.RandomTokens;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Set;

/**
 * Access tokens as signed JWTs (RFC 9068), for clients registered with {@code access_token_format: jwt}: resource
 * servers verify them offline against the JWKS. Gatehouse still stores the SHA-256 of the whole JWT exactly as it does
 * for an opaque token, so introspection, revocation and the purge treat both forms alike; a revoked JWT stays
 * cryptographically valid until its {@code exp}, which is why opaque stays the default and the lifetime is short.
 *
 * <p>Claims (RFC 9068 §2.2): {@code iss}; {@code exp}; {@code aud} (the resource indicators the token was asked for,
 * RFC 8707; §3: "the resulting JWT access token aud claim SHOULD have the same value as the resource parameter in the
 * request"; without any, the configured default audience, since §3 asks for "a default resource indicator" then);
 * {@code sub} (the user, or the client itself for {@code client_credentials}: "the sub claim SHOULD correspond to an
 * identifier the authorization server uses to indicate the client application"); {@code client_id}; {@code iat};
 * {@code jti} (256 random bits, so two tokens issued in the same second never share a hash); {@code scope}; {@code
 * auth_time} when a user signed in; {@code groups} and {@code roles} (§2.2.3.1) when the scopes ask for them, under
 * the client's names ({@link GroupsAndRoles}). Header {@code typ} is {@code at+jwt} (§2.1), so that an access token can never
 * pass for an ID token; always RS256, the one algorithm §2.1 requires every resource server to accept.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2">RFC 9068 §2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-3">RFC 9068 §3</a>
 */
public final class JwtAccessTokens {
  /** RFC 9068 §2.1: "Resource servers ... MUST verify that the typ header value is at+jwt". */
  public static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

  private final JwtSigner signer;
  private final String issuer;
  private final String audience;
  private final UserDirectory users;
  private final GroupsAndRoles groupsAndRoles;

  /** Tokens without the claims of {@link GroupsAndRoles}, whatever the scopes. */
  public JwtAccessTokens(JwtSigner signer, String issuer, String audience) {
    this(signer, issuer, audience, null, null);
  }

  /**
   * @param users where the user's groups and roles are read, for a token whose scopes ask for them; {@code null} for
   *     none
   */
  public JwtAccessTokens(JwtSigner signer, String issuer, String audience, UserDirectory users,
      GroupsAndRoles groupsAndRoles) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.users = users;
    this.groupsAndRoles = users == null ? null : Objects.requireNonNull(groupsAndRoles, "groupsAndRoles");
  }

  /** The signed token for no particular resource: its {@code aud} is the default audience. */
  public String create(Client client, String subject, Set<String> scopes, Instant authTime, Instant issuedAt,
      Instant expiresAt) {
    return create(client, subject, scopes, Set.of(), authTime, issuedAt, expiresAt);
  }

  /**
   * The signed token; {@code subject} is null for a client acting on its own behalf, {@code authTime} may be null.
   *
   * @param resources the resource indicators the token is for (RFC 8707), its {@code aud}; none for the default
   */
  public String create(Client client, String subject, Set<String> scopes, Set<String> resources, Instant authTime,
      Instant issuedAt, Instant expiresAt) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .expirationTime(Date.from(expiresAt))
        .audience(ResourceIndicators.audience(resources, audience))
        .subject(subject == null ? client.clientId() : subject)
        .claim("client_id", client.clientId())
        .issueTime(Date.from(issuedAt))
        .jwtID(RandomTokens.generate());
    if (!scopes.isEmpty()) {
      claims.claim("scope", Scopes.format(scopes));
    }
    if (subject != null && authTime != null) {
      claims.claim("auth_time", authTime.getEpochSecond());
    }
    if (subject != null && users != null && GroupsAndRoles.asked(scopes)) {
      // RFC 9068 §2.2.3.1: groups and roles, from the user's row as the sign-in or the refresh left it.
      users.claims(subject).map(user -> groupsAndRoles.claims(user, scopes, client.claimNames()))
          .ifPresent(released -> released.forEach(claims::claim));
    }
    return signer.sign(claims.build(), JWSAlgorithm.RS256, AT_JWT);
  }
}
