package org.open12345.hotline.web;

/**
 * An error answered to the caller in the one JSON shape
 * {@code {"error": code, "message": text, "details": ...}}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final Object details;

  public ApiException(int status, String code, String message, Object details) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  public static ApiException badField(String field, String message) {
    return new ApiException(400, "invalid_field", field + ": " + message,
        new io.vertx.core.json.JsonObject().put("field", field));
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Object details() {
    return details;
  }
}
