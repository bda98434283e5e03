package org.open12345.hotline.intake.sms;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.open12345.hotline.intake.FormBody;
import org.open12345.hotline.intake.Payloads;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.TestServer;

class SmsWebhookTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Response aliyun(String body) {
    return server.post("/webhooks/sms/aliyun", body, WebhookGuards.HEADER, ALIYUN_SECRET);
  }

  static Response twilio(String form, String signature) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url("/webhooks/sms/twilio")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    return signature == null ? server.send(b) : server.send(b, "X-Twilio-Signature", signature);
  }

  static String twilioSignature(String form) throws Exception {
    return TwilioSignature.compute(TWILIO_TOKEN, PUBLIC_BASE + "/webhooks/sms/twilio", FormBody.parse(form));
  }

  static Response generic(String body, String id) {
    return genericSms(server, body, id);
  }

  /** The one ticket of a phone, with its ack SMS in the outbox. */
  static JsonObject onlyTicketWithAck(String phone, String description) {
    JsonArray tickets = ticketsOf(server, phone);
    assertEquals(1, tickets.size(), tickets.encodePrettily());
    JsonObject t = tickets.getJsonObject(0);
    assertEquals("SMS", t.getString("channel"));
    assertEquals(description, t.getString("description"));
    JsonObject ack = ackSms(server, t.getString("number"));
    assertNotNull(ack, "ack SMS in the outbox");
    assertEquals("sms", ack.getString("channel"));
    assertEquals(phone, ack.getString("recipient"));
    assertTrue(ack.getString("text").contains(t.getString("number")), ack.getString("text"));
    return t;
  }

  @Test
  void aliyunBatchMakesTicketsAndAnswersInAliyunFormat() {
    Response r = aliyun(Payloads.read("sms/aliyun-smsup-numeric-sequence.json"));
    assertEquals(200, r.status(), r.body());
    assertEquals(new JsonObject().put("code", 0).put("msg", "接收成功"), r.json());
    onlyTicketWithAck("13811112222", "2 谢谢");
    onlyTicketWithAck("13900000001", "小区门口的路灯坏了一个星期了，请尽快维修");
    assertEquals(2, count(server, "SELECT count(*) FROM inbound_messages WHERE provider = 'aliyun' AND outcome = 'ticket' "
        + "AND phone IN ('13811112222', '13900000001')"));
  }

  @Test
  void tencentReplyMakesATicketAndAnswersInTencentFormat() {
    String body = Payloads.read("sms/tencent-reply.json").replace("13800138000", "13800000002");
    Response r = server.post("/webhooks/sms/tencent?secret=" + TENCENT_SECRET, body);
    assertEquals(200, r.status(), r.body());
    assertEquals(new JsonObject().put("result", 0).put("errmsg", "OK"), r.json());
    onlyTicketWithAck("13800000002", "4 不满意，问题没解决");
  }

  @Test
  void twilioSignedMessageMakesATicketAndGetsEmptyTwiml() throws Exception {
    String form = Payloads.read("sms/twilio-inbound.form");
    Response r = twilio(form, twilioSignature(form));
    assertEquals(200, r.status(), r.body());
    assertTrue(r.header("Content-Type").startsWith("text/xml"), r.header("Content-Type"));
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", r.body());
    onlyTicketWithAck("+14155550111", "满意");
  }

  @Test
  void badTwilioSignatureIs403AndStoresNothing() throws Exception {
    String form = Payloads.read("sms/twilio-inbound.form").replace("SM1f0e8ae6ade43cb3c0ce4525424e404f", "SMbad")
        .replace("%2B14155550111", "%2B14155550999");
    String signedOther = twilioSignature(form.replace("Body=%E6%BB%A1%E6%84%8F", "Body=x"));
    assertEquals(403, twilio(form, signedOther).status());
    assertEquals(403, twilio(form, null).status());
    assertEquals(0, ticketsOf(server, "+14155550999").size());
    assertEquals(0, count(server, "SELECT count(*) FROM inbound_messages WHERE provider_message_id = 'SMbad'"));
  }

  @Test
  void genericSignedMessageMakesATicket() {
    String body = Payloads.read("sms/generic.json").replace("138 0013 8000", "138 0000 0003");
    Response r = generic(body, "gw-20240501-000123");
    assertEquals(200, r.status(), r.body());
    assertEquals(new JsonObject().put("status", "accepted"), r.json());
    onlyTicketWithAck("13800000003", "【回复】3");
    assertEquals("12345", ticketsOf(server, "13800000003").getJsonObject(0).getString("hotline_number"));
  }

  /** Closing a ticket asks the citizen to rate it; their SMS answer becomes the ticket's rating. */
  @Test
  void closingATicketPromptsTheCitizenAndTheirReplyRatesIt() {
    var created = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13800000051")
        .put("request_type", "投诉").put("category_code", "020201").put("description", "小区停电"), As.OPERATOR);
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("number");
    String dept = created.json().getString("department_id");
    for (String action : new String[] {"sign", "reply"}) {
      assertEquals(200, server.post("/api/tickets/" + number + "/actions/" + action, "",
          "X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", dept).status());
    }
    assertEquals(200, server.post("/api/tickets/" + number + "/actions/close", "", "X-Hotline-Role", "DISPATCHER")
        .status());
    String prompt = text(server, "SELECT text_body FROM outbox WHERE kind = 'rating-prompt' AND recipient = ?",
        "13800000051");
    assertNotNull(prompt, "a rating prompt SMS was queued on close");
    assertTrue(prompt.contains(number), prompt);

    String body = new JsonObject().put("id", "gw-rate-1").put("from", "13800000051").put("to", "12345")
        .put("text", "１ 非常满意，谢谢").put("received_at", Instant.now().toString()).encode();
    assertEquals(200, generic(body, "gw-rate-1").status());
    var timeline = server.get("/api/tickets/" + number, As.DISPATCHER).json().getJsonArray("timeline");
    assertTrue(timeline.stream().anyMatch(e -> ((JsonObject) e).getString("action").equals("RATE")),
        timeline.encode());
    assertEquals(1, ticketsOf(server, "13800000051").size(), "the reply made no new ticket");
  }

  /** 12333 is a 设分中心 hotline: its messages carry the number and go to its sub-centre (人社). */
  @Test
  void aMessageToAMergedHotlineGoesToItsSubCentre() {
    String body = new JsonObject().put("id", "gw-merged-1").put("from", "13800000021").put("to", "12333")
        .put("text", "我想问一下养老保险断缴了怎么补缴").put("received_at", Instant.now().toString()).encode();
    assertEquals(200, generic(body, "gw-merged-1").status());
    JsonObject t = ticketsOf(server, "13800000021").getJsonObject(0);
    assertEquals("12333", t.getString("hotline_number"));
    assertEquals("hhht.hrss", t.getString("department_id"));
    assertEquals("DISPATCHED", t.getString("status"));
  }

  /** The rule files' "unless" words keep a fire hazard report (火灾隐患) an ordinary ticket. */
  @Test
  void aFireHazardIsATicketNotAnEmergency() {
    String body = new JsonObject().put("id", "gw-hazard-1").put("from", "13800000022").put("to", "12345")
        .put("text", "楼道里堆满杂物，有火灾隐患").put("received_at", Instant.now().toString()).encode();
    assertEquals(200, generic(body, "gw-hazard-1").status());
    assertEquals(1, ticketsOf(server, "13800000022").size());
    assertNull(text(server, "SELECT number FROM emergency_transfers WHERE phone = '13800000022'"));
  }

  @Test
  void unsignedOrWrongSecretIsRefused() {
    String body = Payloads.read("sms/aliyun-smsup.json").replace("13811112222", "13800000004");
    assertEquals(403, server.post("/webhooks/sms/aliyun", body).status());
    assertEquals(403, server.post("/webhooks/sms/aliyun?secret=wrong", body).status());
    Response forged = server.post("/webhooks/sms/generic", Payloads.read("sms/generic.json"),
        "webhook-id", "x", "webhook-timestamp", Long.toString(Instant.now().getEpochSecond()),
        "webhook-signature", "v1,AAAA");
    assertEquals(403, forged.status());
    assertEquals("forbidden", forged.json().getString("error"));
    assertEquals(0, ticketsOf(server, "13800000004").size());
    assertEquals(404, server.post("/webhooks/sms/nokia", "{}").status());
  }

  @Test
  void theSameDeliveryThreeTimesMakesOneTicketAndTheSameAck() {
    String body = "[{\"phone_number\":\"13800000005\",\"content\":\"楼道灯坏了\",\"send_time\":\"2024-05-01 08:00:00\","
        + "\"dest_code\":\"1234\",\"sequence_id\":\"seq-3x\"}]";
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Response r = aliyun(body);
      assertEquals(200, r.status(), r.body());
      answers.add(r.body());
    }
    assertEquals(1, answers.stream().distinct().count());
    assertEquals(1, ticketsOf(server, "13800000005").size());
    assertEquals(1, count(server, "SELECT count(*) FROM outbox WHERE recipient = '13800000005'"));
  }

  /**
   * A provider that retries impatiently, or several gateways relaying the same message, deliver one
   * SMS many times at once: every copy is acknowledged (so the provider stops), one ticket exists.
   * The copies are released together; the server's 4 database connections make them queue.
   */
  @ParameterizedTest(name = "{0} concurrent copies")
  @ValueSource(ints = {12, 1000})
  void concurrentDuplicatesMakeOneTicket(int copies) throws Exception {
    String phone = copies == 12 ? "13800000006" : "13800000016";
    String body = Payloads.read("sms/tencent-reply.json").replace("13800138000", phone)
        .replace("4 不满意，问题没解决", "路口红绿灯坏了");
    // With group commit several copies land in one batch, i.e. one transaction.
    // HTTP/1.1: each copy on a connection of its own, as separate provider retries arrive.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest copy = HttpRequest.newBuilder(URI.create(server.url("/webhooks/sms/tencent")))
        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
        .header(WebhookGuards.HEADER, TENCENT_SECRET).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      answers.add(http.sendAsync(copy, HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> a : answers) {
      HttpResponse<String> r = a.get(90, TimeUnit.SECONDS);
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("{\"result\":0,\"errmsg\":\"OK\"}", r.body());
    }
    assertEquals(1, ticketsOf(server, phone).size());
    assertEquals(1, count(server, "SELECT count(*) FROM inbound_messages WHERE phone = ?", phone));
    assertEquals(1, count(server, "SELECT count(*) FROM outbox WHERE recipient = ?", phone), "one acknowledgement SMS");
  }

  @Test
  void malformedPayloadsAre400AndOnlyARejectIsStored() throws Exception {
    long ticketsBefore = count(server, "SELECT count(*) FROM tickets");
    long rejectsBefore = count(server, "SELECT count(*) FROM inbound_rejects");
    Response a = aliyun("{\"phone_number\":\"13800000007\"}");
    assertEquals(400, a.status());
    assertEquals("invalid_payload", a.json().getString("error"));
    Response a2 = aliyun("[{\"phone_number\":\"13800000007\",\"content\":\"x\",\"send_time\":\"yesterday\","
        + "\"sequence_id\":\"1\"}]");
    assertEquals(400, a2.status());
    assertEquals("[0].send_time", a2.json().getJsonObject("details").getString("field"), a2.body());
    Response t = server.post("/webhooks/sms/tencent", "{\"mobile\":\"13800000007\",\"text\":\"hi\",\"time\":\"soon\"}",
        WebhookGuards.HEADER, TENCENT_SECRET);
    assertEquals(400, t.status());
    assertEquals("time", t.json().getJsonObject("details").getString("field"));
    String noSid = "From=%2B14155550111&Body=hello";
    Response tw = twilio(noSid, twilioSignature(noSid));
    assertEquals(400, tw.status(), tw.body());
    Response g = generic("{\"id\":\"g-bad\",\"from\":\"13800000007\",\"text\":\"\",\"received_at\":\"2024-05-01T08:30:00+08:00\"}", "g-bad");
    assertEquals(400, g.status());
    assertEquals(ticketsBefore, count(server, "SELECT count(*) FROM tickets"));
    assertEquals(rejectsBefore + 5, count(server, "SELECT count(*) FROM inbound_rejects"));
    assertEquals(0, count(server, "SELECT count(*) FROM inbound_messages WHERE phone = '13800000007'"));
    assertEquals("{\"phone_number\":\"13800000007\"}",
        text(server, "SELECT raw FROM inbound_rejects WHERE provider = 'aliyun' ORDER BY id LIMIT 1"));
  }

  @Test
  void anEmergencyIsTransferredAndAlertedNotTicketed() {
    String body = "[{\"phone_number\":\"13800000008\",\"content\":\"幸福小区3号楼着火了，快来人\","
        + "\"send_time\":\"2024-05-01 08:00:00\",\"sequence_id\":\"fire-1\"}]";
    assertEquals(200, aliyun(body).status());
    assertEquals(0, ticketsOf(server, "13800000008").size());
    assertEquals("119", text(server, "SELECT number FROM emergency_transfers WHERE phone = '13800000008'"));
    assertEquals("着火", text(server, "SELECT matched_word FROM emergency_transfers WHERE phone = '13800000008'"));
    assertEquals("dingtalk", text(server, "SELECT channel FROM outbox WHERE kind = 'emergency-transfer' "
        + "AND text_body LIKE '%13800000008%'"));
    assertEquals("supervisors", text(server, "SELECT recipient FROM outbox WHERE kind = 'emergency-transfer' "
        + "AND text_body LIKE '%13800000008%'"));
    assertEquals("emergency", text(server, "SELECT outcome FROM inbound_messages WHERE phone = '13800000008'"));
  }

  @Test
  void operatorsSeeTheInboundLogAndTheRejectsThroughTheApi() {
    String body = "[{\"phone_number\":\"13800000009\",\"content\":\"小区路灯坏了三天了\","
        + "\"send_time\":\"2024-05-01 08:00:00\",\"sequence_id\":\"log-1\"}]";
    assertEquals(200, aliyun(body).status());
    Response listed = server.get("/api/inbound?phone=%2B86%20138%200000%200009", As.DISPATCHER);
    assertEquals(200, listed.status(), listed.body());
    JsonObject m = listed.json().getJsonArray("items").getJsonObject(0);
    assertEquals("ticket", m.getString("status"));
    assertEquals("小区路灯坏了三天了", m.getString("text"));
    assertEquals(ticketsOf(server, "13800000009").getJsonObject(0).getString("number"), m.getString("ticket_number"));
    assertEquals(400, server.get("/api/inbound?status=nonsense", As.DISPATCHER).status());

    assertEquals(400, aliyun("{\"phone_number\":\"13800000010\"}").status());
    JsonObject reject = server.get("/api/inbound/rejects", As.DISPATCHER).json().getJsonArray("items").getJsonObject(0);
    assertEquals("sms", reject.getString("channel"));
    assertEquals("aliyun", reject.getString("provider"));
    assertEquals("{\"phone_number\":\"13800000010\"}", reject.getString("raw"));
  }

  /**
   * Messages started in one event-loop task share a group-commit batch (one transaction): each
   * gets its own outcome, a second copy is a duplicate, and the outcomes go in one statement per
   * kind at the batch's end instead of one per message (rows an UPDATE writes carry its command id,
   * cmin). On the single path each message has a transaction of its own, its outcome written at once.
   */
  /** The messages handled from one event-loop task (one group-commit batch), their outcomes in order. */
  static List<InboundSmsHandler.Outcome> handledTogether(List<InboundSms> messages) {
    InboundSmsHandler handler = server.server().features().intake.smsHandler();
    List<CompletableFuture<InboundSmsHandler.Outcome>> answers = new ArrayList<>();
    messages.forEach(m -> answers.add(new CompletableFuture<>()));
    server.server().vertx().getOrCreateContext().runOnContext(v -> {
      for (int i = 0; i < messages.size(); i++) {
        CompletableFuture<InboundSmsHandler.Outcome> a = answers.get(i);
        handler.handle(messages.get(i)).onSuccess(a::complete).onFailure(a::completeExceptionally);
      }
    });
    return answers.stream().map(a -> a.orTimeout(30, TimeUnit.SECONDS).join()).toList();
  }

  /**
   * A provider's retry of a stored message, in one batch with new ones. In a batch, a request that
   * becomes a ticket writes its claim with the ticket at the batch's end: the retry's claim meets
   * the stored one there, nothing of the batch is stored, and it runs again, together, with its
   * claims made first. The retry is a duplicate; each new message is one ticket, claimed once.
   * Long texts and a short one (whose phone's follow-up question is read) alike.
   */
  @Test
  void aRetriedMessageAmongNewOnesIsADuplicateAndEachNewOneIsOneTicket() {
    Instant now = Instant.now();
    String longText = "您好，我是本市某某区某某街道某某小区的居民，我们楼下的路灯已经坏了一个多星期了，晚上出行很不方便，请尽快派人维修。";
    InboundSms stored = new InboundSms("aliyun", "retry-0", "13800000400", longText, now, null, "{}");
    assertEquals(List.of(InboundSmsHandler.Outcome.TICKET), handledTogether(List.of(stored)));
    List<InboundSms> messages = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      messages.add(new InboundSms("aliyun", "retry-" + i, "1380000040" + i, i == 4 ? "小区4号楼门口的路灯坏了" : longText,
          now, null, "{}"));
    }
    messages.add(1, stored);
    double rollbacksBefore = batchRollbacks();
    List<InboundSmsHandler.Outcome> outcomes = handledTogether(messages);
    assertEquals(List.of(InboundSmsHandler.Outcome.TICKET, InboundSmsHandler.Outcome.DUPLICATE_DELIVERY,
        InboundSmsHandler.Outcome.TICKET, InboundSmsHandler.Outcome.TICKET, InboundSmsHandler.Outcome.TICKET), outcomes);
    for (int i = 0; i <= 4; i++) {
      String phone = "1380000040" + i;
      JsonObject t = onlyTicketWithAck(phone, i == 4 ? "小区4号楼门口的路灯坏了" : longText);
      assertEquals(1, count(server, "SELECT count(*) FROM inbound_messages WHERE phone = ?", phone));
      assertEquals(t.getString("number"), text(server,
          "SELECT detail FROM inbound_messages WHERE phone = ? AND outcome = 'ticket'", phone));
      assertEquals(ticketId(server, t.getString("number")),
          count(server, "SELECT ticket_id FROM inbound_messages WHERE phone = ?", phone));
    }
    String ours = "FROM inbound_messages WHERE provider_message_id IN ('retry-1', 'retry-2', 'retry-3', 'retry-4')";
    boolean shared = server.server().features().tickets.creationsShared();
    assertEquals(shared ? 1 : 4, count(server, "SELECT count(DISTINCT xmin::text) " + ours), "run again together");
    assertEquals(shared ? 1.0 : 0.0, batchRollbacks() - rollbacksBefore, "the claims at the end met the stored one");
  }

  /** Group-commit batches rolled back and run again, as /metrics shows them. */
  static double batchRollbacks() {
    Matcher m = Pattern.compile("(?m)^hotline_intake_batch_rollbacks_total(?:\\{[^}]*})? (\\S+)$")
        .matcher(server.get("/metrics", As.METRICS).body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void messagesHandledTogetherKeepTheirOwnOutcomesWrittenInOneStatement() {
    Instant now = Instant.now();
    List<InboundSms> messages = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      messages.add(new InboundSms("aliyun", "together-" + i, "1380000030" + i, "小区" + i + "号楼门口的路灯坏了", now, null,
          "{}"));
    }
    messages.add(messages.get(0));
    messages.add(new InboundSms("aliyun", "together-td", "13800000310", "TD", now, null, "{}"));
    List<InboundSmsHandler.Outcome> outcomes = handledTogether(messages);
    List<InboundSmsHandler.Outcome> expected = new ArrayList<>(
        java.util.Collections.nCopies(6, InboundSmsHandler.Outcome.TICKET));
    expected.add(InboundSmsHandler.Outcome.DUPLICATE_DELIVERY);
    expected.add(InboundSmsHandler.Outcome.OPT_OUT);
    assertEquals(expected, outcomes);
    for (int i = 0; i < 6; i++) {
      String phone = "1380000030" + i;
      JsonObject t = onlyTicketWithAck(phone, "小区" + i + "号楼门口的路灯坏了");
      assertEquals("ticket", text(server, "SELECT outcome FROM inbound_messages WHERE phone = ?", phone));
      assertEquals(t.getString("number"), text(server, "SELECT detail FROM inbound_messages WHERE phone = ?", phone));
      assertEquals(ticketId(server, t.getString("number")),
          count(server, "SELECT ticket_id FROM inbound_messages WHERE phone = ?", phone));
    }
    assertEquals(1, count(server, "SELECT count(*) FROM inbound_messages WHERE provider_message_id = 'together-0'"));
    assertEquals("opt_out", text(server, "SELECT outcome FROM inbound_messages WHERE phone = '13800000310'"));
    String ours = "FROM inbound_messages WHERE provider_message_id LIKE 'together-%' AND outcome = 'ticket'";
    long transactions = count(server, "SELECT count(DISTINCT xmin::text) " + ours);
    assertEquals(server.server().features().tickets.creationsShared() ? 1 : 6, transactions);
    assertEquals(transactions, count(server, "SELECT count(DISTINCT (xmin::text, cmin::text)) " + ours),
        "one outcome statement per transaction");
  }
}
