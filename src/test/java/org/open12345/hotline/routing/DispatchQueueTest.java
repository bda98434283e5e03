package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** Operator- and web-entered tickets naming an emergency lead the dispatch queue, with the word. */
class DispatchQueueTest {

  @Test
  void anEmergencyTicketIsOnTopOfTheQueueWithItsWordAndNumber() {
    try (TestServer s = TestServer.start()) {
      String older = create(s, "想咨询一下社保卡补办流程", "一般");
      String urgent = create(s, "小区门口井盖丢了，很危险", "紧急");
      String fire = create(s, "邻居家着火了，火很大", "一般");
      JsonObject fireTicket = s.get("/api/tickets/" + fire, As.DISPATCHER).json();
      assertEquals("RECEIVED", fireTicket.getString("status"), "an emergency is not dispatched as a ticket");
      assertEquals("CRITICAL", fireTicket.getString("urgency"));
      JsonObject route = fireTicket.getJsonArray("timeline").getJsonObject(1).getJsonObject("details");
      assertEquals("着火", route.getString("emergency_word"));

      Response r = s.get("/api/dispatch-queue", As.DISPATCHER);
      assertEquals(200, r.status(), r.body());
      JsonArray items = r.json().getJsonArray("items");
      assertEquals(java.util.List.of(fire, urgent, older),
          items.stream().map(o -> ((JsonObject) o).getString("number")).toList());
      JsonObject top = items.getJsonObject(0);
      assertEquals("119", top.getJsonObject("emergency").getString("number"));
      assertEquals("着火", top.getJsonObject("emergency").getString("matched_word"));
      assertNull(items.getJsonObject(1).getJsonObject("emergency"));
      assertEquals(400, s.get("/api/dispatch-queue?size=0", As.DISPATCHER).status());
      assertEquals(403, s.get("/api/dispatch-queue", As.department("hhht.power")).status());
    }
  }

  private static String create(TestServer s, String description, String urgency) {
    Response r = s.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
        .put("request_type", "求助").put("urgency", urgency).put("description", description), As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    return r.json().getString("number");
  }
}
