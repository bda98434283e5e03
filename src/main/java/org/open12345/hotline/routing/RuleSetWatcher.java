package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.open12345.hotline.config.FolderLook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rule files when they change: a {@link FolderLook} every interval (a change is loaded
 * once its bytes are equal at two looks), and only a valid set replaces the one in force.
 */
public final class RuleSetWatcher {
  private static final Logger log = LoggerFactory.getLogger(RuleSetWatcher.class);

  private final Vertx vertx;
  private final Path dir;
  private final RuleSetHolder holder;
  private final Duration interval;
  private FolderLook folder;
  private long timer = -1;
  private boolean checking;

  public RuleSetWatcher(Vertx vertx, Path dir, RuleSetHolder holder, Duration interval) {
    this.vertx = vertx;
    this.dir = dir;
    this.holder = holder;
    this.interval = interval;
  }

  public Future<Void> start() {
    return vertx.executeBlocking(() -> new FolderLook(dir)).map(f -> {
      folder = f;
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
    if (folder.look() != FolderLook.Outcome.LOAD) {
      return null;
    }
    LoadResult result = RuleSetLoader.load(dir);
    if (result.isValid()) {
      RuleSet next = result.orThrow();
      String old = holder.current().version();
      holder.replace(next);
      folder.applied();
      log.info("routing rules reloaded: version {} -> {} ({} rules)", old, next.version(), next.rules().size());
    } else {
      folder.refused();
      java.util.List<String> lines = result.errors().stream()
          .map(e -> dir.resolve(e.file()).normalize() + ":" + e.line() + ": " + e.message()).toList();
      holder.refused(lines);
      StringBuilder sb = new StringBuilder();
      lines.forEach(l -> sb.append("\n  ").append(l));
      log.error("routing rules change refused; version {} stays in force:{}", holder.current().version(), sb);
    }
    return null;
  }
}
