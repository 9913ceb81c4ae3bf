package dev.gatehouse.web.view;

import dev.gatehouse.protocol.authorize.SealedRequests;
import dev.gatehouse.protocol.error.OAuthErrorCode;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The sign-in page for a parked authorization request. On success the request resumes; on failure the same page and
 * message whatever was wrong (no username enumeration), and for a 429 when to try again. The attempt itself, with its
 * sign-in protection, is {@link PasswordSignIn}'s.
 *
 * <p>A 429 is held back as long as it says to wait, at most two seconds, without a thread ({@link SignInTarpit}),
 * so that a client which ignores {@code Retry-After} cannot turn refusals into a request flood.
 *
 * <p>The page's {@code form-action} names the client's origin as well as this server's ({@link
 * AuthorizationFlow#allowSignInToReturn}): the sign-in's answer is a redirect chain that ends at the client when the
 * user has consented before, and a browser applies {@code form-action} to all of it.
 */
@WebServlet(value = LoginServlet.PATH, asyncSupported = true)
public class LoginServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String PATH = "/login";
  private static final String EXPIRED =
      "This sign-in request has expired. Go back to the application and start again.";

  @Inject transient PasswordSignIn signIn;
  @Inject transient PendingAuthorizations pending;
  @Inject transient AuthorizationFlow flow;
  @Inject transient Csrf csrf;
  @Inject transient SignInTarpit tarpit;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<SealedRequests.Pending> parked = pending.find(request.getParameter("request"));
    if (parked.isEmpty()) {
      Pages.error(request, response, 400, OAuthErrorCode.INVALID_REQUEST, EXPIRED);
      return;
    }
    // OpenID Connect Core §3.1.2.1: login_hint "MAY" prefill the sign-in form.
    String hint = Optional.ofNullable(parked.get().parameters().get("login_hint"))
        .filter(values -> values.size() == 1 && values.get(0).length() <= PasswordSignIn.MAX_FIELD)
        .map(values -> values.get(0))
        .orElse("");
    show(request, response, parked.get(), hint, null);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String id = request.getParameter("request");
    Optional<SealedRequests.Pending> parked = pending.find(id);
    if (parked.isEmpty()) {
      Pages.error(request, response, 400, OAuthErrorCode.INVALID_REQUEST, EXPIRED);
      return;
    }
    String username = PasswordSignIn.field(request, "username");
    if (!csrf.valid(request, PATH)) {
      // Nothing is lost: the request is still parked; the user types the password again on a fresh form. Held back
      // like a 429, so that posting without a token is no faster a flood than posting with one.
      tarpit.hold(request, PasswordSignIn.BUSY_RETRY);
      show(request, response, parked.get(), username, SignInNotice.EXPIRED);
      return;
    }
    PasswordSignIn.Attempt attempt = signIn.attempt(request, response);
    if (attempt.outcome() == PasswordSignIn.Outcome.SIGNED_IN) {
      response.sendRedirect(request.getContextPath() + ResumeServlet.PATH + "?request="
          + URLEncoder.encode(id, StandardCharsets.UTF_8));
      return;
    }
    request.setAttribute("requestId", id);
    languageOf(request, response, parked.get());
    flow.allowSignInToReturn(response, parked.get());
    Pages.signInForm(request, response, csrf, PATH, username, tarpit.holdBack(request, attempt));
  }

  /** The parked request's {@code ui_locales} (the filter reads only a query, and a POST carries it in the body). */
  private static void languageOf(HttpServletRequest request, HttpServletResponse response,
      SealedRequests.Pending parked) {
    PageHeaders.useLanguage(request, response,
        parked.parameters().getOrDefault("ui_locales", List.of()).stream().findFirst());
  }

  private void show(HttpServletRequest request, HttpServletResponse response, SealedRequests.Pending parked,
      String username, SignInNotice notice) throws ServletException, IOException {
    request.setAttribute("requestId", request.getParameter("request"));
    languageOf(request, response, parked);
    flow.allowSignInToReturn(response, parked);
    Pages.signInForm(request, response, csrf, PATH, username, notice == null ? SignInNotice.NONE : notice);
  }
}
