package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * The way back to the page a person wanted survives every login path: a first login with a
 * one-time password (through the password page), an htmx request of a page whose session ran out,
 * and the account pages; and it only ever leads to a path on this server.
 */
class OneTimeLoginNextTest {
  static final String WANTED = "/console/admin/tokens?from=mail";
  static final String PASSWORD = "Kong-Passw0rd!";

  @Test
  void aOneTimePasswordLoginGoesThroughThePasswordPageBackToThePage() {
    try (TestServer s = TestServer.start()) {
      String otp = Await.resultOf(s.server().features().identity.accounts()
          .create("kong.new", Role.ADMIN, null, new Actor("installer", Role.ADMIN, null), null)).secret();
      Response expired = s.get(WANTED);
      assertEquals(303, expired.status());
      String loginPage = expired.header("Location");
      assertEquals("/login?next=" + enc(WANTED), loginPage);
      Response login = s.get(loginPage);
      String token = field(login.body(), "login_token");
      Response signed = post(s, "/login", "hotline_login=" + token, "username=kong.new&password=" + enc(otp)
          + "&login_token=" + token + "&next=" + enc(WANTED));
      assertEquals(303, signed.status(), signed.body());
      assertEquals("/account/password?next=" + enc(WANTED), signed.header("Location"));
      String session = cookie(signed);

      // The console itself sends a one-time session to the password page with the way back too.
      Response console = s.send(HttpRequest.newBuilder(URI.create(s.url(WANTED))).header("Cookie", session));
      assertEquals("/account/password?next=" + enc(WANTED), console.header("Location"));

      Response page = s.send(HttpRequest.newBuilder(URI.create(s.url(signed.header("Location"))))
          .header("Cookie", session));
      assertEquals(200, page.status());
      assertEquals(WANTED, field(page.body(), "next"));
      String csrf = field(page.body(), "csrf_token");
      Response mismatch = post(s, "/account/password", session, "csrf_token=" + csrf + "&current_password="
          + enc(otp) + "&new_password=" + enc(PASSWORD) + "&confirm_password=other&next=" + enc(WANTED));
      assertEquals(400, mismatch.status());
      assertEquals(WANTED, field(mismatch.body(), "next"), "a refused change keeps the way back");
      Response changed = post(s, "/account/password", session, "csrf_token=" + csrf + "&current_password="
          + enc(otp) + "&new_password=" + enc(PASSWORD) + "&confirm_password=" + enc(PASSWORD) + "&next=" + enc(WANTED));
      assertEquals(303, changed.status(), changed.body());
      assertEquals(WANTED, changed.header("Location"));
      String after = cookie(changed).isEmpty() ? session : cookie(changed);
      assertEquals(200, s.send(HttpRequest.newBuilder(URI.create(s.url(WANTED))).header("Cookie", after)).status());
    }
  }

  @Test
  void anHtmxRequestOfAnExpiredSessionMovesTheWholePageToLoginAndBack() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T01:00:00Z"));
    try (TestServer s = TestServer.start(Map.of("identity.session.idle_timeout", "30m"), clock)) {
      String[] op = ConsoleTesting.person("kong.op", "OPERATOR");
      assertEquals(200, s.get("/console/operator", op).status());
      clock.advance(Duration.ofMinutes(31));
      Response fragment = s.get("/console/operator/caller?phone=13600000001", concat(op, "HX-Request", "true",
          "HX-Current-URL", s.url("/console/operator?tab=calls")));
      assertEquals(401, fragment.status(), fragment.body());
      assertEquals("/login?next=" + enc("/console/operator?tab=calls"), fragment.header("HX-Redirect"));
      assertNull(fragment.header("Location"), "htmx would follow a redirect into the fragment");

      // The account pages keep the whole address (query too).
      Response account = s.get("/account/password?next=%2Fconsole%2Fdispatch", op);
      assertEquals(303, account.status());
      assertEquals("/login?next=" + enc("/account/password?next=%2Fconsole%2Fdispatch"), account.header("Location"));
    }
  }

  @Test
  void theWayBackOnlyLeadsToAPathOnThisServer() {
    try (TestServer s = TestServer.start()) {
      for (String hostile : List.of("//evil.example/x", "/\\evil.example", "/\t/evil.example", "https://evil.example",
          "javascript:alert(1)", "JAVASCRIPT:alert(1)", "\\\\evil.example", "/ok\r\nSet-Cookie: x=1", "")) {
        Response login = s.get("/login?next=" + enc(hostile));
        assertEquals("/console", field(login.body(), "next"), hostile);
        String token = field(login.body(), "login_token");
        Response signed = post(s, "/login", "hotline_login=" + token, "username=nobody&password=wrong&login_token="
            + token + "&next=" + enc(hostile));
        assertEquals("/console", field(signed.body(), "next"), "a failed login keeps only a safe way back: " + hostile);
      }
      String token = field(s.get("/login").body(), "login_token");
      // A password page opened with a hostile next ends at home too.
      Response signed = post(s, "/login", "hotline_login=" + token, "username=x&password=y&login_token=" + token
          + "&next=" + enc("//evil.example"));
      assertFalse(signed.body().contains("evil.example"), signed.body());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static Response post(TestServer s, String path, String cookie, String body) {
    return s.send(HttpRequest.newBuilder(URI.create(s.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
        .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    assertTrue(m.find(), name + " in " + html);
    return m.group(1).replace("&amp;", "&").replace("&#61;", "=").replace("&#x3D;", "=");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String cookie(Response r) {
    return r.headers().getOrDefault("set-cookie", List.of()).stream()
        .filter(c -> c.startsWith("hotline_session=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
  }
}
