package org.open12345.hotline.resilience;

import static org.junit.jupiter.api.Assertions.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.open12345.hotline.intake.IntakeTesting;
import org.open12345.hotline.intake.Payloads;
import org.open12345.hotline.intake.WebhookGuards;
import org.open12345.hotline.notify.webhook.StandardWebhookSignature;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.ContractDocument;
import org.open12345.hotline.testing.TestServer;

/**
 * Malformed requests over every operation of openapi.yaml, from anonymous callers and from each
 * role (issue 15): provider payloads and complaints with one value replaced by garbage (with the
 * right secret or signature, so they reach the parsers), random text and bytes, truncated JSON,
 * deep nesting, garbage path and query values. No answer may be a 5xx, the server stays ready, and
 * no ticket is left without its creation event. bench/resilience/run.sh sends 100,000 more.
 */
class PublicEndpointFuzzTest {
  static TestServer server;
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  static final List<String[]> OPERATIONS = operations();
  static final List<String> SEEDS = List.of("sms/aliyun-smsup.json", "sms/tencent-reply.json", "sms/generic.json",
      "voice/generic-cti-newcall.json", "voice/generic-cti-hangup.json", "voice/aliyun-voicereport.json",
      "voice/huawei-release.json");
  static final JsonObject COMPLAINT = new JsonObject().put("name", "张三").put("phone", "13800138000")
      .put("request_type", "投诉").put("location", "新城区").put("description", "小区路灯不亮，请尽快维修");
  static final JsonObject ACTION = new JsonObject().put("department_id", "hhht.housing").put("note", "已处理")
      .put("reason", "不属于本单位").put("level", 1).put("until", "2026-12-31T00:00:00+08:00").put("days", 3)
      .put("role", "OPERATOR").put("name", "fuzz").put("password", "x").put("service_code", "001");

  /** One request: method, path, body, content type, who sends it. */
  record Fuzz(String method, String path, byte[] body, String contentType, String[] who, boolean signed) {
    @Override
    public String toString() {
      String b = new String(body, StandardCharsets.UTF_8);
      return method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " as " + String.join("=", who) + " [" + contentType + "] "
          + (b.length() > 300 ? b.substring(0, 300) + "…" : b);
    }
  }

  @BeforeContainer
  static void start() {
    Map<String, String> cfg = IntakeTesting.config();
    cfg.put("intake.web.submissions_per_ip_per_hour", "0");
    cfg.put("intake.web.submissions_per_phone_per_day", "0");
    server = TestServer.start(cfg, Clock.systemUTC());
  }

  @AfterContainer
  static void stop() {
    try {
      assertEquals(200, server.get("/ready").status(), "ready after the fuzz");
      assertEquals(0, IntakeTesting.count(server,
          "SELECT count(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id)"),
          "tickets without their creation event");
    } finally {
      server.close();
    }
  }

