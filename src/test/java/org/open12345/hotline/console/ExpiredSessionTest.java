package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** A session that ran out sends the page to the login form, and signing in comes back to that page. */
class ExpiredSessionTest {
  @Test
  void anExpiredSessionGoesToLoginAndBackToThePageItWasOn() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T01:00:00Z"));
    try (TestServer s = TestServer.start(Map.of("identity.session.idle_timeout", "30m"), clock)) {
      String[] admin = ConsoleTesting.person("kong.admin", "ADMIN");
      assertEquals(200, s.get("/console/admin/tokens?from=mail", admin).status());
      clock.advance(Duration.ofMinutes(31));
      Response expired = s.get("/console/admin/tokens?from=mail", admin);
      assertEquals(303, expired.status());
      String next = "/login?next=%2Fconsole%2Fadmin%2Ftokens%3Ffrom%3Dmail";
      assertEquals(next, expired.header("Location"));
      assertTrue(String.join(";", expired.headers().getOrDefault("set-cookie", java.util.List.of()))
          .contains("hotline_session=;"), "the dead cookie is cleared");

      // The login page carries the way back in its form; signing in goes there.
      Response login = s.get(next);
      Matcher token = Pattern.compile("name=\"login_token\" value=\"([^\"]+)\"").matcher(login.body());
      assertTrue(token.find());
      assertTrue(login.body().contains("name=\"next\" value=\"/console/admin/tokens?from=mail\""), login.body());
      // The harness set this account's own password (testing.TestIdentities) when it first signed in.
      String password = "Test-Passw0rd!";
      Response signed = s.send(HttpRequest.newBuilder(URI.create(s.url("/login")))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Cookie", "hotline_login=" + token.group(1)).header("Accept", "text/html")
          .POST(HttpRequest.BodyPublishers.ofString("username=kong.admin&password=" + password + "&login_token="
              + token.group(1) + "&next=%2Fconsole%2Fadmin%2Ftokens%3Ffrom%3Dmail")));
      assertEquals(303, signed.status(), signed.body());
      assertEquals("/console/admin/tokens?from=mail", signed.header("Location"));
      assertEquals(200, s.send(HttpRequest.newBuilder(URI.create(s.url("/console/admin/tokens?from=mail")))
          .header("Cookie", cookie(signed))).status());
    }
  }

  private static String cookie(Response r) {
    return r.headers().getOrDefault("set-cookie", java.util.List.of()).stream()
        .filter(c -> c.startsWith("hotline_session=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
  }
}
