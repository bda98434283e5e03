package org.open12345.hotline.app;

import static org.junit.jupiter.api.Assertions.*;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;

/** SIGTERM's path: a request in flight when the stop begins is finished, not cut off. */
class GracefulShutdownTest {

  @Test
  void aRequestInFlightWhenTheServerStopsIsAnsweredWhileNewConnectionsAreRefused() throws Exception {
    TestServer s = TestServer.start();
    int port = s.server().port();
    String body = "{\"citizen_phone\":\"13800000061\",\"request_type\":\"咨询\",\"description\":\"停止时仍在提交的工单\"}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String[] operator = s.credentials(As.OPERATOR);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/tickets HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + operator[0] + ": " + operator[1] + "\r\n"
          + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, 0, 10);
      out.flush();
      // The request has started (headers and part of the body are in); now the stop begins.
      awaitServerSaw(s);
      CompletableFuture<Void> stopping = CompletableFuture.runAsync(s::close);
      awaitRefused(port);
      out.write(bytes, 10, bytes.length - 10);
      out.flush();
      String answer = readHead(socket.getInputStream());
      assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
      stopping.get(30, TimeUnit.SECONDS);
    }
  }

  /** The metrics count active requests: wait until the server has our request open. */
  private static void awaitServerSaw(TestServer s) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      String metrics = s.get("/metrics", As.METRICS).body();
      if (metrics.lines().anyMatch(l -> l.startsWith("vertx_http_server_active_requests")
          && l.contains("method=\"POST\"") && !l.endsWith(" 0.0"))) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    fail("the server never saw the request");
  }

  /** Stop accepting comes first: wait until a new connection is refused. */
  private static void awaitRefused(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        TimeUnit.MILLISECONDS.sleep(20);
      } catch (ConnectException refused) {
        return;
      } catch (Exception other) {
        return;
      }
    }
    fail("the server kept accepting connections while stopping");
  }

  private static String readHead(InputStream in) throws Exception {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      sb.append((char) c);
      if (sb.length() > 4 && sb.lastIndexOf("\r\n\r\n") == sb.length() - 4) {
        break;
      }
    }
    return sb.toString();
  }
}
