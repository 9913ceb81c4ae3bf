package dev.gatehouse.protocol.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.jose.JwtSigner;
import dev.gatehouse.protocol.store.ClientStore;
import java.text.ParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an {@code id_token_hint} (OpenID Connect Core §3.1.2.1; RP-Initiated Logout 1.0 §2): an ID token Gatehouse
 * issued, verified against Gatehouse's own published keys, with Gatehouse as its issuer. Its expiry is not checked:
 * the hint names a user, it grants nothing, and RP-Initiated Logout §4 expects expired ones ("the OP SHOULD accept ID
 * Tokens ... when the RP's session has expired"). Anything else about it that is wrong is {@code invalid_request}.
 *
 * <p>Gatehouse signs three kinds of JWT with the same keys: ID tokens ({@link IdTokenIssuer}), RFC 9068 access tokens
 * and back-channel logout tokens. Only an ID token is a hint, so the check is on the kind, not just the signature:
 *
 * <ul>
 *   <li>the header's {@code typ} is exactly {@code JWT}, the one Gatehouse's ID tokens carry (OpenID Connect defines no
 *       {@code typ} for them; RFC 7519 §5.1 recommends {@code JWT}). Access tokens carry {@code at+jwt} (RFC 9068
 *       §2.1), logout tokens {@code logout+jwt} (Back-Channel Logout 1.0 §2.4), and a JWT without {@code typ} is not
 *       one of Gatehouse's;
 *   <li>the claims are an ID token's (Core §2): {@code sub}, {@code exp}, {@code iat}, one {@code aud} and an {@code
 *       azp} equal to it, and the {@code auth_time} Gatehouse always sets; and none of the claims that mark the other
 *       kinds: {@code events} (a logout token, §2.4), {@code client_id} or {@code scope} (an access token, RFC 9068
 *       §2.2);
 *   <li>its {@code aud} is the requesting client at the authorization endpoint, and a registered client otherwise.
 * </ul>
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OpenID Connect Core §3.1.2.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">RP-Initiated Logout 1.0 §2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8725#section-3.11">RFC 8725 §3.11 (explicit typing)</a>
 */
public final class IdTokenHints {
  private static final String INVALID = "The id_token_hint is not a valid ID token of this server.";
  /** Claims an ID token never carries, but Gatehouse's other JWTs do. */
  private static final List<String> OTHER_KINDS = List.of("events", "client_id", "scope");

  private final JwtSigner signer;
  private final String issuer;
  private final ClientStore clients;

  /** Hints whose audience is checked only against the client of the request, if there is one. */
  public IdTokenHints(JwtSigner signer, String issuer) {
    this(signer, issuer, null);
  }

  /** Hints whose audience must also be a client of {@code clients} when the request names no client. */
  public IdTokenHints(JwtSigner signer, String issuer, ClientStore clients) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clients = clients;
  }

  /**
   * What a valid hint says: who, for which client, in which session.
   *
   * @param sessionId the hint's {@code sid}: the SSO session the ID token was issued in, absent for one issued outside
   *     a session. The authorization endpoint does not use it: Core §3.1.2.1 makes the hint "a hint about the
   *     End-User's current or past authenticated session with the Client", so only the user it names counts there.
   *     The end-session endpoint is where it matters: RP-Initiated Logout 1.0 §2 "MUST ask the End-User" whether to
   *     log out "if the supplied ID Token does not belong to the current OP session with the RP", which the {@code
   *     sid} tells.
   */
  public record Hint(String subject, String clientId, Optional<String> sessionId) {
    public Hint {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(sessionId, "sessionId");
    }

    /** Whether the hint's ID token was issued in SSO session {@code sid}. */
    public boolean issuedInSession(String sid) {
      return sessionId.isPresent() && sessionId.get().equals(sid);
    }
  }

  /**
   * Verifies the hint. When {@code clientId} is present the hint must have been issued to that client (its {@code
   * aud}); otherwise to a registered client.
   *
   * @throws OAuthException {@code invalid_request} when the hint is malformed, not signed by a published key of this
   *     server, not an ID token, from another issuer, or for another (or no) client
   */
  public Hint verify(String hint, Optional<String> clientId) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
        signer.algorithms(), new ImmutableJWKSet<>(signer.publicKeys())));
    processor.setJWTClaimsSetVerifier((claims, context) -> check(claims, clientId));
    try {
      JWTClaimsSet claims = processor.process(hint, null);
      String aud = claims.getAudience().get(0);
      return new Hint(claims.getSubject(), aud, Optional.ofNullable(claims.getStringClaim("sid")));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, INVALID, "id_token_hint rejected: " + e.getMessage());
    }
  }

  private void check(JWTClaimsSet claims, Optional<String> clientId) throws BadJWTException {
    if (!issuer.equals(claims.getIssuer())) {
      throw new BadJWTException("issuer is not this server");
    }
    if (claims.getSubject() == null || claims.getAudience() == null || claims.getAudience().size() != 1) {
      throw new BadJWTException("no sub, or not exactly one aud");
    }
    String aud = claims.getAudience().get(0);
    requireIdTokenShape(claims, aud);
    if (clientId.isPresent() ? !aud.equals(clientId.get()) : clients != null && clients.find(aud).isEmpty()) {
      throw new BadJWTException("issued to another client, or to no registered client");
    }
  }

  /** Core §2 (and what {@link IdTokenIssuer} always sets), and none of the claims of Gatehouse's other JWTs. */
  private static void requireIdTokenShape(JWTClaimsSet claims, String aud) throws BadJWTException {
    if (!aud.equals(claims.getClaim("azp")) || claims.getExpirationTime() == null || claims.getIssueTime() == null
        || claims.getClaim("auth_time") == null) {
      throw new BadJWTException("not shaped like an ID token: azp, exp, iat or auth_time missing");
    }
    for (String claim : OTHER_KINDS) {
      if (claims.getClaim(claim) != null) {
        throw new BadJWTException("carries " + claim + ": not an ID token");
      }
    }
    Object sid = claims.getClaim("sid");
    if (sid != null && !(sid instanceof String)) {
      throw new BadJWTException("sid is not a string");
    }
  }
}
