package dev.gatehouse.protocol.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A client's OpenID Connect registration: the algorithm of its ID tokens, the form of its access tokens, and where it
 * may be sent after logout and notified of one.
 *
 * @param idTokenSignedResponseAlg {@code RS256} (the default of OpenID Connect Registration §2) or {@code ES256}
 * @param postLogoutRedirectUris compared exactly, like redirect URIs (RP-Initiated Logout 1.0 §3)
 * @param backchannelLogoutUri where logout tokens are POSTed (Back-Channel Logout 1.0 §2.2), if anywhere
 * @see <a href="https://openid.net/specs/openid-connect-registration-1_0.html#ClientMetadata">OpenID Connect
 *     Registration §2</a>
 */
public record OidcRegistration(
    String idTokenSignedResponseAlg,
    AccessTokenFormat accessTokenFormat,
    List<String> postLogoutRedirectUris,
    Optional<String> backchannelLogoutUri) {

  /** The signing algorithms a client may choose for its ID tokens. */
  public static final Set<String> ID_TOKEN_ALGORITHMS = Set.of("RS256", "ES256");

  public static final OidcRegistration DEFAULTS =
      new OidcRegistration("RS256", AccessTokenFormat.OPAQUE, List.of(), Optional.empty());

  public OidcRegistration {
    if (!ID_TOKEN_ALGORITHMS.contains(idTokenSignedResponseAlg)) {
      throw new IllegalArgumentException("id_token_signed_response_alg must be RS256 or ES256");
    }
    Objects.requireNonNull(accessTokenFormat, "accessTokenFormat");
    postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    Objects.requireNonNull(backchannelLogoutUri, "backchannelLogoutUri");
  }
}
