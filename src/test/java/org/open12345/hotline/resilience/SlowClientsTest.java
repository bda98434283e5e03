package org.open12345.hotline.resilience;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.open12345.hotline.testing.TestServer;

/**
 * Slowloris: hundreds of connections that send a request header one byte at a time never take the
 * event loops from ordinary clients (Netty parses what arrives and waits without a thread), so a
 * citizen's complaint and the health check answer as quickly as without them (issue 15).
 */
class SlowClientsTest {
  static final int SLOW = 300;
  static final byte[] HEADER = ("POST /api/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
      + "Content-Length: 100\r\nX-Padding: " + "a".repeat(2000)).getBytes(StandardCharsets.US_ASCII);

  @Test
  void threeHundredSlowConnectionsDoNotDelayOrdinaryRequests() throws Exception {
    try (TestServer server = TestServer.start()) {
      // Warm the paths first (the first complaint loads the routing model and compiles code).
      server.get("/health");
      server.post("/api/complaints", "{\"name\":\"王五\",\"phone\":\"13700009999\",\"request_type\":\"投诉\","
          + "\"location\":\"新城区\",\"description\":\"预热：路灯不亮\"}");
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < SLOW; i++) {
          Socket s = new Socket("127.0.0.1", server.server().port());
          s.setSoTimeout(1);
          slow.add(s);
        }
        Thread drip = new Thread(() -> {
          for (int k = 0; !Thread.currentThread().isInterrupted() && k < HEADER.length; k++) {
            for (Socket s : slow) {
              try {
                OutputStream out = s.getOutputStream();
                out.write(HEADER[k]);
                out.flush();
              } catch (IOException closedByServer) {
                // a server that hangs up on slow clients is fine too
              }
            }
            try {
              Thread.sleep(250);
            } catch (InterruptedException e) {
              return;
            }
          }
        }, "slowloris");
        drip.start();
        List<Long> millis = new ArrayList<>();
        try {
          for (int i = 0; i < 40; i++) {
            long t = System.nanoTime();
            int status = i % 4 == 0
                ? server.post("/api/complaints", "{\"name\":\"王五\",\"phone\":\"1370000" + String.format("%04d", i)
                    + "\",\"request_type\":\"投诉\",\"location\":\"新城区\",\"description\":\"慢连接期间的投诉：路灯不亮\"}").status()
                : server.get("/health").status();
            millis.add((System.nanoTime() - t) / 1_000_000);
            assertTrue(status == 200 || status == 201, "answered " + status + " while slow clients held connections");
          }
        } finally {
          drip.interrupt();
          drip.join();
        }
        Collections.sort(millis);
        // Generous: the machine running the tests is shared; a blocked server would not answer at all.
        assertTrue(millis.get(millis.size() - 1) < 5000, "slowest " + millis.get(millis.size() - 1) + " ms with "
            + SLOW + " slow connections");
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }
}
