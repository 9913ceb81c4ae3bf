package dev.gatehouse.protocol.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.jose.JwtSigner;
import dev.gatehouse.protocol.store.UserDirectory;
import dev.gatehouse.protocol.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Issues ID tokens (OpenID Connect Core §2) at the token endpoint, signed with the client's registered algorithm.
 *
 * <p>Every ID token carries {@code iss} (the configured issuer, exactly), {@code sub} (the user's stable identifier,
 * the same as the UserInfo endpoint's), {@code aud} (the client alone) and {@code azp} (the client: §2 makes it
 * optional for a single audience; relying parties that check it find it), {@code exp}, {@code iat}, {@code
 * auth_time} (always, so that {@code max_age} and {@code auth_time} requests need nothing special), {@code nonce}
 * when the authorization request carried one (§3.1.3.6), {@code at_hash} (§3.3.2.11: the left half of the SHA-256
 * of the access token, since RS256 and ES256 both hash with SHA-256), {@code amr} ({@code pwd}, RFC 8176: a password is
 * the only way to sign in), {@code sid} when the sign-in belongs to an SSO session, and the claims its scopes release
 * ({@link ClaimsByScope}, then {@link GroupsAndRoles} under the client's names). No {@code acr}: Gatehouse has one level of assurance, and an {@code acr} of "0" would say
 * nothing.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OpenID Connect Core §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken">OpenID Connect Core §3.1.3.6</a>
 */
public final class IdTokenIssuer {
  /** The scope that makes a request an OpenID Connect request (Core §3.1.2.1). */
  public static final String OPENID = "openid";

  private final JwtSigner signer;
  private final UserDirectory users;
  private final String issuer;
  private final Duration ttl;
  private final Clock clock;
  private final GroupsAndRoles groupsAndRoles;

  /** An issuer whose groups claims carry at most {@value GroupsAndRoles#DEFAULT_MAX_GROUPS} groups. */
  public IdTokenIssuer(JwtSigner signer, UserDirectory users, String issuer, Duration ttl, Clock clock) {
    this(signer, users, issuer, ttl, clock, new GroupsAndRoles(GroupsAndRoles.DEFAULT_MAX_GROUPS));
  }

  public IdTokenIssuer(JwtSigner signer, UserDirectory users, String issuer, Duration ttl, Clock clock,
      GroupsAndRoles groupsAndRoles) {
    this.groupsAndRoles = Objects.requireNonNull(groupsAndRoles, "groupsAndRoles");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.users = Objects.requireNonNull(users, "users");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What the ID token says beyond the user: how, when and in which session the user signed in. */
  public record Authentication(Instant authTime, Optional<String> nonce, Optional<String> sessionId) {
    public Authentication {
      Objects.requireNonNull(authTime, "authTime");
      Objects.requireNonNull(nonce, "nonce");
      Objects.requireNonNull(sessionId, "sessionId");
    }
  }

  /**
   * An ID token for {@code subject} to {@code client}.
   *
   * @throws OAuthException {@code invalid_grant} when the user no longer exists (deleted since the sign-in)
   */
  public String issue(
      Client client, String subject, Set<String> scopes, Authentication authentication, String accessToken) {
    UserClaims user = users.claims(subject).orElseThrow(() -> new OAuthException(
        OAuthErrorCode.INVALID_GRANT, "ID token for subject " + subject + " who no longer exists"));
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(client.clientId())
        .claim("azp", client.clientId())
        .expirationTime(Date.from(now.plus(ttl)))
        .issueTime(Date.from(now))
        .claim("auth_time", authentication.authTime().getEpochSecond())
        .claim("amr", List.of("pwd"))
        .claim("at_hash", atHash(accessToken));
    authentication.nonce().ifPresent(n -> claims.claim("nonce", n));
    authentication.sessionId().ifPresent(s -> claims.claim("sid", s));
    for (Map.Entry<String, Object> claim : ClaimsByScope.claims(user, scopes).entrySet()) {
      claims.claim(claim.getKey(), claim.getValue());
    }
    groupsAndRoles.claims(user, scopes, client.claimNames()).forEach(claims::claim);
    // OpenID Connect Core §2 has no typ for ID tokens; "JWT" is what §5 of RFC 7519 recommends when one is set.
    return signer.sign(
        claims.build(), JWSAlgorithm.parse(client.oidc().idTokenSignedResponseAlg()), JOSEObjectType.JWT);
  }

  /**
   * OpenID Connect Core §3.3.2.11: "Its value is the base64url encoding of the left-most half of the hash of the octets
   * of the ASCII representation of the access_token value, where the hash algorithm used is the hash algorithm used in
   * the alg Header Parameter of the ID Token's JOSE Header." Both RS256 and ES256 use SHA-256.
   */
  public static String atHash(String accessToken) {
    byte[] hash = Sha256.digest(accessToken.getBytes(StandardCharsets.US_ASCII));
    return Base64URL.encode(Arrays.copyOf(hash, hash.length / 2)).toString();
  }
}
