package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * A free-text ticket queued below the threshold carries its top 3 suggestions into the dispatch
 * queue and its routing explanation; a dispatcher accepts one with one call; and a dispatcher's
 * choice becomes a label the next model learns.
 */
class SuggestionAcceptTest {
  /** An operator's ticket without a code: the reading is confident, but only suggested (issue 13, point 4). */
  static final String HEATING = "小区暖气不热，室温只有15度";

  @Test
  void queuedSuggestionsAreShownAndOneCallDispatchesWithTheRulesPolicy() {
    try (TestServer s = TestServer.start()) {
      String number = create(s, HEATING);
      JsonObject ticket = s.get("/api/tickets/" + number, As.DISPATCHER).json();
      assertEquals("RECEIVED", ticket.getString("status"), "an operator's code-less ticket is queued");
      JsonObject route = ticket.getJsonArray("timeline").getJsonObject(1).getJsonObject("details");
      JsonArray explained = route.getJsonObject("text_reading").getJsonArray("suggestions");
      assertFalse(route.getJsonObject("text_reading").getBoolean("applied"));

      JsonObject item = queued(s, number);
      JsonArray suggestions = item.getJsonArray("suggestions");
      assertEquals(explained, suggestions, "the queue shows what the routing explanation says");
      assertTrue(suggestions.size() >= 1 && suggestions.size() <= 3, suggestions.encode());
      JsonObject best = suggestions.getJsonObject(0);
      assertEquals(1, best.getInteger("rank"));
      assertEquals("hhht.heating", best.getString("department_id"), suggestions.encode());
      assertFalse(best.getJsonArray("words").isEmpty(), "the words that decided");

      assertEquals(403, s.postJson("/api/dispatch-queue/" + number + "/accept", new JsonObject().put("rank", 1),
          As.OPERATOR).status());
      assertEquals(400, s.postJson("/api/dispatch-queue/" + number + "/accept", new JsonObject().put("rank", 7),
          As.DISPATCHER).status());
      if (suggestions.size() < 3) {
        assertEquals(409, s.postJson("/api/dispatch-queue/" + number + "/accept", new JsonObject().put("rank", 3),
            As.DISPATCHER).status());
      }
      assertEquals(404, s.postJson("/api/dispatch-queue/20990101999999/accept", new JsonObject().put("rank", 1),
          As.DISPATCHER).status());

      // the rule the category reaches decides the policy, as if the ticket had come with that code
      JsonObject asRules = s.postJson("/api/routing/explain", new JsonObject().put("description", HEATING)
          .put("category_code", best.getString("category_code")).put("channel", "电话"), As.DISPATCHER).json()
          .getJsonObject("decision");
      Response accepted = s.postJson("/api/dispatch-queue/" + number + "/accept", new JsonObject().put("rank", 1),
          As.DISPATCHER);
      assertEquals(200, accepted.status(), accepted.body());
      JsonObject after = accepted.json();
      assertEquals("DISPATCHED", after.getString("status"));
      assertEquals("hhht.heating", after.getString("department_id"));
      JsonArray timeline = after.getJsonArray("timeline");
      JsonObject dispatch = timeline.stream().map(o -> (JsonObject) o)
          .filter(o -> "DISPATCH".equals(o.getString("action"))).reduce((a, b) -> b).orElseThrow();
      assertEquals("DISPATCHER", dispatch.getString("role"));
      assertEquals(asRules.getString("policy"), dispatch.getJsonObject("details").getString("policy"),
          dispatch.encode());
      assertTrue(dispatch.getJsonObject("details").getString("note").startsWith("采纳建议1"), dispatch.encode());
      assertTrue(s.get("/api/dispatch-queue", As.DISPATCHER).json().getJsonArray("items").stream()
          .noneMatch(o -> number.equals(((JsonObject) o).getString("number"))));
      assertEquals(409, s.postJson("/api/dispatch-queue/" + number + "/accept", new JsonObject().put("rank", 1),
          As.DISPATCHER).status(), "dispatched already");
    }
  }

  @Test
  void aCodedTicketAndAnEmergencyCarryNoSuggestions() {
    try (TestServer s = TestServer.start()) {
      String fire = create(s, "邻居家着火了，火很大");
      assertEquals(new JsonArray(), queued(s, fire).getJsonArray("suggestions"));
      assertEquals(409, s.postJson("/api/dispatch-queue/" + fire + "/accept", new JsonObject().put("rank", 1),
          As.DISPATCHER).status());
    }
  }

  @Test
  void aDispatchersChoiceChangesTheNextModelsReading() {
    String text = "我家里才十三度，孩子受不了";
    try (TestServer s = TestServer.start()) {
      TextModelServerTest.fileHistory(s);
      assertEquals("trained", s.post("/api/routing/model/train", "", As.ADMIN).json().getString("status"));
      assertEquals("hhht.heating", bestDepartment(s, text));
      String lamps = s.postJson("/api/routing/explain", new JsonObject().put("category_code", "030300"),
          As.DISPATCHER).json().getJsonObject("decision").getString("lead_department_id");
      assertNotEquals("hhht.heating", lamps);

      // dispatchers keep sending this text elsewhere by hand (no suggestion names that department)
      for (int i = 0; i < 30; i++) {
        String number = create(s, text);
        Response r = s.postJson("/api/tickets/" + number + "/actions/dispatch",
            new JsonObject().put("department_id", lamps), As.DISPATCHER);
        assertEquals(200, r.status(), r.body());
      }
      JsonObject trained = s.post("/api/routing/model/train", "", As.ADMIN).json();
      assertEquals(24 + 30, trained.getInteger("examples"), trained.encode());
      assertEquals(lamps, bestDepartment(s, text), "the next model learned the dispatchers' choice");
    }
  }

  private static String bestDepartment(TestServer s, String text) {
    JsonObject e = s.postJson("/api/routing/explain", new JsonObject().put("description", text), As.DISPATCHER).json();
    return e.getJsonObject("text_reading").getJsonArray("suggestions").getJsonObject(0).getString("department_id");
  }

  private static JsonObject queued(TestServer s, String number) {
    Response r = s.get("/api/dispatch-queue", As.DISPATCHER);
    assertEquals(200, r.status(), r.body());
    return r.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(o -> number.equals(o.getString("number"))).findFirst().orElseThrow();
  }

  static String create(TestServer s, String description) {
    Response r = s.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
        .put("request_type", "投诉").put("description", description), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    return r.json().getString("number");
  }
}
