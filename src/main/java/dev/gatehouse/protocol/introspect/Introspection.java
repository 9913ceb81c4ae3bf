package dev.gatehouse.protocol.introspect;

import dev.gatehouse.protocol.token.TokenResponse;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of the introspection endpoint, member by member: {@code active}, {@code scope}, {@code client_id}, {@code
 * sub}, {@code username}, {@code token_type}, {@code exp}, {@code iat}, {@code iss} and {@code aud}. The web layer writes each
 * non-null member and converts the instants to seconds since the epoch.
 *
 * <p>An inactive answer is {@code active} alone: every other member is {@code null}, and the constructor refuses
 * anything else. RFC 7662 §2.2: "Note that to avoid disclosing too much of the authorization server's state to a third
 * party, the authorization server SHOULD NOT include any additional information about an inactive token, including why
 * the token is inactive." An active answer always carries {@code client_id}, {@code token_type}, {@code exp}, {@code
 * iat} and {@code iss}; {@code sub} and {@code username} are {@code null} for a token a client obtained on its own
 * behalf, {@code scope} is {@code null} for a token without scopes (RFC 6749 §3.3 has no empty scope value). {@code
 * aud} is an access token's audience (RFC 8707 §2.2: the resources it was asked for, or the default audience) and
 * {@code null} for a refresh token, which is for no resource server. {@code userClaims} are the groups and roles claims
 * the token's scopes release (RFC 7662 §2.2: "Specific implementations MAY extend this structure with their own
 * service-specific response names as top-level members"), under the names of the client the token was issued to, as
 * in its JWT access tokens; empty for none.
 *
 * <p>{@code token_type} is {@link #BEARER} for access tokens and {@link #REFRESH_TOKEN} for refresh tokens. RFC 7662
 * §2.2 defines it as the "Type of the token as defined in Section 5.1 of OAuth 2.0"; a refresh token has no such type,
 * so Gatehouse uses the {@code token_type_hint} value that names refresh tokens, which keeps the two kinds
 * distinguishable and can never be mistaken for an access token type.
 *
 * <p>No member holds the token or its hash, so {@link #toString()} never shows a token.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7662#section-2.2">RFC 7662 §2.2</a>
 */
public record Introspection(
    boolean active,
    String scope,
    String clientId,
    String subject,
    String username,
    String tokenType,
    Instant expiresAt,
    Instant issuedAt,
    String issuer,
    List<String> audience,
    Map<String, List<String>> userClaims) {

  /** The {@code token_type} of an access token (RFC 6750). */
  public static final String BEARER = TokenResponse.BEARER;

  /** The {@code token_type} Gatehouse gives a refresh token. */
  public static final String REFRESH_TOKEN = "refresh_token";

  private static final Introspection INACTIVE =
      new Introspection(false, null, null, null, null, null, null, null, null, null, Map.of());

  public Introspection {
    Objects.requireNonNull(userClaims, "userClaims");
    if (active) {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(tokenType, "tokenType");
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(issuedAt, "issuedAt");
      Objects.requireNonNull(issuer, "issuer");
    } else if (scope != null
        || clientId != null
        || subject != null
        || username != null
        || tokenType != null
        || expiresAt != null
        || issuedAt != null
        || issuer != null
        || audience != null
        || !userClaims.isEmpty()) {
      throw new IllegalArgumentException("an inactive introspection carries no member other than active");
    }
    audience = audience == null ? null : List.copyOf(audience);
    Map<String, List<String>> copy = new LinkedHashMap<>();
    userClaims.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    userClaims = Collections.unmodifiableMap(copy);
  }

  /** An answer without groups or roles claims. */
  public Introspection(boolean active, String scope, String clientId, String subject, String username,
      String tokenType, Instant expiresAt, Instant issuedAt, String issuer, List<String> audience) {
    this(active, scope, clientId, subject, username, tokenType, expiresAt, issuedAt, issuer, audience, Map.of());
  }

  /** An answer without {@code aud} (a refresh token's, or one made by hand). */
  public Introspection(boolean active, String scope, String clientId, String subject, String username,
      String tokenType, Instant expiresAt, Instant issuedAt, String issuer) {
    this(active, scope, clientId, subject, username, tokenType, expiresAt, issuedAt, issuer, null, Map.of());
  }

  /** {@code {"active": false}}: the token is unknown, malformed, expired, revoked, or not the caller's to see. */
  public static Introspection inactive() {
    return INACTIVE;
  }
}
