package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.admin.AdminUser;
import dev.gatehouse.application.admin.AdministrationException;
import dev.gatehouse.application.admin.UserAdministration;
import dev.gatehouse.protocol.admin.UserProfile;
import dev.gatehouse.protocol.admin.UserSpec;
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

/**
 * One user: {@code new}, {@code show}, {@code edit} (profile claims and roles), {@code password}, {@code disable}
 * (asked for first: it also ends the user's sessions and revokes its tokens) and {@code enable}. The user is named by
 * the query parameter {@code id}, its subject identifier. A directory's user is shown and may be disabled and enabled;
 * its claims, roles and password are changed in its directory, not here. Every change is one call to {@link
 * UserAdministration}, then a redirect.
 */
@WebServlet("/admin/users/*")
public class UserServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject transient UserAdministration users;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String action = String.valueOf(request.getPathInfo());
    if ("/new".equals(action)) {
      form(request, response, new FormState(), List.of(), null);
      return;
    }
    AdminUser u = UserPages.foundOr404(request, response, users);
    if (u == null) {
      return;
    }
    switch (action) {
      case "/show" -> UserPages.render(request, response, u, "user");
      case "/edit" -> form(request, response, UserForm.of(u), List.of(), u);
      case "/password" -> password(request, response, u, List.of());
      case "/disable" -> Confirmation.ask(request, response, "admin.user.disable", u.username(),
          "/admin/users/disable?id=" + ConsolePaths.enc(u.subject()), UserPages.path("show", u.subject()));
      default -> ConsolePages.notFound(request, response);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String action = String.valueOf(request.getPathInfo());
    if ("/new".equals(action)) {
      create(request, response);
      return;
    }
    AdminUser u = UserPages.foundOr404(request, response, users);
    if (u == null) {
      return;
    }
    try {
      switch (action) {
        case "/edit" -> edit(request, response, u);
        case "/password" -> setPassword(request, response, u);
        case "/disable" -> done(request, response, users.disable(ConsoleAccess.actor(request), u.subject()).subject(),
            "admin.user.disabled");
        case "/enable" -> done(request, response, users.enable(ConsoleAccess.actor(request), u.subject()).subject(),
            "admin.user.enabled");
        default -> ConsolePages.notFound(request, response);
      }
    } catch (AdministrationException e) {
      ConsolePages.cannotChange(request, response, e, UserPages.path("show", u.subject()));
    }
  }

  private void create(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    UserSpec spec = UserForm.spec(request);
    try {
      done(request, response, users.create(ConsoleAccess.actor(request), spec).subject(), "admin.user.created");
    } catch (InvalidFieldsException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      form(request, response, UserForm.of(spec.username(), spec.profile(), spec.roles()), e.problems(), null);
    } catch (AdministrationException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      List<FieldProblem> problems = List.of(new FieldProblem(UserForm.USERNAME, e.getMessage()));
      form(request, response, UserForm.of(spec.username(), spec.profile(), spec.roles()), problems, null);
    }
  }

  private void edit(HttpServletRequest request, HttpServletResponse response, AdminUser user)
      throws ServletException, IOException {
    UserProfile profile = UserForm.profile(request);
    try {
      done(request, response, users.update(ConsoleAccess.actor(request), user.subject(), profile,
          UserForm.roles(request)).subject(), "admin.user.saved");
    } catch (InvalidFieldsException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      form(request, response, UserForm.of(user.username(), profile, UserForm.roles(request)), e.problems(), user);
    }
  }

  private void setPassword(HttpServletRequest request, HttpServletResponse response, AdminUser user)
      throws ServletException, IOException {
    try {
      users.setPassword(ConsoleAccess.actor(request), user.subject(), UserForm.password(request));
      done(request, response, user.subject(), "admin.user.passwordSet");
    } catch (InvalidFieldsException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      password(request, response, user, e.problems());
    }
  }

  private static void done(HttpServletRequest request, HttpServletResponse response, String subject,
      String noticeKey) {
    Flash.notice(request, noticeKey);
    ConsolePaths.seeOther(request, response, UserPages.path("show", subject));
  }

  private static void form(HttpServletRequest request, HttpServletResponse response, FormState form,
      List<FieldProblem> problems, AdminUser user) throws ServletException, IOException {
    form.show(request);
    FormState.problems(request, problems, UserForm.FIELDS);
    request.setAttribute("user", user);
    request.setAttribute("claims", UserForm.CLAIMS);
    request.setAttribute("addressFields", UserForm.ADDRESS);
    request.setAttribute("formAction", user == null ? "/admin/users/new"
        : UserPages.path("edit", user.subject()));
    request.setAttribute("cancelPath", user == null ? "/admin/users" : UserPages.path("show", user.subject()));
    ConsolePages.render(request, response, "user-form");
  }

  private static void password(HttpServletRequest request, HttpServletResponse response, AdminUser user,
      List<FieldProblem> problems) throws ServletException, IOException {
    new FormState().show(request);
    FormState.problems(request, problems, UserForm.FIELDS);
    UserPages.render(request, response, user, "user-password");
  }
}
