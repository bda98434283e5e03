package org.open12345.hotline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/**
 * The documented answers no feature test reaches (mostly refusals), produced once each: the test
 * client checks every answer against openapi.yaml, so each call here proves one documented
 * status and its body shape.
 */
class ApiContractTourTest {
  private static final String TICKET = """
      {"citizen_phone":"13800138000","request_type":"投诉","description":"小区供暖温度不达标，室温只有14度"}""";
  private static TestServer server;

  @BeforeAll
  static void start() {
    Map<String, String> c = new HashMap<>(IntakeTesting.config());
    c.put("http.body_limit_bytes", "2048");
    // Two, not one: a bucket of one token can refuse its very first call (TokenBuckets keeps the
    // epoch nanoseconds in a double, which may round them past "now").
    c.put("intake.web.lookups_per_ip_per_hour", "2");
    c.put("intake.web.submissions_per_ip_per_hour", "2");
    server = TestServer.start(c, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void expect(int status, Response r) {
    assertEquals(status, r.status(), r.body());
  }

  private static Response postForm(String path, String form) {
    return server.send(HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static String newTicket() {
    Response r = server.post("/api/tickets", TICKET, As.OPERATOR);
    expect(201, r);
    return r.json().getString("number");
  }

  @Test
  void badQueryParametersAreRefusedInTheErrorShape() {
    expect(400, server.get("/api/outbox?status=lost", As.DISPATCHER));
    expect(400, server.get("/api/inbound?status=lost", As.DISPATCHER));
    expect(400, server.get("/api/escalations?size=0", As.DISPATCHER));
    expect(400, server.get("/api/deadlines/overdue?page=-1", As.DISPATCHER));
    expect(400, server.get("/api/callback-tasks?status=lost", As.OPERATOR));
    expect(400, server.post("/api/callback-tasks/abc/done", "", As.OPERATOR));
  }

  @Test
  void refusedTicketAndClockChanges() {
    String number = newTicket();
    expect(403, server.post("/api/tickets", TICKET, As.department("hhht.heating")));
    expect(403, server.post("/api/tickets/" + number + "/clock/pause", "{\"reason\":\"FORCE_MAJEURE\"}",
        As.OPERATOR));
    expect(404, server.post("/api/tickets/19990101000001/clock/pause", "{\"reason\":\"FORCE_MAJEURE\"}",
        As.DISPATCHER));
    expect(409, server.post("/api/tickets/" + number + "/clock/pause", "{\"reason\":\"FORCE_MAJEURE\"}",
        As.DISPATCHER));
    expect(400, server.post("/api/tickets/" + number + "/clock/resume", "{\"why\":1}", As.DISPATCHER));
    expect(403, server.post("/api/tickets/" + number + "/clock/resume", "", As.OPERATOR));
    expect(409, server.post("/api/tickets/" + number + "/clock/resume", "", As.DISPATCHER));
  }

  @Test
  void refusedExtensions() {
    String number = newTicket();
    String ask = "{\"days\":3,\"reason\":\"需要协调\"}";
    expect(403, server.post("/api/tickets/" + number + "/extensions", ask, As.OPERATOR));
    expect(404, server.post("/api/tickets/19990101000001/extensions", ask, As.department("hhht.heating")));
    expect(404, server.post("/api/tickets/" + number + "/extensions/999/approve", "{\"reason\":\"同意\"}",
        As.DISPATCHER));
    expect(200, server.post("/api/tickets/" + number + "/actions/answer_on_spot", "{\"note\":\"已当场答复\"}",
        As.OPERATOR));
    expect(409, server.post("/api/tickets/" + number + "/extensions/999/approve", "{\"reason\":\"同意\"}",
        As.DISPATCHER));
  }

  @Test
  void bodiesOverTheLimitAndUnknownProviders() {
    String big = "{\"description\":\"" + "长".repeat(1500) + "\"}";
    expect(413, server.post("/api/complaints", big));
    expect(413, server.post("/webhooks/sms/aliyun", big));
    expect(413, server.post("/webhooks/voice/generic", big));
    expect(413, server.post("/api/tickets/19990101000001/actions/sign", big, As.OPERATOR));
    expect(413, postForm("/complaint", "description=" + "%E9%95%BF".repeat(1000)));
    expect(413, postForm("/open311/v2/requests.json", "description=" + "%E9%95%BF".repeat(1000)));
    expect(404, server.post("/webhooks/voice/nobody", "{}"));
  }

  @Test
  void citizensAreRateLimited() {
    for (int i = 0; i < 2; i++) {
      expect(404, server.get("/api/complaints/19990101000001?code=nope"));
    }
    expect(429, server.get("/api/complaints/19990101000001?code=nope"));
    String form = "phone=13800138000&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE%E5%BE%88%E4%B9%85%E4%BA%86";
    for (int i = 0; i < 2; i++) {
      expect(200, postForm("/complaint", form));
    }
    expect(429, postForm("/complaint", form));
  }

  @Test
  void open311AnswersInXml() {
    String key = "api_key=" + IntakeTesting.OPEN311_KEY;
    expect(200, server.get("/open311/v2/services/020301.xml"));
    expect(400, server.get("/open311/v2/requests.xml?status=lost"));
    expect(201, postForm("/open311/v2/requests.xml", key + "&service_code=020301&address_string=x"));
    expect(403, postForm("/open311/v2/requests.xml", "api_key=wrong&service_code=020301&address_string=x"));
    expect(404, postForm("/open311/v2/requests.xml", key + "&service_code=999999&address_string=x"));
  }
}
