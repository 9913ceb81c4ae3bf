package dev.gatehouse.protocol.logout;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.jose.JwtSigner;
import dev.gatehouse.protocol.support.RandomTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;

/**
 * Logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.4): {@code iss}, {@code aud} (the client), {@code iat},
 * {@code exp} (two minutes: §2.4 recommends a short one), {@code jti} (so the relying party can refuse a replay),
 * {@code sub} and {@code sid} (both: the relying party may key its sessions by either), and the {@code events} claim
 * with the back-channel logout event. Never a {@code nonce} (§2.4: "MUST NOT contain a nonce Claim", so that a logout
 * token cannot pass for an ID token), and the header's {@code typ} is {@code logout+jwt} (§2.4) for the same reason.
 * Signed with the client's ID-token algorithm, which is what the relying party verifies Gatehouse's JWTs with.
 *
 * @see <a href="https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken">Back-Channel Logout 1.0
 *     §2.4</a>
 */
public final class LogoutTokens {
  public static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
  public static final JOSEObjectType LOGOUT_JWT = new JOSEObjectType("logout+jwt");
  static final Duration LIFETIME = Duration.ofMinutes(2);

  private final JwtSigner signer;
  private final String issuer;
  private final Clock clock;

  public LogoutTokens(JwtSigner signer, String issuer, Clock clock) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A fresh logout token telling {@code client} that session {@code sid} of {@code subject} ended. */
  public String create(Client client, String subject, String sid) {
    Instant now = clock.instant();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(client.clientId())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(LIFETIME)))
        .jwtID(RandomTokens.generate())
        .subject(subject)
        .claim("sid", sid)
        .claim("events", Map.of(EVENT, Map.of()))
        .build();
    return signer.sign(claims, JWSAlgorithm.parse(client.oidc().idTokenSignedResponseAlg()), LOGOUT_JWT);
  }
}
