package dev.gatehouse.protocol.logout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.protocol.client.Client;
import dev.gatehouse.protocol.client.TestClients;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutboundGuardTest {

  /** Resolves only the names of the map (by literal address), like a DNS that answers what the test says. */
  private static OutboundGuard guard(Map<String, String> dns) {
    return new OutboundGuard(host -> {
      String address = dns.getOrDefault(host, host);
      if (!Character.isDigit(address.charAt(0)) && !address.contains(":")) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {InetAddress.getByName(address)};
    });
  }

  @Test
  void ssrf_whenHostIsOrResolvesToAnInternalAddress_thenRefused() {
    OutboundGuard guard = guard(Map.of("intranet.corp", "10.1.2.3", "metadata.evil", "169.254.169.254"));
    for (String uri : List.of("http://127.0.0.1:8080/x", "http://localhost.test/x", "http://[::1]/x",
        "http://10.0.0.5/x", "http://172.16.4.4/x", "http://192.168.1.1/x", "http://169.254.169.254/latest",
        "http://[fd00::1]/x", "http://100.64.0.1/x", "http://0.0.0.0/x", "https://intranet.corp/logout",
        "https://metadata.evil/", "http://[::ffff:7f00:1]/x", "http://[64:ff9b::a9fe:a9fe]/latest",
        "http://[2002:a00:1::1]/x", "http://[::127.0.0.1]/x", "http://198.18.0.1/x", "http://[2001:db8::1]/x")) {
      String target = uri.replace("localhost.test", "127.0.0.2");
      assertTrue(guard.refusal(URI.create(target)).isPresent(), target);
    }
  }

  @Test
  void ssrf_whenPublicAddress_thenAllowed() {
    OutboundGuard guard = guard(Map.of("rp.example", "93.184.216.34"));
    assertEquals(Optional.empty(), guard.refusal(URI.create("https://rp.example/backchannel")));
    assertEquals(Optional.empty(), guard.refusal(URI.create("https://8.8.8.8/x")));
    assertEquals(Optional.empty(), guard.refusal(URI.create("http://100.128.0.1/x")), "just outside 100.64/10");
  }

  @Test
  void ssrf_whenOneOfSeveralAddressesIsInternal_thenTheHostIsRefused() {
    OutboundGuard guard = new OutboundGuard(host -> new InetAddress[] {InetAddress.getByName("93.184.216.34"),
        InetAddress.getByName("10.0.0.7")});
    assertTrue(guard.refusal(URI.create("https://rp.example/x")).isPresent());
    OutboundGuard.RefusedHostException refused = assertThrows(OutboundGuard.RefusedHostException.class,
        () -> guard.checkedAddresses("rp.example"));
    assertTrue(refused.getMessage().contains("10.0.0.7"), refused.getMessage());
  }

  @Test
  void ssrf_checkedAddresses_areTheOneAnswerOfTheOneLookUp() throws Exception {
    AtomicInteger lookUps = new AtomicInteger();
    InetAddress[] answer = {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("2606:2800:220:1::1")};
    OutboundGuard guard = new OutboundGuard(host -> {
      lookUps.incrementAndGet();
      return answer;
    });
    assertArrayEquals(answer, guard.checkedAddresses("[rp.example]"));
    assertEquals(1, lookUps.get());
  }

  @Test
  void ssrf_whenTheResolverKnowsNoAddress_thenNoAddressToConnectTo() {
    OutboundGuard guard = new OutboundGuard(host -> new InetAddress[0]);
    assertThrows(UnknownHostException.class, () -> guard.checkedAddresses("rp.example"));
  }

  @Test
  void ssrf_whenHostUnknown_thenRefused() {
    assertTrue(guard(Map.of()).refusal(URI.create("https://nowhere.invalid/x")).isPresent());
  }

  @Test
  void ssrf_onlyDynamicallyRegisteredClientsAreChecked_andOnlyUntilTheOperatorTrustsThem() {
    OutboundGuard guard = guard(Map.of());
    URI intranet = URI.create("http://10.20.30.40/oidc/backchannel-logout");
    Client operators = TestClients.confidential("legacy-app");
    Client selfRegistered = operators.toBuilder().dynamicallyRegistered(true).build();
    assertEquals(Optional.empty(), guard.refusal(operators, intranet, false), "the operator's own registration");
    assertTrue(guard.refusal(selfRegistered, intranet, false).isPresent());
    assertEquals(Optional.empty(), guard.refusal(selfRegistered, intranet, true), "the operator said so");
  }
}
