package org.open12345.hotline.ticket;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonObject;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.TestServer;

class TicketApiTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonObject draft() {
    return new JsonObject()
        .put("citizen_phone", "+86 138-0013-8000")
        .put("citizen_name", "张女士")
        .put("request_type", "投诉")
        .put("urgency", "一般")
        .put("location", "新城区海拉尔东街12号")
        .put("latitude", 40.85)
        .put("longitude", 111.70)
        .put("description", "小区供暖温度不达标，室温只有14度");
  }

  static String create() {
    Response r = server.postJson("/api/tickets", draft(), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    return r.json().getString("number");
  }

  @Test
  void createThenReadWithItsTimeline() {
    Response r = server.postJson("/api/tickets", draft(), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    JsonObject t = r.json();
    assertTrue(TicketNumber.looksValid(t.getString("number")), t.getString("number"));
    assertEquals("/api/tickets/" + t.getString("number"), r.header("Location"));
    assertEquals("13800138000", t.getString("citizen_phone"), "phone normalised");
    assertEquals("COMPLAINT", t.getString("request_type"));
    assertEquals("RECEIVED", t.getString("status"));

    Response read = server.get("/api/tickets/" + t.getString("number"), As.DISPATCHER);
    assertEquals(200, read.status());
    JsonObject got = read.json();
    assertEquals("小区供暖温度不达标，室温只有14度", got.getString("description"));
    assertEquals(40.85, got.getDouble("latitude"));
    assertEquals("CREATE", got.getJsonArray("timeline").getJsonObject(0).getString("action"));
    assertEquals("OPERATOR", got.getJsonArray("timeline").getJsonObject(0).getString("role"));
  }

  /** One caller is one phone across channels: the API uses the same normal form as the webhooks. */
  @Test
  void aLandlineIsStoredInTheFormTheVoiceAndSmsChannelsUse() {
    Response r = server.postJson("/api/tickets", draft().put("citizen_phone", "+86 471 6951123"), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    assertEquals(PhoneNumbers.normalize("0471-6951123"), r.json().getString("citizen_phone"));
    assertEquals("04716951123", r.json().getString("citizen_phone"));
  }

  @Test
  void numbersAreUniqueAndIncrease() {
    String a = create();
    String b = create();
    assertTrue(a.compareTo(b) < 0, a + " then " + b);
  }

  @Test
  void listFiltersByStatusAndPhoneAndPages() {
    JsonObject d = draft().put("citizen_phone", "13900000001");
    for (int i = 0; i < 3; i++) {
      assertEquals(201, server.postJson("/api/tickets", d, As.OPERATOR).status());
    }
    Response page = server.get("/api/tickets?phone=13900000001&status=RECEIVED&size=2", As.DISPATCHER);
    assertEquals(200, page.status(), page.body());
    assertEquals(2, page.json().getJsonArray("items").size());
    Response next = server.get("/api/tickets?phone=13900000001&size=2&page=1", As.DISPATCHER);
    assertEquals(1, next.json().getJsonArray("items").size());
    Response none = server.get("/api/tickets?phone=13900000001&status=CLOSED", As.DISPATCHER);
    assertEquals(0, none.json().getJsonArray("items").size());
  }

  @Test
  void actionsFollowTheStateMachineAndAreLogged() {
    String n = create();
    Response dispatched = server.post("/api/tickets/" + n + "/actions/dispatch",
        "{\"department_id\":\"hhht.heating\",\"note\":\"供热问题\"}", "X-Hotline-Role", "DISPATCHER");
    assertEquals(200, dispatched.status(), dispatched.body());
    assertEquals("DISPATCHED", dispatched.json().getString("status"));
    assertEquals("hhht.heating", dispatched.json().getString("department_id"));

    Response signed = server.post("/api/tickets/" + n + "/actions/sign", "",
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.heating", "X-Hotline-User", "li.wei");
    assertEquals(200, signed.status(), signed.body());
    var timeline = signed.json().getJsonArray("timeline");
    assertEquals(java.util.List.of("CREATE", "ROUTE", "DISPATCH", "DEADLINES_SET", "SIGN"),
        timeline.stream().map(e -> ((JsonObject) e).getString("action")).toList());
    JsonObject last = timeline.getJsonObject(timeline.size() - 1);
    assertEquals("SIGN", last.getString("action"));
    assertEquals("li.wei", last.getString("actor"));
    assertEquals("DISPATCHED", last.getString("from_status"));
    assertEquals("SIGNED", last.getString("to_status"));
  }

  @Test
  void aForbiddenTransitionIs409NamingStateAndAction() {
    String n = create();
    Response r = server.post("/api/tickets/" + n + "/actions/close", "", "X-Hotline-Role", "DISPATCHER");
    assertEquals(409, r.status(), r.body());
    JsonObject e = r.json();
    assertEquals("invalid_transition", e.getString("error"));
    assertTrue(e.getString("message").contains("RECEIVED") && e.getString("message").contains("CLOSE"),
        e.getString("message"));
    assertEquals("RECEIVED", e.getJsonObject("details").getString("current_status"));
    assertEquals("RECEIVED", server.get("/api/tickets/" + n, As.DISPATCHER).json().getString("status"),
        "nothing changed");
  }

  @Test
  void aRoleThatMayNotActIs403() {
    String n = create();
    Response r = server.post("/api/tickets/" + n + "/actions/stop", "", "X-Hotline-Role", "OPERATOR");
    assertEquals(403, r.status(), r.body());
    assertEquals("forbidden_action", r.json().getString("error"));
  }

  @Test
  void aDepartmentActsOnlyOnItsOwnTickets() {
    String n = create();
    assertEquals(200, server.post("/api/tickets/" + n + "/actions/dispatch", "{\"department_id\":\"hhht.water\"}",
        "X-Hotline-Role", "DISPATCHER").status());
    Response r = server.post("/api/tickets/" + n + "/actions/sign", "",
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.power");
    // Another department's ticket answers as one that does not exist.
    assertEquals(404, r.status(), r.body());
    assertEquals("not_found", r.json().getString("error"));
    // The city sees its units' tickets, but signing is the assigned unit's own act.
    Response parent = server.post("/api/tickets/" + n + "/actions/sign", "",
        "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht");
    assertEquals(403, parent.status(), parent.body());
    assertEquals("not_your_ticket", parent.json().getString("error"));
  }

  @Test
  void badInputGets400InOneShapeNamingTheField() {
    assertBad(server.post("/api/tickets", "{not json", As.OPERATOR), "malformed_json", null);
    assertBad(server.post("/api/tickets", "[1,2]", As.OPERATOR), "malformed_json", null);
    assertBad(server.post("/api/tickets", "", As.OPERATOR), "missing_body", null);
    assertBad(server.postJson("/api/tickets", draft().put("request_type", "抱怨"), As.OPERATOR), "invalid_field",
        "request_type");
    assertBad(server.postJson("/api/tickets", draft().put("urgency", "very"), As.OPERATOR), "invalid_field", "urgency");
    assertBad(server.postJson("/api/tickets", draft().put("description", 42), As.OPERATOR), "invalid_field",
        "description");
    JsonObject missing = draft();
    missing.remove("description");
    assertBad(server.postJson("/api/tickets", missing, As.OPERATOR), "invalid_field", "description");
    assertBad(server.postJson("/api/tickets", draft().put("citizen_phone", "call me"), As.OPERATOR), "invalid_field",
        "citizen_phone");
    assertBad(server.postJson("/api/tickets", draft().put("latitude", 120), As.OPERATOR), "invalid_field", "latitude");
    assertBad(server.postJson("/api/tickets", draft().put("category_code", "999999"), As.OPERATOR), "invalid_field",
        "category_code");
    assertBad(server.postJson("/api/tickets", draft().put("descripton", "typo"), As.OPERATOR), "invalid_field",
        "descripton");
    assertBad(server.postJson("/api/tickets", draft().put("description", "长".repeat(4001)), As.OPERATOR),
        "invalid_field", "description");
    assertBad(server.get("/api/tickets?size=abc", As.DISPATCHER), "invalid_field", "size");
    assertBad(server.get("/api/tickets?status=LOST", As.DISPATCHER), "invalid_field", "status");
    assertBad(server.get("/api/tickets?from=yesterday", As.DISPATCHER), "invalid_field", "from");
    // Nobody can claim the server's own role: the old identity headers are not read at all.
    Response system = server.postJson("/api/tickets", draft(), "X-Hotline-Role", "SYSTEM");
    assertEquals(401, system.status(), system.body());
    assertEquals("unauthenticated", system.json().getString("error"));
  }

  @Test
  void tooLargeBodyIs413AndUnknownThingsAre404() {
    Response big = server.post("/api/tickets", "{\"description\":\"" + "x".repeat(300_000) + "\"}", As.OPERATOR);
    assertEquals(413, big.status());
    assertEquals("body_too_large", big.json().getString("error"));
    Response none = server.get("/api/tickets/20990101000001", As.DISPATCHER);
    assertEquals(404, none.status());
    assertEquals("not_found", none.json().getString("error"));
    assertEquals(404, server.get("/api/nothing-here", As.DISPATCHER).status());
    assertEquals("unknown_action",
        server.post("/api/tickets/x/actions/fly", "", As.OPERATOR).json().getString("error"));
  }

  @Test
  void theEventLogRefusesEdits() throws SQLException {
    create();
    var db = server.database();
    try (var c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      SQLException e = assertThrows(SQLException.class,
          () -> c.createStatement().execute("UPDATE ticket_events SET actor = 'someone else'"));
      assertTrue(e.getMessage().contains("append-only"), e.getMessage());
      assertThrows(SQLException.class, () -> c.createStatement().execute("DELETE FROM ticket_events"));
    }
  }

  private static void assertBad(Response r, String code, String field) {
    assertEquals(400, r.status(), r.body());
    JsonObject e = r.json();
    assertEquals(code, e.getString("error"), r.body());
    assertNotNull(e.getString("message"));
    assertTrue(e.containsKey("details"), "the one error shape has details");
    if (field != null) {
      assertEquals(field, e.getJsonObject("details").getString("field"), r.body());
    }
  }
}
