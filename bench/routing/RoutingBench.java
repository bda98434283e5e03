import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.open12345.hotline.routing.LoadResult;
import org.open12345.hotline.routing.RoutingInput;
import org.open12345.hotline.routing.RuleSet;
import org.open12345.hotline.routing.RuleSetLoader;
import org.open12345.hotline.ticket.Channel;
import org.open12345.hotline.ticket.RequestType;
import org.open12345.hotline.ticket.Urgency;

/**
 * Routing throughput on one thread: the shipped rules, and a generated set of 2,000 rules over 500
 * departments. A plain harness (warm-up rounds, then timed rounds, results folded into a sink so
 * the JIT cannot drop the work). Run from the repository root:
 *
 *   mvn -B -q -DskipTests package && java -cp target/hotline.jar bench/routing/RoutingBench.java
 */
public class RoutingBench {
  static final int WARMUP_ROUNDS = 5;
  static final int ROUNDS = 10;
  static final long ROUND_NANOS = 1_000_000_000L;
  static long sink;

  public static void main(String[] args) throws IOException {
    RuleSet shipped = load(Path.of("routing-rules"));
    Path generatedDir = Files.createTempDirectory("routing-bench");
    Generated gen = generate(generatedDir, new Random(42));
    long t0 = System.nanoTime();
    RuleSet generated = load(generatedDir);
    long loadMillis = (System.nanoTime() - t0) / 1_000_000;

    System.out.printf("java %s, %d cores available, one thread%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    System.out.printf("generated set: %d rules, %d departments, %d categories; load+validate %d ms (cold JVM)%n",
        generated.rules().size(), generated.departments().size(), generated.categories().size(), loadMillis);

    RoutingInput[] shippedInputs = shippedInputs(shipped, new Random(7));
    RoutingInput[] generatedInputs = gen.inputs(new Random(9));
    report("shipped rules (" + shipped.rules().size() + ")", shipped, shippedInputs);
    report("generated rules (" + generated.rules().size() + ")", generated, generatedInputs);
    // codes missing from the category tree take the prefix-map path instead of the per-code index
    RoutingInput[] unindexed = new RoutingInput[generatedInputs.length];
    for (int i = 0; i < unindexed.length; i++) {
      RoutingInput in = generatedInputs[i];
      unindexed[i] = new RoutingInput("9" + in.categoryCode().substring(1), in.type(), in.urgency(), in.description(),
          in.area(), in.channel(), in.calledNumber(), in.timeOfDay());
    }
    report("generated, codes not in tree", generated, unindexed);
    long manual = 0;
    for (RoutingInput in : generatedInputs) {
      manual += generated.route(in).isManual() ? 1 : 0;
    }
    System.out.printf("generated inputs routed to the manual queue: %.1f%%%n", 100.0 * manual / generatedInputs.length);
    System.out.println("(sink " + sink + ")");
  }

  static RuleSet load(Path dir) {
    LoadResult r = RuleSetLoader.load(dir);
    if (!r.isValid()) {
      r.errors().stream().limit(20).forEach(System.err::println);
      throw new IllegalStateException("rules in " + dir + " do not load");
    }
    return r.orThrow();
  }

