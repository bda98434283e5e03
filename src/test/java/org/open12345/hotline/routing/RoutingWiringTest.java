package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;

/** Routing inside the server: on creation, explain, the directory, and hot reload. */
class RoutingWiringTest {
  @TempDir Path rulesCopy;

  static JsonObject draft(String category, String description) {
    JsonObject j = new JsonObject().put("citizen_phone", "13800138000").put("request_type", "投诉")
        .put("description", description);
    return category == null ? j : j.put("category_code", category);
  }

  static JsonObject event(JsonObject ticket, String action) {
    JsonArray tl = ticket.getJsonArray("timeline");
    for (int i = 0; i < tl.size(); i++) {
      if (tl.getJsonObject(i).getString("action").equals(action)) {
        return tl.getJsonObject(i);
      }
    }
    return null;
  }

  @Test
  void aNewTicketIsDispatchedByTheMatchingRuleAndTheDecisionIsLogged() {
    try (TestServer s = TestServer.start()) {
      String version = s.get("/api/routing/rules", As.DISPATCHER).json().getString("version");
      var r = s.postJson("/api/tickets", draft("020201", "小区停电三个小时了"), As.OPERATOR);
      assertEquals(201, r.status(), r.body());
      JsonObject t = r.json();
      assertEquals("DISPATCHED", t.getString("status"));
      assertEquals("hhht.power", t.getString("department_id"));
      JsonObject route = event(t, "ROUTE").getJsonObject("details");
      assertEquals("power-supply", route.getString("rule_id"));
      assertEquals(version, route.getString("ruleset_version"));
      assertEquals("utilities", event(t, "DISPATCH").getJsonObject("details").getString("policy"));
      assertEquals("SYSTEM", event(t, "DISPATCH").getString("role"));
    }
  }

  @Test
  void noMatchingRuleLeavesTheTicketInTheManualQueue() {
    try (TestServer s = TestServer.start()) {
      JsonObject t = s.postJson("/api/tickets", draft(null, "想咨询一下这个问题应该找谁"), As.OPERATOR).json();
      assertEquals("RECEIVED", t.getString("status"));
      assertNull(t.getString("department_id"));
      assertEquals("MANUAL", event(t, "ROUTE").getJsonObject("details").getString("kind"));
      var queue = s.get("/api/tickets?status=RECEIVED", As.DISPATCHER).json().getJsonArray("items");
      assertEquals(1, queue.size());
      var bad = s.post("/api/tickets/" + t.getString("number") + "/actions/dispatch",
          "{\"department_id\":\"hhht.nowhere\"}", "X-Hotline-Role", "DISPATCHER");
      assertEquals(400, bad.status(), bad.body());
      assertEquals("department_id", bad.json().getJsonObject("details").getString("field"));
    }
  }

  @Test
  void explainNamesTheRuleAndWhyEarlierRulesMissed() {
    try (TestServer s = TestServer.start()) {
      var r = s.postJson("/api/routing/explain", draft("020201", "停电了").put("time", "10:00"), As.DISPATCHER);
      assertEquals(200, r.status(), r.body());
      JsonObject e = r.json();
      assertEquals("power-supply", e.getJsonObject("matched_rule").getString("id"));
      assertEquals("DISPATCH", e.getJsonObject("decision").getString("kind"));
      JsonArray misses = e.getJsonArray("misses");
      assertFalse(misses.isEmpty());
      assertEquals("gas-leak", misses.getJsonObject(0).getString("rule_id"));
      assertFalse(misses.getJsonObject(0).getString("reason").isBlank());
      assertEquals(400,
          s.postJson("/api/routing/explain", new JsonObject().put("time", "25:99"), As.DISPATCHER).status());

      JsonObject tree = s.get("/api/departments", As.DISPATCHER).json();
      JsonObject root = tree.getJsonArray("departments").getJsonObject(0);
      assertEquals("nmg", root.getString("id"));
      assertEquals("hhht", root.getJsonArray("children").getJsonObject(0).getString("id"));
    }
  }

