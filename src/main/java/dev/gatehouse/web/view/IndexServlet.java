package dev.gatehouse.web.view;

import dev.gatehouse.application.lifecycle.DemoSetup;
import dev.gatehouse.infrastructure.config.GatehouseConfig;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The front page: what this server is and, on the embedded default, how to try the flow. */
@WebServlet("/index")
public class IndexServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient GatehouseConfig config;
  @Inject transient DemoSetup demo;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    request.setAttribute("issuer", config.issuer());
    // Plain strings: Jakarta EL 5 (EE 10) does not read record components.
    demo.credentials().ifPresent(c -> {
      request.setAttribute("demoClientId", c.clientId());
      request.setAttribute("demoUsername", c.username());
    });
    Pages.render(request, response, "index");
  }
}
