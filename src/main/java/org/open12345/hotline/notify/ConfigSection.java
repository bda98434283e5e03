package org.open12345.hotline.notify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read access to one section of the config file that names the full key path in its errors
 * (e.g. {@code messaging.sms.aliyun.accessKeyId is required}), so a centre fixing its config
 * knows where to look.
 */
public final class ConfigSection {

  private final String path;
  private final JsonObject json;

  public ConfigSection(String path, JsonObject json) {
    this.path = path;
    this.json = json == null ? new JsonObject() : json;
  }

  /** Wraps a map as produced by a YAML loader. */
  public static ConfigSection of(String path, Map<String, Object> map) {
    return new ConfigSection(path, map == null ? new JsonObject() : new JsonObject(map));
  }

  public String path() {
    return path;
  }

  public boolean has(String key) {
    return json.getValue(key) != null;
  }

  public String string(String key, String fallback) {
    Object value = json.getValue(key);
    return value == null ? fallback : String.valueOf(value);
  }

  public String requireString(String key) {
    String value = string(key, null);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(path + "." + key + " is required");
    }
    return value;
  }

  public int integer(String key, int fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.intValue();
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(path + "." + key + " must be a whole number, got " + value);
    }
  }

  public boolean bool(String key, boolean fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (value.toString().trim().toLowerCase()) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException(path + "." + key + " must be true or false, got " + value);
    };
  }

  public ConfigSection section(String key) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof JsonObject)) {
      throw new IllegalArgumentException(path + "." + key + " must be a mapping");
    }
    return new ConfigSection(path + "." + key, (JsonObject) value);
  }

  /** Child sections in file order, e.g. the named robots under {@code robots}. */
  public Map<String, ConfigSection> sections(String key) {
    ConfigSection parent = section(key);
    Map<String, ConfigSection> children = new LinkedHashMap<>();
    for (String name : parent.json.fieldNames()) {
      children.put(name, parent.section(name));
    }
    return children;
  }

  public List<String> strings(String key) {
    Object value = json.getValue(key);
    List<String> list = new ArrayList<>();
    if (value == null) {
      return list;
    }
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException(path + "." + key + " must be a list");
    }
    array.forEach(item -> list.add(String.valueOf(item)));
    return list;
  }

  /** A list, or one text of comma-separated items (as an environment variable gives it). */
  public List<String> listOrCommaSeparated(String key) {
    Object value = json.getValue(key);
    if (value instanceof JsonArray) {
      return strings(key);
    }
    List<String> list = new ArrayList<>();
    if (value != null) {
      for (String item : value.toString().split(",")) {
        if (!item.isBlank()) {
          list.add(item.trim());
        }
      }
    }
    return list;
  }

  /** A mapping of plain values, e.g. provider template parameter names to our variable names. */
  public Map<String, String> stringMap(String key) {
    Map<String, String> map = new LinkedHashMap<>();
    ConfigSection child = section(key);
    for (String name : child.json.fieldNames()) {
      map.put(name, child.string(name, ""));
    }
    return map;
  }

  public JsonObject json() {
    return json.copy();
  }
}
