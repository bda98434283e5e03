package org.open12345.hotline.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.deadline.ManualClock;
import org.open12345.hotline.identity.Staff.Session;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestDatabase;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * A department sees its own sub-tree's tickets and nothing else, whichever list or detail it
 * asks; a confidential requester's contacts stay masked for it until it reveals them, on record.
 */
class DepartmentScopeTest {
  // Mon 2026-03-02 10:00 in Beijing.
  static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
  static final ManualClock clock = new ManualClock(MONDAY_10);
  static TestServer server;
  static String heating;
  static String power;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> config = new java.util.HashMap<>(IntakeTesting.config());
    config.put("escalation.scheduler_enabled", "false");
    config.put("outbox.relay_enabled", "false");
    server = TestServer.start(TestDatabase.freshDatabase(), config, clock);
    heating = created(ticket("020301", "暖气不热，室温只有12度"));
    power = created(ticket("020201", "小区停电三个小时了"));
    // Three days on, both are overdue and their ladders have fired.
    clock.advance(Duration.ofDays(3));
    Await.result(server.server().features().escalation.scheduler().drain(clock.instant()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonObject ticket(String category, String description) {
    return new JsonObject().put("citizen_phone", "13912345678").put("citizen_name", "张三丰")
        .put("request_type", "投诉").put("category_code", category).put("description", description);
  }

  static String created(JsonObject draft) {
    Response r = server.postJson("/api/tickets", draft, As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    return r.json().getString("number");
  }

  static long idOf(String number) throws Exception {
    var db = server.database();
    try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        var st = c.prepareStatement("SELECT id FROM tickets WHERE number = ?")) {
      st.setString(1, number);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static Set<String> numbers(Response r, String field) {
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString(field))
        .collect(Collectors.toSet());
  }

  /** The departments of a list's items. */
  static Set<String> departments(Response r) {
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("department_id"))
        .collect(Collectors.toSet());
  }

  @Test
  void aDepartmentsUserAndTokenSeeNoneOfAnotherDepartmentsTicketsInAnyListOrDetail() throws Exception {
    assertTrue(numbers(server.get("/api/tickets", As.DISPATCHER), "number").containsAll(Set.of(heating, power)));
    assertEquals(Set.of("hhht.heating", "hhht.power"), departments(server.get("/api/deadlines/overdue",
        As.SUPERVISOR)));
    Session user = Staff.signedIn(server, "heating.staff", Role.DEPARTMENT, "hhht.heating");
    String token = Staff.token(server, "heating-oa", Role.DEPARTMENT, "hhht.heating");
    for (String[] heatingSide : List.of(user.headers(), new String[] {"Authorization", Staff.bearer(token)})) {
      Set<String> heatingOnly = Set.of("hhht.heating");
      assertTrue(numbers(server.get("/api/tickets?size=200", heatingSide), "number").contains(heating));
      assertEquals(heatingOnly, departments(server.get("/api/tickets?size=200", heatingSide)));
      assertEquals(Set.of(), numbers(server.get("/api/tickets?department=hhht.power", heatingSide), "number"));
      assertEquals(Set.of(heating), numbers(server.get("/api/deadlines/overdue", heatingSide), "number"));
      assertEquals(Set.of(heating), numbers(server.get("/api/tickets?overdue=true", heatingSide), "number"));
      assertEquals(Set.of(heating), numbers(server.get("/api/escalations?size=500", heatingSide), "number"));
      assertEquals(heatingOnly, departments(server.get("/api/escalations?size=500", heatingSide)));
      assertEquals(200, server.get("/api/tickets/" + heating, heatingSide).status());
      assertEquals(200, server.get("/api/tickets/" + heating + "/deadlines", heatingSide).status());
      assertEquals(200, server.get("/api/outbox?ticket_id=" + idOf(heating), heatingSide).status());

      for (Response r : List.of(server.get("/api/tickets/" + power, heatingSide),
          server.get("/api/tickets/" + power + "/deadlines", heatingSide),
          server.get("/api/outbox?ticket_id=" + idOf(power), heatingSide),
          server.post("/api/tickets/" + power + "/actions/sign", "", heatingSide),
          server.post("/api/tickets/" + power + "/extensions", new JsonObject().put("days", 3)
              .put("reason", "需要协调").encode(), heatingSide),
          server.post("/api/tickets/" + power + "/pause-requests", new JsonObject().put("reason", "FORCE_MAJEURE")
              .encode(), heatingSide),
          server.post("/api/tickets/" + power + "/reveal", new JsonObject().put("reason", "核实").encode(),
              heatingSide))) {
        assertEquals(404, r.status(), r.body());
        assertFalse(r.body().contains("hhht.power"), "nothing about the other ticket leaks: " + r.body());
      }
      assertEquals(400, server.get("/api/outbox", heatingSide).status(), "a department lists one ticket's messages");
    }
  }

  @Test
  void aParentDepartmentSeesItsUnitsTicketsButDoesNotActForThem() {
    String[] city = As.department("hhht");
    Set<String> seen = numbers(server.get("/api/tickets?size=200", city), "number");
    assertTrue(seen.containsAll(Set.of(heating, power)), seen.toString());
    Response sign = server.post("/api/tickets/" + heating + "/actions/sign", "", city);
    assertEquals(403, sign.status(), sign.body());
    assertEquals("not_your_ticket", sign.json().getString("error"));
    String[] county = As.department("hhht.xincheng");
    assertFalse(numbers(server.get("/api/tickets?size=200", county), "number").contains(heating));
  }

  @Test
  void aConfidentialTicketShowsItsDepartmentMaskedContactsUntilARevealThatIsLogged() {
    String number = created(ticket("020301", "楼道暖气漏水，请保密我的信息，张三丰，电话13912345678")
        .put("confidential", true));
    String[] heatingSide = As.department("hhht.heating");
    JsonObject seen = server.get("/api/tickets/" + number, heatingSide).json();
    assertEquals("139****5678", seen.getString("citizen_phone"));
    assertEquals("张**", seen.getString("citizen_name"));
    assertTrue(seen.getBoolean("contacts_masked"));
    assertTrue(seen.getBoolean("confidential"));
    assertFalse(seen.encode().contains("13912345678") || seen.encode().contains("张三丰"), seen.encode());
    JsonObject listed = server.get("/api/tickets?size=200", heatingSide).json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(t -> t.getString("number").equals(number)).findFirst().orElseThrow();
    assertEquals("139****5678", listed.getString("citizen_phone"));
    assertFalse(numbers(server.get("/api/tickets?phone=13912345678", heatingSide), "number").contains(number),
        "a department cannot find it by the phone either");
    JsonArray messages = server.get("/api/outbox?ticket_id=" + uncheckedId(number), heatingSide).json()
        .getJsonArray("items");
    assertFalse(messages.encode().contains("13912345678"), messages.encode());

    JsonObject centre = server.get("/api/tickets/" + number, As.DISPATCHER).json();
    assertEquals("13912345678", centre.getString("citizen_phone"));
    assertNull(centre.getValue("contacts_masked"));

    assertEquals(400, server.post("/api/tickets/" + number + "/reveal", "{}", heatingSide).status());
    Response revealed = server.post("/api/tickets/" + number + "/reveal",
        new JsonObject().put("reason", "需上门核实漏水位置").encode(), heatingSide);
    assertEquals(200, revealed.status(), revealed.body());
    assertEquals("13912345678", revealed.json().getString("citizen_phone"));
    assertEquals("张三丰", revealed.json().getString("citizen_name"));
    assertEquals("no-store", revealed.header("cache-control"));
    JsonArray timeline = server.get("/api/tickets/" + number, As.DISPATCHER).json().getJsonArray("timeline");
    JsonObject event = timeline.getJsonObject(timeline.size() - 1);
    assertEquals("REVEAL_CONTACT", event.getString("action"));
    assertEquals("DEPARTMENT", event.getString("role"));
    assertTrue(event.getString("actor").startsWith("token:"), event.encode());
    assertEquals("需上门核实漏水位置", event.getJsonObject("details").getString("reason"));
    JsonObject logged = server.get("/api/security-events?kind=reveal&subject=" + number, As.ADMIN).json()
        .getJsonArray("items").getJsonObject(0);
    assertEquals(event.getString("actor"), logged.getString("actor"));
    assertEquals("需上门核实漏水位置", logged.getJsonObject("details").getString("reason"));
    assertEquals("139****5678", server.get("/api/tickets/" + number, heatingSide).json().getString("citizen_phone"),
        "a reveal answers once; the ticket stays masked");
  }

  @Test
  void theWebFormAndTheComplaintApiOfferConfidentiality() {
    String form = "phone=13700000077&name=%E6%9D%8E%E5%9B%9B&confidential=on"
        + "&description=%E8%B7%AF%E7%81%AF%E5%9D%8F%E4%BA%86%E5%BE%88%E4%B9%85";
    Response page = server.send(HttpRequest.newBuilder(URI.create(server.url("/complaint")))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    assertEquals(200, page.status(), page.body());
    assertTrue(server.get("/complaint").body().contains("对承办单位保密我的联系方式"));
    Response api = server.post("/api/complaints", new JsonObject().put("phone", "13700000078")
        .put("description", "噪音扰民很久了").put("confidential", true).encode());
    assertEquals(201, api.status(), api.body());
    for (String phone : List.of("13700000077", "13700000078")) {
      JsonObject t = server.get("/api/tickets?phone=" + phone, As.DISPATCHER).json().getJsonArray("items")
          .getJsonObject(0);
      assertTrue(t.getBoolean("confidential"), t.encode());
    }
  }

  private static long uncheckedId(String number) {
    try {
      return idOf(number);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
