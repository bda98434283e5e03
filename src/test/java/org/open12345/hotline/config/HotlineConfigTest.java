package org.open12345.hotline.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotlineConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsThenFileThenEnvironment() throws Exception {
    Path f = Files.writeString(dir.resolve("h.yaml"), "http:\n  port: 9090\n  host: 127.0.0.1\n");
    HotlineConfig c = HotlineConfig.load(f, Map.of("HOTLINE_HTTP_PORT", "9191"), Map.of());
    assertEquals(9191, c.integer("http.port"));
    assertEquals("127.0.0.1", c.string("http.host"));
    assertEquals("Asia/Shanghai", c.string("timezone"));
  }

  @Test
  void everyKeyHasAnEnvironmentName() {
    for (ConfigKey k : ConfigSchema.keys()) {
      assertTrue(k.envName().matches("HOTLINE_[A-Z0-9_]+"), k.envName());
    }
    assertEquals("HOTLINE_DB_URL", ConfigSchema.byName().get("db.url").envName());
  }

  @Test
  void aBadValueNamesTheKeyAndTheProblem() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> HotlineConfig.load(null, Map.of("HOTLINE_HTTP_PORT", "eighty"), Map.of()));
    assertTrue(e.getMessage().contains("http.port"), e.getMessage());
    assertTrue(e.getMessage().contains("eighty"), e.getMessage());
    assertEquals(0, e.getStackTrace().length, "a user mistake carries no stack trace");
  }

  @Test
  void aKeepOfZeroIsRefused() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> HotlineConfig.load(null, Map.of("HOTLINE_INTAKE_KEYS_KEEP", "0s"), Map.of()));
    assertTrue(e.getMessage().contains("intake.keys.keep") && e.getMessage().contains("longer than zero"),
        e.getMessage());
    assertEquals(java.time.Duration.ofHours(168), HotlineConfig.load(null, Map.of(), Map.of())
        .duration("intake.keys.keep"), "a week by default");
  }

  @Test
  void aTypoInTheFileIsRefused() throws Exception {
    Path f = Files.writeString(dir.resolve("h.yaml"), "http:\n  prot: 9090\n");
    ConfigException e = assertThrows(ConfigException.class, () -> HotlineConfig.load(f, Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("http.prot"), e.getMessage());
  }

  @Test
  void aBadDatabaseUrlIsRefused() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> HotlineConfig.load(null, Map.of("HOTLINE_DB_URL", "mysql://x/y"), Map.of()));
    assertTrue(e.getMessage().contains("db.url"));
  }

  @Test
  void secretsAreMaskedInTheLog() {
    HotlineConfig c = HotlineConfig.load(null,
        Map.of("HOTLINE_DB_URL", "postgresql://hotline:s3cret@db:5432/hotline"), Map.of());
    String shown = c.describe();
    assertFalse(shown.contains("s3cret"), shown);
    assertTrue(shown.contains("postgresql://hotline:****@db:5432/hotline"), shown);
  }

  @Test
  void theShippedConfigFileLoadsAndListsEveryKey() throws Exception {
    Path shipped = Path.of("config", "hotline.yaml");
    HotlineConfig.load(shipped, Map.of(), Map.of());
    String text = Files.readString(shipped);
    for (ConfigKey k : ConfigSchema.keys()) {
      String leaf = k.name().substring(k.name().lastIndexOf('.') + 1);
      assertTrue(text.contains(leaf + ":"), "config/hotline.yaml does not document " + k.name());
    }
  }
}
