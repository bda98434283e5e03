package org.open12345.hotline.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;

/**
 * {@code java -jar hotline.jar [--config file.yaml] [COMMAND]}: starts the server, or runs one
 * administration command ({@link CommandLine#USAGE}). Without --config it reads $HOTLINE_CONFIG,
 * else config/hotline.yaml when present, else the built-in defaults.
 * {@code java -jar hotline.jar routing evaluate FILE [RULES-FOLDER]} measures free-text routing on
 * a labelled file (it needs no configuration or database).
 */
public final class Main {
  private Main() {}

  /** While the server serves, the JVM lives on in its (non-daemon) Vert.x threads. */
  static final int SERVING = -1;

  public static void main(String[] args) {
    int status = run(args);
    if (status != SERVING) {
      System.exit(status);
    }
  }

  /** The exit status: 0 done, 1 failed, 2 bad command line or configuration; or {@link #SERVING}. */
  static int run(String[] args) {
    if (args.length >= 2 && args[0].equals("routing") && args[1].equals("evaluate")) {
      return org.open12345.hotline.routing.FreeTextEvaluation.run(java.util.Arrays.copyOfRange(args, 2, args.length));
    }
    CommandLine cl;
    try {
      cl = CommandLine.parse(args);
    } catch (CommandLine.UsageError e) {
      System.err.println("hotline: " + e.getMessage());
      return 2;
    }
    if (cl.command().equals("help")) {
      System.out.print(CommandLine.USAGE);
      return 0;
    }
    boolean serve = cl.command().equals("serve");
    if (!serve) {
      // Before the first logger exists: commands print secrets on stdout, so logs go to stderr.
      System.setProperty("HOTLINE_LOG_TARGET", "System.err");
    }
    HotlineConfig config;
    try {
      config = HotlineConfig.load(configFile(cl.config()), System.getenv(), Map.of());
    } catch (ConfigException e) {
      System.err.println("hotline: " + e.getMessage());
      return 2;
    }
    try {
      if (!serve) {
        return AdminCommands.run(cl, config, Clock.systemUTC(), System.out, System.err);
      }
      HotlineServer server = HotlineServer.start(config, Clock.systemUTC());
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "hotline-shutdown"));
      return SERVING;
    } catch (ConfigException e) {
      System.err.println("hotline: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      org.slf4j.LoggerFactory.getLogger(Main.class).error(serve ? "start failed" : "command failed", e);
      return 1;
    }
  }

  static Path configFile(Path given) {
    if (given != null) {
      return given;
    }
    String env = System.getenv("HOTLINE_CONFIG");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    Path dflt = Path.of("config", "hotline.yaml");
    return Files.exists(dflt) ? dflt : null;
  }
}
