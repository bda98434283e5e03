package org.open12345.hotline.intake.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * GeoReport v2 answers in JSON or XML: a list of records under a root/item element pair
 * ({@code services/service}, {@code service_requests/request}, {@code errors/error}).
 */
final class Open311Output {
  private Open311Output() {}

  static void list(RoutingContext ctx, int status, boolean xml, String root, String item,
      List<Map<String, Object>> records) {
    if (xml) {
      StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").append(root).append('>');
      for (Map<String, Object> r : records) {
        b.append('<').append(item).append('>');
        fields(b, r);
        b.append("</").append(item).append('>');
      }
      b.append("</").append(root).append(">\n");
      send(ctx, status, "text/xml; charset=utf-8", b.toString());
    } else {
      JsonArray a = new JsonArray();
      records.forEach(r -> a.add(new JsonObject(r)));
      send(ctx, status, "application/json; charset=utf-8", a.encode());
    }
  }

  /** A single object ({@code service_definition}). */
  static void object(RoutingContext ctx, boolean xml, String root, Map<String, Object> record) {
    if (xml) {
      StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").append(root).append('>');
      fields(b, record);
      send(ctx, 200, "text/xml; charset=utf-8", b.append("</").append(root).append(">\n").toString());
    } else {
      send(ctx, 200, "application/json; charset=utf-8", new JsonObject(record).encode());
    }
  }

  static void error(RoutingContext ctx, boolean xml, int code, String description) {
    Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("code", code);
    e.put("description", description);
    list(ctx, code, xml, "errors", "error", List.of(e));
  }

  @SuppressWarnings("unchecked")
  private static void fields(StringBuilder b, Map<String, Object> r) {
    r.forEach((k, v) -> {
      b.append('<').append(k).append('>');
      if (v instanceof List<?> l) {
        for (Object o : l) {
          if (o instanceof Map<?, ?> m) {
            b.append("<attribute>");
            fields(b, (Map<String, Object>) m);
            b.append("</attribute>");
          } else {
            b.append(esc(String.valueOf(o))).append(' ');
          }
        }
      } else if (v != null) {
        b.append(esc(String.valueOf(v)));
      }
      b.append("</").append(k).append('>');
    });
  }

  private static void send(RoutingContext ctx, int status, String type, String body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", type).end(body);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
