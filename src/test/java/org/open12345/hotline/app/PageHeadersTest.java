package org.open12345.hotline.app;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * Every HTML page of the server, public and staff, answered with the strict headers: a
 * Content-Security-Policy without {@code 'unsafe-inline'} or {@code 'unsafe-eval'} that forbids
 * framing, {@code X-Content-Type-Options: nosniff}; and no inline style or script in the page
 * itself (the policy would block it, so it would be a broken page). The list of pages is checked
 * against the routes the features actually mount, so a new page cannot be left out silently.
 */
class PageHeadersTest {
  static final String[] OPERATOR = person("hdr.op", "OPERATOR");
  static final String[] DISPATCHER = person("hdr.disp", "DISPATCHER");
  static final String[] SUPERVISOR = person("hdr.sup", "SUPERVISOR");
  static final String[] ADMIN = person("hdr.admin", "ADMIN");
  static final String[] POWER = {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.power",
      "X-Hotline-User", "hdr.power"};
  /** Routes on the root router that answer no HTML page (assets, streams, machines' endpoints). */
  static final List<String> NOT_PAGES = List.of("/api/", "/webhooks/", "/health", "/ready", "/metrics",
      "/console/static/", "/console/assets/", "/favicon.ico", "/console/events", "/open311/", "/sms/", "/voice/");
  static final Pattern INLINE_HANDLER = Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
  static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
  static TestServer server;
  static String number;
  static final Set<String> covered = new LinkedHashSet<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13600000901")
        .put("citizen_name", "赵先生").put("request_type", "投诉").put("category_code", "020201")
        .put("description", "小区停电一整天，物业不知道什么时候恢复"), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    number = r.json().getString("number");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyPageSendsTheStrictHeadersAndHasNoInlineCode() {
    List<String> problems = new ArrayList<>();
    // Public pages.
    page(problems, "/complaint", "/complaint", 200);
    page(problems, "/complaint/status", "/complaint/status?number=1", 200);
    page(problems, "/login", "/login?next=%2Fconsole%2Fdispatch", 200);
    form(problems, "/complaint", "phone=1&description=x", 400);
    form(problems, "/complaint", "phone=13600000902&request_type=%E6%8A%95%E8%AF%89&description="
        + "%E6%A5%BC%E4%B8%8B%E7%83%A7%E7%83%A4%E5%BA%97%E6%AF%8F%E6%99%9A%E8%90%A5%E4%B8%9A%E5%88%B0%E5%87%8C%E6%99%A8",
        200);
    form(problems, "/complaint/status", "number=19990101000001&code=NOPE", 404);
    form(problems, "/complaint/rating", "number=19990101000001&code=NOPE&level=SATISFIED", 404);
    // Staff pages, each as a role it is for.
    page(problems, "/account", "/account", 200, OPERATOR);
    page(problems, "/account/password", "/account/password", 200, OPERATOR);
    page(problems, "/console", "/console", 200, DISPATCHER);
    page(problems, "/console/operator", "/console/operator", 200, OPERATOR);
    page(problems, "/console/operator/caller", "/console/operator/caller?phone=13600000901", 200, OPERATOR);
    page(problems, "/console/operator/callbacks", "/console/operator/callbacks", 200, OPERATOR);
    page(problems, "/console/dispatch", "/console/dispatch", 200, DISPATCHER);
    page(problems, "/console/dispatch/lists", "/console/dispatch/lists", 200, DISPATCHER);
    page(problems, "/console/dispatch/tree", "/console/dispatch/tree?for=1", 200, DISPATCHER);
    page(problems, "/console/department", "/console/department", 200, POWER);
    page(problems, "/console/department/cases", "/console/department/cases", 200, POWER);
    page(problems, "/console/department/appeals", "/console/department/appeals", 200, POWER);
    page(problems, "/console/department/co", "/console/department/co", 200, POWER);
    page(problems, "/console/supervisor", "/console/supervisor", 200, SUPERVISOR);
    page(problems, "/console/supervisor/figures", "/console/supervisor/figures", 200, SUPERVISOR);
    page(problems, "/console/supervisor/cases", "/console/supervisor/cases", 200, SUPERVISOR);
    page(problems, "/console/supervisor/appeals", "/console/supervisor/appeals", 200, SUPERVISOR);
    page(problems, "/console/admin", "/console/admin", 200, ADMIN);
    page(problems, "/console/admin/users", "/console/admin/users", 200, ADMIN);
    page(problems, "/console/admin/tokens", "/console/admin/tokens", 200, ADMIN);
    page(problems, "/console/admin/system", "/console/admin/system", 200, ADMIN);
    page(problems, "/tickets/:number", "/tickets/" + number, 200, DISPATCHER);
    // The message pages: not found, not for this role.
    page(problems, "/tickets/:number", "/tickets/19990101000001", 404, DISPATCHER);
    page(problems, "/console/admin/users", "/console/admin/users", 403, OPERATOR);
    assertEquals(List.of(), problems);
  }

