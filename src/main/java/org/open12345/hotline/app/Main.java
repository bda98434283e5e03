package org.open12345.hotline.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;

/**
 * {@code java -jar hotline.jar [--config file.yaml]}. Without --config it reads $HOTLINE_CONFIG,
 * else config/hotline.yaml when present, else the built-in defaults.
 * {@code java -jar hotline.jar routing evaluate FILE [RULES-FOLDER]} measures free-text routing instead.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length >= 2 && args[0].equals("routing") && args[1].equals("evaluate")) {
      org.open12345.hotline.routing.FreeTextEvaluation.main(java.util.Arrays.copyOfRange(args, 2, args.length));
      return;
    }
    HotlineConfig config;
    try {
      config = HotlineConfig.load(configFile(args), System.getenv(), Map.of());
    } catch (ConfigException e) {
      System.err.println("hotline: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      HotlineServer server = HotlineServer.start(config, Clock.systemUTC());
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "hotline-shutdown"));
    } catch (ConfigException e) {
      System.err.println("hotline: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(Main.class).error("start failed", e);
      System.exit(1);
    }
  }

  static Path configFile(String[] args) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--config")) {
        return Path.of(args[i + 1]);
      }
    }
    String env = System.getenv("HOTLINE_CONFIG");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path dflt = Path.of("config", "hotline.yaml");
    return Files.exists(dflt) ? dflt : null;
  }
}
