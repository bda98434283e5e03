package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rule files when they change. It compares a hash of the folder's YAML files every
 * interval rather than relying on inotify, which misses changes on bind mounts and network file
 * systems and fires mid-write; a change is loaded only once the bytes stop changing between two
 * looks, and only a valid set replaces the one in force.
 */
public final class RuleSetWatcher {
  private static final Logger log = LoggerFactory.getLogger(RuleSetWatcher.class);

  private final Vertx vertx;
  private final Path dir;
  private final RuleSetHolder holder;
  private final Duration interval;
  /** Hash of the files behind the rule set in force. */
  private String applied;
  /** Hash seen at the last look but not yet loaded: loaded when the next look sees it again. */
  private String pending;
  private String lastRefused;
  private long timer = -1;
  private boolean checking;

  public RuleSetWatcher(Vertx vertx, Path dir, RuleSetHolder holder, Duration interval) {
    this.vertx = vertx;
    this.dir = dir;
    this.holder = holder;
    this.interval = interval;
  }

  public Future<Void> start() {
    return vertx.executeBlocking(() -> folderHash(dir)).map(h -> {
      applied = h;
      timer = vertx.setPeriodic(interval.toMillis(), id -> check());
      return null;
    });
  }

  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }

  private void check() {
    if (checking) {
      return;
    }
    checking = true;
    // File reads and validation (which compares rule pairs) stay off the event loop.
    vertx.executeBlocking(this::reloadIfChanged).onComplete(ar -> {
      checking = false;
      if (ar.failed()) {
        log.warn("routing rules check failed: {}", ar.cause().toString());
      }
    });
  }

  private Void reloadIfChanged() throws IOException {
    String hash = folderHash(dir);
    if (hash.equals(applied) || hash.equals(lastRefused)) {
      pending = null;
      return null;
    }
    if (!hash.equals(pending)) {
      // Changed since the last look: wait one more interval for the writer to finish.
      pending = hash;
      return null;
    }
    pending = null;
    LoadResult result = RuleSetLoader.load(dir);
    if (result.isValid()) {
      RuleSet next = result.orThrow();
      String old = holder.current().version();
      holder.replace(next);
      applied = hash;
      lastRefused = null;
      log.info("routing rules reloaded: version {} -> {} ({} rules)", old, next.version(), next.rules().size());
      next.contactWarnings().forEach(w -> log.warn("{}", w));
    } else {
      lastRefused = hash;
      java.util.List<String> lines = result.errors().stream()
          .map(e -> dir.resolve(e.file()).normalize() + ":" + e.line() + ": " + e.message()).toList();
      holder.refused(lines);
      StringBuilder sb = new StringBuilder();
      lines.forEach(l -> sb.append("\n  ").append(l));
      log.error("routing rules change refused; version {} stays in force:{}", holder.current().version(), sb);
    }
    return null;
  }

  static String folderHash(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        sha.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
