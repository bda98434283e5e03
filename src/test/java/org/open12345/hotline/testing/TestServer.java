package org.open12345.hotline.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.app.HotlineServer;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.db.DatabaseUrl;

/** A real server on a free port over a fresh database, and a plain HTTP client to talk to it. */
public final class TestServer implements AutoCloseable {
  private final HotlineServer server;
  private final DatabaseUrl db;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final TestIdentities identities;

  private TestServer(HotlineServer server, DatabaseUrl db) {
    this.server = server;
    this.db = db;
    this.identities = new TestIdentities(server.features().identity, http, "http://127.0.0.1:" + server.port());
  }

  public static TestServer start() {
    return start(Map.of(), Clock.systemUTC());
  }

  public static TestServer start(Map<String, String> overrides, Clock clock) {
    return start(TestDatabase.freshDatabase(), overrides, clock);
  }

  public static TestServer start(DatabaseUrl db, Map<String, String> overrides, Clock clock) {
    Map<String, String> o = new HashMap<>();
    o.put("db.url", db.uri());
    o.put("http.port", "0");
    o.put("http.host", "127.0.0.1");
    o.put("db.pool_size", "4");
    // The harness's own sessions (X-Hotline-User) outlive simulated time; a test of timeouts sets its own.
    o.put("identity.session.idle_timeout", "87600h");
    o.put("identity.session.absolute_timeout", "87600h");
    // The test parameter of the intake paths: -Dhotline.test.intake.batch=false runs the same tests
    // on the single-ticket reference path (pom.xml's second surefire execution does), else group commit.
    String batch = System.getProperty("hotline.test.intake.batch");
    if (batch != null && !batch.isBlank()) {
      o.put("intake.batch.enabled", batch);
    }
    o.putAll(overrides);
    try {
      return new TestServer(HotlineServer.start(HotlineConfig.load(null, Map.of(), o), clock), db);
    } catch (Exception e) {
      throw new IllegalStateException("server did not start", e);
    }
  }

  public HotlineServer server() {
    return server;
  }

  public DatabaseUrl database() {
    return db;
  }

  /** The first column of every row {@code sql} returns, read straight from the server's database. */
  public java.util.List<String> column(String sql, Object... args) throws java.sql.SQLException {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        var st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      java.util.List<String> out = new java.util.ArrayList<>();
      try (java.sql.ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  public Response get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
  }

  public Response post(String path, String body, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  public Response postJson(String path, JsonObject body, String... headers) {
    return post(path, body.encode(), headers);
  }

  /** The real credentials (headers) the shorthand ones stand for, e.g. for a raw socket request. */
  public String[] credentials(String... shorthand) {
    return identities.translate(shorthand);
  }

  /**
   * Sends the request and checks the exchange against the API contract ({@link ApiContract}):
   * an answer the document does not describe fails the test here, naming the operation, the
   * status and what does not match. The shorthand headers {@code X-Hotline-Role},
   * {@code X-Hotline-Department} and {@code X-Hotline-User} become real credentials of that role
   * ({@link TestIdentities}); without them the request is anonymous.
   */
  public Response send(HttpRequest.Builder b, String... shorthand) {
    String[] headers = identities.translate(shorthand);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpRequest request = b.timeout(Duration.ofSeconds(30)).build();
    Response response;
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      response = new Response(r.statusCode(), r.body(), r.headers().map());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    List<String> broken = ApiContract.get().observe(new ApiContract.Exchange(request.method(), request.uri().getRawPath(),
        request.headers().firstValue("Content-Type").orElse(null), RequestBodies.text(request), response.status(),
        response.header("Content-Type"), response.body()));
    if (!broken.isEmpty()) {
      throw new AssertionError("API contract (" + ContractDocument.RESOURCE + ") broken by " + request.method() + " "
          + request.uri().getRawPath() + " -> " + response.status() + ":\n  " + String.join("\n  ", broken)
          + "\n  answer: " + abbreviate(response.body()));
    }
    return response;
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** A response; {@link #json()} parses the body. */
  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }
}
