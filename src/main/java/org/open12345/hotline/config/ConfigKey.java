package org.open12345.hotline.config;

/**
 * One configuration key: its dotted name in the YAML file, the environment variable that
 * overrides it, its default, and the check its value must pass.
 */
public record ConfigKey(String name, String defaultValue, ValueCheck check, boolean secret, String description) {

  /** Validates a raw value; returns null when fine, else what is wrong (without the key name). */
  @FunctionalInterface
  public interface ValueCheck {
    String problem(String value);
  }

  /** {@code http.port} is overridden by {@code HOTLINE_HTTP_PORT}. */
  public String envName() {
    return "HOTLINE_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
  }
}
