package org.open12345.hotline.intake.open311;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.open12345.hotline.intake.FormBody;
import org.open12345.hotline.intake.PayloadException;
import org.open12345.hotline.intake.idempotency.InvalidSubmissionKey;
import org.open12345.hotline.intake.idempotency.SubmissionKey;
import org.open12345.hotline.intake.idempotency.SubmissionKeyBusy;
import org.open12345.hotline.intake.idempotency.SubmissionKeyReused;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.NewTicket;
import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Ticket;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) under {@code /open311/v2/}: services,
 * service definitions, POST/GET requests, in {@code .json} or {@code .xml}, with the spec's
 * field names and error lists. HTTP only: {@link Open311RequestService} decides what is shown.
 */
public final class Open311Routes {
  private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
  private final Open311RequestService requests;
  private final Supplier<List<Open311Service>> services;
  private final List<byte[]> apiKeys;
  private final ZoneId zone;

  public Open311Routes(Open311RequestService requests, Supplier<List<Open311Service>> services,
      List<String> apiKeys, ZoneId zone) {
    this.requests = requests;
    this.services = services;
    this.apiKeys = apiKeys.stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    this.zone = zone;
  }

  /** The routes under {@code /open311/v2}. */
  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.get("/:file").handler(this::top);
    r.post("/:file").handler(this::postTop);
    r.get("/services/:file").handler(this::serviceDefinition);
    r.get("/requests/:file").handler(this::request);
    return r;
  }

  /** {@code name.json} → [name, json]; null when the extension is not json/xml. */
  private static String[] split(String file) {
    int dot = file.lastIndexOf('.');
    if (dot <= 0) {
      return null;
    }
    String ext = file.substring(dot + 1);
    return ext.equals("json") || ext.equals("xml") ? new String[] {file.substring(0, dot), ext} : null;
  }

  private void top(RoutingContext ctx) {
    String[] f = split(ctx.pathParam("file"));
    if (f == null) {
      Open311Output.error(ctx, false, 404, "unknown resource; use .json or .xml");
      return;
    }
    boolean xml = f[1].equals("xml");
    switch (f[0]) {
      case "services" -> {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Open311Service s : services.get()) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("service_code", s.code());
          m.put("service_name", s.name());
          m.put("description", s.description());
          m.put("metadata", false);
          m.put("type", "realtime");
          m.put("keywords", String.join(",", s.keywords()));
          m.put("group", s.group());
          out.add(m);
        }
        Open311Output.list(ctx, 200, xml, "services", "service", out);
      }
      case "requests" -> listRequests(ctx, xml);
      default -> Open311Output.error(ctx, xml, 404, "unknown resource " + f[0]);
    }
  }

  private void postTop(RoutingContext ctx) {
    String[] f = split(ctx.pathParam("file"));
    boolean xml = f != null && f[1].equals("xml");
    if (f == null || !f[0].equals("requests")) {
      Open311Output.error(ctx, xml, 404, "only requests.json and requests.xml accept POST");
      return;
    }
    Map<String, List<String>> p;
    try {
      String body = ctx.body().buffer() == null ? "" : ctx.body().buffer().toString(StandardCharsets.UTF_8);
      p = FormBody.parse(body);
    } catch (PayloadException e) {
      Open311Output.error(ctx, xml, 400, "request body is not application/x-www-form-urlencoded");
      return;
    }
    String apiKey = FormBody.first(p, "api_key");
    if (apiKey == null || apiKey.isBlank()) {
      Open311Output.error(ctx, xml, 400, "api_key was not provided");
      return;
    }
    if (!knownKey(apiKey)) {
      Open311Output.error(ctx, xml, 403, "Invalid api_key received -- can't proceed with create_request.");
      return;
    }
    String code = FormBody.first(p, "service_code");
    if (code == null || code.isBlank()) {
      Open311Output.error(ctx, xml, 400, "service_code was not provided");
      return;
    }
    Optional<Open311Service> service = service(code);
    if (service.isEmpty()) {
      Open311Output.error(ctx, xml, 404, "service_code " + code + " not found");
      return;
    }
    Double lat;
    Double lon;
    try {
      lat = coordinate(FormBody.first(p, "lat"), 90);
      lon = coordinate(FormBody.first(p, "long"), 180);
    } catch (NumberFormatException e) {
      Open311Output.error(ctx, xml, 400, "lat and long must be WGS84 decimal degrees");
      return;
    }
    String address = blank(FormBody.first(p, "address_string"));
    String addressId = blank(FormBody.first(p, "address_id"));
    if ((lat == null) != (lon == null)) {
      Open311Output.error(ctx, xml, 400, "lat and long must be given together");
      return;
    }
    if (lat == null && address == null && addressId == null) {
      Open311Output.error(ctx, xml, 400, "a location is required: lat & long, address_string or address_id");
      return;
    }
    String description = blank(FormBody.first(p, "description"));
    if (description != null && description.length() > 4000) {
      Open311Output.error(ctx, xml, 400, "description is longer than 4000 characters");
      return;
    }
    String phone = blank(FormBody.first(p, "phone"));
    String name = String.join(" ", nonBlank(FormBody.first(p, "last_name"), FormBody.first(p, "first_name"))).trim();
    NewTicket draft = new NewTicket(Channel.OPEN311, phone == null ? "" : PhoneNumbers.normalize(phone),
        name.isEmpty() ? null : name, RequestType.HELP, null, service.get().code(),
        address != null ? address : addressId, lat, lon, null,
        description != null ? description : service.get().name(), null, null);
    JsonObject details = new JsonObject().put("service_code", code).put("email", blank(FormBody.first(p, "email")))
        .put("device_id", blank(FormBody.first(p, "device_id"))).put("account_id", blank(FormBody.first(p, "account_id")))
        .put("media_url", blank(FormBody.first(p, "media_url"))).put("address_id", addressId);
    SubmissionKey key;
    try {
      key = key(ctx.request().getHeader(SubmissionKey.HEADER), apiKey, p);
    } catch (InvalidSubmissionKey e) {
      Open311Output.error(ctx, xml, 400, "Idempotency-Key must be 1-" + SubmissionKey.MAX_LENGTH
          + " printable ASCII characters, e.g. a UUID");
      return;
    }
    requests.create(draft, details, key)
        .onSuccess(created -> {
          if (created.replayed()) {
            ctx.response().putHeader(SubmissionKey.REPLAYED_HEADER, "true");
          }
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("service_request_id", created.number());
          m.put("service_notice", "您的诉求已受理，工单号 " + created.number());
          m.put("account_id", null);
          Open311Output.list(ctx, 201, xml, "service_requests", "request", List.of(m));
        })
        .onFailure(e -> {
          if (e instanceof SubmissionKeyBusy) {
            Open311Output.error(ctx, xml, 409,
                "a request with this Idempotency-Key is still being processed; send it again in a moment");
          } else if (e instanceof SubmissionKeyReused) {
            Open311Output.error(ctx, xml, 422,
                "the Idempotency-Key was used before with other content; use a new key for a new request");
          } else {
            ctx.fail(e);
          }
        });
  }

  /**
   * The request's idempotency key (null: none), scoped to the client's API key: two clients that
   * happen to send the same key make two requests. The content is every field but the API key,
   * the first value of each, as the request is read.
   */
  private static SubmissionKey key(String header, String apiKey, Map<String, List<String>> fields)
      throws InvalidSubmissionKey {
    if (header == null) {
      return null;
    }
    Map<String, String> content = new TreeMap<>();
    fields.forEach((name, values) -> content.put(name, values.isEmpty() ? null : values.get(0)));
    content.remove("api_key");
    return SubmissionKey.scoped("open311\u0000" + apiKey, header, content);
  }

  private void serviceDefinition(RoutingContext ctx) {
    String[] f = split(ctx.pathParam("file"));
    boolean xml = f != null && f[1].equals("xml");
    Optional<Open311Service> s = f == null ? Optional.empty() : service(f[0]);
    if (s.isEmpty()) {
      Open311Output.error(ctx, xml, 404, "service_code " + (f == null ? ctx.pathParam("file") : f[0]) + " not found");
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_code", s.get().code());
    m.put("attributes", List.of());
    Open311Output.object(ctx, xml, "service_definition", m);
  }

  private void request(RoutingContext ctx) {
    String[] f = split(ctx.pathParam("file"));
    boolean xml = f != null && f[1].equals("xml");
    if (f == null) {
      Open311Output.error(ctx, false, 404, "use requests/{id}.json or .xml");
      return;
    }
    requests.find(f[0])
        .onSuccess(found -> {
          if (found.isEmpty()) {
            Open311Output.error(ctx, xml, 404, "service_request_id " + f[0] + " not found");
          } else {
            Open311Output.list(ctx, 200, xml, "service_requests", "request", List.of(record(found.get())));
          }
        })
        .onFailure(ctx::fail);
  }

  private void listRequests(RoutingContext ctx, boolean xml) {
    var q = ctx.queryParams();
    String ids = blank(q.get("service_request_id"));
    if (ids != null) {
      // The spec: with service_request_id, the other parameters are ignored.
      answer(ctx, xml, requests.byIds(csv(ids)).map(this::records));
      return;
    }
    Instant end;
    Instant start;
    try {
      end = q.get("end_date") == null ? null : OffsetDateTime.parse(q.get("end_date")).toInstant();
      start = q.get("start_date") == null ? null : OffsetDateTime.parse(q.get("start_date")).toInstant();
    } catch (DateTimeParseException e) {
      Open311Output.error(ctx, xml, 400, "start_date and end_date must be W3C datetimes like 2026-11-27T08:00:00+08:00");
      return;
    }
    String codes = blank(q.get("service_code"));
    String status = blank(q.get("status"));
    Set<String> states = null;
    if (status != null) {
      states = new LinkedHashSet<>(csv(status));
      if (!Set.of("open", "closed").containsAll(states)) {
        Open311Output.error(ctx, xml, 400, "status must be open, closed or open,closed");
        return;
      }
    }
    answer(ctx, xml, requests.list(start, end, codes == null ? null : csv(codes), states).map(this::records));
  }

  private static void answer(RoutingContext ctx, boolean xml, Future<List<Map<String, Object>>> records) {
    records.onSuccess(r -> Open311Output.list(ctx, 200, xml, "service_requests", "request", r))
        .onFailure(ctx::fail);
  }

  private List<Map<String, Object>> records(List<Open311Request> found) {
    List<Map<String, Object>> out = new ArrayList<>(found.size());
    found.forEach(r -> out.add(record(r)));
    return out;
  }

  /** The spec's record of one request. */
  private Map<String, Object> record(Open311Request r) {
    Ticket t = r.ticket();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", t.number());
    m.put("status", Open311RequestService.state(t.status()));
    m.put("status_notes", r.statusNotes());
    m.put("service_name", service(t.categoryCode()).map(Open311Service::name).orElse(null));
    m.put("service_code", t.categoryCode());
    m.put("description", t.description());
    m.put("agency_responsible", t.departmentId());
    m.put("service_notice", null);
    m.put("requested_datetime", W3C.format(t.createdAt().atZone(zone)));
    m.put("updated_datetime", W3C.format(t.updatedAt().atZone(zone)));
    m.put("expected_datetime", r.expectedAt() == null ? null : W3C.format(r.expectedAt().atZone(zone)));
    m.put("address", t.locationText());
    m.put("address_id", null);
    m.put("zipcode", null);
    m.put("lat", t.latitude());
    m.put("long", t.longitude());
    m.put("media_url", null);
    return m;
  }

  private Optional<Open311Service> service(String code) {
    return code == null ? Optional.empty() : services.get().stream().filter(s -> s.code().equals(code)).findFirst();
  }

  private boolean knownKey(String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    boolean ok = false;
    for (byte[] known : apiKeys) {
      ok |= MessageDigest.isEqual(known, k);
    }
    return ok;
  }

  private static Double coordinate(String v, double max) {
    if (v == null || v.isBlank()) {
      return null;
    }
    double d = Double.parseDouble(v.trim());
    if (Double.isNaN(d) || Math.abs(d) > max) {
      throw new NumberFormatException(v);
    }
    return d;
  }

  private static List<String> csv(String v) {
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> nonBlank(String... parts) {
    return Arrays.stream(parts).filter(s -> s != null && !s.isBlank()).map(String::trim).toList();
  }

  private static String blank(String v) {
    return v == null || v.isBlank() ? null : v.trim();
  }
}
