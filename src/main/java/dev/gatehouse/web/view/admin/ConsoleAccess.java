package dev.gatehouse.web.view.admin;

import dev.gatehouse.application.admin.AdminAuthorization;
import dev.gatehouse.infrastructure.logging.SafeLog;
import dev.gatehouse.protocol.admin.AdminAccess;
import dev.gatehouse.protocol.admin.AdminActor;
import dev.gatehouse.protocol.session.SsoSession;
import dev.gatehouse.web.view.SsoCookies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Who is at the console: the browser's SSO session ({@link SsoCookies}) and whether its user may administer Gatehouse
 * (the role {@code gatehouse-admin}, not disabled). Both are looked at again on every request, by the same rule as
 * the admin API ({@link AdminAuthorization#current}: a directory user's roles as its directory gives them now, within
 * {@code GATEHOUSE_LDAP_ROLE_CACHE}): nothing about the administrator is cached in the HTTP session.
 */
@ApplicationScoped
public class ConsoleAccess {
  private static final SafeLog LOG = SafeLog.of(ConsoleAccess.class);

  /** What the filter does with the request. */
  enum Verdict { SIGNED_OUT, FORBIDDEN, ADMINISTRATOR }

  /** Request attributes: the administrator's username (shown in the layout) and subject. */
  static final String USERNAME = "consoleUsername";
  static final String SUBJECT = "consoleSubject";

  @Inject SsoCookies sso;
  @Inject AdminAuthorization authorization;

  /** The administrator at the console, for the record of a change (after {@link #check} allowed the request). */
  static AdminActor actor(HttpServletRequest request) {
    return AdminActor.user((String) request.getAttribute(SUBJECT), (String) request.getAttribute(USERNAME));
  }

  Verdict check(HttpServletRequest request) {
    Optional<SsoSession> session = sso.current(request);
    if (session.isEmpty()) {
      return Verdict.SIGNED_OUT;
    }
    String subject = session.get().subject();
    boolean admin = authorization.current(subject)
        .filter(u -> AdminAccess.isAdministrator(u.disabled(), u.roles())).isPresent();
    if (!admin) {
      LOG.info("console refused to subject {}: not an enabled gatehouse-admin", subject);
      return Verdict.FORBIDDEN;
    }
    request.setAttribute(USERNAME, session.get().username());
    request.setAttribute(SUBJECT, subject);
    return Verdict.ADMINISTRATOR;
  }
}
