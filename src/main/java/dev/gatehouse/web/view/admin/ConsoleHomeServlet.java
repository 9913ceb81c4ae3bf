package dev.gatehouse.web.view.admin;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /admin} and {@code /admin/}: the console opens on its list of clients. */
@WebServlet({"/admin", ConsolePaths.HOME})
public class ConsoleHomeServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    ConsolePaths.seeOther(request, response, "/admin/clients");
  }
}
