package org.open12345.hotline.testing;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The OpenAPI document as shipped ({@code openapi.yaml} on the class path), the checks a schema
 * validator of the OpenAPI specification does not make, and the stricter copy the tests check
 * real answers against.
 */
public final class ContractDocument {
  public static final String RESOURCE = "openapi.yaml";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");
  /** Keys whose value may be null on purpose. */
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
  private static final Set<String> NULL_ALLOWED = Set.of("default", "const", "example");

  private final Map<String, Object> raw;

  private ContractDocument(Map<String, Object> raw) {
    this.raw = raw;
  }

  @SuppressWarnings("unchecked")
  public static ContractDocument load() {
    try (InputStream in = ContractDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new ContractDocument((Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Map<String, Object> raw() {
    return raw;
  }

  /** The document as published, as JSON. */
  public JsonObject asJson() {
    return new JsonObject(Json.encode(raw));
  }

  /**
   * What the OpenAPI schema lets pass but is wrong here: a key with no value (a comma inside an
   * unquoted flow-mapping text makes one, and schema objects accept unknown keys), an operation
   * without an operationId or with one used twice, a path parameter not declared, a JSON body without a schema, an error without a body, a JSON API error not in the one error
   * shape.
   */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    nullValues(raw, "#", out);
    Set<String> operationIds = new HashSet<>();
    for (var path : map(raw.get("paths")).entrySet()) {
      for (var op : map(path.getValue()).entrySet()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        String where = op.getKey().toUpperCase() + " " + path.getKey();
        Map<String, Object> operation = map(op.getValue());
        if (!(operation.get("operationId") instanceof String id)) {
          out.add(where + ": no operationId");
        } else if (!operationIds.add(id)) {
          out.add(where + ": operationId " + id + " is used twice");
        }
        Set<String> declared = new HashSet<>();
        List<Object> parameters = new ArrayList<>(list(map(path.getValue()).get("parameters")));
        parameters.addAll(list(operation.get("parameters")));
        for (Object p : parameters) {
          Map<String, Object> parameter = resolve(p);
          if ("path".equals(parameter.get("in"))) {
            declared.add(String.valueOf(parameter.get("name")));
          }
        }
        Matcher m = TEMPLATE.matcher(path.getKey());
        while (m.find()) {
          if (!declared.contains(m.group(1))) {
            out.add(where + ": path parameter " + m.group(1) + " is not declared");
          }
        }
        Object body = operation.get("requestBody");
        if (body != null && jsonWithoutSchema(resolve(body))) {
          out.add(where + ": JSON request body without a schema");
        }
        for (var r : map(operation.get("responses")).entrySet()) {
          Map<String, Object> response = resolve(r.getValue());
          if (jsonWithoutSchema(response)) {
            out.add(where + " " + r.getKey() + ": JSON response without a schema");
          }
          boolean error = r.getKey().startsWith("4") || r.getKey().startsWith("5");
          Map<String, Object> content = map(response.get("content"));
          if (error && content.isEmpty()) {
            out.add(where + " " + r.getKey() + ": an error answer without a body");
          } else if (error && content.containsKey("application/json") && !path.getKey().startsWith("/open311/")
              && !isErrorShape(content)) {
            out.add(where + " " + r.getKey() + ": a JSON error answer not in the Error shape");
          }
        }
      }
    }
    return out;
  }

  /**
   * The document for checking answers: every object schema that lists its properties and says
   * nothing about others gets {@code additionalProperties: false}, so a field the server sends
   * but the document does not name fails the tests. (The published document leaves them open:
   * clients should ignore fields added later.)
   */
  @SuppressWarnings("unchecked")
  public JsonObject strictCopy() {
    Map<String, Object> copy = (Map<String, Object>) deepCopy(raw);
    closeObjects(copy);
    // Decoded from text so that every node is a JsonObject/JsonArray of its own (stable identity).
    return new JsonObject(Json.encode(copy));
  }

  private static void nullValues(Object node, String at, List<String> out) {
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (v == null && !NULL_ALLOWED.contains(String.valueOf(k))) {
          out.add(at + "/" + k + ": key without a value (an unquoted comma in a flow mapping?)");
        }
        nullValues(v, at + "/" + k, out);
      });
    } else if (node instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        nullValues(l.get(i), at + "/" + i, out);
      }
    }
  }

  private boolean jsonWithoutSchema(Map<String, Object> bodyOrResponse) {
    Object json = map(bodyOrResponse.get("content")).get("application/json");
    return json != null && map(json).get("schema") == null;
  }

  private static boolean isErrorShape(Map<String, Object> content) {
    return content.size() == 1
        && "#/components/schemas/Error".equals(map(map(content.get("application/json")).get("schema")).get("$ref"));
  }

  /** A local {@code $ref} (to components) followed; anything else as it is. */
  private Map<String, Object> resolve(Object node) {
    Map<String, Object> m = map(node);
    Object ref = m.get("$ref");
    if (!(ref instanceof String s) || !s.startsWith("#/")) {
      return m;
    }
    Object target = raw;
    for (String part : s.substring(2).split("/")) {
      target = map(target).get(part);
    }
    return resolve(target);
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static Object deepCopy(Object node) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
      return out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(deepCopy(v)));
      return out;
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static void closeObjects(Object node) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> schema = (Map<String, Object>) m;
      if (schema.get("properties") instanceof Map && !schema.containsKey("additionalProperties")
          && !schema.containsKey("unevaluatedProperties")) {
        schema.put("additionalProperties", false);
      }
      schema.values().forEach(ContractDocument::closeObjects);
    } else if (node instanceof List<?> l) {
      l.forEach(ContractDocument::closeObjects);
    }
  }
}
