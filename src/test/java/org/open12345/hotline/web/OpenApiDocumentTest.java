package org.open12345.hotline.web;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.AccessRules;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.testing.ApiContract;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.ContractDocument;
import org.open12345.hotline.testing.TestServer;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class OpenApiDocumentTest {

  /**
   * The document is a valid OpenAPI 3.1 contract (Vert.x checks it against the OpenAPI schema
   * while loading it), has none of the mistakes that schema lets pass, and declares the security
   * schemes staff operations need. Every test's real answers are checked against it by {@link TestServer}.
   */
  @Test
  void theDocumentIsAValidContract() {
    assertEquals(List.of(), ContractDocument.load().problems());
    ApiContract contract = ApiContract.get();
    assertArrayEquals(new String[] {"/api/tickets/{number}", "getTicket"}, contract.operation("GET", "/api/tickets/1"));
    assertArrayEquals(new String[] {"/open311/v2/requests/{id}.json", "open311Request"},
        contract.operation("GET", "/open311/v2/requests/20261127000001.json"));
    assertArrayEquals(new String[] {"/open311/v2/requests/{id}.xml", "open311RequestXml"},
        contract.operation("GET", "/open311/v2/requests/20261127000001.xml"));
    assertNull(contract.operation("GET", "/open311/v2/requests/20261127000001.csv"));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> schemes = (Map<String, Map<String, Object>>) ((Map<String, Object>)
        ContractDocument.load().raw().get("components")).get("securitySchemes");
    assertEquals(Map.of("type", "http", "scheme", "bearer"), subset(schemes.get("bearerAuth"), "type", "scheme"));
    assertEquals(Map.of("type", "apiKey", "in", "cookie", "name", "hotline_session"),
        subset(schemes.get("sessionCookie"), "type", "in", "name"));
  }

  /** An answer the document does not describe is caught: a wrong field type, an undocumented status. */
  @Test
  void anAnswerTheDocumentDoesNotDescribeIsCaught() {
    ApiContract c = ApiContract.get();
    String ticket = "{\"number\":\"1\",\"status\":\"SIGNED\",\"steps\":[],\"pause_requests\":[],\"extensions\":[],\"deadlines\":[]}";
    assertEquals(List.of(), c.check(new ApiContract.Exchange("GET", "/api/tickets/1/deadlines", null, null, 200,
        "application/json; charset=utf-8", ticket)));
    List<String> wrongType = c.check(new ApiContract.Exchange("GET", "/api/tickets/1/deadlines", null, null, 200,
        "application/json", ticket.replace("[],\"deadlines", "{},\"deadlines")));
    assertEquals(1, wrongType.size(), wrongType.toString());
    assertTrue(wrongType.get(0).contains("#/extensions"), wrongType.toString());
    List<String> extra = c.check(new ApiContract.Exchange("GET", "/api/tickets/1/deadlines", null, null, 200,
        "application/json", ticket.replace("{", "{\"surprise\":1,")));
    assertTrue(extra.toString().contains("surprise"), extra.toString());
    List<String> status = c.check(new ApiContract.Exchange("GET", "/api/tickets/1/deadlines", null, null, 418,
        "application/json", "{}"));
    assertTrue(status.get(0).startsWith("status 418 is not documented for getTicketDeadlines"), status.toString());
    List<String> undocumented = c.check(new ApiContract.Exchange("GET", "/api/nowhere", null, null, 200,
        "application/json", "{}"));
    assertEquals(1, undocumented.size(), undocumented.toString());
    List<String> request = c.check(new ApiContract.Exchange("POST", "/api/tickets/1/clock/pause", "application/json",
        "{\"reason\":7}", 200, "application/json",
        "{\"number\":\"1\",\"paused\":true,\"deadlines\":{}}"));
    assertTrue(request.toString().contains("request does not match"), request.toString());
  }

  private static Map<String, Object> subset(Map<String, Object> m, String... keys) {
    Map<String, Object> out = new java.util.HashMap<>();
    for (String k : keys) {
      out.put(k, m.get(k));
    }
    return out;
  }

  /** Every documented path answers something other than "no route" (the document does not lie). */
  @Test
  void theServedDocumentParsesAndEveryPathInItExists() {
    try (TestServer s = TestServer.start()) {
      var r = s.get("/api/openapi.yaml");
      assertEquals(200, r.status());
      assertTrue(r.header("Content-Type").startsWith("application/yaml"));
      @SuppressWarnings("unchecked")
      Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(r.body());
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
      assertTrue(paths.size() >= 30, "paths documented: " + paths.keySet());
      Pattern param = Pattern.compile("\\{[^}]+}");
      for (var e : paths.entrySet()) {
        Matcher m = param.matcher(e.getKey());
        String concrete = m.replaceAll(x -> x.group().equals("{decision}") ? "approve"
            : x.group().equals("{action}") ? "sign" : x.group().equals("{provider}") ? "generic" : "1");
        for (String method : e.getValue().keySet()) {
          // As a role the access table admits: a route without a line answers "no route" to it too.
          String[] as = AccessRules.table().find(method, e.getKey()).filter(l -> !l.open())
              .map(l -> l.roles().iterator().next())
              .map(role -> role == Role.DEPARTMENT ? As.department("hhht.heating")
                  : new String[] {"X-Hotline-Role", role.name()})
              .orElse(new String[0]);
          TestServer.Response got = method.equals("get") ? s.get(concrete, as) : s.post(concrete, "{}", as);
          boolean noRoute = got.status() == 404 && got.body().contains("\"no route ");
          assertFalse(noRoute, method.toUpperCase() + " " + e.getKey() + " is documented but not served");
        }
      }
    }
  }
}
