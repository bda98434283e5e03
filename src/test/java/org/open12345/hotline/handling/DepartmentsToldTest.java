package org.open12345.hotline.handling;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.notify.ProviderStub;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * Departments are told on every dispatch (issue 12 item 7): by mail, their own robot and their
 * duty mobiles as departments.yaml says; a department nothing reaches is reported to the
 * supervisors. The rules are a copy of the shipped ones where 呼和浩特市供电局 has a robot (a stub)
 * and a duty mobile.
 */
class DepartmentsToldTest {
  static final String[] DISPATCHER = {"X-Hotline-Role", "DISPATCHER"};
  static Path rules;
  static ProviderStub robot;
  static io.vertx.core.Vertx stubVertx;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    rules = Files.createTempDirectory("rules-told");
    copyShippedRules(rules);
    stubVertx = io.vertx.core.Vertx.vertx();
    robot = ProviderStub.start(stubVertx).answering(r -> ProviderStub.Reply.json(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
    Path departments = rules.resolve("departments.yaml");
    String text = Files.readString(departments);
    String power = "    mail: [hhht-power@hhht.gov.example]\n    phones: [\"0471-6723241\"]\n";
    assertTrue(text.contains(power));
    Files.writeString(departments, text.replace(power, "    mail: [hhht-power@hhht.gov.example]\n"
        + "    phones: [\"0471-6723241\", \"139 1234 5678\"]\n"
        + "    webhooks: [\"" + robot.baseUrl() + "/cgi-bin/webhook/send?key=power\"]\n"));
    Map<String, String> config = new HashMap<>(config());
    config.put("routing.dir", rules.toString());
    config.put("escalation.supervisors_mail", "duban@example.gov.cn");
    server = TestServer.start(config, Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    robot.close();
    stubVertx.close().toCompletionStage().toCompletableFuture().get();
  }

  static void copyShippedRules(Path to) throws Exception {
    try (var files = Files.list(Path.of("routing-rules"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    Files.createDirectories(to.resolve("calendar"));
    try (var files = Files.list(Path.of("routing-rules", "calendar"))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve("calendar").resolve(f.getFileName()));
      }
    }
  }

  static String created(String phone, String urgency, String description) {
    JsonObject draft = new JsonObject().put("citizen_phone", phone).put("request_type", "投诉")
        .put("urgency", urgency).put("description", description);
    Response r = server.postJson("/api/tickets", draft, As.OPERATOR);
    assertEquals(201, r.status(), r.body());
    return r.json().getString("number");
  }

  static Response dispatch(String number, JsonObject body) {
    return server.postJson("/api/tickets/" + number + "/actions/dispatch", body, DISPATCHER);
  }

  static List<JsonObject> notices(String number) {
    return outboxOf(server, number).stream().map(o -> (JsonObject) o)
        .filter(m -> "dispatch-notice".equals(m.getString("kind"))).toList();
  }

  static List<String> channelsAndRecipients(List<JsonObject> messages) {
    return messages.stream().map(m -> m.getString("channel") + ":" + m.getString("recipient")).sorted().toList();
  }

  @Test
  void anOrdinaryTicketIsMailedToItsDepartment() {
    String n = created("13300000001", "一般", "路灯不亮");
    assertEquals(200, dispatch(n, new JsonObject().put("department_id", "hhht.power")).status());
    List<JsonObject> told = notices(n);
    assertEquals(List.of("mail:hhht-power@hhht.gov.example"), channelsAndRecipients(told));
    JsonObject mail = told.get(0);
    assertTrue(mail.getString("subject").contains(n) && mail.getString("subject").contains("承办"),
        mail.getString("subject"));
    assertTrue(mail.getString("text").contains(PUBLIC_BASE + "/tickets/" + n), mail.getString("text"));
  }

  @Test
  void anUrgentTicketAlsoGoesToTheDepartmentsRobotAndDutyMobile() throws Exception {
    String n = created("13300000002", "紧急", "变压器冒烟，整条街停电");
    assertEquals(200, dispatch(n, new JsonObject().put("department_id", "hhht.power")).status());
    assertEquals(List.of("department-robot:hhht.power#1", "mail:hhht-power@hhht.gov.example", "sms:13912345678"),
        channelsAndRecipients(notices(n)), "the landline duty phone gets no SMS");
    // The robot's URL (with its key) is looked up when sending, never stored in the outbox.
    Await.until(() -> robot.received().stream().anyMatch(r -> r.body().contains(n)));
    ProviderStub.Received posted = robot.received().stream().filter(r -> r.body().contains(n)).findFirst()
        .orElseThrow();
    assertEquals("/cgi-bin/webhook/send", posted.path());
    assertEquals("text", new JsonObject(posted.body()).getString("msgtype"));
    Await.until(() -> "sent".equals(notices(n).stream().filter(m -> m.getString("channel").equals("department-robot"))
        .findFirst().orElseThrow().getString("status")));
    assertEquals(0, count(server, "SELECT count(*) FROM outbox WHERE recipient LIKE '%key=%'"));
  }

  @Test
  void eachDispatchTellsTheNewDepartment() {
    String n = created("13300000003", "一般", "楼道灯坏了");
    dispatch(n, new JsonObject().put("department_id", "hhht.power"));
    dispatch(n, new JsonObject().put("department_id", "hhht.housing"));
    assertEquals(List.of("mail:hhht-housing@hhht.gov.example", "mail:hhht-power@hhht.gov.example"),
        channelsAndRecipients(notices(n)));
  }

  @Test
  void aDepartmentNothingReachesIsReportedToTheSupervisorsWithTheReason() {
    String n = created("13300000004", "一般", "自治区层面的政策咨询");
    assertEquals(200, dispatch(n, new JsonObject().put("department_id", "nmg")).status());
    List<JsonObject> told = notices(n);
    assertEquals(List.of("dingtalk:supervisors", "mail:duban@example.gov.cn"), channelsAndRecipients(told));
    assertTrue(told.get(0).getString("text").contains("未配置邮箱、群机器人或值班手机"), told.get(0).getString("text"));
  }

  @Test
  void coDepartmentsAreToldAddNotesAndTheirPartAndTheLeadsReplyClosesIt() {
    // 燃气泄漏: the rules send it to the gas company with 住建局 assisting.
    String n = created("13300000005", "一般", "楼道里有很浓的燃气味，怀疑燃气泄漏");
    JsonObject t = server.get("/api/tickets/" + n, As.DISPATCHER).json();
    assertEquals("hhht.gas", t.getString("department_id"));
    List<String> told = channelsAndRecipients(notices(n));
    assertTrue(told.contains("mail:hhht-gas@hhht.gov.example") && told.contains("mail:hhht-housing@hhht.gov.example"),
        told.toString());
    assertTrue(notices(n).stream().anyMatch(m -> m.getString("recipient").startsWith("hhht-housing")
        && m.getString("subject").contains("协办")));

    String[] housing = {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.housing", "X-Hotline-User", "li"};
    String[] gas = {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.gas"};
    String[] power = {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", "hhht.power"};
    String base = "/api/tickets/" + n + "/co-departments";
    assertEquals(201, server.postJson(base + "/notes", new JsonObject().put("note", "已通知物业配合"), housing).status());
    Response answered = server.postJson(base + "/answer", new JsonObject().put("answer", "物业已排查楼内燃气管道"),
        housing);
    assertEquals(200, answered.status(), answered.body());
    assertEquals("ANSWERED", answered.json().getString("status"));
    assertEquals(409, server.postJson(base + "/answer", new JsonObject().put("answer", "再说一次"), housing).status());
    Response stranger = server.postJson(base + "/notes", new JsonObject().put("note", "我也来"), power);
    assertEquals(404, stranger.status(), "a department that does not assist learns nothing: " + stranger.body());

    assertEquals(200, server.post("/api/tickets/" + n + "/actions/sign", "", gas).status());
    assertEquals(200, server.postJson("/api/tickets/" + n + "/actions/reply",
        new JsonObject().put("note", "已修复泄漏点"), gas).status());
    JsonArray parts = server.get(base, gas).json().getJsonArray("items");
    assertEquals(1, parts.size());
    assertEquals("CLOSED", parts.getJsonObject(0).getString("status"));
    assertEquals("lead_replied", parts.getJsonObject(0).getString("close_reason"));
    assertEquals("物业已排查楼内燃气管道", parts.getJsonObject(0).getString("answer"));
    Response late = server.postJson(base + "/notes", new JsonObject().put("note", "补充"), housing);
    assertEquals(409, late.status(), late.body());
    List<String> actions = server.get("/api/tickets/" + n, As.DISPATCHER).json().getJsonArray("timeline").stream()
        .map(e -> ((JsonObject) e).getString("action")).toList();
    assertTrue(actions.containsAll(List.of("CO_ASSIGNED", "CO_NOTE", "CO_ANSWER", "CO_CLOSED")), actions.toString());
  }

  @Test
  void aDispatcherNamesCoDepartmentsAndARedispatchWithoutThemClosesTheirParts() {
    String n = created("13300000006", "一般", "小区门口道路破损");
    Response bad = dispatch(n, new JsonObject().put("department_id", "hhht.urban")
        .put("co_department_ids", new JsonArray().add("hhht.nowhere")));
    assertEquals(400, bad.status(), bad.body());
    assertEquals("co_department_ids", bad.json().getJsonObject("details").getString("field"));
    Response self = dispatch(n, new JsonObject().put("department_id", "hhht.urban")
        .put("co_department_ids", new JsonArray().add("hhht.urban")));
    assertEquals(400, self.status(), self.body());
    Response ok = dispatch(n, new JsonObject().put("department_id", "hhht.urban")
        .put("co_department_ids", new JsonArray().add("hhht.transport")));
    assertEquals(200, ok.status(), ok.body());
    assertEquals("OPEN", server.get("/api/tickets/" + n + "/co-departments", DISPATCHER).json().getJsonArray("items")
        .getJsonObject(0).getString("status"));
    assertEquals(200, dispatch(n, new JsonObject().put("department_id", "hhht.housing")).status());
    JsonObject part = server.get("/api/tickets/" + n + "/co-departments", DISPATCHER).json().getJsonArray("items")
        .getJsonObject(0);
    assertEquals("CLOSED", part.getString("status"));
    assertEquals("redispatched", part.getString("close_reason"));
    Response notADispatch = server.postJson("/api/tickets/" + n + "/actions/stop", new JsonObject()
        .put("co_department_ids", new JsonArray().add("hhht.transport")), DISPATCHER);
    assertEquals(400, notADispatch.status(), notADispatch.body());
  }
}
