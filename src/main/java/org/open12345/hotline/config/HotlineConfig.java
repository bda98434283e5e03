package org.open12345.hotline.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The effective configuration: defaults, then the YAML file, then environment variables, then
 * explicit overrides (tests). Every value is checked when loaded, so a bad one stops the start
 * with a line naming the key.
 */
public final class HotlineConfig {
  /**
   * Sections whose keys belong to one feature that validates them itself when it starts (the
   * messaging providers have too many optional keys for one flat list). Their leaves keep their
   * YAML types; an environment variable overrides a leaf that the shipped defaults or the file
   * name, e.g. HOTLINE_MESSAGING_MAIL_HOST for messaging.mail.host.
   */
  static final java.util.Set<String> SECTIONS = java.util.Set.of("messaging");
  private static final String DEFAULTS = "defaults/hotline.yaml";

  private final Map<String, String> values;
  private final Map<String, Object> sectionLeaves;

  private HotlineConfig(Map<String, String> values, Map<String, Object> sectionLeaves) {
    this.values = values;
    this.sectionLeaves = sectionLeaves;
  }

  public static HotlineConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, ConfigKey> schema = ConfigSchema.byName();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Object> leaves = new LinkedHashMap<>();
    schema.values().forEach(k -> values.put(k.name(), k.defaultValue()));
    java.net.URL shipped = HotlineConfig.class.getClassLoader().getResource(DEFAULTS);
    if (shipped != null) {
      try (var in = shipped.openStream()) {
        split(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULTS), schema, DEFAULTS, leaves);
      } catch (IOException e) {
        throw new ConfigException("cannot read built-in defaults: " + e.getMessage());
      }
    }
    if (file != null) {
      values.putAll(split(readFile(file), schema, file.toString(), leaves));
    }
    for (ConfigKey k : schema.values()) {
      String fromEnv = env.get(k.envName());
      if (fromEnv != null) {
        values.put(k.name(), fromEnv);
      }
    }
    for (String leaf : List.copyOf(leaves.keySet())) {
      String fromEnv = env.get(envName(leaf));
      if (fromEnv != null) {
        leaves.put(leaf, fromEnv);
      }
    }
    overrides.forEach(
        (name, value) -> {
          if (isSectionKey(name)) {
            leaves.put(name, value);
          } else if (!schema.containsKey(name)) {
            throw new ConfigException("unknown configuration key '" + name + "'");
          } else {
            values.put(name, value);
          }
        });
    for (ConfigKey k : schema.values()) {
      String problem = k.check().problem(values.get(k.name()));
      if (problem != null) {
        throw new ConfigException("configuration key " + k.name() + " (env " + k.envName() + ") " + problem);
      }
    }
    return new HotlineConfig(values, leaves);
  }

  static String envName(String key) {
    return "HOTLINE_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  private static boolean isSectionKey(String key) {
    int dot = key.indexOf('.');
    return dot > 0 && SECTIONS.contains(key.substring(0, dot));
  }

  private static Object readFile(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
    }
  }

  private static Object parse(String text, String name) {
    try {
      return new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new ConfigException(name + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
    }
  }

  /** Flattens a parsed file: schema keys (as text) are returned, section leaves go to {@code leaves}. */
  private static Map<String, String> split(Object root, Map<String, ConfigKey> schema, String name,
      Map<String, Object> leaves) {
    Map<String, Object> flat = new LinkedHashMap<>();
    if (root == null) {
      return Map.of();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException(name + ": the top level must be a mapping of keys");
    }
    flatten("", map, flat);
    Map<String, String> out = new LinkedHashMap<>();
    flat.forEach((key, v) -> {
      if (isSectionKey(key)) {
        leaves.put(key, v);
      } else if (!schema.containsKey(key)) {
        throw new ConfigException(name + ": unknown configuration key '" + key + "'");
      } else {
        out.put(key, v == null ? "" : String.valueOf(v));
      }
    });
    return out;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> out) {
    map.forEach(
        (k, v) -> {
          String key = prefix + k;
          if (v instanceof Map<?, ?> nested && !nested.isEmpty()) {
            flatten(key + ".", nested, out);
          } else {
            out.put(key, v);
          }
        });
  }

  /** A section (e.g. {@code messaging}) rebuilt as nested JSON for the feature that reads it. */
  public io.vertx.core.json.JsonObject section(String name) {
    io.vertx.core.json.JsonObject root = new io.vertx.core.json.JsonObject();
    sectionLeaves.forEach((key, value) -> {
      if (!key.startsWith(name + ".")) {
        return;
      }
      String[] path = key.substring(name.length() + 1).split("\\.");
      io.vertx.core.json.JsonObject node = root;
      for (int i = 0; i < path.length - 1; i++) {
        io.vertx.core.json.JsonObject child = node.getJsonObject(path[i]);
        if (child == null) {
          child = new io.vertx.core.json.JsonObject();
          node.put(path[i], child);
        }
        node = child;
      }
      if (value != null && !"".equals(value)) {
        node.put(path[path.length - 1], value instanceof List<?> l ? new io.vertx.core.json.JsonArray(
            new java.util.ArrayList<>(l)) : value);
      }
    });
    return root;
  }

  public String string(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("not a configuration key: " + key);
    }
    return v.trim();
  }

  public int integer(String key) {
    return Integer.parseInt(string(key));
  }

  public boolean bool(String key) {
    return Boolean.parseBoolean(string(key));
  }

  public Duration duration(String key) {
    return parseDuration(string(key));
  }

  /** 30s, 5m, 1h, 1.5s; and milliseconds, 2ms (what PT-durations cannot spell). */
  static Duration parseDuration(String text) {
    String v = text.trim().toUpperCase(Locale.ROOT);
    if (v.endsWith("MS") && v.length() > 2 && v.substring(0, v.length() - 2).chars().allMatch(Character::isDigit)) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    return Duration.parse("PT" + v);
  }

  public ZoneId zone() {
    return ZoneId.of(string("timezone"));
  }

  /** The effective configuration for the start-up log; secrets and URL passwords masked. */
  public String describe() {
    Map<String, ConfigKey> schema = ConfigSchema.byName();
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(values)
        .forEach(
            (k, v) -> {
              ConfigKey key = schema.get(k);
              String shown = key != null && key.secret() ? mask(v) : v;
              sb.append("  ").append(k).append(" = ").append(shown).append('\n');
            });
    new TreeMap<>(sectionLeaves).forEach((k, v) -> {
      if (v != null && !"".equals(v)) {
        sb.append("  ").append(k).append(" = ").append(looksSecret(k) ? mask(String.valueOf(v)) : v).append('\n');
      }
    });
    return sb.toString();
  }

  /** Section keys have no schema: judge by name (password, secret, token, accessKey...). */
  static boolean looksSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("secret") || k.contains("token") || k.endsWith("key")
        || k.contains("keysecret") || k.contains("webhook") || k.contains("url") && k.contains("robot");
  }

  static String mask(String value) {
    if (value == null || value.isBlank()) {
      return value;
    }
    // A URL keeps its host and database visible: only the password is secret.
    return value.contains("://") ? value.replaceAll("(://[^:/@]+):[^@]*@", "$1:****@") : "****";
  }
}
