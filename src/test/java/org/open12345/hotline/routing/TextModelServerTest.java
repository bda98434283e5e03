package org.open12345.hotline.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;

/** The free-text model learned from the centre's own tickets, trained on demand and used by routing. */
class TextModelServerTest {

  static void fileHistory(TestServer s) {
    for (NaiveBayesTextModel.Example e : NaiveBayesTextModelTest.history()) {
      TestServer.Response r = s.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800138000")
          .put("request_type", "投诉").put("category_code", e.categoryCode()).put("description", e.text()), As.OPERATOR);
      assertEquals(201, r.status(), r.body());
      assertEquals("DISPATCHED", r.json().getString("status"), "a final department: a labelled example");
    }
  }

  @Test
  void aModelTrainedOnTheHistoryRoutesWhatTheVocabularyCannotRead() {
    try (TestServer s = TestServer.start()) {
      JsonObject before = s.get("/api/routing/model", As.DISPATCHER).json();
      assertNull(before.getValue("version"));
      JsonObject explained = s.postJson("/api/routing/explain",
          new JsonObject().put("description", "我家里才十三度，孩子受不了"), As.DISPATCHER)
          .json();
      assertEquals("MANUAL", explained.getJsonObject("decision").getString("kind"));

      fileHistory(s);
      JsonObject trained = s.post("/api/routing/model/train", "", As.ADMIN).json();
      assertEquals("trained", trained.getString("status"), trained.encode());
      assertEquals(24, trained.getInteger("examples"));
      String version = trained.getString("version");
      JsonObject status = s.get("/api/routing/model", As.DISPATCHER).json();
      assertEquals(version, status.getString("version"));
      assertEquals(2, status.getInteger("categories"));
      assertNotNull(status.getString("trained_at"));

      JsonObject after = s.postJson("/api/routing/explain",
          new JsonObject().put("description", "我家里才十三度，孩子受不了"), As.DISPATCHER)
          .json();
      assertEquals("hhht.heating", after.getJsonObject("decision").getString("lead_department_id"), after.encode());
      assertEquals(version, after.getJsonObject("text_reading").getString("model_version"));
    }
  }

  @Test
  void tooFewTicketsTrainNothingAndTwoRequestsAtOnceTrainOnce() throws Exception {
    try (TestServer s = TestServer.start()) {
      assertEquals("too_few_examples", s.post("/api/routing/model/train", "", As.ADMIN).json().getString("status"));
      fileHistory(s);
      List<CompletableFuture<String>> calls = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        calls.add(CompletableFuture.supplyAsync(
            () -> s.post("/api/routing/model/train", "", As.ADMIN).json().getString("status")));
      }
      List<String> outcomes = new ArrayList<>();
      for (CompletableFuture<String> c : calls) {
        outcomes.add(c.get());
      }
      assertTrue(outcomes.contains("trained"), outcomes.toString());
      long trainedCount = outcomes.stream().filter("trained"::equals).count();
      // the second request either found the lease taken (busy) or came after the first finished
      assertTrue(trainedCount == 1 || (trainedCount == 2 && !outcomes.contains("busy")), outcomes.toString());
    }
  }

  @Test
  void twoInstancesShareOneTrainingLease() throws Exception {
    try (TestServer a = TestServer.start();
        TestServer b = TestServer.start(a.database(), Map.of(), java.time.Clock.systemUTC())) {
      fileHistory(a);
      var db = a.database();
      try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
          var st = c.createStatement()) {
        // instance a is training (its lease runs for a while): b, asked now, does not train too
        st.executeUpdate("UPDATE routing_model_training SET holder = 'instance-a', until = now() + interval '10 minutes'");
        assertEquals("busy", b.post("/api/routing/model/train", "", As.ADMIN).json().getString("status"));
        assertEquals("busy", a.post("/api/routing/model/train", "", As.ADMIN).json().getString("status"));
        // a crashed trainer's lease lapses: then one of them trains
        st.executeUpdate("UPDATE routing_model_training SET until = now() - interval '1 second'");
      }
      assertEquals("trained", b.post("/api/routing/model/train", "", As.ADMIN).json().getString("status"));
    }
  }

  @Test
  void anotherInstanceLoadsTheStoredModel() throws Exception {
    try (TestServer a = TestServer.start()) {
      fileHistory(a);
      String version = a.post("/api/routing/model/train", "", As.ADMIN).json().getString("version");
      try (TestServer b = TestServer.start(a.database(), Map.of("routing.model_refresh", "1s"), java.time.Clock.systemUTC())) {
        // the second instance loads the stored model at its start or its next look
        org.open12345.hotline.testing.Await.until(
            () -> version.equals(b.get("/api/routing/model", As.DISPATCHER).json().getString("version")));
      }
    }
  }

  @Test
  void trainingReadsTheHistoryInPagesAndLearnsWhatReadingItWholeWould() throws Exception {
    try (TestServer s = TestServer.start(Map.of("routing.model_training_page", "5", "routing.model_max_examples", "22",
        "routing.model_training_cpu_percent", "50"), java.time.Clock.systemUTC())) {
      fileHistory(s);
      JsonObject trained = s.post("/api/routing/model/train", "", As.ADMIN).json();
      // 24 tickets, the newest 22 read in pages of 5, 5, 5, 5 and 2
      assertEquals(22, trained.getInteger("examples"), trained.encode());
      List<NaiveBayesTextModel.Example> newest = new ArrayList<>(NaiveBayesTextModelTest.history());
      java.util.Collections.reverse(newest);
      byte[] whole = NaiveBayesTextModel.train(newest.subList(0, 22), "x").orElseThrow().toBytes();
      var db = s.database();
      try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
          var st = c.prepareStatement("SELECT model FROM routing_text_models WHERE version = ?")) {
        st.setString(1, trained.getString("version"));
        try (var rs = st.executeQuery()) {
          assertTrue(rs.next());
          org.junit.jupiter.api.Assertions.assertArrayEquals(whole, rs.getBytes(1));
        }
      }
    }
  }
}
