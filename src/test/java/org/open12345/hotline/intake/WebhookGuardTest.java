package org.open12345.hotline.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookGuardTest {

  @Test
  void secretOnly() {
    WebhookGuard guard = new WebhookGuard("s3cret-token", List.of());
    assertTrue(guard.check("s3cret-token", "203.0.113.9").allowed());
    assertEquals("secret mismatch", guard.check("s3cret-tokeN", "203.0.113.9").reason());
    assertEquals("secret missing", guard.check(null, "203.0.113.9").reason());
    assertFalse(guard.check("", "203.0.113.9").allowed());
  }

  @Test
  void allowListOnly() {
    WebhookGuard guard = new WebhookGuard(null, List.of("47.100.0.0/16", "198.51.100.7", "2001:db8::/32"));
    assertTrue(guard.check(null, "47.100.3.4").allowed());
    assertTrue(guard.check(null, "198.51.100.7").allowed());
    assertFalse(guard.check(null, "198.51.100.8").allowed());
    assertFalse(guard.check(null, "47.101.0.1").allowed());
    assertTrue(guard.check(null, "2001:db8:1::5").allowed());
    assertTrue(guard.check(null, "[2001:db8::1]").allowed());
    assertFalse(guard.check(null, "2001:db9::1").allowed());
    assertTrue(guard.check(null, "::ffff:47.100.9.9").allowed(), "IPv4-mapped IPv6 peer");
  }

  @Test
  void oddPrefixLengths() {
    WebhookGuard guard = new WebhookGuard(null, List.of("10.0.0.0/13"));
    assertTrue(guard.check(null, "10.7.255.255").allowed());
    assertFalse(guard.check(null, "10.8.0.0").allowed());
    assertTrue(new WebhookGuard(null, List.of("0.0.0.0/0")).check(null, "8.8.8.8").allowed());
  }

  @Test
  void bothMustPass() {
    WebhookGuard guard = new WebhookGuard("k", List.of("10.0.0.0/8"));
    assertTrue(guard.check("k", "10.1.2.3").allowed());
    assertFalse(guard.check("k", "11.1.2.3").allowed());
    assertFalse(guard.check("x", "10.1.2.3").allowed());
  }

  @Test
  void nothingConfiguredRefuses() {
    assertFalse(new WebhookGuard("", List.of()).check("anything", "10.0.0.1").allowed());
  }

  @Test
  void hostNamesAreNeverResolved() {
    WebhookGuard guard = new WebhookGuard(null, List.of("127.0.0.0/8"));
    assertFalse(guard.check(null, "localhost").allowed());
    assertThrows(IllegalArgumentException.class, () -> new WebhookGuard(null, List.of("localhost")));
    assertThrows(IllegalArgumentException.class, () -> new WebhookGuard(null, List.of("10.0.0.0/33")));
    assertThrows(IllegalArgumentException.class, () -> new WebhookGuard(null, List.of("10.0.0.256")));
  }
}
