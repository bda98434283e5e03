package org.open12345.hotline.routing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures free-text routing on a labelled file (issue 13): the model is trained on the file's
 * {@code train} lines and every {@code test} line is routed as a citizen's SMS would be. Prints,
 * for the vocabulary alone and with the model, how many went to the right department on their own,
 * how many went wrong, how often the right department was among the queued ones' suggestions,
 * the confusion between departments, and the time a reading adds.
 * {@code java -jar hotline.jar routing evaluate FILE [RULES-FOLDER]}.
 */
public final class FreeTextEvaluation {
  /** One labelled line. */
  public record Labelled(String split, String category, String department, String text) {}

  /** The figures of one run over the held-out lines. */
  public record Figures(int total, int right, int wrong, int queued, int queuedTop3, long p99Nanos,
      Map<String, Integer> confusion) {
    public double rightShare() {
      return share(right, total);
    }

    public double wrongShare() {
      return share(wrong, total);
    }

    public double precision() {
      return share(right, right + wrong);
    }

    public double top3Share() {
      return queued == 0 ? 1 : share(queuedTop3, queued);
    }

    private static double share(int a, int b) {
      return b == 0 ? 0 : (double) a / b;
    }
  }

  private FreeTextEvaluation() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** The exit status: 0 printed, 1 unreadable file or rules, 2 bad arguments. */
  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 1 || args.length > 2) {
      err.println("usage: routing evaluate FILE [RULES-FOLDER]");
      return 2;
    }
    Path rulesDir = Path.of(args.length == 2 ? args[1] : "routing-rules");
    LoadResult loaded = RuleSetLoader.load(rulesDir);
    if (!loaded.isValid()) {
      loaded.errors().forEach(e -> err.println(rulesDir.resolve(e.file()) + ":" + e.line() + ": " + e.message()));
      return 1;
    }
    List<Labelled> lines;
    try {
      lines = read(Path.of(args[0]));
    } catch (IOException | IllegalArgumentException e) {
      err.println(args[0] + ": " + e.getMessage());
      return 1;
    }
    RuleSet rules = loaded.orThrow();
    TextModel model = train(lines);
    List<Labelled> test = lines.stream().filter(l -> l.split().equals("test")).toList();
    out.printf("%s: %d lines, %d held out; rules %s, model %s%n", args[0], lines.size(), test.size(), rules.version(),
        model.version());
    print(out, "vocabulary alone", evaluate(rules, TextModel.NONE, test));
    print(out, "vocabulary + model", evaluate(rules, model, test));
    return 0;
  }

  /** The model trained on the {@code train} lines (NONE when they are too few). */
  public static TextModel train(List<Labelled> lines) {
    List<NaiveBayesTextModel.Example> examples = lines.stream().filter(l -> l.split().equals("train"))
        .map(l -> new NaiveBayesTextModel.Example(l.text(), l.category())).toList();
    return NaiveBayesTextModel.train(examples, "nb-evaluation-" + examples.size()).map(m -> (TextModel) m)
        .orElse(TextModel.NONE);
  }

  public static Figures evaluate(RuleSet rules, TextModel model, List<Labelled> test) {
    int right = 0;
    int wrong = 0;
    int queued = 0;
    int top3 = 0;
    long[] nanos = new long[test.size()];
    // warm up first (class loading, HanLP's dictionaries, the JIT): the timing is of a running server
    // (a backtest's held-out part may be large: a few thousand lines warm up as well as all)
    List<Labelled> warm = test.subList(0, Math.min(test.size(), 3000));
    for (int round = 0; round < 3; round++) {
      warm.forEach(l -> rules.route(RoutingInput.builder().description(l.text()).build(), model, true));
    }
    Map<String, Integer> confusion = new TreeMap<>();
    for (int i = 0; i < test.size(); i++) {
      Labelled l = test.get(i);
      RoutingInput in = RoutingInput.builder().description(l.text()).build();
      long t0 = System.nanoTime();
      RoutingDecision d = rules.route(in, model, true);
      nanos[i] = System.nanoTime() - t0;
      if (d.kind() == RoutingDecision.Kind.DISPATCH && l.department().equals(d.leadDepartmentId())) {
        right++;
      } else if (d.kind() == RoutingDecision.Kind.MANUAL) {
        queued++;
        if (d.reading() != null
            && d.reading().suggestions().stream().anyMatch(s -> l.department().equals(s.departmentId()))) {
          top3++;
        }
      } else {
        wrong++;
        String got = d.kind() == RoutingDecision.Kind.EMERGENCY ? d.ruleId() : d.leadDepartmentId();
        confusion.merge(l.department() + " → " + got, 1, Integer::sum);
      }
    }
    Arrays.sort(nanos);
    long p99 = nanos.length == 0 ? 0 : nanos[Math.min(nanos.length - 1, (int) Math.ceil(nanos.length * 0.99) - 1)];
    return new Figures(test.size(), right, wrong, queued, top3, p99, confusion);
  }

  static void print(PrintStream out, String title, Figures f) {
    out.printf("%s:%n", title);
    out.printf("  routed right on their own  %4d / %d = %5.1f %%%n", f.right(), f.total(), 100 * f.rightShare());
    out.printf("  routed wrong               %4d / %d = %5.1f %%  (precision %5.1f %%)%n", f.wrong(), f.total(),
        100 * f.wrongShare(), 100 * f.precision());
    out.printf("  queued                     %4d, right department in top 3: %d = %5.1f %%%n", f.queued(),
        f.queuedTop3(), 100 * f.top3Share());
    out.printf("  reading p99                %.3f ms per ticket%n", f.p99Nanos() / 1e6);
    if (!f.confusion().isEmpty()) {
      out.println("  confusion (expected → routed to):");
      f.confusion().forEach((k, v) -> out.printf("    %-40s %d%n", k, v));
    }
  }

  /** Reads {@code split TAB category TAB department TAB text} lines; # starts a comment. */
  public static List<Labelled> read(Path file) throws IOException {
    List<Labelled> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t", 4);
      if (c.length != 4 || !(c[0].equals("train") || c[0].equals("test"))) {
        throw new IllegalArgumentException("line " + n + ": expected split<TAB>category<TAB>department<TAB>text");
      }
      out.add(new Labelled(c[0], c[1], c[2], c[3]));
    }
    return out;
  }
}
