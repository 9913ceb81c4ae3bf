package dev.gatehouse.web.view;

import dev.gatehouse.application.session.BackchannelLogout;
import dev.gatehouse.application.session.SessionService;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.oidc.IdTokenHints;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.ClientStore;
import dev.gatehouse.protocol.support.UrlEncoding;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end-session endpoint of OpenID Connect RP-Initiated Logout 1.0, GET and POST.
 *
 * <p>The request is checked first, and a bad one gets the error page, never a redirect: an {@code id_token_hint} must
 * be an ID token of this server; a {@code client_id} must agree with it; a {@code post_logout_redirect_uri} needs a
 * client (from either) and must equal one it registered, exactly (§3: "MUST NOT perform post-logout redirection if
 * ... the value does not exactly match one of the previously registered"). Then: with a valid hint for the signed-in
 * user the session ends at once; without one (or for another user) the user is asked first (§2: "the OP SHOULD ask
 * the End-User whether to log out"), on a CSRF-protected page. Ending the session revokes the grants made in it
 * (offline ones excepted), removes the cookie and the HTTP session, and sends the browser to the registered URI with
 * {@code state}, or shows that the user is signed out.
 *
 * <p>A hint matches the signed-in user when it names the same subject and was issued in this very session (its {@code
 * sid}, Back-Channel Logout 1.0 §2.1): RP-Initiated Logout 1.0 §2 says the OP "MUST ask the End-User" when the ID
 * token "does not belong to the current OP session with the RP", so a hint from an earlier session of the same user
 * (replayed by someone else, or simply old), or one without a {@code sid}, gets the confirmation page.
 *
 * <p>No automatic redirect for a client that registered itself (RFC 7591) unless this request shows that the user was
 * signed in to it (a matching hint) or the user has just confirmed on a page that showed where they would go: RFC
 * 9700 §4.11.2 warns that a post-logout redirect to any registered URI, without the user, is an open redirector for
 * whoever can register one. Otherwise the signed-out page offers the way back as a link.
 */
@WebServlet(EndSessionServlet.PATH)
public class EndSessionServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/oauth2/logout";
  private static final SafeLog LOG = SafeLog.of(EndSessionServlet.class);
  private static final List<String> CARRIED =
      List.of("id_token_hint", "client_id", "post_logout_redirect_uri", "state", "ui_locales", "logout_hint");

  @Inject transient SsoCookies sso;
  @Inject transient SessionService sessions;
  @Inject transient BackchannelLogout backchannel;
  @Inject transient IdTokenHints hints;
  @Inject transient ClientStore clients;
  @Inject transient Csrf csrf;

  /** A checked logout request: {@code client} is the one the redirect URI is registered for, when there is one. */
  private record Checked(Optional<IdTokenHints.Hint> hint, Optional<Client> client, Optional<String> redirectUri,
      Optional<String> state) {}

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    handle(request, response);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    handle(request, response);
  }

  private void handle(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Map<String, List<String>> raw;
    Checked checked;
    try {
      raw = WebParameters.read(request);
      checked = check(Parameters.of(raw));
    } catch (OAuthException e) {
      LOG.info("logout request refused: {}", e.getMessage());
      Pages.error(request, response, 400, e.code(), e.description());
      return;
    }
    // The confirmation page posts back here with confirm=yes and its CSRF token (read from the parsed body: the
    // servlet's own parameter parsing would have consumed it).
    boolean confirmed = "POST".equals(request.getMethod()) && List.of("yes").equals(raw.get("confirm"))
        && csrf.valid(request, PATH, raw.getOrDefault(Csrf.FIELD, List.of()));
    Optional<SsoSession> session = sso.current(request);
    boolean hintMatches = session.isPresent() && checked.hint().isPresent()
        && checked.hint().get().subject().equals(session.get().subject())
        && checked.hint().get().issuedInSession(session.get().sid());
    if (session.isPresent() && !hintMatches && !confirmed) {
      confirm(request, response, raw, session.get(), checked);
      return;
    }
    if (session.isPresent() && sessions.logout(session.get().sid()).isPresent()) {
      backchannel.deliverSoon(); // committed: tell the clients, without making the user wait
    }
    sso.clear(request, response);
    HttpSession http = request.getSession(false);
    if (http != null) {
      http.invalidate();
    }
    if (checked.redirectUri().isEmpty()) {
      Pages.render(request, response, "logged-out");
      return;
    }
    String uri = checked.redirectUri().get();
    String location = uri + checked.state().map(s -> (uri.contains("?") ? "&" : "?") + "state=" + UrlEncoding.encode(s))
        .orElse("");
    Client client = checked.client().orElseThrow();
    if (!client.dynamicallyRegistered() || hintMatches || confirmed) {
      response.sendRedirect(location);
      return;
    }
    LOG.info("logout of a self-registered client {}: the way back is offered as a link", client.clientId());
    request.setAttribute("location", location);
    request.setAttribute("returnTo", FormTargets.origin(uri));
    request.setAttribute("clientName", client.clientName());
    Pages.render(request, response, "logged-out");
  }

  private Checked check(Parameters p) {
    Optional<IdTokenHints.Hint> hint = p.single("id_token_hint").map(h -> hints.verify(h, Optional.empty()));
    Optional<String> clientId = p.single("client_id");
    if (hint.isPresent() && clientId.isPresent() && !hint.get().clientId().equals(clientId.get())) {
      throw new OAuthException(OAuthErrorCode.INVALID_REQUEST, "The client_id does not match the id_token_hint.",
          "logout client_id differs from the hint's audience");
    }
    Optional<String> redirect = p.single("post_logout_redirect_uri");
    Optional<Client> found = Optional.empty();
    if (redirect.isPresent()) {
      Client client = hint.map(IdTokenHints.Hint::clientId).or(() -> clientId).flatMap(clients::find)
          .orElseThrow(() -> new OAuthException(OAuthErrorCode.INVALID_REQUEST,
              "A post_logout_redirect_uri needs an id_token_hint or a client_id.",
              "post_logout_redirect_uri without a known client"));
      if (!client.oidc().postLogoutRedirectUris().contains(redirect.get())) {
        throw new OAuthException(OAuthErrorCode.INVALID_REQUEST,
            "The post_logout_redirect_uri is not registered for this client.",
            "post_logout_redirect_uri not registered for " + client.clientId());
      }
      found = Optional.of(client);
    }
    return new Checked(hint, found, redirect, p.single("state"));
  }

  private void confirm(HttpServletRequest request, HttpServletResponse response, Map<String, List<String>> raw,
      SsoSession session, Checked checked) throws ServletException, IOException {
    Map<String, String> carried = new java.util.LinkedHashMap<>();
    for (String name : CARRIED) {
      List<String> values = raw.get(name);
      if (values != null && values.size() == 1) {
        carried.put(name, values.get(0));
      }
    }
    request.setAttribute("carried", carried);
    request.setAttribute("username", session.username());
    csrf.offer(request, response);
    checked.redirectUri().ifPresent(uri -> {
      request.setAttribute("returnTo", FormTargets.origin(uri));
      Pages.allowFormRedirectTo(response, uri);
    });
    Pages.render(request, response, "logout");
  }
}