  @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
  void noMalformedRequestIsAnsweredWithA5xx(@ForAll("requests") Fuzz f) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(f.path())))
        .timeout(Duration.ofSeconds(30))
        .method(f.method(), f.body().length == 0 && !f.method().equals("POST") && !f.method().equals("PUT")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(f.body()));
    if (f.contentType() != null) {
      b.header("Content-Type", f.contentType());
    }
    String[] headers = server.credentials(f.who());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    if (f.path().startsWith("/webhooks/")) {
      b.header(WebhookGuards.HEADER, f.path().contains("/voice/") ? IntakeTesting.VOICE_SECRET
          : f.path().endsWith("/tencent") ? IntakeTesting.TENCENT_SECRET : IntakeTesting.ALIYUN_SECRET);
    }
    if (f.signed()) {
      String id = "fz-" + System.nanoTime();
      long ts = Instant.now().getEpochSecond();
      b.header("webhook-id", id).header("webhook-timestamp", Long.toString(ts))
          .header("webhook-signature", StandardWebhookSignature.sign(IntakeTesting.GENERIC_SECRET, id, ts, f.body()));
    }
    HttpRequest request = b.build();
    HttpResponse<String> r;
    try {
      r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException closedKeepAlive) {
      // A kept-alive connection the server closed after the previous answer (e.g. a 413 before
      // the body was read) fails the next POST on it; the client does not retry a POST itself.
      r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
    assertTrue(r.statusCode() < 500, f + "\n -> " + r.statusCode() + " " + r.body());
  }

  @Provide
  Arbitrary<Fuzz> requests() {
    Arbitrary<String[]> op = Arbitraries.of(OPERATIONS);
    Arbitrary<String[]> who = Arbitraries.of(new String[0], As.OPERATOR, As.DISPATCHER, As.SUPERVISOR, As.ADMIN,
        As.department("hhht.housing"));
    Arbitrary<String> pathValue = Arbitraries.oneOf(
        Arbitraries.of("1", "0", "-1", "99999999999999999999", "20261201000001", "aliyun", "tencent", "generic",
            "twilio", "huawei", "approve", "reject", "dispatch", "accept", "13800138000", "admin", "%00", "%2e%2e",
            "%E4%B8%AD", "a%2Fb", "x".repeat(3000)),
        Arbitraries.strings().all().ofMaxLength(30).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
    Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
        Combinators.combine(Arbitraries.of("limit", "offset", "status", "code", "start_date", "from", "to", "next",
            "department", "page", "channel", "q"), garbageText())
            .as((k, v) -> "?" + k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return Combinators.combine(op, pathValue, query, body(), who).as((o, v, q, body, w) -> {
      String path = o[1].replaceAll("\\{[^}]+}", v) + q;
      boolean signed = path.startsWith("/webhooks/sms/generic");
      return new Fuzz(o[0], path, body.bytes(), body.contentType(), w, signed);
    });
  }

  /** A request body and its content type (null: no header). */
  record Body(String contentType, byte[] bytes) {}

  /** Bodies of every kind the fuzz sends. */
  static Arbitrary<Body> body() {
    Arbitrary<Body> mutated = Combinators.combine(
        Arbitraries.oneOf(Arbitraries.of(SEEDS).map(p -> Payloads.read(p)), Arbitraries.of(COMPLAINT.encode(),
            ACTION.encode())),
        Arbitraries.integers().between(0, 50), garbageJson())
        .as((seed, which, garbage) -> new Body("application/json", mutate(seed, which, garbage)
            .getBytes(StandardCharsets.UTF_8)));
    Arbitrary<Body> text = Combinators.combine(
        Arbitraries.of("application/json", "application/x-www-form-urlencoded", "text/plain", "application/xml"),
        Arbitraries.strings().all().ofMaxLength(400)).as((ct, s) -> new Body(ct, s.getBytes(StandardCharsets.UTF_8)));
    Arbitrary<Body> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(600)
        .map(b -> new Body("application/json", b));
    Arbitrary<Body> deep = Arbitraries.of(100, 1000, 5000, 20000)
        .map(d -> new Body("application/json", ("[".repeat(d) + "]".repeat(d)).getBytes(StandardCharsets.UTF_8)));
    Arbitrary<Body> truncated = Combinators.combine(Arbitraries.of(SEEDS),
        Arbitraries.integers().between(1, 80)).as((p, n) -> {
          byte[] all = Payloads.read(p).getBytes(StandardCharsets.UTF_8);
          return new Body("application/json", java.util.Arrays.copyOf(all, Math.min(n, all.length)));
        });
    Arbitrary<Body> form = garbageText().map(g -> new Body("application/x-www-form-urlencoded",
        ("api_key=" + IntakeTesting.OPEN311_KEY + "&service_code=001&description="
            + URLEncoder.encode(g, StandardCharsets.UTF_8) + "&lat=" + URLEncoder.encode(g, StandardCharsets.UTF_8))
            .getBytes(StandardCharsets.UTF_8)));
    Arbitrary<Body> none = Arbitraries.just(new Body(null, new byte[0]));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, mutated), net.jqwik.api.Tuple.of(2, text), net.jqwik.api.Tuple.of(1, bytes),
        net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(1, truncated), net.jqwik.api.Tuple.of(1, form),
        net.jqwik.api.Tuple.of(1, none));
  }

  static Arbitrary<String> garbageText() {
    return Arbitraries.oneOf(
        Arbitraries.of("", " ", "null", "-1", "1e309", "NaN", "2026-13-45T25:61:61Z", "' OR 1=1 --", "${jndi:x}",
            "\u0000", "\ud83d\ude00".repeat(40), "中".repeat(3000), "a".repeat(5000), "<script>", "../../etc/passwd"),
        Arbitraries.strings().all().ofMaxLength(60));
  }

  static Arbitrary<Object> garbageJson() {
    return Arbitraries.oneOf(garbageText().map(s -> (Object) s),
        Arbitraries.of(0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1.5e308, true, false).map(o -> (Object) o),
        Arbitraries.just(new JsonArray().add(new JsonObject().put("x", "y"))), Arbitraries.just(new JsonObject()),
        Arbitraries.just(JsonObject.of("nested", JsonArray.of(1, "a", null))));
  }

  /** The seed with its {@code which}-th value (depth first, modulo their number) replaced. */
  static String mutate(String seed, int which, Object garbage) {
    Object root = seed.trim().startsWith("[") ? new JsonArray(seed) : new JsonObject(seed);
    List<Runnable> slots = new ArrayList<>();
    collect(root, garbage, slots);
    if (!slots.isEmpty()) {
      slots.get(which % slots.size()).run();
    }
    return root.toString();
  }

  private static void collect(Object node, Object garbage, List<Runnable> slots) {
    if (node instanceof JsonObject o) {
      for (String k : new ArrayList<>(o.fieldNames())) {
        slots.add(() -> o.put(k, garbage));
        slots.add(() -> o.remove(k));
        collect(o.getValue(k), garbage, slots);
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        int at = i;
        slots.add(() -> a.set(at, garbage));
        collect(a.getValue(i), garbage, slots);
      }
    }
  }

  /** Every operation of the document as {method, path template}. */
  @SuppressWarnings("unchecked")
  static List<String[]> operations() {
    Map<String, Object> paths = (Map<String, Object>) ContractDocument.load().raw().get("paths");
    List<String[]> out = new ArrayList<>();
    new TreeMap<>(paths).forEach((path, item) -> ((Map<String, Object>) item).keySet().stream()
        .filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m))
        .forEach(m -> out.add(new String[] {m.toUpperCase(), path})));
    out.add(new String[] {"GET", "/no/such/path"});
    out.add(new String[] {"DELETE", "/api/tickets"});
    return out;
  }
}
