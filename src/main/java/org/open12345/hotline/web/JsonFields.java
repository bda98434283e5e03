package org.open12345.hotline.web;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import org.open12345.hotline.problem.InvalidField;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads typed fields from a request body, answering 400 with the field's name when one is
 * missing, of the wrong type, or not one of the allowed values.
 */
public final class JsonFields {
  private final JsonObject body;

  public JsonFields(JsonObject body) {
    this.body = body;
  }

  public JsonObject raw() {
    return body;
  }

  /** Unknown fields are refused so a typo (e.g. "descripton") is not silently dropped. */
  public JsonFields onlyKnown(Set<String> known) {
    for (String f : body.fieldNames()) {
      if (!known.contains(f)) {
        throw new InvalidField(f, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
    return this;
  }

  public String requiredText(String field, int maxLength) {
    String v = optionalText(field, maxLength);
    if (v == null || v.isBlank()) {
      throw new InvalidField(field, "is required");
    }
    return v;
  }

  public String optionalText(String field, int maxLength) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new InvalidField(field, "must be a string");
    }
    String t = s.strip();
    if (t.length() > maxLength) {
      throw new InvalidField(field, "is longer than " + maxLength + " characters");
    }
    return t.isEmpty() ? null : t;
  }

  public Double optionalNumber(String field, double min, double max) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n)) {
      throw new InvalidField(field, "must be a number");
    }
    double d = n.doubleValue();
    if (!(d >= min && d <= max)) {
      throw new InvalidField(field, "must be between " + min + " and " + max);
    }
    return d;
  }

  /** An array of non-blank strings (trimmed, duplicates dropped); absent or null is empty. */
  public java.util.List<String> optionalTextList(String field, int maxItems, int maxLength) {
    Object v = body.getValue(field);
    if (v == null) {
      return java.util.List.of();
    }
    if (!(v instanceof io.vertx.core.json.JsonArray a)) {
      throw new InvalidField(field, "must be an array of strings");
    }
    if (a.size() > maxItems) {
      throw new InvalidField(field, "has more than " + maxItems + " entries");
    }
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (Object o : a) {
      if (!(o instanceof String s) || s.isBlank()) {
        throw new InvalidField(field, "must be an array of non-empty strings");
      }
      if (s.strip().length() > maxLength) {
        throw new InvalidField(field, "has an entry longer than " + maxLength + " characters");
      }
      out.add(s.strip());
    }
    return java.util.List.copyOf(out);
  }

  /** A JSON true/false; absent or null is {@code defaultValue}. */
  public boolean optionalBoolean(String field, boolean defaultValue) {
    Object v = body.getValue(field);
    if (v == null) {
      return defaultValue;
    }
    if (!(v instanceof Boolean b)) {
      throw new InvalidField(field, "must be true or false");
    }
    return b;
  }

  public <E extends Enum<E>> E requiredEnum(String field, E[] values, Function<String, E> parse) {
    E e = optionalEnum(field, values, parse);
    if (e == null) {
      throw new InvalidField(field, "is required (one of " + names(values) + ")");
    }
    return e;
  }

  public <E extends Enum<E>> E optionalEnum(String field, E[] values, Function<String, E> parse) {
    String v = optionalText(field, 64);
    if (v == null) {
      return null;
    }
    E e = parse.apply(v);
    if (e == null) {
      throw new InvalidField(field, "unknown value '" + v + "' (one of " + names(values) + ")");
    }
    return e;
  }

  private static <E extends Enum<E>> String names(E[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
  }
}