  static void report(String label, RuleSet rules, RoutingInput[] inputs) {
    for (int i = 0; i < WARMUP_ROUNDS; i++) {
      round(rules, inputs);
    }
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      rates.add(round(rules, inputs));
    }
    rates.sort(null);
    System.out.printf("%-26s median %,.0f decisions/s (min %,.0f, max %,.0f over %d rounds of 1 s)%n",
        label, rates.get(rates.size() / 2), rates.get(0), rates.get(rates.size() - 1), ROUNDS);
  }

  static double round(RuleSet rules, RoutingInput[] inputs) {
    long n = 0;
    long start = System.nanoTime();
    long end = start + ROUND_NANOS;
    long now;
    do {
      for (int i = 0; i < 1024; i++) {
        sink += rules.route(inputs[(int) (n++ % inputs.length)]).ruleId().length();
      }
      now = System.nanoTime();
    } while (now < end);
    return n * 1e9 / (now - start);
  }

  static final String[] DESCRIPTIONS = {
    "小区楼下垃圾好几天没人清运，味道很大，希望尽快处理",
    "家里暖气不热，室温只有十五度，老人孩子受不了",
    "从昨天晚上开始停水，到现在还没有来水，也没有通知",
    "在工地干了半年，老板拖欠工资不给，农民工工资讨不到",
    "商场办的预付卡，店铺关门了，要求退费",
    "附近工地晚上十一点还在施工，噪音很大影响休息",
    "咨询一下灵活就业人员养老保险怎么缴费",
    "路边的井盖丢了，晚上很危险",
    "楼道里有煤气味，担心燃气泄漏",
    "饭店后厨卫生很差，吃完以后集体腹泻",
    "公交车司机态度恶劣，还不按站停车",
    "建议在学校门口增设红绿灯",
  };

  static RoutingInput[] shippedInputs(RuleSet rules, Random r) {
    List<String> codes = rules.categories().all().stream().map(c -> c.code()).toList();
    List<String> areas = rules.departments().all().stream().filter(d -> d.kind().isArea()).map(d -> d.id()).toList();
    String[] called = {"12345", "12345", "12345", "12345", "12315", "12333", "12328"};
    RoutingInput[] out = new RoutingInput[4096];
    for (int i = 0; i < out.length; i++) {
      out[i] = RoutingInput.builder()
          .category(codes.get(r.nextInt(codes.size())))
          .type(RequestType.values()[r.nextInt(5)])
          .urgency(Urgency.values()[r.nextInt(10) < 8 ? 0 : 1 + r.nextInt(2)])
          .description(DESCRIPTIONS[r.nextInt(DESCRIPTIONS.length)])
          .area(areas.get(r.nextInt(areas.size())))
          .channel(Channel.values()[r.nextInt(Channel.values().length)])
          .called(called[r.nextInt(called.length)])
          .time(LocalTime.of(r.nextInt(24), r.nextInt(60)))
          .build();
    }
    return out;
  }

  /** 500 departments (12 counties × 25 townships + agencies), ~900 categories, 2,000 rules. */
  record Generated(List<String> leafCodes, List<String> townships) {
    RoutingInput[] inputs(Random r) {
      RoutingInput[] out = new RoutingInput[8192];
      for (int i = 0; i < out.length; i++) {
        out[i] = RoutingInput.builder()
            .category(leafCodes.get(r.nextInt(leafCodes.size())))
            .type(RequestType.values()[r.nextInt(5)])
            .urgency(Urgency.NORMAL)
            .description(DESCRIPTIONS[r.nextInt(DESCRIPTIONS.length)])
            .area(townships.get(r.nextInt(townships.size())))
            .channel(Channel.PHONE)
            .called("12345")
            .time(LocalTime.of(r.nextInt(24), r.nextInt(60)))
            .build();
      }
      return out;
    }
  }

  static Generated generate(Path dir, Random r) throws IOException {
    StringBuilder cats = new StringBuilder("categories:\n");
    List<String> leaves = new ArrayList<>();
    for (int a = 1; a <= 10; a++) {
      cats.append(String.format("  - code: \"%02d0000\"%n    name: 大类%d%n    children:%n", a, a));
      for (int b = 1; b <= 10; b++) {
        cats.append(String.format("      - code: \"%02d%02d00\"%n        name: 中类%d-%d%n        children:%n", a, b, a, b));
        for (int c = 1; c <= 8; c++) {
          String code = String.format("%02d%02d%02d", a, b, c);
          leaves.add(code);
          cats.append(String.format("          - {code: \"%s\", name: 小类%s}%n", code, code));
        }
      }
    }
    Files.writeString(dir.resolve("categories.yaml"), cats);
    Files.writeString(dir.resolve("policies.yaml"), """
        policies:
          - {id: ordinary, name: 一般, sign: 2h, respond: 24h, resolve: 7d}
          - {id: urgent, name: 紧急, sign: 30m, respond: 2h, resolve: 24h}
          - {id: complex, name: 复杂, sign: 2h, respond: 24h, resolve: 15wd}
        """);
    StringBuilder deps = new StringBuilder("departments:\n");
    deps.append("  - {id: r, name: 自治区, kind: region}\n  - {id: c, name: 市, kind: city, parent: r, mail: [c@x.example]}\n");
    List<String> counties = new ArrayList<>();
    List<String> townships = new ArrayList<>();
    int count = 2;
    for (int k = 0; k < 12; k++) {
      String county = "c.k" + k;
      counties.add(county);
      deps.append(String.format("  - {id: %s, name: 区%d, kind: county, parent: c, area_code: \"15%04d\", mail: [k%d@x.example]}%n", county, k, k, k));
      count++;
      for (int t = 0; t < 25; t++) {
        String town = county + ".t" + t;
        townships.add(town);
        deps.append(String.format("  - {id: %s, name: 街道%d-%d, kind: township, parent: %s, mail: [k%dt%d@x.example]}%n", town, k, t, county, k, t));
        count++;
      }
    }
    List<String> agencies = new ArrayList<>();
    for (int g = 0; count < 500; g++, count++) {
      String id = "c.a" + g;
      agencies.add(id);
      deps.append(String.format("  - {id: %s, name: 部门%d, kind: agency, parent: c, mail: [a%d@x.example], escalation: {1: {name: 科长, phone: \"1\"}}}%n", id, g, g));
    }
    Files.writeString(dir.resolve("departments.yaml"), deps);
    Files.writeString(dir.resolve("hotlines.yaml"), """
        centre: {number: "12345", name: 中心}
        hotlines:
          - {number: "12315", name: 市场监管, mode: parallel}
        emergency:
          - {number: "119", name: 消防, words: [着火, 火灾], unless: [隐患]}
          - {number: "120", name: 急救, words: [昏迷]}
        """);
    // narrow before broad so nothing is shadowed: township rules, then county rules, then city-wide prefixes
    StringBuilder rules = new StringBuilder("default_policy: ordinary\nrules:\n");
    java.util.Set<String> used = new java.util.HashSet<>();
    int n = 0;
    while (n < 1200) {
      String code = leaves.get(r.nextInt(leaves.size()));
      String town = townships.get(r.nextInt(townships.size()));
      if (used.add(code + town)) {
        String extra = n % 3 == 0 ? ", keywords_any: [垃圾, 噪音, 停水]" : n % 3 == 1 ? ", type: [投诉, 举报]" : "";
        rules.append(String.format("  - {id: g%d, name: 规则%d, when: {category: [\"%s\"], area: [%s]%s}, then: {lead: %s, policy: ordinary}}%n",
            n, n, code, town, extra, n % 2 == 0 ? "\"@area\"" : agencies.get(r.nextInt(agencies.size()))));
        n++;
      }
    }
    while (n < 1800) {
      String code = leaves.get(r.nextInt(leaves.size()));
      String county = counties.get(r.nextInt(counties.size()));
      if (used.add(code + county)) {
        rules.append(String.format("  - {id: g%d, name: 规则%d, when: {category: [\"%s\"], area: [%s], urgency_min: 一般}, then: {lead: %s, co: [%s], policy: urgent}}%n",
            n, n, code, county, county, agencies.get(r.nextInt(agencies.size()))));
        n++;
      }
    }
    for (int a = 1; a <= 10 && n < 2000; a++) {
      for (int b = 1; b <= 10 && n < 2000; b++) {
        for (int half = 0; half < 2 && n < 2000; half++) {
          // two rules per mid-level prefix: one by keyword, then the prefix for everything else
          String prefix = String.format("%02d%02d", a, b);
          String when = half == 0 ? "category_prefix: [\"" + prefix + "\"], keywords_all: [希望]" : "category_prefix: [\"" + prefix + "\"]";
          rules.append(String.format("  - {id: g%d, name: 规则%d, when: {%s}, then: {lead: %s, policy: complex}}%n",
              n, n, when, agencies.get(r.nextInt(agencies.size()))));
          n++;
        }
      }
    }
    Files.writeString(dir.resolve("rules.yaml"), rules);
    return new Generated(leaves, townships);
  }
}
