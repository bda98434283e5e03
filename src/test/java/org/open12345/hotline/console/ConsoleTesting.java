package org.open12345.hotline.console;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.open12345.hotline.testing.As;
import org.open12345.hotline.testing.TestServer;
import org.open12345.hotline.testing.TestServer.Response;

/** Signed-in browsers and tickets for the console's route tests (HTTP, no browser). */
final class ConsoleTesting {
  private ConsoleTesting() {}

  /** A person signed in with a session (the test harness makes the account), as shorthand headers. */
  static String[] person(String name, String role) {
    return new String[] {"X-Hotline-Role", role, "X-Hotline-User", name};
  }

  static String[] departmentPerson(String name, String department) {
    return new String[] {"X-Hotline-Role", "DEPARTMENT", "X-Hotline-Department", department, "X-Hotline-User", name};
  }

  /** A ticket recorded by an operator; routed on creation by the shipped rules. */
  static String ticket(TestServer server, JsonObject draft) {
    Response r = server.postJson("/api/tickets", draft, As.OPERATOR);
    if (r.status() != 201) {
      throw new IllegalStateException(r.body());
    }
    return r.json().getString("number");
  }

  /** A power-cut complaint: routed to hhht.power. */
  static JsonObject powerCut(String phone, String description) {
    return new JsonObject().put("citizen_phone", phone).put("citizen_name", "赵先生").put("request_type", "投诉")
        .put("category_code", "020201").put("description", description);
  }

  /**
   * A browser's form post: the session cookie only (no CSRF header), the form's fields as given
   * (put {@code csrf_token} in them to send it as a page does).
   */
  static Response form(TestServer server, String path, Map<String, String> fields, String... person) {
    List<String> headers = new ArrayList<>();
    String[] real = server.credentials(person);
    for (int i = 0; i + 1 < real.length; i += 2) {
      if (real[i].equals("Cookie")) {
        headers.add("Cookie");
        headers.add(real[i + 1]);
      }
    }
    String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
    return server.send(b, headers.toArray(String[]::new));
  }

  /** The session's CSRF token, as the page puts it in its forms. */
  static String csrf(TestServer server, String... person) {
    String[] real = server.credentials(person);
    for (int i = 0; i + 1 < real.length; i += 2) {
      if (real[i].equals("X-CSRF-Token")) {
        return real[i + 1];
      }
    }
    throw new IllegalStateException("no session for " + String.join(" ", person));
  }

  /** Form fields from name, value pairs. */
  static Map<String, String> fields(String... kv) {
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Lines of {@code server}'s event stream for this person, collected as they arrive (once it is open). */
  static List<String> listen(TestServer server, String... person) throws InterruptedException {
    List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    String cookie = null;
    String[] real = server.credentials(person);
    for (int i = 0; i + 1 < real.length; i += 2) {
      if (real[i].equals("Cookie")) {
        cookie = real[i + 1];
      }
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url("/console/events"))).header("Cookie", cookie)
        .header("Accept", "text/event-stream").GET().build();
    java.net.http.HttpClient.newHttpClient().sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
        .thenAccept(r -> {
          lines.add("status " + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse(""));
          r.body().forEach(lines::add);
        });
    org.open12345.hotline.testing.Await.until(() -> lines.stream().anyMatch(l -> l.startsWith("retry:")),
        java.time.Duration.ofSeconds(10));
    return lines;
  }
}
