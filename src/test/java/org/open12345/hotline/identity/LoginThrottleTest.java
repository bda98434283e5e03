package org.open12345.hotline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * Wrong passwords: the 6th within 15 minutes, for one account or from one address, waits. The
 * test server trusts 127.0.0.1 as a proxy, so X-Forwarded-For stands for different clients.
 */
class LoginThrottleTest {
  static final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T02:00:00Z"));
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestDatabase.freshDatabase(), Map.of("http.trusted_proxies", "127.0.0.1"), clock);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Response attempt(String name, String password, String client) {
    return Staff.login(server, name, password, "X-Forwarded-For", client);
  }

  @Test
  void theSixthWrongPasswordForAnAccountWaitsEvenWithTheRightOne() {
    String otp = Staff.create(server, "throttled", Role.DISPATCHER, null);
    for (int i = 1; i <= 5; i++) {
      Response r = attempt("throttled", "wrong-" + i, "198.51.100." + i);
      assertEquals(401, r.status(), "attempt " + i);
    }
    Response sixth = attempt("throttled", otp, "198.51.100.99");
    assertEquals(429, sixth.status());
    assertEquals("login_throttled", sixth.json().getString("error"));
    assertTrue(sixth.json().getString("message").contains("分钟后再试"), sixth.body());
    long wait = Long.parseLong(sixth.header("retry-after"));
    assertTrue(wait > 0 && wait <= 15 * 60, "Retry-After " + wait);

    clock.advance(Duration.ofMinutes(15));
    assertEquals(200, attempt("throttled", otp, "198.51.100.99").status(), "the window has passed");
  }

  @Test
  void oneAddressTryingManyAccountsWaitsToo() {
    String otp = Staff.create(server, "bystander", Role.OPERATOR, null);
    for (int i = 1; i <= 5; i++) {
      assertEquals(401, attempt("guess" + i, "x", "203.0.113.50").status());
    }
    assertEquals(429, attempt("bystander", otp, "203.0.113.50").status());
    assertEquals(200, attempt("bystander", otp, "203.0.113.51").status(), "another address is not held up");
  }

  @Test
  void anUnknownAccountAndAWrongPasswordLookTheSame() {
    Staff.create(server, "known.one", Role.OPERATOR, null);
    Response unknown = attempt("nobody.here", "Whatever-1", "192.0.2.1");
    Response wrong = attempt("known.one", "Whatever-1", "192.0.2.2");
    assertEquals(unknown.status(), wrong.status());
    assertEquals(unknown.json(), wrong.json());
    assertEquals(401, unknown.status());
  }

  @Test
  void aFloodFromOneAddressIsRefusedCheaplyAndTheServerStaysResponsive() throws Exception {
    // "Cheaply" is asserted by what the refusals leave behind (no password check, no row), not by
    // wall-clock time, which a loaded CI machine makes meaningless.
    int refused = 0;
    for (int i = 0; i < 300; i++) {
      int status = attempt("flood" + (i % 7), "guess" + i, "192.0.2.200").status();
      refused += status == 429 ? 1 : 0;
    }
    assertEquals(295, refused, "after 5 failures every attempt waits");
    assertEquals(200, server.get("/health").status());
    DatabaseUrl db = server.database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT count(*) FROM security_events WHERE kind = 'login_failed' AND address = '192.0.2.200'")) {
      rs.next();
      assertEquals(5, rs.getLong(1), "refused attempts check no password and write nothing");
    }
  }
}
