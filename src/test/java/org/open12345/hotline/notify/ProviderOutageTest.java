package org.open12345.hotline.notify;

import static org.junit.jupiter.api.Assertions.*;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.notify.ProviderStub.Reply;
import org.open12345.hotline.testing.Await;
import org.open12345.hotline.testing.TestServer;

/**
 * The SMS provider answers 500, then stops answering (the sender's timeout), then comes back: the
 * relay backs off instead of hammering it, and every message is accepted by the provider exactly
 * once (issue 15). The provider is a Twilio-shaped stub; the relay and the outbox are real.
 */
class ProviderOutageTest {
  Vertx vertx;
  ProviderStub provider;
  TestServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (vertx != null) {
      Await.result(vertx.close());
    }
  }

  @Test
  void aProviderThatFailsThenTimesOutGetsEachMessageOnceWhenItIsBack() throws Exception {
    vertx = Vertx.vertx();
    AtomicReference<String> mode = new AtomicReference<>("500");
    AtomicInteger failedRequests = new AtomicInteger();
    Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    provider = ProviderStub.start(vertx).answering(r -> {
      String body = new QueryStringDecoder(r.body(), StandardCharsets.UTF_8, false).parameters()
          .getOrDefault("Body", List.of("")).get(0);
      switch (mode.get()) {
        case "500" -> {
          failedRequests.incrementAndGet();
          return Reply.json(500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
        }
        case "silence" -> {
          failedRequests.incrementAndGet();
          return Reply.silence();
        }
        default -> {
          accepted.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
          return Reply.json(201, "{\"sid\":\"SM" + Math.abs(body.hashCode()) + "\",\"status\":\"queued\"}");
        }
      }
    });
    Map<String, String> cfg = new HashMap<>();
    cfg.put("messaging.sms.provider", "twilio");
    cfg.put("messaging.sms.twilio.accountSid", "ACoutage");
    cfg.put("messaging.sms.twilio.authToken", "token");
    cfg.put("messaging.sms.twilio.from", "+15017122661");
    cfg.put("messaging.sms.twilio.baseUrl", provider.baseUrl());
    cfg.put("messaging.sms.twilio.timeoutMs", "1000");
    cfg.put("messaging.retry.baseSeconds", "1");
    cfg.put("messaging.retry.capSeconds", "2");
    cfg.put("messaging.retry.maxAttempts", "100");
    cfg.put("outbox.poll_interval", "0.2s");
    server = TestServer.start(cfg, Clock.systemUTC());
    int messages = 20;
    for (int i = 0; i < messages; i++) {
      NewMessage m = new NewMessage("alert", "sms", "139000000" + String.format("%02d", i), null, "值班提醒 msg-" + i,
          null, "outage:" + i, new JsonObject(), null, false);
      Await.resultOf(server.server().pool().withTransaction(tx -> server.server().features().outbox.enqueue(tx, m)));
    }
    // The phases follow the relay's attempts (from the outbox), not the wall clock, so a slow
    // machine only stretches them: 500 until every message failed twice, then silence (the
    // sender's timeout) until every message failed a third time, then the provider is back.
    long since = System.nanoTime();
    Await.until(() -> minAttempts() >= 2, Duration.ofSeconds(60));
    mode.set("silence");
    Await.until(() -> minAttempts() >= 3, Duration.ofSeconds(60));
    double outageSeconds = (System.nanoTime() - since) / 1e9;
    long attempts = sumAttempts();
    mode.set("ok");
    // Backoff from 1 s doubling to 2 s with full jitter: about one attempt a second per message at
    // most; a relay retrying at every 0.2 s poll would make five.
    assertTrue(attempts <= messages * (2 + 2 * outageSeconds),
        attempts + " attempts for " + messages + " messages in " + outageSeconds + " s: no backoff");
    Await.until(() -> accepted.size() == messages, Duration.ofSeconds(30));
    Await.until(() -> outbox("count(*) FILTER (WHERE status = 'sent')") == messages);
    accepted.forEach((body, n) -> assertEquals(1, n.get(), body + " accepted " + n.get() + " times"));
  }

  long minAttempts() {
    return outbox("coalesce(min(attempts), 0)");
  }

  long sumAttempts() {
    return outbox("coalesce(sum(attempts), 0)");
  }

  long outbox(String aggregate) {
    return Await.resultOf(server.server().pool().query("SELECT " + aggregate + " FROM outbox").execute())
        .iterator().next().getLong(0);
  }
}
