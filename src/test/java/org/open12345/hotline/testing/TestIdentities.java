package org.open12345.hotline.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.identity.IdentityFeature;

/**
 * Turns the test shorthand headers {@code X-Hotline-Role}, {@code X-Hotline-Department} and
 * {@code X-Hotline-User} (which the server no longer reads) into real credentials, made on the
 * fly through the identity feature and the real database:
 * <ul>
 *   <li>with {@code X-Hotline-User}: an account of that name, signed in through {@code POST /login}
 *       (its one-time password replaced through {@code POST /account/password}); requests carry its
 *       session cookie and CSRF token, and ticket events name the user;
 *   <li>otherwise: an API token for that role (and department), sent as {@code Authorization: Bearer}.
 * </ul>
 * A role no account or token may have (SYSTEM, CITIZEN, a typo) gets no credentials: the request
 * goes out anonymous, as an attacker's would.
 */
final class TestIdentities {
  static final String NEW_PASSWORD = "Test-Passw0rd!";
  private final IdentityFeature identity;
  private final HttpClient http;
  private final String baseUrl;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();
  private final String suffix = Long.toHexString(System.nanoTime() & 0xffffff);

  TestIdentities(IdentityFeature identity, HttpClient http, String baseUrl) {
    this.identity = identity;
    this.http = http;
    this.baseUrl = baseUrl;
  }

  /** The request headers with the shorthand ones replaced by credentials. */
  String[] translate(String... headers) {
    String role = null;
    String user = null;
    String department = null;
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      switch (headers[i]) {
        case "X-Hotline-Role" -> role = headers[i + 1];
        case "X-Hotline-User" -> user = headers[i + 1];
        case "X-Hotline-Department" -> department = headers[i + 1];
        default -> {
          out.add(headers[i]);
          out.add(headers[i + 1]);
        }
      }
    }
    if (role == null && user == null) {
      return headers;
    }
    Role r = role == null ? Role.OPERATOR : Role.parse(role);
    boolean usable = r != null && (user == null ? Role.FOR_TOKENS : Role.FOR_USERS).contains(r);
    if (usable) {
      String u = user;
      String d = department;
      out.addAll(cache.computeIfAbsent(r + "|" + d + "|" + u, k -> u == null ? token(r, d) : session(u, r, d)));
    }
    return out.toArray(String[]::new);
  }

  private List<String> token(Role role, String department) {
    // Several test servers may share a database: each names its tokens apart.
    String name = ("test-" + role.name() + (department == null ? "" : "-" + department) + "-" + suffix)
        .toLowerCase(Locale.ROOT);
    String token = Await.resultOf(identity.tokens().create(name, role, department, null, admin(), null)).secret();
    return List.of("Authorization", "Bearer " + token);
  }

  private List<String> session(String user, Role role, String department) {
    String name = user.toLowerCase(Locale.ROOT);
    // Another test server on the same database may have made this account already: take it over.
    String password = Await.resultOf(identity.accounts().create(name, role, department, admin(), null)
        .recover(taken -> identity.accounts().changeRole(name, role, department, admin(), null)
            .compose(v -> identity.accounts().resetPassword(name, admin(), null)))).secret();
    JsonObject login = post("/login", null, null, new JsonObject().put("username", name).put("password", password));
    String cookie = "hotline_session=" + login.getString("session");
    post("/account/password", cookie, login.getString("csrf_token"),
        new JsonObject().put("current_password", password).put("new_password", NEW_PASSWORD));
    return List.of("Cookie", cookie, "X-CSRF-Token", login.getString("csrf_token"));
  }

  private JsonObject post(String path, String cookie, String csrf, JsonObject body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (cookie != null) {
      b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 300) {
        throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
      }
      JsonObject json = r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body());
      r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("hotline_session="))
          .findFirst().ifPresent(c -> json.put("session", c.substring("hotline_session=".length(), c.indexOf(';'))));
      return json;
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Who creates the test's accounts and tokens (as the command line does). */
  static Actor admin() {
    return new Actor("test-harness", Role.ADMIN, null);
  }
}
