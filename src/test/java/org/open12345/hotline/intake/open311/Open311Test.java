package org.open12345.hotline.intake.open311;

import static org.junit.jupiter.api.Assertions.*;
import static org.open12345.hotline.intake.IntakeTesting.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer.Response;
import org.open12345.hotline.testing.TestServer;

class Open311Test {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(config(), java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Response postForm(String path, String form) {
    return server.send(HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  static String newRequest() {
    Response r = postForm("/open311/v2/requests.json", "api_key=" + OPEN311_KEY
        + "&service_code=020301&lat=40.8424&long=111.7490&address_string=%E6%96%B0%E5%8D%8E%E5%A4%A7%E8%A1%97"
        + "&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE&first_name=Ming&last_name=Li&phone=13400000001");
    assertEquals(201, r.status(), r.body());
    JsonArray a = new JsonArray(r.body());
    assertEquals(1, a.size());
    assertTrue(a.getJsonObject(0).containsKey("service_notice"));
    assertTrue(a.getJsonObject(0).containsKey("account_id"));
    return a.getJsonObject(0).getString("service_request_id");
  }

  @Test
  void aClientFlowServicesThenPostThenGet() {
    JsonArray services = new JsonArray(server.get("/open311/v2/services.json").body());
    JsonObject light = services.stream().map(o -> (JsonObject) o)
        .filter(s -> "020301".equals(s.getString("service_code"))).findFirst().orElseThrow();
    for (String f : new String[] {"service_name", "description", "metadata", "type", "keywords", "group"}) {
      assertTrue(light.containsKey(f), f);
    }
    assertEquals(false, light.getBoolean("metadata"));
    assertEquals("realtime", light.getString("type"));
    JsonObject def = new JsonObject(server.get("/open311/v2/services/020301.json").body());
    assertEquals("020301", def.getString("service_code"));
    assertEquals(0, def.getJsonArray("attributes").size());

    String id = newRequest();
    assertEquals("OPEN311", ticketsOf(server, "13400000001").getJsonObject(0).getString("channel"));
    Response got = server.get("/open311/v2/requests/" + id + ".json");
    assertEquals(200, got.status(), got.body());
    JsonObject req = new JsonArray(got.body()).getJsonObject(0);
    for (String f : new String[] {"service_request_id", "status", "status_notes", "service_name", "service_code",
        "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
        "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"}) {
      assertTrue(req.containsKey(f), f);
    }
    assertEquals(id, req.getString("service_request_id"));
    assertEquals("open", req.getString("status"));
    assertEquals("020301", req.getString("service_code"));
    assertEquals("室温不达标", req.getString("service_name"));
    assertEquals("路灯不亮", req.getString("description"));
    assertEquals("新华大街", req.getString("address"));
    assertEquals(40.8424, req.getDouble("lat"));
    assertEquals(111.749, req.getDouble("long"));
    assertEquals("+08:00", OffsetDateTime.parse(req.getString("requested_datetime")).getOffset().toString());
    // Routed to the heating company under the utilities policy: resolve within 24 hours.
    assertEquals(OffsetDateTime.parse(req.getString("requested_datetime")).plusHours(24).toInstant(),
        OffsetDateTime.parse(req.getString("expected_datetime")).toInstant());
    assertFalse(got.body().contains("13400000001"), "the citizen's phone is not published");

    server.post("/api/tickets/" + id + "/actions/dispatch", "{\"department_id\":\"hhht.urban\"}",
        "X-Hotline-Role", "DISPATCHER");
    JsonObject dispatched = new JsonArray(server.get("/open311/v2/requests/" + id + ".json").body()).getJsonObject(0);
    assertEquals("hhht.urban", dispatched.getString("agency_responsible"));

    Response xml = server.get("/open311/v2/requests/" + id + ".xml");
    assertTrue(xml.header("Content-Type").startsWith("text/xml"));
    assertTrue(xml.body().contains("<service_requests><request><service_request_id>" + id + "</service_request_id>"),
        xml.body());
    assertTrue(server.get("/open311/v2/services.xml").body().contains("<services><service><service_code>"));
  }

  @Test
  void listingFiltersBySpecParameters() {
    String id = newRequest();
    JsonArray byId = new JsonArray(server.get("/open311/v2/requests.json?service_request_id=" + id).body());
    assertEquals(1, byId.size());
    JsonArray open = new JsonArray(server.get("/open311/v2/requests.json?status=open&service_code=020301").body());
    assertTrue(open.stream().anyMatch(o -> id.equals(((JsonObject) o).getString("service_request_id"))));
    assertEquals(0, new JsonArray(server.get("/open311/v2/requests.json?status=closed").body()).size());
    assertEquals(0, new JsonArray(server.get("/open311/v2/requests.json?service_code=010201").body()).size());
    assertEquals(0, new JsonArray(server.get(
        "/open311/v2/requests.json?start_date=2020-01-01T00:00:00%2B08:00&end_date=2020-02-01T00:00:00%2B08:00").body()).size());
  }

  @Test
  void errorsComeInTheSpecFormat() {
    Response noKey = postForm("/open311/v2/requests.json", "service_code=020301&lat=40&long=111");
    assertEquals(400, noKey.status());
    JsonArray e = new JsonArray(noKey.body());
    assertEquals(400, e.getJsonObject(0).getInteger("code"));
    assertNotNull(e.getJsonObject(0).getString("description"));
    assertEquals(2, e.getJsonObject(0).size());
    assertEquals(403, new JsonArray(postForm("/open311/v2/requests.json", "api_key=nope&service_code=020301&lat=40&long=111")
        .body()).getJsonObject(0).getInteger("code"));
    assertEquals(404, postForm("/open311/v2/requests.json", "api_key=" + OPEN311_KEY + "&service_code=999999&lat=40&long=111")
        .status());
    assertEquals(400, postForm("/open311/v2/requests.json", "api_key=" + OPEN311_KEY + "&service_code=020301").status());
    Response missingXml = server.get("/open311/v2/requests/20990101000001.xml");
    assertEquals(404, missingXml.status());
    assertTrue(missingXml.body().contains("<errors><error><code>404</code><description>"), missingXml.body());
    assertEquals(400, server.get("/open311/v2/requests.json?start_date=yesterday").status());
    Response phoneTicket = server.postJson("/api/tickets", new JsonObject().put("citizen_phone", "13400000002")
        .put("request_type", "咨询").put("description", "电话工单"), As.OPERATOR);
    assertEquals(404, server.get("/open311/v2/requests/" + phoneTicket.json().getString("number") + ".json").status(),
        "tickets from other channels are not published");
  }

  @Test
  void statusNotesAreTheLatestReply() {
    String id = newRequest();
    Response replied = reply(server, id, "hhht.urban", "路灯已修复");
    assertEquals(200, replied.status(), replied.body());
    JsonObject one = new JsonArray(server.get("/open311/v2/requests/" + id + ".json").body()).getJsonObject(0);
    assertEquals("路灯已修复", one.getString("status_notes"));
    assertEquals("open", one.getString("status"), "replied is not closed yet");
    JsonObject listed = new JsonArray(server.get("/open311/v2/requests.json?service_request_id=" + id).body())
        .getJsonObject(0);
    assertEquals("路灯已修复", listed.getString("status_notes"));
    assertEquals(one.getString("expected_datetime"), listed.getString("expected_datetime"));
  }
}
