package dev.gatehouse.web.view;

import dev.gatehouse.protocol.error.OAuthException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The authorization endpoint, GET and POST (RFC 6749 §3.1: "MUST support the use of the HTTP GET method"; POST as in
 * OpenID Connect Core §3.1.2.1). A request whose parameters cannot even be read gets the error page.
 */
@WebServlet("/oauth2/authorize")
public class AuthorizeServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient AuthorizationFlow flow;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Map<String, List<String>> raw;
    try {
      raw = WebParameters.read(request);
    } catch (OAuthException e) {
      Pages.error(request, response, 400, e.code(), e.description());
      return;
    }
    flow.proceed(request, response, raw, flow.now());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    doGet(request, response);
  }
}