  @Test
  void aValidChangeTakesEffectAndAnInvalidOneIsRefusedKeepingTheOldRules() throws Exception {
    copyShippedRules();
    try (TestServer s = TestServer.start(reloading(), Clock.systemUTC())) {
      String v1 = version(s);
      rewriteLead("hhht.gas");
      Await.until(() -> !version(s).equals(v1));
      assertEquals("hhht.gas",
          s.postJson("/api/tickets", draft("020201", "停电"), As.OPERATOR).json().getString("department_id"));

      String v2 = version(s);
      Path rules = rulesCopy.resolve("rules.yaml");
      Files.writeString(rules, Files.readString(rules).replace("lead: hhht.power", "lead: hhht.nonexistent")
          .replace("lead: hhht.gas\n      policy: utilities", "lead: hhht.nonexistent\n      policy: utilities"));
      Await.until(() -> s.get("/api/routing/rules", As.DISPATCHER).json().getValue("last_refused_change") != null);
      JsonArray errors = s.get("/api/routing/rules", As.DISPATCHER).json().getJsonArray("last_refused_change");
      assertTrue(errors.getString(0).matches(".*rules\\.yaml:\\d+: .*hhht\\.nonexistent.*"), errors.encode());
      assertEquals(v2, version(s), "the previous rules stay in force");
      assertEquals("hhht.gas",
          s.postJson("/api/tickets", draft("020201", "停电"), As.OPERATOR).json().getString("department_id"));
    }
  }

  /** Every ticket is routed by one whole rule set: its recorded version explains its department. */
  @Test
  void reloadUnderConcurrentTicketCreationNeverMixesRuleSets() throws Exception {
    copyShippedRules();
    try (TestServer s = TestServer.start(reloading(), Clock.systemUTC())) {
      Map<String, String> leadByVersion = new HashMap<>();
      leadByVersion.put(version(s), "hhht.power");
      AtomicBoolean running = new AtomicBoolean(true);
      List<JsonObject> created = java.util.Collections.synchronizedList(new ArrayList<>());
      Thread creator = new Thread(() -> {
        while (running.get()) {
          var r = s.postJson("/api/tickets", draft("020201", "停电"), As.OPERATOR);
          if (r.status() == 201) {
            created.add(r.json());
          }
        }
      });
      creator.start();
      String lead = "hhht.power";
      for (int flip = 0; flip < 4; flip++) {
        String before = version(s);
        lead = lead.equals("hhht.power") ? "hhht.gas" : "hhht.power";
        rewriteLead(lead);
        Await.until(() -> !version(s).equals(before));
        leadByVersion.put(version(s), lead);
      }
      running.set(false);
      creator.join();
      assertTrue(created.size() > 4, "tickets were created during the reloads: " + created.size());
      java.util.Set<String> versionsSeen = new java.util.HashSet<>();
      for (JsonObject t : created) {
        String v = event(t, "ROUTE").getJsonObject("details").getString("ruleset_version");
        versionsSeen.add(v);
        assertEquals(leadByVersion.get(v), t.getString("department_id"), "ticket " + t.getString("number"));
      }
      assertTrue(versionsSeen.size() >= 2, "tickets were routed by more than one rule set: " + versionsSeen);
    }
  }

  private Map<String, String> reloading() {
    return Map.of("routing.dir", rulesCopy.toString(), "routing.reload_interval", "0.1s");
  }

  private void copyShippedRules() throws Exception {
    try (var files = Files.list(Path.of("routing-rules"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(f, rulesCopy.resolve(f.getFileName()));
      }
    }
    Files.createDirectories(rulesCopy.resolve("calendar"));
    try (var files = Files.list(Path.of("routing-rules", "calendar"))) {
      for (Path f : files.toList()) {
        Files.copy(f, rulesCopy.resolve("calendar").resolve(f.getFileName()));
      }
    }
  }

  /** Points the power-supply rule at another department (a valid change). */
  private void rewriteLead(String lead) throws Exception {
    Path rules = rulesCopy.resolve("rules.yaml");
    String text = Files.readString(rules);
    int at = text.indexOf("id: power-supply");
    int leadAt = text.indexOf("lead: ", at);
    int end = text.indexOf('\n', leadAt);
    Path tmp = rulesCopy.resolve("rules.yaml.tmp");
    Files.writeString(tmp, text.substring(0, leadAt) + "lead: " + lead + text.substring(end));
    // Rename, as editors and git checkouts do, so the watcher never reads half a file.
    Files.move(tmp, rules, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String version(TestServer s) {
    return s.get("/api/routing/rules", As.DISPATCHER).json().getString("version");
  }

}
