package org.open12345.hotline.intake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes application/x-www-form-urlencoded bodies, keeping repeated names and their order. */
public final class FormBody {
  private FormBody() {}

  public static Map<String, List<String>> parse(String body) throws PayloadException {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (body == null || body.isEmpty()) {
      return params;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params
            .computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new PayloadException(null, "bad form encoding near '" + pair + "'");
      }
    }
    params.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return params;
  }

  public static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public static String required(Map<String, List<String>> params, String name)
      throws PayloadException {
    String v = first(params, name);
    if (v == null || v.isBlank()) {
      throw new PayloadException(name, "missing");
    }
    return v;
  }
}
