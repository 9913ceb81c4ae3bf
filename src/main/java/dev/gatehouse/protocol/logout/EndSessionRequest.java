package dev.gatehouse.protocol.logout;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.oidc.IdTokenHints;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.ClientStore;
import dev.gatehouse.protocol.support.UrlEncoding;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A checked request to the end-session endpoint of OpenID Connect RP-Initiated Logout 1.0, and what the endpoint does
 * with it.
 *
 * <p>{@link #check} reads the parameters and refuses a bad request with {@code invalid_request}; the endpoint shows
 * that on an error page, never as a redirect. {@link #decide} then says, for the browser's SSO session and whether the
 * user has just confirmed, whether to ask the user first ({@link Outcome.Confirm}) or to end the session and where
 * the browser goes next ({@link Outcome.EndSession}).
 *
 * @param hint the verified {@code id_token_hint}, if one was sent
 * @param client the client {@code postLogoutRedirectUri} is registered for; present exactly when that URI is
 * @param postLogoutRedirectUri the {@code post_logout_redirect_uri}, registered for {@code client}
 * @param state the {@code state} to pass back with the redirect
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">RP-Initiated Logout 1.0 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RedirectionAfterLogout">RP-Initiated
 *     Logout 1.0 §3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.11.2">RFC 9700 §4.11.2</a>
 */
public record EndSessionRequest(
    Optional<IdTokenHints.Hint> hint,
    Optional<Client> client,
    Optional<String> postLogoutRedirectUri,
    Optional<String> state) {

  public EndSessionRequest {
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(postLogoutRedirectUri, "postLogoutRedirectUri");
    Objects.requireNonNull(state, "state");
    if (client.isPresent() != postLogoutRedirectUri.isPresent()) {
      throw new IllegalArgumentException("a client exactly when there is a post_logout_redirect_uri");
    }
  }

  /** What the endpoint does with a checked request. */
  public sealed interface Outcome {
    /**
     * Ask the signed-in user whether to log out, on a page that names where they would go next.
     *
     * @param session the session that would end
     * @param postLogoutRedirectUri where the user would go after confirming, if anywhere
     */
    record Confirm(SsoSession session, Optional<String> postLogoutRedirectUri) implements Outcome {}

    /**
     * End the browser's session (if it has one), then send the browser back to the client or show that the user is
     * signed out.
     *
     * @param back the way back to the client; absent when the request named no {@code post_logout_redirect_uri}
     */
    record EndSession(Optional<Return> back) implements Outcome {}
  }

  /**
   * The way back to the client after logout.
   *
   * @param location the registered URI with {@code state} added
   * @param postLogoutRedirectUri the registered URI as sent
   * @param client the client it is registered for
   * @param redirect true to redirect the browser at once; false to show the signed-out page with a link to {@code
   *     location} (a self-registered client, see {@link #decide})
   */
  public record Return(String location, String postLogoutRedirectUri, Client client, boolean redirect) {
    public Return {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(postLogoutRedirectUri, "postLogoutRedirectUri");
      Objects.requireNonNull(client, "client");
    }
  }

  /**
   * Reads and checks the logout request.
   *
   * @param hints verifies an {@code id_token_hint} (an ID token of this server, for a registered client) or throws
   *     {@code invalid_request}
   * @throws OAuthException {@code invalid_request} for a repeated parameter, a bad hint, a {@code client_id} that
   *     differs from the hint's, or a {@code post_logout_redirect_uri} without a known client or not registered for it
   */
  public static EndSessionRequest check(Parameters parameters, Function<String, IdTokenHints.Hint> hints,
      ClientStore clients) {
    Optional<IdTokenHints.Hint> hint = parameters.single("id_token_hint").map(hints);
    Optional<String> clientId = parameters.single("client_id");
    // §2, client_id: "When both client_id and id_token_hint are present, the OP MUST verify that the Client
    // Identifier matches the one used when issuing the ID Token."
    if (hint.isPresent() && clientId.isPresent() && !hint.get().clientId().equals(clientId.get())) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The client_id does not match the id_token_hint.",
          "logout client_id differs from the hint's audience");
    }
    Optional<String> redirect = parameters.single("post_logout_redirect_uri");
    Optional<Client> client = Optional.empty();
    if (redirect.isPresent()) {
      client = Optional.of(registeredFor(redirect.get(), hint.map(IdTokenHints.Hint::clientId).or(() -> clientId),
          clients));
    }
    return new EndSessionRequest(hint, client, redirect, parameters.single("state"));
  }

  /**
   * §3: "An id_token_hint carring an ID Token for the RP is also RECOMMENDED when requesting post-logout redirection;
   * if it is not supplied with post_logout_redirect_uri, the OP MUST NOT perform post-logout redirection unless the OP
   * has other means of confirming the legitimacy of the post-logout redirection target." Gatehouse's other means is
   * the {@code client_id}; with neither, the request is refused. And: "The OP also MUST NOT perform post-logout
   * redirection if the post_logout_redirect_uri value supplied does not exactly match one of the previously
   * registered post_logout_redirect_uris values."
   */
  private static Client registeredFor(String uri, Optional<String> clientId, ClientStore clients) {
    Client client = clientId.flatMap(clients::find).orElseThrow(() -> new OAuthException(
        OAuthErrorCode.INVALID_REQUEST, "A post_logout_redirect_uri needs an id_token_hint or a client_id.",
        "post_logout_redirect_uri without a known client"));
    if (!client.oidc().postLogoutRedirectUris().contains(uri)) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST,
          "The post_logout_redirect_uri is not registered for this client.",
          "post_logout_redirect_uri not registered for " + client.clientId());
    }
    return client;
  }

  /**
   * What to do for the browser's {@code session}, when the user has ({@code confirmed}) or has not just answered the
   * confirmation page with yes.
   *
   * <ol>
   *   <li>§2: "the OP MUST ask the End-User this question if an id_token_hint was not provided or if the supplied ID
   *       Token does not belong to the current OP session with the RP and/or currently logged in End-User." So a
   *       signed-in browser is asked unless the hint names its user and was issued in this very session (its {@code
   *       sid}, Back-Channel Logout 1.0 §2.1), or the user has confirmed. A hint from an earlier session of the same
   *       user, or one without a {@code sid}, is asked about. A browser without a session has nothing to end and is
   *       not asked.
   *   <li>§2, state: "If included in the logout request, the OP passes this value back to the RP using the state
   *       parameter when redirecting the User Agent back to the RP."
   *   <li>RFC 9700 §4.11.2: an automatic redirect to any URI a client registered for itself (RFC 7591), without the
   *       user, makes the endpoint an open redirector for whoever can register one. So a self-registered client's URI
   *       is followed at once only when this request shows the user was signed in to it (a matching hint) or the user
   *       confirmed on a page that showed where they would go; otherwise the signed-out page offers it as a link.
   * </ol>
   */
  public Outcome decide(Optional<SsoSession> session, boolean confirmed) {
    boolean hintMatches = session.isPresent() && hint.isPresent()
        && hint.get().subject().equals(session.get().subject())
        && hint.get().issuedInSession(session.get().sid());
    if (session.isPresent() && !hintMatches && !confirmed) {
      return new Outcome.Confirm(session.get(), postLogoutRedirectUri);
    }
    if (postLogoutRedirectUri.isEmpty()) {
      return new Outcome.EndSession(Optional.empty());
    }
    String uri = postLogoutRedirectUri.get();
    String location = uri + state.map(s -> (uri.contains("?") ? "&" : "?") + "state=" + UrlEncoding.encode(s))
        .orElse("");
    Client to = client.orElseThrow();
    boolean redirect = !to.dynamicallyRegistered() || hintMatches || confirmed;
    return new Outcome.EndSession(Optional.of(new Return(location, uri, to, redirect)));
  }
}
