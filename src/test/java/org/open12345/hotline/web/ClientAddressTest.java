package org.open12345.hotline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final IpRanges proxies = IpRanges.parse("10.0.0.0/8, 192.168.1.1");

  @Test
  void forwardedHeadersFromAnUntrustedPeerAreIgnored() {
    assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("1.2.3.4"), "5.6.7.8", proxies));
    assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", List.of("1.2.3.4"), null, IpRanges.parse("")));
  }

  @Test
  void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
    // The client may send any X-Forwarded-For of its own: only hops our proxies appended count.
    assertEquals("198.51.100.7", ClientAddress.resolve("10.1.2.3", List.of("6.6.6.6, 198.51.100.7, 10.0.0.5"), null,
        proxies));
    assertEquals("198.51.100.7", ClientAddress.resolve("192.168.1.1", List.of("6.6.6.6", "198.51.100.7"), null,
        proxies));
    assertEquals("10.0.0.9", ClientAddress.resolve("10.1.2.3", List.of("10.0.0.9"), null, proxies));
  }

  @Test
  void aMalformedHopEndsTheWalkAtTheLastTrustedAddress() {
    assertEquals("10.0.0.5", ClientAddress.resolve("10.1.2.3", List.of("unknown, 10.0.0.5"), null, proxies));
  }

  @Test
  void xRealIpCountsOnlyFromATrustedPeerWithoutForwardedFor() {
    assertEquals("198.51.100.8", ClientAddress.resolve("10.1.2.3", List.of(), "198.51.100.8", proxies));
    assertEquals("10.1.2.3", ClientAddress.resolve("10.1.2.3", List.of(), "not-an-ip", proxies));
  }

  @Test
  void rangesParseCidrsAndRefuseHostNames() {
    IpRanges r = IpRanges.parse("2001:db8::/32,47.100.0.0/16");
    assertTrue(r.contains("2001:db8::1"));
    assertTrue(r.contains("47.100.255.1"));
    assertTrue(r.contains("::ffff:47.100.0.1"));
    assertFalse(r.contains("47.101.0.1"));
    assertFalse(r.contains("example.com"));
    assertThrows(IllegalArgumentException.class, () -> IpRanges.parse("example.com"));
    assertThrows(IllegalArgumentException.class, () -> IpRanges.parse("10.0.0.0/33"));
  }
}
