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
 * 2026-12-20 would end in 2027: the citizen's ticket is still taken and dispatched, and its log
 * says which holiday file is missing instead of a guessed deadline.
 */
class MissingCalendarTest {

  @Test
  void aDeadlineInAYearWithoutHolidayFileIsReportedNotGuessedAndTheTicketIsKept() {
    Clock december = Clock.fixed(LocalDateTime.parse("2026-12-20T10:00").atZone(ZoneId.of("Asia/Shanghai"))
        .toInstant(), ZoneOffset.UTC);
    try (TestServer s = TestServer.start(Map.of("escalation.scheduler_enabled", "false"), december)) {
      var r = s.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800000041")
          .put("request_type", "投诉").put("category_code", "040202").put("description", "预付卡商家跑路，无法退款"), As.OPERATOR);
      assertEquals(201, r.status(), r.body());
      JsonObject t = r.json();
      assertEquals("DISPATCHED", t.getString("status"));
      JsonArray timeline = t.getJsonArray("timeline");
      JsonObject unavailable = timeline.stream().map(JsonObject.class::cast)
          .filter(e -> e.getString("action").equals("DEADLINES_UNAVAILABLE")).findFirst().orElseThrow();
      assertEquals(2027, unavailable.getJsonObject("details").getInteger("missing_calendar_year"));
      assertEquals("complex", unavailable.getJsonObject("details").getString("policy"));
      assertTrue(timeline.stream().map(JsonObject.class::cast).noneMatch(e -> e.getString("action")
          .equals("DEADLINES_SET")), "no guessed deadline");
    }
  }
}
