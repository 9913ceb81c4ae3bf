package dev.gatehouse.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.SessionCookieConfig;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The container's session cookie is configured in code, since servers ignore SameSite in web.xml. */
class SessionCookieSettingsTest {

  private static Map<String, Object> applied(String contextPath, boolean secure) {
    Map<String, Object> calls = new TreeMap<>();
    SessionCookieConfig config = (SessionCookieConfig) Proxy.newProxyInstance(SessionCookieSettingsTest.class.getClassLoader(),
        new Class<?>[] {SessionCookieConfig.class}, (proxy, method, args) -> {
          calls.put(method.getName() + (method.getName().equals("setAttribute") ? ":" + args[0] : ""),
              args[args.length - 1]);
          return null;
        });
    SessionCookieSettings.apply(config, contextPath, secure);
    return calls;
  }

  @Test
  void sessionCookie_atTheRoot_isHttpOnlyLaxNotSecureOverHttp() {
    assertEquals(Map.of("setName", "GATEHOUSE_SESSION", "setHttpOnly", true, "setSecure", false, "setPath", "/",
        "setAttribute:SameSite", "Lax"), applied("", false));
  }

  @Test
  void sessionCookie_belowAContextPath_isScopedToItAndSecureWhenTheIssuerIsHttps() {
    Map<String, Object> calls = applied("/sso", true);
    assertEquals("/sso", calls.get("setPath"));
    assertEquals(true, calls.get("setSecure"));
  }
}
