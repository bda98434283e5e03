package org.open12345.hotline.ticket;

import java.util.Locale;
import java.util.function.Function;

/** Parses an enum from its constant name (case-insensitive) or its Chinese label. */
final class Labels {
  private Labels() {}

  static <E extends Enum<E>> E parse(E[] values, String text, Function<E, String> label) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    for (E e : values) {
      if (e.name().equals(t.toUpperCase(Locale.ROOT)) || label.apply(e).equals(t)) {
        return e;
      }
    }
    return null;
  }
}
