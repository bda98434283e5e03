package org.open12345.hotline.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;

/** Typed reads of provider JSON that fail with a {@link PayloadException} naming the field. */
public final class PayloadFields {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private PayloadFields() {}

  public static JsonNode parse(String body) throws PayloadException {
    if (body == null || body.isBlank()) {
      throw new PayloadException(null, "empty body");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new PayloadException(null, "not JSON: " + e.getOriginalMessage());
    }
  }

  public static String toJson(JsonNode node) {
    return node.toString();
  }

  public static JsonNode object(JsonNode node, String what) throws PayloadException {
    if (node == null || !node.isObject()) {
      throw new PayloadException(what, "expected a JSON object");
    }
    return node;
  }

  /** A required, non-blank string. */
  public static String text(JsonNode obj, String field) throws PayloadException {
    String value = optionalText(obj, field);
    if (value == null || value.isBlank()) {
      throw new PayloadException(field, "missing");
    }
    return value;
  }

  /** A string, or null when absent or JSON null; a number or object here is a type error. */
  public static String optionalText(JsonNode obj, String field) throws PayloadException {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new PayloadException(field, "expected a string but was " + v.getNodeType());
    }
    return v.textValue();
  }

  /** A string or a number, as text: for fields whose documented type varies between versions. */
  public static String textOrNumber(JsonNode obj, String field, boolean required)
      throws PayloadException {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
      if (required) {
        throw new PayloadException(field, "missing");
      }
      return null;
    }
    if (v.isTextual()) {
      return v.textValue().trim();
    }
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue().toString();
    }
    if (v.isNumber()) {
      // Aliyun documents sequence_id as Double in one place; 1.23456789E9 must not leak through.
      try {
        return v.decimalValue().toBigIntegerExact().toString();
      } catch (ArithmeticException e) {
        throw new PayloadException(field, "expected a whole number");
      }
    }
    throw new PayloadException(field, "expected a string or number but was " + v.getNodeType());
  }

  /** A required integral JSON number. */
  public static long longValue(JsonNode obj, String field) throws PayloadException {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      throw new PayloadException(field, "missing");
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new PayloadException(field, "expected an integer but was " + v.getNodeType());
    }
    return v.longValue();
  }
}
