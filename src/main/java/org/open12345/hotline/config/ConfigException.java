package org.open12345.hotline.config;

/** A user mistake in the configuration: printed as one line, never as a stack trace. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
