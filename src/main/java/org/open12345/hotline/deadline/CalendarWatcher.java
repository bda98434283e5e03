package org.open12345.hotline.deadline;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.open12345.hotline.config.FolderLook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the holiday calendar folder when it changes, as the rule files are reloaded: a
 * {@link FolderLook} every interval (a change is loaded once its bytes are equal at two looks), and
 * only a valid folder replaces the calendar in force (a malformed file is refused with
 * {@code file:line}, logged and shown in {@code /ready}; the previous calendar stays). After the
 * first look (a file may have been added while the server was down) and after each calendar it
 * applies, it runs {@link CalendarRecount}, which recounts what a newly official year changed,
 * until one run succeeds. Not after every look: the check was one query per look per instance,
 * and without fresh statistics PostgreSQL answered it with a sequential scan of ticket_deadlines
 * (0.55 s on 290,000 tickets, every second).
 */
final class CalendarWatcher {
  private static final Logger log = LoggerFactory.getLogger(CalendarWatcher.class);

  private final Vertx vertx;
  private final Path dir;
  private final Duration interval;
  private final TicketDeadlineRules rules;
  private final CalendarRecount recount;
  private FolderLook folder;
  private volatile List<String> refusal = List.of();
  private long timer = -1;
  private boolean checking;
  private boolean recountDue = true;
  private volatile int recountRuns;
  private volatile int looksDone;

  CalendarWatcher(Vertx vertx, Path dir, Duration interval, TicketDeadlineRules rules, CalendarRecount recount) {
    this.vertx = vertx;
    this.dir = dir;
    this.interval = interval;
    this.rules = rules;
    this.recount = recount;
  }

  /** Starts looking; the hash of the folder as loaded at startup is the one in force. */
  Future<Void> start() {
    return vertx.executeBlocking(() -> new FolderLook(dir)).map(f -> {
      folder = f;
      timer = vertx.setPeriodic(interval.toMillis(), id -> check());
      check();
      return null;
    });
  }

  Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }

  /** Why the last change of the folder was refused ({@code file:line: ...}), until a valid one replaces it. */
  List<String> refusal() {
    return refusal;
  }

  private void check() {
    if (checking) {
      return;
    }
    checking = true;
    vertx.executeBlocking(this::reloadIfChanged)
        .compose(applied -> {
          recountDue |= applied;
          if (!recountDue) {
            return Future.succeededFuture();
          }
          recountRuns++;
          return recount.run().map(n -> {
            recountDue = false;
            return null;
          });
        })
        .onComplete(ar -> {
          looksDone++;
          checking = false;
          if (ar.failed()) {
            log.warn("holiday calendar check failed, retrying next look: {}", ar.cause().toString());
          }
        });
  }

  /** How many times the watcher ran the recount (the first look, then once per applied calendar). */
  int recountRuns() {
    return recountRuns;
  }

  /** How many looks (with their recount, if any) have completed. */
  int looksDone() {
    return looksDone;
  }

  /** @return whether a changed calendar was applied */
  private boolean reloadIfChanged() throws IOException {
    FolderLook.Outcome look = folder.look();
    if (look == FolderLook.Outcome.UNCHANGED) {
      refusal = List.of(); // back to the files in force: a refused change was undone
    }
    if (look != FolderLook.Outcome.LOAD) {
      return false;
    }
    WorkingCalendar loaded;
    try {
      loaded = WorkingCalendar.load(dir).withProvisionalYears();
    } catch (CalendarFileException e) {
      folder.refused();
      refusal = List.of("holiday calendar change refused, the previous calendar stays in force: " + e.getMessage());
      log.error("holiday calendar change refused; years {} stay in force: {}",
          rules.calculator().calendar().years(), e.getMessage());
      return false;
    }
    List<Integer> before = List.copyOf(rules.calculator().calendar().years());
    rules.useCalendar(loaded);
    folder.applied();
    refusal = List.of();
    log.info("holiday calendar reloaded: official years {} -> {}", before, loaded.years());
    return true;
  }
}
