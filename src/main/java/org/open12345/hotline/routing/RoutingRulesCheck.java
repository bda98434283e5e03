package org.open12345.hotline.routing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command-line check of a rules folder, for a centre's CI before a rule change is merged:
 * {@code java -cp target/hotline.jar org.open12345.hotline.routing.RoutingRulesCheck routing-rules}.
 * Exit 0 and a summary when valid; exit 1 and {@code file:line: message} lines when not; 2 on misuse.
 */
public final class RoutingRulesCheck {
  private RoutingRulesCheck() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length != 1) {
      err.println("usage: RoutingRulesCheck <rules-folder>");
      return 2;
    }
    Path dir = Path.of(args[0]);
    LoadResult result = RuleSetLoader.load(dir);
    if (!result.isValid()) {
      for (ValidationError e : result.errors()) {
        // prefix the folder so editors and CI annotations find the file from the working directory
        String file = e.file().startsWith(dir.toString()) ? e.file() : dir.resolve(e.file()).toString();
        err.println(file + ":" + e.line() + ": " + e.message());
      }
      err.println(result.errors().size() + " error(s) in " + dir);
      return 1;
    }
    RuleSet rs = result.orThrow();
    Map<String, Integer> kinds = new TreeMap<>();
    rs.departments().all().forEach(d -> kinds.merge(d.kind().name().toLowerCase(), 1, Integer::sum));
    out.println(dir + ": OK, version " + rs.version());
    out.println("  departments: " + rs.departments().size() + " " + kinds);
    out.println("  categories:  " + rs.categories().size());
    out.println("  policies:    " + rs.policies().size() + " (default " + rs.defaultPolicy().id() + ")");
    out.println("  hotlines:    centre " + rs.centreNumber() + ", " + rs.hotlines().size() + " merged, "
        + rs.emergencyNumbers().size() + " emergency");
    out.println("  rules:       " + rs.rules().size());
    rs.contactWarnings().forEach(w -> out.println("warning: " + w));
    return 0;
  }
}
