package org.open12345.hotline.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the documented provider samples under src/test/resources/payloads. */
public final class Payloads {
  private Payloads() {}

  public static String read(String path) {
    try (InputStream in = Payloads.class.getResourceAsStream("/payloads/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no payload " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
