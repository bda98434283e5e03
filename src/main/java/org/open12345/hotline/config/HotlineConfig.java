package org.open12345.hotline.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
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
  private final Map<String, String> values;

  private HotlineConfig(Map<String, String> values) {
    this.values = values;
  }

  public static HotlineConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
    Map<String, ConfigKey> schema = ConfigSchema.byName();
    Map<String, String> values = new LinkedHashMap<>();
    schema.values().forEach(k -> values.put(k.name(), k.defaultValue()));
    if (file != null) {
      readFile(file, schema).forEach(values::put);
    }
    for (ConfigKey k : schema.values()) {
      String fromEnv = env.get(k.envName());
      if (fromEnv != null) {
        values.put(k.name(), fromEnv);
      }
    }
    overrides.forEach(
        (name, value) -> {
          if (!schema.containsKey(name)) {
            throw new ConfigException("unknown configuration key '" + name + "'");
          }
          values.put(name, value);
        });
    for (ConfigKey k : schema.values()) {
      String problem = k.check().problem(values.get(k.name()));
      if (problem != null) {
        throw new ConfigException("configuration key " + k.name() + " (env " + k.envName() + ") " + problem);
      }
    }
    return new HotlineConfig(values);
  }

  private static Map<String, String> readFile(Path file, Map<String, ConfigKey> schema) {
    Object root;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Load(LoadSettings.builder().build()).loadFromReader(r);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage());
    } catch (YamlEngineException e) {
      throw new ConfigException(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root == null) {
      return flat;
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException(file + ": the top level must be a mapping of keys");
    }
    flatten("", map, flat);
    for (String key : flat.keySet()) {
      if (!schema.containsKey(key)) {
        throw new ConfigException(file + ": unknown configuration key '" + key + "'");
      }
    }
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
    map.forEach(
        (k, v) -> {
          String key = prefix + k;
          if (v instanceof Map<?, ?> nested && !nested.isEmpty()) {
            flatten(key + ".", nested, out);
          } else {
            out.put(key, v == null ? "" : String.valueOf(v));
          }
        });
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
    return Duration.parse("PT" + string(key).toUpperCase(Locale.ROOT));
  }

  public ZoneId zone() {
    return ZoneId.of(string("timezone"));
  }

  /** A copy with some keys replaced; used where one process runs several logical servers. */
  public HotlineConfig with(Map<String, String> changes) {
    return load(null, Map.of(), merged(changes));
  }

  private Map<String, String> merged(Map<String, String> changes) {
    Map<String, String> m = new LinkedHashMap<>(values);
    m.putAll(changes);
    return m;
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
    return sb.toString();
  }

  static String mask(String value) {
    if (value == null || value.isBlank()) {
      return value;
    }
    // A URL keeps its host and database visible: only the password is secret.
    return value.contains("://") ? value.replaceAll("(://[^:/@]+):[^@]*@", "$1:****@") : "****";
  }
}
