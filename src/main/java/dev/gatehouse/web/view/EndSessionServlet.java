package dev.gatehouse.web.view;

import dev.gatehouse.application.session.UserLogout;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.error.OAuthException;
import dev.gatehouse.protocol.logout.EndSessionRequest;
import dev.gatehouse.protocol.oidc.IdTokenHints;
import dev.gatehouse.protocol.request.Parameters;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.protocol.store.ClientStore;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end-session endpoint of OpenID Connect RP-Initiated Logout 1.0, GET and POST: reads the request, lets {@link
 * EndSessionRequest} check it and decide, and renders what it decided.
 *
 * <p>A bad request gets the error page, never a redirect. A confirmation is asked on a CSRF-protected page that posts
 * back here with {@code confirm=yes}. Ending the session revokes the grants made in it (offline ones excepted),
 * removes the cookie, and once the relying parties with a back-channel logout URI have been told
 * ({@link UserLogout}, bounded by {@code GATEHOUSE_LOGOUT_WAIT}) sends the browser to the registered URI with {@code
 * state}, or shows that the user is signed out (with the way back as a link, for a self-registered client the user has not
 * confirmed).
 *
 * @see EndSessionRequest
 */
@WebServlet(EndSessionServlet.PATH)
public class EndSessionServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/oauth2/logout";
  private static final SafeLog LOG = SafeLog.of(EndSessionServlet.class);
  private static final List<String> CARRIED =
      List.of("id_token_hint", "client_id", "post_logout_redirect_uri", "state", "ui_locales", "logout_hint");

  @Inject transient SsoCookies sso;
  @Inject transient UserLogout logout;
  @Inject transient IdTokenHints hints;
  @Inject transient ClientStore clients;
  @Inject transient Csrf csrf;

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
    EndSessionRequest checked;
    try {
      raw = WebParameters.read(request);
      checked = EndSessionRequest.check(Parameters.of(raw), h -> hints.verify(h, Optional.empty()), clients);
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
    EndSessionRequest.Outcome outcome = checked.decide(session, confirmed);
    if (outcome instanceof EndSessionRequest.Outcome.Confirm ask) {
      confirm(request, response, raw, ask);
      return;
    }
    endSession(request, response, session);
    Optional<EndSessionRequest.Return> back = ((EndSessionRequest.Outcome.EndSession) outcome).back();
    if (back.isEmpty()) {
      Pages.render(request, response, "logged-out");
    } else if (back.get().redirect()) {
      response.sendRedirect(back.get().location());
    } else {
      Client client = back.get().client();
      LOG.info("logout of a self-registered client {}: the way back is offered as a link", client.clientId());
      request.setAttribute("location", back.get().location());
      request.setAttribute("returnTo", FormTargets.origin(back.get().postLogoutRedirectUri()));
      request.setAttribute("clientName", client.clientName());
      Pages.render(request, response, "logged-out");
    }
  }

  private void endSession(HttpServletRequest request, HttpServletResponse response, Optional<SsoSession> session) {
    // Returns once the session's back-channel notifications are answered (or GATEHOUSE_LOGOUT_WAIT has passed):
    // the browser is answered, below, only after the other relying parties know.
    session.ifPresent(s -> logout.logout(s.sid()));
    sso.clear(request, response);
  }

  private void confirm(HttpServletRequest request, HttpServletResponse response, Map<String, List<String>> raw,
      EndSessionRequest.Outcome.Confirm ask) throws ServletException, IOException {
    Map<String, String> carried = new java.util.LinkedHashMap<>();
    for (String name : CARRIED) {
      List<String> values = raw.get(name);
      if (values != null && values.size() == 1) {
        carried.put(name, values.get(0));
      }
    }
    request.setAttribute("carried", carried);
    request.setAttribute("username", ask.session().username());
    csrf.offer(request, response);
    ask.postLogoutRedirectUri().ifPresent(uri -> {
      request.setAttribute("returnTo", FormTargets.origin(uri));
      Pages.allowFormRedirectTo(response, uri);
    });
    Pages.render(request, response, "logout");
  }
}
