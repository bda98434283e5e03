package org.open12345.hotline.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * When a watched folder of YAML files (the rule files, the holiday calendar) should be loaded
 * again. Its watcher hashes the folder every interval rather than relying on inotify, which misses
 * changes on bind mounts and network file systems and fires mid-write: a change is loaded only once
 * the bytes are equal at two looks, a refused change is not tried again until the files change
 * once more, and going back to the files in force clears the refusal. Not thread-safe: one
 * watcher looks at a time.
 */
public final class FolderLook {

  /** What a look at the folder asks of the watcher. */
  public enum Outcome {
    /** The files in force. */
    UNCHANGED,
    /** The files of the last refused change, refused again without loading. */
    STILL_REFUSED,
    /** Changed since the last look: wait one more interval for the writer to finish. */
    SETTLING,
    /** Changed and settled: load it, then call {@link #applied} or {@link #refused}. */
    LOAD
  }

  private final Path dir;
  private String applied;
  private String pending;
  private String lastRefused;

  /** Reads the folder as the files in force. */
  public FolderLook(Path dir) throws IOException {
    this.dir = dir;
    this.applied = hash(dir);
  }

  /** Hashes the folder and says what to do; {@link #lastHash()} is what was seen. */
  public Outcome look() throws IOException {
    String hash = hash(dir);
    if (hash.equals(applied)) {
      pending = null;
      lastRefused = null;
      return Outcome.UNCHANGED;
    }
    if (hash.equals(lastRefused)) {
      pending = null;
      return Outcome.STILL_REFUSED;
    }
    if (!hash.equals(pending)) {
      pending = hash;
      return Outcome.SETTLING;
    }
    return Outcome.LOAD;
  }

  /** The change just loaded is in force. */
  public void applied() {
    applied = pending;
    pending = null;
    lastRefused = null;
  }

  /** The change just loaded was refused: the files in force stay. */
  public void refused() {
    lastRefused = pending;
    pending = null;
  }

  /** SHA-256 over the names and bytes of the folder's *.yaml/*.yml files (subfolders not included). */
  static String hash(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return "no folder";
    }
    try (Stream<Path> files = Files.list(dir)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
          .toList()) {
        sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
