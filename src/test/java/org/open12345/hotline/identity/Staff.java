package org.open12345.hotline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** Accounts and sign-ins for the identity tests, through the real services and HTTP routes. */
final class Staff {
  static final String PASSWORD = "Sp3cial-Pass!";
  static final Actor ADMIN = new Actor("test-admin", Role.ADMIN, null);

  /** A signed-in browser: its session cookie and CSRF token. */
  record Session(String cookie, String csrf) {
    String[] headers() {
      return new String[] {"Cookie", "hotline_session=" + cookie, "X-CSRF-Token", csrf};
    }

    String[] withoutCsrf() {
      return new String[] {"Cookie", "hotline_session=" + cookie};
    }
  }

  private Staff() {}

  static IdentityFeature identity(TestServer server) {
    return server.server().features().identity;
  }

  /** A new account; returns its one-time password. */
  static String create(TestServer server, String name, Role role, String department) {
    return Await.resultOf(identity(server).accounts().create(name, role, department, ADMIN, null)).secret();
  }

  static String token(TestServer server, String name, Role role, String department) {
    return Await.resultOf(identity(server).tokens().create(name, role, department, null, ADMIN, null)).secret();
  }

  static Response login(TestServer server, String name, String password, String... headers) {
    return server.post("/login", new JsonObject().put("username", name).put("password", password).encode(), headers);
  }

  static Session session(Response login) {
    assertEquals(200, login.status(), login.body());
    String setCookie = login.headers().get("set-cookie").stream().filter(c -> c.startsWith("hotline_session="))
        .findFirst().orElseThrow();
    return new Session(setCookie.substring("hotline_session=".length(), setCookie.indexOf(';')),
        login.json().getString("csrf_token"));
  }

  /** An account that has set its own password ({@link #PASSWORD}), signed in. */
  static Session signedIn(TestServer server, String name, Role role, String department) {
    String otp = create(server, name, role, department);
    Session s = session(login(server, name, otp));
    Response changed = changePassword(server, s, otp, PASSWORD);
    assertEquals(204, changed.status(), changed.body());
    return s;
  }

  static Response changePassword(TestServer server, Session s, String current, String next) {
    return server.post("/account/password", new JsonObject().put("current_password", current)
        .put("new_password", next).encode(), s.headers());
  }

  static Response form(TestServer server, String path, String form, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    return server.send(b, headers);
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }
}
