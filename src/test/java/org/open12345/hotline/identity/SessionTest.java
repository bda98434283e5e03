package org.open12345.hotline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.identity.Staff.Session;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** People sign in, keep a session across instances, and lose it when they should. */
class SessionTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String json(String field, String value) {
    return new JsonObject().put(field, value).encode();
  }

  @Test
  void theOneTimePasswordOpensOnlyThePasswordChangeUntilTheUserSetsTheirOwn() {
    String otp = Staff.create(server, "wang.fang", Role.OPERATOR, null);
    Response login = Staff.login(server, "Wang.Fang", otp);
    assertTrue(login.json().getBoolean("password_change_required"));
    String cookie = login.headers().get("set-cookie").stream().filter(c -> c.startsWith("hotline_session="))
        .findFirst().orElseThrow();
    assertTrue(cookie.contains("HTTPOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), cookie);
    assertFalse(cookie.contains("Secure"), "plain http: no Secure flag");
    Session s = Staff.session(login);

    Response refused = server.get("/api/me", s.headers());
    assertEquals(403, refused.status());
    assertEquals("password_change_required", refused.json().getString("error"));

    Response weak = Staff.changePassword(server, s, otp, "password");
    assertEquals(400, weak.status());
    assertEquals("weak_password", weak.json().getString("error"));
    Response wrong = Staff.changePassword(server, s, "not-the-otp", Staff.PASSWORD);
    assertEquals("wrong_password", wrong.json().getString("error"));
    assertEquals(204, Staff.changePassword(server, s, otp, Staff.PASSWORD).status());

    JsonObject me = server.get("/api/me", s.headers()).json();
    assertEquals("wang.fang", me.getString("name"));
    assertEquals("OPERATOR", me.getString("role"));
    assertEquals(s.csrf(), me.getString("csrf_token"));
    assertEquals("invalid_credentials", Staff.login(server, "wang.fang", otp).json().getString("error"));
    assertEquals(200, Staff.login(server, "wang.fang", Staff.PASSWORD).status());
  }

  @Test
  void aSessionServesEveryInstanceOnTheDatabaseAndALogoutEndsItEverywhere() {
    Session s = Staff.signedIn(server, "zhao.lei", Role.DISPATCHER, null);
    try (TestServer second = TestServer.start(server.database(), Map.of(), Clock.systemUTC())) {
      Response there = second.get("/api/me", s.headers());
      assertEquals(200, there.status(), there.body());
      assertEquals("zhao.lei", there.json().getString("name"));

      assertEquals(204, second.post("/logout", "{}", s.headers()).status());
      Response after = server.get("/api/me", s.headers());
      assertEquals(401, after.status());
      assertEquals("session_invalid", after.json().getString("error"));
      // A replayed logout finds no session: refused in the error shape, nothing else happens.
      Response replay = second.post("/logout", "{}", s.headers());
      assertEquals(401, replay.status());
      assertEquals("session_invalid", replay.json().getString("error"));
    }
  }

  @Test
  void aTamperedOrForeignCookieIs401AndCleared() {
    Session s = Staff.signedIn(server, "sun.li", Role.SUPERVISOR, null);
    char last = s.cookie().charAt(s.cookie().length() - 1);
    String tampered = s.cookie().substring(0, s.cookie().length() - 1) + (last == 'A' ? 'B' : 'A');
    for (String cookie : new String[] {tampered, "not-a-session", s.cookie() + "x", ""}) {
      Response r = server.get("/api/tickets", "Cookie", "hotline_session=" + cookie);
      assertEquals(401, r.status(), cookie);
      assertNotNull(r.json().getString("error"));
      assertNotNull(r.json().getString("message"));
    }
    Response r = server.get("/api/tickets", "Cookie", "hotline_session=" + tampered);
    assertTrue(r.header("set-cookie").startsWith("hotline_session=;"), r.header("set-cookie"));
    assertEquals(200, server.get("/api/tickets", s.headers()).status());
  }

  @Test
  void aSessionChangeWithoutItsCsrfTokenIsRefusedButABearerTokenNeedsNone() {
    Session s = Staff.signedIn(server, "qian.hui", Role.OPERATOR, null);
    String ticket = new JsonObject().put("citizen_phone", "13800138000").put("request_type", "咨询")
        .put("description", "咨询社保卡补办").encode();
    Response none = server.post("/api/tickets", ticket, s.withoutCsrf());
    assertEquals(403, none.status());
    assertEquals("csrf_refused", none.json().getString("error"));
    Response wrong = server.post("/api/tickets", ticket, "Cookie", "hotline_session=" + s.cookie(),
        "X-CSRF-Token", "forged");
    assertEquals("csrf_refused", wrong.json().getString("error"));
    Response logoutWithout = server.post("/logout", "{}", s.withoutCsrf());
    assertEquals(403, logoutWithout.status());
    assertEquals(200, server.get("/api/me", s.withoutCsrf()).status(), "reads need no token; the session lives");

    Response ok = server.post("/api/tickets", ticket, s.headers());
    assertEquals(201, ok.status(), ok.body());
    assertEquals("qian.hui", ok.json().getJsonArray("timeline").getJsonObject(0).getString("actor"));
    String token = Staff.token(server, "cti-qian", Role.OPERATOR, null);
    assertEquals(201, server.post("/api/tickets", ticket, "Authorization", Staff.bearer(token)).status());
  }

  @Test
  void aDisabledUsersLiveSessionEndsAtItsNextRequest() {
    Session s = Staff.signedIn(server, "zhou.min", Role.DISPATCHER, null);
    assertEquals(200, server.get("/api/tickets", s.headers()).status());
    Await.resultOf(Staff.identity(server).accounts().disable("zhou.min", Staff.ADMIN, null));
    Response r = server.get("/api/tickets", s.headers());
    assertEquals(401, r.status());
    Response again = Staff.login(server, "zhou.min", Staff.PASSWORD);
    assertEquals(401, again.status());
    assertEquals("invalid_credentials", again.json().getString("error"));
    Await.resultOf(Staff.identity(server).accounts().enable("zhou.min", Staff.ADMIN, null));
    assertEquals(200, Staff.login(server, "zhou.min", Staff.PASSWORD).status());
  }

  @Test
  void sessionsEndWhenIdleAndAtTheirAbsoluteLimit() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-01T01:00:00Z"));
    try (TestServer timed = TestServer.start(TestDatabase.freshDatabase(), Map.of(
        "identity.session.idle_timeout", "30m", "identity.session.absolute_timeout", "2h"), clock)) {
      Session s = Staff.signedIn(timed, "idle.user", Role.SUPERVISOR, null);
      clock.advance(Duration.ofMinutes(29));
      assertEquals(200, timed.get("/api/me", s.headers()).status());
      clock.advance(Duration.ofMinutes(29));
      assertEquals(200, timed.get("/api/me", s.headers()).status(), "each request restarts the idle clock");
      clock.advance(Duration.ofMinutes(31));
      Response idle = timed.get("/api/me", s.headers());
      assertEquals(401, idle.status());
      assertEquals("session_expired", idle.json().getString("error"));

      Session busy = Staff.session(Staff.login(timed, "idle.user", Staff.PASSWORD));
      for (int i = 1; i <= 4; i++) {
        clock.advance(Duration.ofMinutes(25));
        assertEquals(200, timed.get("/api/me", busy.headers()).status(), "after " + i * 25 + " min");
      }
      clock.advance(Duration.ofMinutes(25));
      Response absolute = timed.get("/api/me", busy.headers());
      assertEquals("session_expired", absolute.json().getString("error"), "125 min after the login, busy or not");
    }
  }

  @Test
  void overHttpsTheCookieIsSecure() {
    try (TestServer https = TestServer.start(TestDatabase.freshDatabase(),
        Map.of("http.public_base_url", "https://12345.example.gov.cn"), Clock.systemUTC())) {
      String otp = Staff.create(https, "secure.user", Role.OPERATOR, null);
      String cookie = Staff.login(https, "secure.user", otp).headers().get("set-cookie").stream()
          .filter(c -> c.startsWith("hotline_session=")).findFirst().orElseThrow();
      assertTrue(cookie.contains("Secure"), cookie);
    }
  }

  @Test
  void theLoginFormSignsInABrowserAndRefusesAPostFromAnotherPage() {
    String otp = Staff.create(server, "form.user", Role.DISPATCHER, null);
    Response page = server.get("/login?next=/api/tickets");
    assertEquals(200, page.status());
    assertTrue(page.header("content-security-policy").contains("frame-ancestors 'none'"));
    Matcher m = Pattern.compile("name=\"login_token\" value=\"([^\"]+)\"").matcher(page.body());
    assertTrue(m.find());
    String token = m.group(1);
    String loginCookie = "hotline_login=" + token;

    Response stale = Staff.form(server, "/login", "username=form.user&password=" + otp + "&login_token=" + token,
        "Accept", "text/html");
    assertEquals(403, stale.status(), "no login cookie: a post from another site");
    assertTrue(stale.body().contains("登录页面已过期"));

    Response bad = Staff.form(server, "/login", "username=form.user&password=wrong&login_token=" + token,
        "Cookie", loginCookie, "Accept", "text/html");
    assertEquals(401, bad.status());
    assertTrue(bad.body().contains("用户名或密码错误"), bad.body());
    assertTrue(bad.body().contains("value=\"form.user\""), "the name stays filled in");

    Response ok = Staff.form(server, "/login", "username=form.user&password=" + otp + "&login_token=" + token
        + "&next=%2Fapi%2Ftickets", "Cookie", loginCookie, "Accept", "text/html");
    assertEquals(303, ok.status());
    assertEquals("/account/password?next=%2Fapi%2Ftickets", ok.header("location"),
        "the one-time password must be changed first, then on to the page asked for");
    String session = ok.headers().get("set-cookie").stream().filter(c -> c.startsWith("hotline_session="))
        .findFirst().orElseThrow();
    String cookie = session.substring(0, session.indexOf(';'));

    Response form = server.get("/account/password", "Cookie", cookie);
    assertEquals(200, form.status());
    assertTrue(form.body().contains("一次性密码"));
    Matcher csrf = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"").matcher(form.body());
    assertTrue(csrf.find());
    Response mismatch = Staff.form(server, "/account/password", "csrf_token=" + csrf.group(1) + "&current_password="
        + otp + "&new_password=Abcdefg1%21&confirm_password=Abcdefg2%21", "Cookie", cookie, "Accept", "text/html");
    assertEquals(400, mismatch.status());
    assertTrue(mismatch.body().contains("两次输入的新密码不一致"));
    Response forged = Staff.form(server, "/account/password", "current_password=" + otp
        + "&new_password=Abcdefg1%21&confirm_password=Abcdefg1%21", "Cookie", cookie, "Accept", "text/html");
    assertEquals(403, forged.status());
    Response changed = Staff.form(server, "/account/password", "csrf_token=" + csrf.group(1) + "&current_password="
        + otp + "&new_password=Abcdefg1%21&confirm_password=Abcdefg1%21", "Cookie", cookie, "Accept", "text/html");
    assertEquals(303, changed.status(), changed.body());
    Response account = server.get("/account", "Cookie", cookie);
    assertTrue(account.body().contains("form.user") && account.body().contains("派单员"), account.body());

    Response out = Staff.form(server, "/logout", "csrf_token=" + csrf.group(1), "Cookie", cookie, "Accept",
        "text/html");
    assertEquals(303, out.status());
    assertEquals("/login?signed_out", out.header("location"));
    Response gone = server.get("/account", "Cookie", cookie);
    assertEquals(303, gone.status());
    assertEquals("/login?next=%2Faccount", gone.header("location"));
  }

  @Test
  void aNextParameterNeverLeadsOffTheServer() {
    assertEquals("/console", LoginRoutes.safeNext("//evil.example/x"));
    assertEquals("/console", LoginRoutes.safeNext("https://evil.example"));
    assertEquals("/console", LoginRoutes.safeNext("/\\evil.example"));
    assertEquals("/console", LoginRoutes.safeNext(null));
    assertEquals("/api/tickets?status=SIGNED", LoginRoutes.safeNext("/api/tickets?status=SIGNED"));
    assertNotEquals("/x\r\nSet-Cookie: a=b", LoginRoutes.safeNext("/x\r\nSet-Cookie: a=b"));
  }
}
