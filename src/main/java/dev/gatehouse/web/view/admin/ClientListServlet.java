package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.admin.ClientAdministration;
import dev.gatehouse.application.admin.Paging;
import dev.gatehouse.protocol.client.Client;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The registered clients, a page at a time ({@link Pager}). */
@WebServlet("/admin/clients")
public class ClientListServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient ClientAdministration clients;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Paging.Page<Client> page = clients.list(Pager.requested(request));
    request.setAttribute("clients", page.items());
    request.setAttribute("total", page.total());
    Pager.show(request, page, "/admin/clients?");
    ConsolePages.render(request, response, "clients");
  }
}
