package org.open12345.hotline.intake;

/** The exact HTTP 200 answer a provider expects once a delivery is committed. */
public record Acknowledgement(String contentType, String body) {
  public static final String JSON = "application/json; charset=utf-8";

  public static Acknowledgement json(String body) {
    return new Acknowledgement(JSON, body);
  }
}
