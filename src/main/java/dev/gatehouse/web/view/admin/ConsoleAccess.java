package dev.gatehouse.web.view.admin;

import dev.gatehouse.persistence.JpaUserStore;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.web.view.SsoCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Who is at the console: the browser's SSO session ({@link SsoCookies}) and whether its user may administer Gatehouse
 * (the role {@code gatehouse-admin}, not disabled). Both are read from the database on every request: nothing about
 * the administrator is cached in the HTTP session.
 */
@ApplicationScoped
public class ConsoleAccess {
  private static final Logger LOG = Logger.getLogger(ConsoleAccess.class.getName());

  /** What the filter does with the request. */
  enum Verdict { SIGNED_OUT, FORBIDDEN, ADMINISTRATOR }

  @Inject SsoCookies sso;
  @Inject JpaUserStore users; // TODO replace with the admin-api service

  Verdict check(HttpServletRequest request) {
    Optional<SsoSession> session = sso.current(request);
    if (session.isEmpty()) {
      return Verdict.SIGNED_OUT;
    }
    String subject = session.get().subject();
    boolean admin = users.findById(subject)
        .filter(u -> !u.disabled && Arrays.asList(u.roles.trim().split("\\s+")).contains("gatehouse-admin"))
        .isPresent();
    if (!admin) {
      LOG.info(() -> "console refused to subject " + subject + ": not an enabled gatehouse-admin");
      return Verdict.FORBIDDEN;
    }
    request.setAttribute("consoleUsername", session.get().username());
    request.setAttribute("consoleSubject", subject);
    return Verdict.ADMINISTRATOR;
  }
}
