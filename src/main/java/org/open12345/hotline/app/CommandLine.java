package org.open12345.hotline.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code [--config FILE]} and, optionally, one administration command. Without a
 * command the server starts. Plain Java; {@link Main} acts on the result.
 *
 * @param command {@code serve}, {@code help}, or an administration command such as {@code user add}
 * @param config the --config file, or null
 * @param options the command's {@code --name value} options
 * @param argument the command's positional argument (the NAME of {@code user disable NAME}), or null
 */
record CommandLine(String command, Path config, Map<String, String> options, String argument) {

  /** A command line that cannot be obeyed: one line for the user, exit status 2. */
  static final class UsageError extends Exception {
    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  static final String USAGE = """
      usage: java -jar hotline.jar [--config FILE] [COMMAND]

      Without a command the server starts. The configuration is FILE, else $HOTLINE_CONFIG, else
      config/hotline.yaml when present, else the built-in defaults; HOTLINE_* variables override
      keys (HOTLINE_DB_URL=postgresql://...). Commands use the same database as the server (the
      embedded one when db.url is empty) and start no server.

      commands:
        user add --name NAME --role ROLE [--department ID]
                     create a staff account; prints its one-time password (changed at first login).
                     ROLE: OPERATOR, DISPATCHER, DEPARTMENT, SUPERVISOR, ADMIN. DEPARTMENT needs
                     --department, an id from routing-rules/departments.yaml (OPERATOR may have one:
                     its sub-centre).
        user disable NAME            disable an account and end its sessions
        user enable NAME             enable it again
        user reset-password NAME     prints a new one-time password; ends its sessions
        token create --name NAME --role ROLE [--department ID] [--expires 2027-12-31T16:00:00Z]
                     create an API token (Authorization: Bearer ...); prints it once. ROLE: as for
                     users, or METRICS (reads /metrics only).
        token revoke NAME            revoke the live token of that name
        routing backtest [--since 2026-06-01] [--max N]
                     free-text routing scored on the centre's own history: the model learns from
                     the tickets (final department known) created before the date and routes the
                     texts of those created since; without --since, the newest fifth is scored.
                     N: at most that many newest tickets are read (routing.model_max_examples).
        routing evaluate FILE [RULES-FOLDER]
                     the same figures on a labelled file (no configuration or database needed)

      options:
        --config FILE   configuration file
        --help          this text
      """;

  private static final Map<String, Set<String>> OPTIONS = Map.of(
      "user add", Set.of("name", "role", "department"),
      "token create", Set.of("name", "role", "department", "expires"),
      "routing backtest", Set.of("since", "max"));
  private static final Map<String, Set<String>> REQUIRED = Map.of(
      "user add", Set.of("name", "role"),
      "token create", Set.of("name", "role"),
      "routing backtest", Set.of());
  private static final Set<String> WITH_NAME =
      Set.of("user disable", "user enable", "user reset-password", "token revoke");


  static CommandLine parse(String[] args) throws UsageError {
    Path config = null;
    List<String> words = new java.util.ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h") || a.equals("help")) {
        return new CommandLine("help", null, Map.of(), null);
      }
      if (a.startsWith("--")) {
        String name = a.substring(2);
        String value = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          value = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        // An option no command takes is refused before its value is looked for.
        String option = name;
        if (!option.equals("config") && OPTIONS.values().stream().noneMatch(o -> o.contains(option))) {
          throw new UsageError("unknown argument '--" + name + "' (see --help)");
        }
        if (value == null) {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageError("option --" + name + " needs a value (see --help)");
          }
          value = args[++i];
        }
        if (name.equals("config")) {
          config = Path.of(value);
        } else if (options.put(name, value) != null) {
          throw new UsageError("option --" + name + " given twice");
        }
      } else {
        words.add(a);
      }
    }
    if (words.isEmpty()) {
      if (!options.isEmpty()) {
        throw new UsageError("unknown argument '--" + options.keySet().iterator().next() + "' (see --help)");
      }
      return new CommandLine("serve", config, Map.of(), null);
    }
    if (words.size() < 2 || !Set.of("user", "token", "routing").contains(words.get(0))) {
      throw new UsageError("unknown argument '" + words.get(0) + "' (see --help)");
    }
    String command = words.get(0) + " " + words.get(1);
    if (WITH_NAME.contains(command)) {
      if (!options.isEmpty()) {
        throw new UsageError(command + ": unknown option --" + options.keySet().iterator().next());
      }
      if (words.size() != 3) {
        throw new UsageError(command + " needs exactly one NAME (see --help)");
      }
      return new CommandLine(command, config, Map.of(), words.get(2));
    }
    Set<String> known = OPTIONS.get(command);
    if (known == null) {
      throw new UsageError("unknown argument '" + words.get(1) + "' after '" + words.get(0) + "' (see --help)");
    }
    if (words.size() > 2) {
      throw new UsageError("unknown argument '" + words.get(2) + "' (see --help)");
    }
    for (String o : options.keySet()) {
      if (!known.contains(o)) {
        throw new UsageError(command + ": unknown option --" + o + " (see --help)");
      }
    }
    for (String r : REQUIRED.get(command)) {
      if (!options.containsKey(r)) {
        throw new UsageError(command + " needs --" + r + " (see --help)");
      }
    }
    return new CommandLine(command, config, Map.copyOf(options), null);
  }
}
