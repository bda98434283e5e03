package org.open12345.hotline.ticket;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** 并案 for real: a checked master, links both ways, the merged ticket follows it, unmerge. */
class TicketMergeTest {
  static final String[] DISPATCHER = {"X-Hotline-Role", "DISPATCHER", "X-Hotline-User", "wang.pd"};
  static final String[] POWER = {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.power"};
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A power cut: routed and dispatched to hhht.power on creation. */
  static String powerCut(String phone) {
    Response r = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", phone)
        .put("request_type", "投诉").put("category_code", "020201").put("description", "整栋楼停电三个小时了"),
        As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    assertEquals("DISPATCHED", r.json().getString("status"));
    return r.json().getString("number");
  }

  static Response act(String number, String action, JsonObject body, String... headers) {
    return server.postJson("/api/tickets/" + number + "/actions/" + action, body, headers);
  }

  static Response merge(String number, String master) {
    return act(number, "merge", new JsonObject().put("master_number", master).put("note", "同一停电事件"), DISPATCHER);
  }

  static JsonObject read(String number) {
    return server.get("/api/tickets/" + number, As.DISPATCHER).json();
  }

  static List<String> actions(JsonObject ticket) {
    return ticket.getJsonArray("timeline").stream().map(e -> ((JsonObject) e).getString("action")).toList();
  }

  static JsonObject last(JsonObject ticket, String action) {
    JsonArray tl = ticket.getJsonArray("timeline");
    for (int i = tl.size() - 1; i >= 0; i--) {
      if (tl.getJsonObject(i).getString("action").equals(action)) {
        return tl.getJsonObject(i);
      }
    }
    return null;
  }

  static long plannedSteps(String number) {
    return IntakeTesting.count(server, "SELECT count(*) FROM escalation_steps s JOIN tickets t ON t.id = s.ticket_id "
        + "WHERE t.number = ? AND s.status = 'planned'", number);
  }

  @Test
  void aMergedTicketIsLinkedBothWaysAndItsLadderStops() {
    String master = powerCut("13600000001");
    String dup = powerCut("13600000002");
    assertTrue(plannedSteps(dup) > 0, "a dispatched ticket has its ladder planned");

    Response r = merge(dup, master);
    assertEquals(200, r.status(), r.body());
    JsonObject merged = r.json();
    assertEquals("MERGED", merged.getString("status"));
    assertEquals(master, merged.getString("merged_into"));
    assertEquals(master, last(merged, "MERGE").getJsonObject("details").getString("master_number"));
    assertEquals(0, plannedSteps(dup), "the merged ticket's own ladder stopped");
    assertNull(IntakeTesting.text(server, "SELECT open_due_at::text FROM ticket_deadlines d JOIN tickets t "
        + "ON t.id = d.ticket_id WHERE t.number = ?", dup), "nothing of it is overdue any more");

    JsonObject m = read(master);
    assertEquals(new JsonArray().add(dup), m.getJsonArray("merged_tickets"));
    JsonObject in = last(m, "MERGED_IN");
    assertEquals(dup, in.getJsonObject("details").getString("merged_number"));
    assertEquals("wang.pd", in.getString("actor"));
    assertEquals("DISPATCHED", m.getString("status"), "the master's own state does not change");
    assertTrue(plannedSteps(master) > 0, "the master's ladder runs on");
  }

  @Test
  void aMergeIntoAMergedOrEndedMasterIsRefusedAndNothingChanges() {
    String master = powerCut("13600000011");
    String first = powerCut("13600000012");
    String second = powerCut("13600000013");
    assertEquals(200, merge(first, master).status());

    Response intoMerged = merge(second, first);
    assertEquals(409, intoMerged.status(), intoMerged.body());
    assertEquals("master_merged", intoMerged.json().getString("error"));

    String stopped = powerCut("13600000014");
    assertEquals(200, act(stopped, "stop", new JsonObject().put("reason", "诉求人拒绝提供必要信息"), DISPATCHER)
        .status());
    Response intoEnded = merge(second, stopped);
    assertEquals(409, intoEnded.status(), intoEnded.body());
    assertEquals("master_not_open", intoEnded.json().getString("error"));

    Response masterIntoOther = merge(master, second);
    assertEquals(409, masterIntoOther.status(), masterIntoOther.body());
    assertEquals("ticket_is_master", masterIntoOther.json().getString("error"));

    JsonObject untouched = read(second);
    assertEquals("DISPATCHED", untouched.getString("status"));
    assertNull(untouched.getString("merged_into"));
    assertFalse(actions(untouched).contains("MERGE"));
    assertFalse(actions(read(stopped)).contains("MERGED_IN"));
    assertEquals(0, IntakeTesting.count(server, "SELECT count(*) FROM ticket_merges m JOIN tickets t "
        + "ON t.id = m.ticket_id WHERE t.number IN (?, ?)", second, master));
  }

  @Test
  void aMasterThatIsMissingOrTheTicketItselfIsABadField() {
    String t = powerCut("13600000021");
    Response none = act(t, "merge", new JsonObject(), DISPATCHER);
    assertEquals(400, none.status(), none.body());
    assertEquals("master_number", none.json().getJsonObject("details").getString("field"));
    Response unknown = merge(t, "20990101000001");
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals("master_number", unknown.json().getJsonObject("details").getString("field"));
    Response itself = merge(t, t);
    assertEquals(400, itself.status(), itself.body());
    Response department = act(t, "merge", new JsonObject().put("master_number", powerCut("13600000022")), POWER);
    assertEquals(403, department.status(), department.body());
    assertEquals("DISPATCHED", read(t).getString("status"));
  }

  @Test
  void closingTheMasterClosesTheMergedTicketsAndAsksTheirCitizensToRate() {
    String master = powerCut("13600000031");
    String dup = powerCut("13600000032");
    assertEquals(200, merge(dup, master).status());
    assertEquals(200, act(master, "sign", new JsonObject(), POWER).status());
    assertEquals(200, act(master, "reply", new JsonObject().put("note", "线路故障已抢修，供电已恢复"), POWER).status());
    Response closed = act(master, "close", new JsonObject(), DISPATCHER);
    assertEquals(200, closed.status(), closed.body());

    JsonObject d = read(dup);
    assertEquals("CLOSED", d.getString("status"));
    JsonObject close = last(d, "CLOSE");
    assertEquals("SYSTEM", close.getString("role"));
    assertEquals("MERGED", close.getString("from_status"));
    assertEquals(master, close.getJsonObject("details").getString("master_number"));
    assertEquals(1, IntakeTesting.count(server, "SELECT count(*) FROM rating_prompts WHERE phone = '13600000032'"),
        "each caller rates the matter");
    Response dispatcherClose = act(powerCut("13600000033"), "close", new JsonObject(), DISPATCHER);
    assertEquals(409, dispatcherClose.status(), "the centre still closes only replied tickets");
  }

  @Test
  void theMastersReplyReachesEveryMergedTicketsCitizen() {
    String master = powerCut("13600000071");
    String dup1 = powerCut("13600000072");
    String dup2 = powerCut("13600000073");
    assertEquals(200, merge(dup1, master).status());
    assertEquals(200, merge(dup2, master).status());
    assertEquals(200, act(master, "sign", new JsonObject(), POWER).status());
    assertEquals(200, act(master, "reply", new JsonObject().put("note", "线路故障已抢修，供电已恢复"), POWER).status());
    for (String dup : List.of(dup1, dup2)) {
      JsonArray out = IntakeTesting.outboxOf(server, dup);
      JsonObject sms = out.stream().map(o -> (JsonObject) o).filter(m -> "merged-reply".equals(m.getString("kind")))
          .findFirst().orElseThrow(() -> new AssertionError(out.encodePrettily()));
      assertTrue(sms.getString("text").contains("线路故障已抢修，供电已恢复"), sms.getString("text"));
      assertTrue(sms.getString("text").contains(master) && sms.getString("text").contains(dup), sms.getString("text"));
      JsonObject shown = last(read(dup), "MASTER_REPLIED");
      assertEquals(master, shown.getJsonObject("details").getString("master_number"));
      assertEquals("MERGED", read(dup).getString("status"), "it waits for the master's close");
    }
    assertEquals(1, IntakeTesting.outboxOf(server, dup1).stream()
        .filter(m -> "merged-reply".equals(((JsonObject) m).getString("kind"))).count(), "one reply SMS, no more");
  }

  @Test
  void aMergedTicketCannotBeClosedOnItsOwnByTheCentre() {
    String master = powerCut("13600000041");
    String dup = powerCut("13600000042");
    assertEquals(200, merge(dup, master).status());
    Response r = act(dup, "close", new JsonObject(), DISPATCHER);
    assertEquals(409, r.status(), r.body());
  }

  @Test
  void unmergeTakesATicketBackToItsDepartmentWithANewRound() {
    String master = powerCut("13600000051");
    String dup = powerCut("13600000052");
    assertEquals(200, merge(dup, master).status());
    assertEquals(0, plannedSteps(dup));

    Response r = act(dup, "unmerge", new JsonObject().put("note", "并非同一事件"), DISPATCHER);
    assertEquals(200, r.status(), r.body());
    JsonObject back = r.json();
    assertEquals("DISPATCHED", back.getString("status"));
    assertEquals("hhht.power", back.getString("department_id"));
    assertNull(back.getString("merged_into"));
    JsonObject unmerge = last(back, "UNMERGE");
    assertEquals("MERGED", unmerge.getString("from_status"));
    assertEquals(master, unmerge.getJsonObject("details").getString("master_number"));
    JsonObject deadlines = last(back, "DEADLINES_SET");
    assertEquals("unmerge", deadlines.getJsonObject("details").getString("reason"));
    assertEquals("utilities", deadlines.getJsonObject("details").getString("policy"), "the policy it had");
    assertTrue(plannedSteps(dup) > 0, "its ladder runs again");

    JsonObject m = read(master);
    assertNull(m.getJsonArray("merged_tickets"));
    assertEquals(dup, last(m, "UNMERGED_OUT").getJsonObject("details").getString("unmerged_number"));

    Response again = act(dup, "unmerge", new JsonObject(), DISPATCHER);
    assertEquals(409, again.status(), again.body());
  }

  @Test
  void unmergeTakesAQueuedTicketBackToTheQueue() {
    String master = powerCut("13600000061");
    Response queued = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13600000062")
        .put("request_type", "投诉").put("description", "楼里没电了"), As.OPERATOR);
    String q = queued.json().getString("number");
    assertEquals("RECEIVED", queued.json().getString("status"));
    assertEquals(200, merge(q, master).status());
    Response r = act(q, "unmerge", new JsonObject(), DISPATCHER);
    assertEquals(200, r.status(), r.body());
    assertEquals("RECEIVED", r.json().getString("status"));
    assertFalse(actions(r.json()).contains("DEADLINES_SET"));
  }
}
