package org.open12345.hotline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.TestServer;
import org.slf4j.LoggerFactory;

/** A path with a broken percent-escape gets 400 in the error shape, and nothing is logged at ERROR. */
class MalformedPathsTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("escalation.scheduler_enabled", "false", "outbox.relay_enabled", "false"),
        java.time.Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Raw HTTP/1.1: java.net.URI refuses these paths before they could be sent. */
  static String[] get(String rawPath) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.server().port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String status = answer.substring(9, 12);
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      return new String[] {status, body};
    }
  }

  @Test
  void brokenEscapesAreRefusedWithoutAnErrorLog() throws IOException {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    root.addAppender(seen);
    try {
      for (String path : new String[] {"/%zz", "/api/%", "/console/%4", "/%/r"}) {
        String[] answer = get(path);
        assertEquals("400", answer[0], path);
        assertEquals("malformed_path", new JsonObject(answer[1]).getString("error"), path);
      }
      assertFalse(seen.list.stream().anyMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)),
          () -> "logged at ERROR: " + seen.list);
    } finally {
      root.detachAppender(seen);
    }
  }

  @Test
  void wellFormedEscapesReachTheRoutes() throws IOException {
    String[] answer = get("/%E5%B7%A5%E5%8D%95");
    assertEquals("404", answer[0]);
    assertEquals("not_found", new JsonObject(answer[1]).getString("error"));
    assertTrue(MalformedPaths.wellEscaped("/a%20b%2F"));
    assertFalse(MalformedPaths.wellEscaped("/a%2"));
    assertFalse(MalformedPaths.wellEscaped("/a%g0"));
  }
}
