package org.open12345.hotline.routing;

import java.util.Locale;

/** How a merged government hotline joined 12345 (国办发〔2020〕53号). */
public enum MergeMode {
  /** 整体并入: the old number is retired and rings 12345. */
  WHOLE("whole", "整体并入"),
  /** 双号并行: the old number stays; its calls land in 12345 tagged with it. */
  PARALLEL("parallel", "双号并行"),
  /** 设分中心: the old hotline's seats work its tickets as a sub-centre inside the system. */
  SUB_CENTRE("sub_centre", "设分中心");

  private final String key;
  private final String label;

  MergeMode(String key, String label) {
    this.key = key;
    this.label = label;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** Accepts the file key (whole, parallel, sub_centre), the constant name or the Chinese label. */
  public static MergeMode parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    for (MergeMode m : values()) {
      if (m.key.equals(t.toLowerCase(Locale.ROOT)) || m.name().equals(t.toUpperCase(Locale.ROOT)) || m.label.equals(t)) {
        return m;
      }
    }
    return null;
  }
}
