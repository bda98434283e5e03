package org.open12345.hotline.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The rule files shipped in routing-rules/, loaded once per test class, or copied for breaking. */
final class ShippedRules {
  static final Path DIR = Path.of("routing-rules");

  private ShippedRules() {}

  static RuleSet load() {
    return RuleSetLoader.load(DIR).orThrow();
  }

  static void copyTo(Path target) {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.copy(p, target.resolve(p.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
