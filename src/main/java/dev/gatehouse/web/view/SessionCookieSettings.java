package dev.gatehouse.web.view;

import dev.gatehouse.infrastructure.config.GatehouseConfig;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The container's HTTP session cookie (the admin console's one-time notices, the demo's state), made like
 * Gatehouse's own cookies ({@link BrowserCookies}): named {@value #NAME}, HttpOnly, SameSite=Lax, Secure when the
 * issuer is https, the path of Gatehouse's context. Set here, through the Servlet 6 API, not in web.xml: Payara
 * (AS-DEPLOYMENT-00015) and WildFly ignore web.xml's {@code <attribute>} in {@code <cookie-config>}.
 *
 * <p>Known gap: Payara 6 (Micro 6.2025.10, seen with {@code mvn -Prun}) honours name, HttpOnly, Secure and path from
 * here but drops the SameSite attribute of {@code SessionCookieConfig}, as it drops web.xml's; WildFly 31 to 38 get it
 * from {@code WEB-INF/undertow-handlers.conf}. Gatehouse's own cookies ({@link BrowserCookies}: SSO, CSRF) carry
 * SameSite=Lax on every server, by test; this session cookie only backs the console's one-time notices and the demo.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {
  static final String NAME = "GATEHOUSE_SESSION";

  @Inject GatehouseConfig config;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    apply(event.getServletContext().getSessionCookieConfig(), event.getServletContext().getContextPath(),
        config.issuer().startsWith("https:"));
  }

  static void apply(SessionCookieConfig cookie, String contextPath, boolean secure) {
    cookie.setName(NAME);
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setPath(contextPath.isEmpty() ? "/" : contextPath);
    cookie.setAttribute("SameSite", "Lax");
  }
}
