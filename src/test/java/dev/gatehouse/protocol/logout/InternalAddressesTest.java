package dev.gatehouse.protocol.logout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InternalAddressesTest {

  /** An IP literal as the resolver would hand it over; IPv6 stays IPv6 (the JDK would turn ::ffff:… into IPv4). */
  private static InetAddress address(String literal) throws UnknownHostException {
    InetAddress parsed = InetAddress.getByName(literal);
    if (literal.contains(":") && parsed.getAddress().length == 4) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
      return Inet6Address.getByAddress(null, mapped, -1);
    }
    return parsed;
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.0.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1",
      "127.255.0.1", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.168.1.1"})
  void ssrf_whenPrivateLoopbackLinkLocalOrSharedIpv4_thenInternal(String literal) throws Exception {
    assertTrue(InternalAddresses.isInternal(address(literal)), literal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"192.0.0.1", "192.0.0.255", "192.0.2.10", "192.88.99.1", "198.18.0.1", "198.19.255.255",
      "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255"})
  void rfc6890_whenIpv4SpecialPurposeNotGloballyReachable_thenInternal(String literal) throws Exception {
    assertTrue(InternalAddresses.isInternal(address(literal)), literal);
  }

  @ParameterizedTest
  @ValueSource(strings = {"::", "::1", "100::1", "2001:db8::1", "2001:2::1", "2001:10::1", "3fff::1", "5f00::1",
      "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "64:ff9b:1::808:808"})
  void rfc6890_whenIpv6SpecialPurposeNotGloballyReachable_thenInternal(String literal) throws Exception {
    assertTrue(InternalAddresses.isInternal(address(literal)), literal);
  }

  /**
   * Each IPv6 form that carries an IPv4 address is judged by that address: IPv4-mapped (RFC 4291 §2.5.5.2),
   * IPv4-compatible (§2.5.5.1), NAT64 (RFC 6052), 6to4 (RFC 3056), Teredo (RFC 4380 §4, whose client address is stored
   * with every bit inverted: 127.0.0.1 is 80ff:fffe, 10.0.0.1 f5ff:fffe, 8.8.4.4 f7f7:fbfb; its server is checked too).
   */
  @ParameterizedTest(name = "{0}: {1} internal, {2} not")
  @CsvSource({
      "mapped, ::ffff:127.0.0.1, ::ffff:8.8.8.8", "mapped, ::ffff:169.254.169.254, ::ffff:93.184.216.34",
      "compatible, ::127.0.0.1, ::8.8.8.8", "compatible, ::10.0.0.1, ::93.184.216.34",
      "compatible, ::169.254.169.254, ::8.8.4.4", "compatible, ::192.168.0.1, ::1.1.1.1",
      "nat64, 64:ff9b::127.0.0.1, 64:ff9b::8.8.8.8", "nat64, 64:ff9b::a00:1, 64:ff9b::5db8:d822",
      "nat64, 64:ff9b::169.254.169.254, 64:ff9b::1.1.1.1",
      "6to4, 2002:7f00:1::1, 2002:808:808::1", "6to4, 2002:a00:1::, 2002:5db8:d822::",
      "6to4, 2002:a9fe:a9fe::1, 2002:101:101::1", "6to4, 2002:c0a8:101::1, 2002:808:404::",
      "teredo client, 2001:0:808:808:0:0:80ff:fffe, 2001:0:808:808:0:0:f7f7:fbfb",
      "teredo client, 2001:0:808:808:8000:ffff:f5ff:fffe, 2001:0:808:808:8000:ffff:f7f7:f7f7",
      "teredo server, 2001:0:a00:1:0:0:f7f7:f7f7, 2001:0:5db8:d822:0:0:f7f7:f7f7"})
  void rfc6052_rfc4291_rfc3056_rfc4380_whenTheEmbeddedIpv4IsInternal_thenInternal(String form, String internal,
      String outside) throws Exception {
    assertTrue(InternalAddresses.isInternal(address(internal)), internal);
    assertFalse(InternalAddresses.isInternal(address(outside)), outside);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "100.128.0.1", "172.32.0.1", "192.0.1.1", "198.20.0.1",
      "223.255.255.255", "2606:4700::1111", "2a00:1450:4001::200e", "2001:4860:4860::8888"})
  void ssrf_whenGloballyReachable_thenNotInternal(String literal) throws Exception {
    assertFalse(InternalAddresses.isInternal(address(literal)), literal);
  }
}
