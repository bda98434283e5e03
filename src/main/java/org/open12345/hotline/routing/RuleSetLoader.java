package org.open12345.hotline.routing;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads a routing-rules folder. A pure function of the folder's content: no caches, no globals,
 * so a hot reload may call it again and again, and equal content yields an equal version.
 * Subfolders (e.g. a future calendar/) are ignored; unknown YAML files at the top are errors,
 * since a misspelt file name would otherwise be silently skipped.
 */
public final class RuleSetLoader {
  /** The files a rules folder holds, in the order they are read and hashed. */
  public static final List<String> FILES = List.of(
      CategoriesFile.NAME, PoliciesFile.NAME, DepartmentsFile.NAME, HotlinesFile.NAME, RulesFile.NAME);

  private static final int VERSION_HEX_CHARS = 12;

  private RuleSetLoader() {}

  public static LoadResult load(Path dir) {
    Problems problems = new Problems();
    if (!Files.isDirectory(dir)) {
      problems.add(dir.toString(), 1, "not a folder");
      return LoadResult.invalid(problems.sorted());
    }
    reportUnknownFiles(dir, problems);
    Map<String, byte[]> content = new LinkedHashMap<>();
    for (String name : FILES) {
      try {
        content.put(name, Files.readAllBytes(dir.resolve(name)));
      } catch (IOException e) {
        problems.add(name, 1, Files.exists(dir.resolve(name)) ? "cannot read: " + e.getMessage() : "missing file");
      }
    }
    if (!problems.isEmpty()) {
      return LoadResult.invalid(problems.sorted());
    }
    Map<String, YamlMap> roots = new LinkedHashMap<>();
    for (String name : FILES) {
      parse(name, content.get(name), problems).ifPresent(root -> roots.put(name, root));
    }
    if (roots.size() < FILES.size()) {
      return LoadResult.invalid(problems.sorted());
    }

    CategoriesFile.Parsed parsedCategories = CategoriesFile.read(roots.get(CategoriesFile.NAME), problems);
    CategoryTree categories = new CategoryTree(parsedCategories.categories());
    PoliciesFile.Parsed policies = PoliciesFile.read(roots.get(PoliciesFile.NAME), problems);
    DepartmentsFile.Parsed departments = DepartmentsFile.read(roots.get(DepartmentsFile.NAME), problems);
    DepartmentTree tree = new DepartmentTree(departments.departments());
    HotlinesFile.Parsed hotlines = HotlinesFile.read(roots.get(HotlinesFile.NAME), problems, departments);
    Set<String> numbers = new HashSet<>(hotlines.declaredNumbers());
    hotlines.emergency().forEach(e -> numbers.remove(e.number()));
    RulesFile.Parsed rules = RulesFile.read(roots.get(RulesFile.NAME), problems, categories, policies, tree,
        departments.lines().keySet(), numbers);

    if (!problems.isEmpty()) {
      return LoadResult.invalid(problems.sorted());
    }
    return LoadResult.valid(new RuleSet(version(content), tree, categories, policies.policies(), hotlines.centreNumber(),
        hotlines.hotlines(), hotlines.emergency(), rules.rules(), rules.defaultPolicy(),
        policies.returns(), new Vocabulary(categories, parsedCategories.words()), rules.textThreshold()));
  }

  private static void reportUnknownFiles(Path dir, Problems problems) {
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(Files::isRegularFile)
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
          .filter(n -> !FILES.contains(n))
          .sorted()
          .forEach(n -> problems.add(n, 1, "unknown rule file (expected: " + String.join(", ", FILES) + ")"));
    } catch (IOException e) {
      problems.add(dir.toString(), 1, "cannot list folder: " + e.getMessage());
    }
  }

  private static Optional<YamlMap> parse(String name, byte[] bytes, Problems problems) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      problems.add(name, 1, "not UTF-8 text");
      return Optional.empty();
    }
    try {
      Compose compose = new Compose(LoadSettings.builder().setLabel(name).build());
      Optional<Node> node = compose.composeString(text);
      if (node.isEmpty()) {
        problems.add(name, 1, "file is empty");
        return Optional.empty();
      }
      return Optional.ofNullable(YamlMap.of(name, node.get(), problems, name));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(1);
      problems.add(name, line, "YAML syntax: " + e.getProblem());
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.add(name, 1, "YAML: " + e.getMessage());
      return Optional.empty();
    }
  }

  static String version(Map<String, byte[]> content) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> e : content.entrySet()) {
        sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(e.getValue());
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, VERSION_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