  @Test
  void theListAboveCoversEveryPageTheFeaturesMount() {
    everyPageSendsTheStrictHeadersAndHasNoInlineCode();
    Router root = Router.router(server.server().vertx());
    server.server().features().mount(server.server().vertx(), root, Router.router(server.server().vertx()));
    Set<String> missing = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    for (Route route : root.getRoutes()) {
      String path = route.getPath();
      boolean get = route.methods() == null || route.methods().isEmpty()
          || route.methods().stream().anyMatch(m -> m.name().equals("GET"));
      if (path == null || !get || NOT_PAGES.stream().anyMatch(path::startsWith)) {
        continue;
      }
      String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      seen.add(trimmed);
      if (!covered.contains(trimmed)) {
        missing.add(trimmed);
      }
    }
    assertTrue(seen.containsAll(Set.of("/complaint", "/login", "/tickets/:number", "/console/dispatch")), seen.toString());
    assertEquals(Set.of(), missing, "pages the header test does not request");
  }

  private static void page(List<String> problems, String route, String path, int status, String... who) {
    covered.add(route);
    Response r = server.get(path, who);
    for (int hop = 0; hop < 3 && r.status() == 303; hop++) {
      String location = r.header("Location");
      check(problems, "GET " + path + " (redirect)", r, 303);
      r = server.get(location, who);
      path = location;
    }
    check(problems, "GET " + path, r, status);
  }

  private static void form(List<String> problems, String route, String body, int status) {
    covered.add(route);
    Response r = server.send(HttpRequest.newBuilder(URI.create(server.url(route)))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    check(problems, "POST " + route, r, status);
  }

  private static void check(List<String> problems, String what, Response r, int status) {
    if (r.status() != status) {
      problems.add(what + ": status " + r.status() + " instead of " + status);
    }
    if (!"nosniff".equals(r.header("X-Content-Type-Options"))) {
      problems.add(what + ": no X-Content-Type-Options: nosniff");
    }
    if (status == 303) {
      return;
    }
    String type = r.header("Content-Type");
    if (type == null || !type.startsWith("text/html")) {
      problems.add(what + ": not an HTML page: " + type);
      return;
    }
    String csp = r.header("Content-Security-Policy");
    if (csp == null) {
      problems.add(what + ": no Content-Security-Policy");
    } else {
      if (csp.contains("'unsafe-inline'") || csp.contains("'unsafe-eval'") || csp.contains("*")) {
        problems.add(what + ": a loose policy: " + csp);
      }
      if (!csp.contains("frame-ancestors 'none'") || !csp.contains("default-src 'none'")) {
        problems.add(what + ": the policy does not forbid by default and framing: " + csp);
      }
    }
    String body = r.body();
    if (body.contains("<style") || body.contains(" style=\"") || INLINE_SCRIPT.matcher(body).find()
        || INLINE_HANDLER.matcher(body).find()) {
      problems.add(what + ": inline style or script in the page");
    }
  }

  private static String[] person(String name, String role) {
    return new String[] {"X-Hotline-Role", role, "X-Hotline-User", name};
  }
}
