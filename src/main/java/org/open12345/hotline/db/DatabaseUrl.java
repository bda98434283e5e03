package org.open12345.hotline.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A {@code postgresql://user:pass@host:port/db} URL, split for the JDBC driver Flyway needs. */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

  public static DatabaseUrl parse(String url) {
    URI uri = URI.create(url.trim());
    String user = "postgres";
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new DatabaseUrl(
        uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), path.isEmpty() ? user : path, user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public DatabaseUrl withDatabase(String name) {
    return new DatabaseUrl(host, port, name, user, password);
  }

  /** The URL form vertx-pg-client reads. */
  public String uri() {
    String auth = user + (password == null ? "" : ":" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8));
    return "postgresql://" + auth + "@" + host + ":" + port + "/" + database;
  }
}
