package org.open12345.hotline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.AccessRules;
import org.open12345.hotline.auth.AccessTable;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every operation of the OpenAPI document × {anonymous, each role, a department user of another
 * department} against the access table: a staff route without a line fails here, and so does any
 * answer that disagrees with its line.
 */
class AuthorizationMatrixTest {
  /** Outside /api and /metrics: public pages and endpoints with guards of their own (or none). */
  private static final List<String> OUTSIDE_THE_TABLE = List.of("/health", "/ready", "/webhooks/", "/complaint",
      "/open311/", "/login", "/logout", "/account");
  /** Codes only the access layer answers (its role refusal is told by details.route). */
  private static final Set<String> ACCESS_CODES = Set.of("unauthenticated", "invalid_token",
      "password_change_required", "department_unknown", "csrf_refused");
  private static final String OWN = "hhht.heating";
  private static final String OTHER = "hhht.power";

  static TestServer server;
  static String ticket;
  static final Map<String, String[]> callers = new LinkedHashMap<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    callers.put("anonymous", new String[0]);
    for (Role r : List.of(Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN, Role.METRICS)) {
      callers.put(r.name(), bearer(Staff.token(server, "matrix-" + r.name().toLowerCase(), r, null)));
    }
    callers.put("DEPARTMENT", bearer(Staff.token(server, "matrix-own", Role.DEPARTMENT, OWN)));
    callers.put("DEPARTMENT(other)", bearer(Staff.token(server, "matrix-other", Role.DEPARTMENT, OTHER)));
    // A heating complaint: routed to hhht.heating on creation.
    Response created = server.post("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
        .put("request_type", "投诉").put("category_code", "020301").put("description", "暖气不热").encode(),
        callers.get("OPERATOR"));
    assertEquals(201, created.status(), created.body());
    ticket = created.json().getString("number");
    assertEquals(OWN, created.json().getString("department_id"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  private record Operation(String method, String path) {}

  @SuppressWarnings("unchecked")
  private static List<Operation> documented() throws Exception {
    Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(Path.of("src/main/resources/openapi.yaml")));
    List<Operation> out = new ArrayList<>();
    ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, ops) -> ops.keySet().stream()
        .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
        .forEach(m -> out.add(new Operation(m.toUpperCase(), path))));
    return out;
  }

  private static String concrete(String pattern) {
    Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pattern);
    return m.replaceAll(x -> switch (x.group(1)) {
      case "number" -> ticket;
      case "action" -> "contact";
      case "decision" -> "approve";
      case "phone" -> "13800138000";
      case "provider" -> "generic";
      case "name" -> "nobody-here";
      default -> "999999";
    });
  }

  private static Response send(Operation op, String path, String[] headers) {
    return op.method().equals("GET") ? server.get(path, headers) : server.post(path, "{}", headers);
  }

  private static boolean isAccessCode(String code) {
    return code != null && ACCESS_CODES.contains(code);
  }

  /** A 403 of the access table (not one of a service): it names the route's line. */
  private static boolean refusedByTable(Response r) {
    try {
      return r.status() == 403 && "forbidden_action".equals(r.json().getString("error"))
          && r.json().getJsonObject("details") != null && r.json().getJsonObject("details").containsKey("route");
    } catch (RuntimeException notJson) {
      return false;
    }
  }

  private static String code(Response r) {
    try {
      return r.json().getString("error");
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  @Test
  void everyDocumentedStaffRouteHasALineAndEveryLineIsDocumented() throws Exception {
    List<Operation> ops = documented();
    for (Operation op : ops) {
      boolean outside = OUTSIDE_THE_TABLE.stream().anyMatch(op.path()::startsWith);
      boolean lined = AccessRules.table().find(op.method(), op.path()).map(l -> l.pattern().equals(op.path()))
          .orElse(false);
      assertTrue(outside != lined, op + (outside ? " is outside the table but has a line" : " has no access line"));
    }
    for (AccessTable.Line l : AccessRules.table().lines()) {
      assertTrue(ops.contains(new Operation(l.method(), l.pattern())) || l.pattern().equals("/api/openapi.yaml"),
          l.method() + " " + l.pattern() + " has a line but is not in openapi.yaml");
    }
  }

  @Test
  void everyCallerGetsWhatItsLineSays() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Operation op : documented()) {
      AccessTable.Line line = AccessRules.table().find(op.method(), op.path()).orElse(null);
      if (line == null) {
        continue;
      }
      String path = concrete(op.path());
      for (var caller : callers.entrySet()) {
        Response r = send(op, path, caller.getValue());
        String code = code(r);
        String who = caller.getKey();
        Role role = who.equals("anonymous") ? null : Role.valueOf(who.replace("(other)", ""));
        String expected;
        if (line.open()) {
          expected = "not refused by access";
          if (isAccessCode(code) || refusedByTable(r)) {
            wrong.add(op + " as " + who + ": " + r.status() + " " + code + ", expected " + expected);
          }
          continue;
        }
        if (role == null) {
          if (r.status() != 401 || !"unauthenticated".equals(code)) {
            wrong.add(op + " anonymous: " + r.status() + " " + r.body());
          }
        } else if (!line.roles().contains(role)) {
          if (!refusedByTable(r)) {
            wrong.add(op + " as " + who + ": " + r.status() + " " + r.body() + ", expected the table's 403");
          }
        } else if (isAccessCode(code) || refusedByTable(r) || r.status() == 401) {
          wrong.add(op + " as " + who + ": " + r.status() + " " + r.body() + ", expected to be let through");
        } else if (who.equals("DEPARTMENT(other)") && op.path().contains("{number}")) {
          // Another department's ticket answers exactly as a ticket that does not exist.
          Response missing = send(op, path.replace(ticket, "20000101999999"), caller.getValue());
          if (r.status() != missing.status() || !java.util.Objects.equals(code, code(missing))) {
            wrong.add(op + " as " + who + ": " + r.status() + " " + code + ", but " + missing.status() + " "
                + code(missing) + " for a ticket that does not exist");
          }
        }
      }
    }
    if (!wrong.isEmpty()) {
      fail(wrong.size() + " answers disagree with the access table:\n  " + String.join("\n  ", wrong));
    }
  }

  @Test
  void anAuthenticatedCallerMeetsAnUnknownRouteAsUnknown() {
    Response r = server.get("/api/no-such-thing", callers.get("ADMIN"));
    assertEquals(404, r.status());
    assertEquals("not_found", code(r));
    assertEquals(401, server.get("/api/no-such-thing").status(), "the anonymous learn nothing about routes");
    assertNotEquals(401, server.get("/api/openapi.yaml").status());
  }
}
