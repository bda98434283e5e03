package org.open12345.hotline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.open12345.hotline.console.ConsoleTesting.csrf;
import static org.open12345.hotline.console.ConsoleTesting.form;
import static org.open12345.hotline.console.ConsoleTesting.person;
import static org.open12345.hotline.console.ConsoleTesting.ticket;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** The dispatch desk's queued rows show their suggestions, each with a 「采纳」 form (CSRF-checked). */
class DispatchSuggestionsPageTest {
  static final String[] DISPATCHER = person("zhang.pd", "DISPATCHER");
  static final String[] OPERATOR = person("li.hw", "OPERATOR");

  @Test
  void eachQueuedRowShowsItsSuggestionsAndOneFormAcceptsOne() {
    try (TestServer server = TestServer.start()) {
      String number = ticket(server, new JsonObject().put("citizen_phone", "13300000009").put("request_type", "投诉")
          .put("description", "小区暖气不热，室温只有15度"));
      Response page = server.get("/console/dispatch", DISPATCHER);
      assertEquals(200, page.status(), page.body());
      String html = page.body();
      assertTrue(html.contains("id=\"suggestions-" + number + "\""), html);
      assertTrue(html.contains("id=\"accept-" + number + "-1\""), html);
      assertTrue(html.contains("呼和浩特市热力集团"), "the suggested department by name");
      assertTrue(html.matches("(?s).*\\d+%.*"), "the confidence");

      Response noToken = form(server, "/tickets/" + number + "/accept-suggestion", Map.of("rank", "1"), DISPATCHER);
      assertEquals(403, noToken.status(), "CSRF");
      Response notTheirs = form(server, "/tickets/" + number + "/accept-suggestion",
          Map.of("csrf_token", csrf(server, OPERATOR), "rank", "1"), OPERATOR);
      assertEquals(403, notTheirs.status());
      Response accepted = form(server, "/tickets/" + number + "/accept-suggestion", Map.of("csrf_token",
          csrf(server, DISPATCHER), "rank", "1", "return_to", "/console/dispatch?tab=manual"), DISPATCHER);
      assertEquals(303, accepted.status(), accepted.body());
      assertEquals("/console/dispatch?tab=manual&done=DISPATCH", accepted.header("Location"));
      assertEquals("hhht.heating", server.get("/api/tickets/" + number, As.DISPATCHER).json().getString("department_id"));
      assertFalse(server.get("/console/dispatch", DISPATCHER).body().contains("suggestions-" + number));
    }
  }
}
