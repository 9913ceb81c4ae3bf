package dev.gatehouse.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordSignInTest {

  /** A request from {@code remoteAddr} carrying {@code headers}; every other method fails the test. */
  private static HttpServletRequest request(String remoteAddr, Map<String, String> headers) {
    return (HttpServletRequest) Proxy.newProxyInstance(PasswordSignInTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getRemoteAddr" -> remoteAddr;
          case "getHeader" -> headers.get((String) args[0]);
          default -> throw new AssertionError("unexpected call: " + method.getName());
        });
  }

  @Test
  void failuresAreCountedAgainstTheTcpPeerNotAForwardingHeaderTheClientSets() {
    HttpServletRequest spoofed = request("192.0.2.7", Map.of("X-Forwarded-For", "203.0.113.9",
        "Forwarded", "for=203.0.113.9", "X-Real-IP", "203.0.113.9"));
    assertEquals("192.0.2.7", PasswordSignIn.clientAddress(spoofed));
  }
}
