package org.open12345.hotline.problem;

import java.util.Map;

/** One field of a request is missing or wrong; the details name it. */
public final class InvalidField extends Problem {
  private final String field;

  public InvalidField(String field, String message) {
    super(Kind.INVALID, "invalid_field", field + ": " + message, Map.of("field", field));
    this.field = field;
  }

  public String field() {
    return field;
  }
}
