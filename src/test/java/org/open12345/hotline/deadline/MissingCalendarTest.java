package org.open12345.hotline.deadline;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;

/**
 * The shipped calendar stops at 2026. A complex ticket (15 working days) received on
 * 2026-12-20 ends in 2027: the citizen's ticket is taken and dispatched with a provisional
 * deadline (2027's statutory days off, no guessed 调休), and its log says which year is
 * provisional. (Until issue 12 it got no deadline at all: DEADLINES_UNAVAILABLE.)
 */
class MissingCalendarTest {

  @Test
  void aDeadlineInAYearWithoutHolidayFileIsProvisionalNotGuessedAndTheTicketIsKept() {
    Clock december = Clock.fixed(LocalDateTime.parse("2026-12-20T10:00").atZone(ZoneId.of("Asia/Shanghai"))
        .toInstant(), ZoneOffset.UTC);
    try (TestServer s = TestServer.start(Map.of("escalation.scheduler_enabled", "false"), december)) {
      var r = s.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800000041")
          .put("request_type", "投诉").put("category_code", "040202").put("description", "预付卡商家跑路，无法退款"), As.OPERATOR);
      assertEquals(201, r.status(), r.body());
      JsonObject t = r.json();
      assertEquals("DISPATCHED", t.getString("status"));
      JsonArray timeline = t.getJsonArray("timeline");
      JsonObject set = timeline.stream().map(JsonObject.class::cast)
          .filter(e -> e.getString("action").equals("DEADLINES_SET")).findFirst().orElseThrow();
      assertEquals(new JsonArray().add(2027), set.getJsonObject("details").getJsonArray("provisional_years"));
      assertEquals("complex", set.getJsonObject("details").getString("policy"));
      JsonObject resolve = set.getJsonObject("details").getJsonObject("deadlines").getJsonObject("RESOLVE");
      // 12-21..25, 28..31 (9), 元旦 off, 01-04..08 (14), 01-11 (15): weekends off, no worked day guessed.
      assertEquals("2027-01-11T15:59:59.999999Z", resolve.getString("due_at"));
      assertTrue(resolve.getBoolean("provisional"));
      assertTrue(timeline.stream().map(JsonObject.class::cast).noneMatch(e -> e.getString("action")
          .equals("DEADLINES_UNAVAILABLE")), "the clock never stops for a missing table");
    }
  }
}
