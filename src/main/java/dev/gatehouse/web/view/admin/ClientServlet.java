package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.admin.AdministrationException;
import dev.gatehouse.application.admin.ClientAdministration;
import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.ClientMetadata;
import dev.gatehouse.protocol.error.FieldProblem;
import dev.gatehouse.protocol.error.InvalidFieldsException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One client: {@code new} (create), {@code show} (its registration, and its secret once after a creation or a
 * rotation), {@code edit}, {@code rotate-secret} and {@code delete} (each asked for on a confirmation page first). The
 * client is named by the query parameter {@code id}: a {@code client_id} may hold characters a path segment cannot.
 * Every change is one call to {@link ClientAdministration}, then a redirect.
 */
@WebServlet("/admin/clients/*")
public class ClientServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient ClientAdministration clients;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String action = String.valueOf(request.getPathInfo());
    if ("/new".equals(action)) {
      form(request, response, ClientForm.blank(), List.of(), null);
      return;
    }
    Optional<Client> client = Optional.ofNullable(request.getParameter("id")).flatMap(clients::get);
    if (client.isEmpty()) {
      ConsolePages.notFound(request, response);
      return;
    }
    Client c = client.get();
    switch (action) {
      case "/show" -> show(request, response, c);
      case "/edit" -> form(request, response, ClientForm.of(c), List.of(), c.clientId());
      case "/rotate-secret" -> Confirmation.ask(request, response, "admin.client.rotate", c.clientId(),
          "/admin/clients/rotate-secret?id=" + ConsolePaths.enc(c.clientId()), showPath(c.clientId()));
      case "/delete" -> Confirmation.ask(request, response, "admin.client.delete", c.clientId(),
          "/admin/clients/delete?id=" + ConsolePaths.enc(c.clientId()), showPath(c.clientId()));
      default -> ConsolePages.notFound(request, response);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String action = String.valueOf(request.getPathInfo());
    String id = "/new".equals(action) ? null : request.getParameter("id");
    try {
      switch (action) {
        case "/new", "/edit" -> save(request, response, id);
        case "/rotate-secret" -> {
          ClientAdministration.WithSecret rotated = clients.rotateSecret(ConsoleAccess.actor(request), id);
          done(request, response, rotated, "admin.client.rotated");
        }
        case "/delete" -> {
          clients.delete(ConsoleAccess.actor(request), id);
          Flash.notice(request, "admin.client.deleted");
          ConsolePaths.seeOther(request, response, "/admin/clients");
        }
        default -> ConsolePages.notFound(request, response);
      }
    } catch (AdministrationException e) {
      ConsolePages.cannotChange(request, response, e, id == null ? "/admin/clients" : showPath(id));
    }
  }

  /** Creates or replaces the client; on bad fields the form again, as typed, with every problem. */
  private void save(HttpServletRequest request, HttpServletResponse response, String id)
      throws ServletException, IOException {
    ClientMetadata metadata = ClientForm.read(request, id);
    try {
      ClientAdministration.WithSecret saved = id == null
          ? clients.create(ConsoleAccess.actor(request), metadata)
          : clients.update(ConsoleAccess.actor(request), id, metadata);
      done(request, response, saved, id == null ? "admin.client.created" : "admin.client.saved");
    } catch (InvalidFieldsException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      form(request, response, ClientForm.of(metadata), e.problems(), id);
    } catch (AdministrationException e) {
      if (e.kind() != AdministrationException.Kind.CONFLICT || id != null) {
        throw e;
      }
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      String field = e.field() == null ? "form" : e.field();
      form(request, response, ClientForm.of(metadata), List.of(new FieldProblem(field, e.getMessage())), id);
    }
  }

  /** After a change: the client's page, with its new secret if one was made. */
  private static void done(HttpServletRequest request, HttpServletResponse response,
      ClientAdministration.WithSecret result, String noticeKey) {
    String clientId = result.client().clientId();
    result.secret().ifPresentOrElse(secret -> Flash.noticeWithSecret(request, noticeKey, clientId, secret),
        () -> Flash.notice(request, noticeKey));
    ConsolePaths.seeOther(request, response, showPath(clientId));
  }

  private static void show(HttpServletRequest request, HttpServletResponse response, Client client)
      throws ServletException, IOException {
    request.setAttribute("client", client);
    Flash.takeSecret(request, client.clientId()).ifPresent(secret -> request.setAttribute("secret", secret));
    ConsolePages.render(request, response, "client");
  }

  private static void form(HttpServletRequest request, HttpServletResponse response, FormState form,
      List<FieldProblem> problems, String clientId) throws ServletException, IOException {
    form.show(request);
    FormState.problems(request, problems, ClientForm.FIELDS);
    request.setAttribute("clientId", clientId);
    request.setAttribute("formAction", clientId == null ? "/admin/clients/new"
        : "/admin/clients/edit?id=" + ConsolePaths.enc(clientId));
    request.setAttribute("cancelPath", clientId == null ? "/admin/clients" : showPath(clientId));
    request.setAttribute("authMethods", ClientForm.AUTH_METHODS);
    request.setAttribute("grants", ClientForm.GRANTS);
    request.setAttribute("algorithms", ClientForm.ALGORITHMS);
    request.setAttribute("tokenFormats", ClientForm.TOKEN_FORMATS);
    ConsolePages.render(request, response, "client-form");
  }

  static String showPath(String clientId) {
    return "/admin/clients/show?id=" + ConsolePaths.enc(clientId);
  }
}
