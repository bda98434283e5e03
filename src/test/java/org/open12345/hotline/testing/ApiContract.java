package org.open12345.hotline.testing;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The API contract, {@code openapi.yaml}, loaded once per JVM and checked against the OpenAPI
 * 3.1 schema (the one Vert.x's OpenAPI module ships), and the check of one real exchange against
 * it: the operation must be documented, the status documented for it, the answer's content type
 * documented for that status, and a JSON answer must match its schema. A JSON request the server
 * accepted (2xx) must match the documented request body too (and any body it accepted must be
 * documented): a schema stricter than the server would make generated clients refuse valid requests.
 *
 * <p>Operations and media types are looked up here rather than through Vert.x's
 * {@code OpenAPIContract}, which accepts neither a path parameter that is part of a segment
 * ({@code /requests/{id}.json}, valid OpenAPI) nor media types such as text/html or text/xml.
 */
public final class ApiContract {
  /** Paths the document describes entirely: an answer there from an undocumented operation fails. */
  private static final List<String> COVERED = List.of("/api/", "/webhooks/", "/open311/", "/health", "/ready",
      "/metrics", "/complaint");
  private static final String BASE_URI = "app:///";

  /** One request and its answer, as the test client saw them. */
  public record Exchange(String method, String path, String requestContentType, String requestBody, int status,
      String contentType, String body) {}

  private record Route(String template, Pattern pattern, int literals, Map<String, JsonObject> operations) {}

  private static final class Holder {
    static final ApiContract INSTANCE = load();
  }

  private final JsonObject document;
  private final SchemaRepository schemas;
  private final List<Route> routes;
  /** "operationId status" pairs the tests produced, for {@link #unexercised()}. */
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  /** By schema object (identity: each is a node of the one document); validators are thread-safe. */
  private final Map<JsonObject, Validator> validators = java.util.Collections.synchronizedMap(new IdentityHashMap<>());

  private ApiContract(JsonObject document, SchemaRepository schemas, List<Route> routes) {
    this.document = document;
    this.schemas = schemas;
    this.routes = routes;
  }

  /** The contract, loaded and checked on first use; an invalid document fails every caller. */
  public static ApiContract get() {
    return Holder.INSTANCE;
  }

  private static ApiContract load() {
    ContractDocument doc = ContractDocument.load();
    List<String> problems = doc.problems();
    if (!problems.isEmpty()) {
      throw new IllegalStateException(ContractDocument.RESOURCE + " is wrong:\n  " + String.join("\n  ", problems));
    }
    JsonObject strict = doc.strictCopy();
    OpenAPIVersion version = OpenAPIVersion.fromContract(strict);
    Vertx vertx = Vertx.vertx();
    SchemaRepository repository;
    try {
      repository = version.getRepository(vertx, BASE_URI).toCompletionStage().toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      OutputUnit valid = version.validateContract(vertx, repository, doc.asJson()).toCompletionStage()
          .toCompletableFuture().get(60, TimeUnit.SECONDS);
      valid.checkValidity();
    } catch (JsonSchemaValidationException e) {
      throw new IllegalStateException(ContractDocument.RESOURCE + " is not a valid OpenAPI " + strict.getString("openapi")
          + " document: " + e.getMessage() + " at " + e.location(), e);
    } catch (Exception e) {
      throw new IllegalStateException("could not load the OpenAPI schema", e);
    } finally {
      vertx.close();
    }
    // The document's own schemas, so that "#/components/schemas/..." resolves in validations.
    repository.dereference(JsonSchema.of(strict.copy()));
    List<Route> routes = new ArrayList<>();
    strict.getJsonObject("paths").forEach(e -> {
      Map<String, JsonObject> operations = new TreeMap<>();
      ((JsonObject) e.getValue()).forEach(op -> {
        if (op.getValue() instanceof JsonObject o && o.containsKey("operationId")) {
          operations.put(op.getKey().toUpperCase(Locale.ROOT), o);
        }
      });
      routes.add(route(e.getKey(), operations));
    });
    routes.sort(Comparator.comparingInt(Route::literals).reversed());
    ApiContract contract = new ApiContract(strict, repository, List.copyOf(routes));
    contract.reportOnExit();
    return contract;
  }

  private static Route route(String template, Map<String, JsonObject> operations) {
    StringBuilder regex = new StringBuilder();
    int literals = 0;
    for (String part : template.split("(?=\\{)|(?<=})")) {
      if (part.startsWith("{")) {
        regex.append("[^/]+");
      } else {
        regex.append(Pattern.quote(part));
        literals += part.length();
      }
    }
    return new Route(template, Pattern.compile(regex.toString()), literals, operations);
  }

  /** The documented operation for a request, by its path template: {@code [template, operationId]}. */
  public String[] operation(String method, String path) {
    for (Route r : routes) {
      if (r.pattern().matcher(path).matches()) {
        JsonObject op = r.operations().get(method.toUpperCase(Locale.ROOT));
        if (op != null) {
          return new String[] {r.template(), op.getString("operationId")};
        }
      }
    }
    return null;
  }

  private JsonObject operationObject(String method, String template) {
    return document.getJsonObject("paths").getJsonObject(template).getJsonObject(method.toLowerCase(Locale.ROOT));
  }

  /**
   * The documented answers ("operationId status") no exchange checked so far: their schemas are
   * unproven. Written to {@code target/api-contract-unexercised.txt} when the test JVM ends.
   */
  public List<String> unexercised() {
    List<String> out = new ArrayList<>();
    for (Route r : routes) {
      r.operations().values().forEach(op -> op.getJsonObject("responses").fieldNames().forEach(status -> {
        String key = op.getString("operationId") + " " + status;
        if (!seen.contains(key)) {
          out.add(key);
        }
      }));
    }
    out.sort(null);
    return out;
  }

  private void reportOnExit() {
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          Files.write(target.resolve("api-contract-unexercised.txt"), unexercised());
        } catch (IOException e) {
          // a report only: the tests' verdict does not depend on it
        }
      }, "api-contract-report"));
    }
  }

  /** {@link #check}, counting the exchange's answer as exercised (the test client's real exchanges). */
  public List<String> observe(Exchange x) {
    String[] found = operation(x.method(), x.path());
    if (found != null) {
      seen.add(found[1] + " " + x.status());
    }
    return check(x);
  }

  /** What in the exchange breaks the contract; empty when nothing does. */
  public List<String> check(Exchange x) {
    List<String> out = new ArrayList<>();
    if (COVERED.stream().noneMatch(x.path()::startsWith)) {
      return out;
    }
    String[] found = operation(x.method(), x.path());
    if (found == null) {
      if (x.status() < 400) {
        out.add("the operation is not documented, yet it answered " + x.status());
      }
      return out;
    }
    JsonObject op = operationObject(x.method(), found[0]);
    JsonObject responses = op.getJsonObject("responses");
    Object response = responses.getValue(String.valueOf(x.status()));
    if (response == null) {
      response = responses.getValue(x.status() / 100 + "XX", responses.getValue("default"));
    }
    if (response == null) {
      out.add("status " + x.status() + " is not documented for " + found[1] + " (" + x.method() + " " + found[0]
          + "; documented: " + responses.fieldNames() + ")");
    } else {
      checkBody(content(response), x.contentType(), x.body(), "answer", out);
    }
    if (x.status() / 100 == 2 && x.requestBody() != null && !x.requestBody().isEmpty()) {
      Object documented = op.getValue("requestBody");
      if (documented == null) {
        out.add("the server accepted a request body that " + found[1] + " does not document");
      } else {
        checkBody(content(documented), x.requestContentType(), x.requestBody(), "request", out);
      }
    }
    return out;
  }

  /** The content map of a response or request body, following a $ref to components. */
  private JsonObject content(Object node) {
    JsonObject o = (JsonObject) node;
    String ref = o.getString("$ref");
    if (ref != null) {
      Object target = document;
      for (String part : ref.substring(2).split("/")) {
        target = ((JsonObject) target).getValue(part);
      }
      return content(target);
    }
    return o.getJsonObject("content", new JsonObject());
  }

  private void checkBody(JsonObject content, String contentType, String body, String what, List<String> out) {
    boolean hasBody = body != null && !body.isEmpty();
    if (!hasBody) {
      if (!content.isEmpty() && "answer".equals(what)) {
        out.add("the " + what + " has no body; documented: " + content.fieldNames());
      }
      return;
    }
    String type = baseType(contentType);
    JsonObject media = content.getJsonObject(type);
    if (media == null) {
      out.add("the " + what + " is " + contentType + "; documented: " + content.fieldNames());
      return;
    }
    JsonObject schema = media.getJsonObject("schema");
    if (!type.equals("application/json") || schema == null) {
      return;
    }
    Object json;
    try {
      json = Json.decodeValue(body);
    } catch (DecodeException e) {
      out.add("the " + what + " is not JSON: " + e.getMessage());
      return;
    }
    OutputUnit result = validators.computeIfAbsent(schema, k -> schemas.validator(JsonSchema.of(absolute(k.copy()))))
        .validate(json);
    if (!Boolean.TRUE.equals(result.getValid())) {
      out.add("the " + what + " does not match its schema: " + reasons(result));
    }
  }

  /** The schema with its local references made absolute, as the repository knows them. */
  private static JsonObject absolute(JsonObject schema) {
    schema.forEach(e -> {
      if (e.getKey().equals("$ref") && e.getValue() instanceof String ref && ref.startsWith("#/")) {
        e.setValue(BASE_URI + ref);
      } else {
        absoluteIn(e.getValue());
      }
    });
    return schema;
  }

  private static void absoluteIn(Object node) {
    if (node instanceof JsonObject o) {
      absolute(o);
    } else if (node instanceof JsonArray a) {
      a.forEach(ApiContract::absoluteIn);
    }
  }

  /** The innermost errors (the outer ones only say "a subschema had errors"), at most eight. */
  private static String reasons(OutputUnit result) {
    List<OutputUnit> errors = result.getErrors() == null ? List.of() : result.getErrors();
    List<String> leaves = new ArrayList<>();
    for (OutputUnit e : errors) {
      boolean outer = errors.stream().anyMatch(o -> o != e && o.getKeywordLocation() != null
          && e.getKeywordLocation() != null && o.getKeywordLocation().startsWith(e.getKeywordLocation() + "/"));
      String line = e.getInstanceLocation() + ": " + e.getError();
      if (!outer && !leaves.contains(line)) {
        leaves.add(line);
      }
    }
    if (leaves.isEmpty()) {
      leaves.add(result.getError() == null ? String.valueOf(result) : result.getError());
    }
    return String.join("; ", leaves.subList(0, Math.min(8, leaves.size())));
  }

  private static String baseType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }
}
