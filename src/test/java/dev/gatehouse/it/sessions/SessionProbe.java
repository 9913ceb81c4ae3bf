package dev.gatehouse.it.sessions;

import dev.gatehouse.application.session.SessionService;
import dev.gatehouse.protocol.session.SsoSession;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test-only (added to the shipped WAR by {@code SessionIT}): the application layer's session operations, as the
 * administration will call them. {@code GET /it-probe/sessions?subject=…} lists the user's active sessions' sids;
 * {@code POST} ends them all and answers how many ended.
 */
@WebServlet("/it-probe/sessions")
public class SessionProbe extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient SessionService sessions;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    JsonArrayBuilder sids = Json.createArrayBuilder();
    for (SsoSession s : sessions.sessionsOf(request.getParameter("subject"))) {
      sids.add(s.sid());
    }
    response.setContentType("application/json");
    response.getWriter().write(sids.build().toString());
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("application/json");
    response.getWriter().write(Integer.toString(sessions.endAll(request.getParameter("subject"))));
  }
}
