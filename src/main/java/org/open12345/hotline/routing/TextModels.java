package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.open12345.hotline.ticket.LabelledText;
import org.open12345.hotline.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the free-text model on the centre's history and keeps every instance on the newest stored
 * one. Training takes a lease row first, so two instances asked at once train once; the work runs
 * on a worker thread of its own, never on an event loop, reading the history in pages and within a
 * share of one core ({@link Reading}). A model that fails to train or load leaves the one
 * in force and the holder says why (shown on /ready) until a good one replaces it.
 */
public final class TextModels {
  private static final Logger log = LoggerFactory.getLogger(TextModels.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  /** Longer than any training should take; a crashed trainer's lease lapses after it. */
  private static final Duration LEASE = Duration.ofMinutes(30);
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /** What one training did: a new version, nothing to learn from, or another instance was training. */
  public record Outcome(String status, String version, int examples) {}

  private final Vertx vertx;
  private final Pool pool;
  private final TicketService tickets;
  private final TextModelHolder holder;
  private final Clock clock;
  private final int maxExamples;
  private final int cpuPercent;
  private final int pageSize;
  /** One thread of its own: a training never holds more than one worker, nor the shared pool. */
  private final WorkerExecutor trainer;
  private final String instance = UUID.randomUUID().toString();
  private final TextModelRepository repository = new TextModelRepository();
  private final RoutingRepository choiceRepository = new RoutingRepository();
  private volatile TextModelRepository.Stored inForce;

  /**
   * @param maxExamples the newest labelled tickets a training reads
   * @param cpuPercent the share of one core the training thread may use while reading and counting
   * @param pageSize tickets read and counted per step
   */
  public TextModels(Vertx vertx, Pool pool, TicketService tickets, TextModelHolder holder, Clock clock, int maxExamples,
      int cpuPercent, int pageSize) {
    this.vertx = vertx;
    this.pool = pool;
    this.tickets = tickets;
    this.holder = holder;
    this.clock = clock;
    this.maxExamples = maxExamples;
    this.cpuPercent = cpuPercent;
    this.pageSize = pageSize;
    this.trainer = vertx.createSharedWorkerExecutor("hotline-text-model-training", 1, LEASE.toMinutes(), TimeUnit.MINUTES);
  }

  /** The stored facts of the model in force, empty before the first one. */
  Optional<TextModelRepository.Stored> inForce() {
    return Optional.ofNullable(inForce);
  }

  public TextModelHolder holder() {
    return holder;
  }

  /** Trains now unless another instance is training; stores and loads the new model. */
  public Future<Outcome> train() {
    Instant now = clock.instant();
    // one holder per training, so two requests on the same instance do not both train either
    String holderId = instance + "/" + UUID.randomUUID();
    return repository.takeLease(pool, holderId, now, now.plus(LEASE)).compose(won -> {
      if (!won) {
        return Future.succeededFuture(new Outcome("busy", null, 0));
      }
      return trainHoldingLease().eventually(() -> repository.release(pool, holderId));
    });
  }

  private Future<Outcome> trainHoldingLease() {
    Instant started = clock.instant();
    Reading reading = new Reading();
    return reading.run().compose(v -> {
      NaiveBayesCounts counts = reading.counts;
      // The random tail keeps two trainings of one second on the same history apart (the
      // version is the table's key; without it the second insert failed as a duplicate).
      String version = "nb-" + STAMP.format(started) + "-" + counts.examples() + "-"
          + UUID.randomUUID().toString().substring(0, 8);
      AtomicLong buildCpuNs = new AtomicLong();
      // one slice: selecting features and estimating is over the vocabulary, not the examples
      return trainer.executeBlocking(() -> {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        Optional<Built> built = counts.build(version).map(m -> new Built(m, m.toBytes()));
        buildCpuNs.set(THREADS.getCurrentThreadCpuTime() - cpu0);
        return built;
      }, false).compose(built -> {
        if (built.isEmpty()) {
          log.info("text model: {} labelled tickets are too few to learn from; none trained", counts.examples());
          return Future.succeededFuture(new Outcome("too_few_examples", null, counts.examples()));
        }
        NaiveBayesTextModel m = built.get().model();
        long took = Duration.between(started, clock.instant()).toMillis();
        TextModelRepository.Stored s = new TextModelRepository.Stored(version, started, counts.examples(),
            m.categories().size(), took);
        return repository.insert(pool, s, built.get().bytes()).map(x -> {
          holder.replace(m);
          inForce = s;
          log.info("text model {} trained on {} tickets of {} read in {} pages, {} categories, {} of {} features,"
                  + " {} MB stored, in {} ms: counting {} ms CPU ({} % of a core allowed, paused {} ms, waited {} ms"
                  + " for pages), building {} ms CPU", version, counts.examples(), reading.read, reading.pages,
              m.categories().size(), m.features(), counts.features(), built.get().bytes().length >> 20, took,
              reading.countingCpuNs / 1_000_000, cpuPercent, reading.pausedNs / 1_000_000, reading.waitedNs / 1_000_000,
              buildCpuNs.get() / 1_000_000);
          return new Outcome("trained", version, counts.examples());
        });
      });
    }).recover(e -> {
      String why = "text model training failed: " + e;
      holder.failed(why);
      log.error("{}; model {} stays in force", why, holder.current().version());
      return Future.failedFuture(e);
    });
  }

  private record Built(NaiveBayesTextModel model, byte[] bytes) {}

  /** One page of the labelled history with the dispatchers' choices of its tickets. */
  private record Page(List<LabelledText> rows, Map<Long, RoutingRepository.Choice> choices, int asked) {}

  /**
   * One training's reading: the newest {@code maxExamples} labelled tickets, a page at a time, each
   * page counted on the training thread while the next one is read. After each page the reading
   * pauses long enough to keep the training thread within {@code cpuPercent} of one core, so on a
   * small machine the event loops and PostgreSQL keep the rest for intake; memory holds one page and
   * the counts, whatever the number of tickets.
   */
  private final class Reading {
    final NaiveBayesCounts counts = new NaiveBayesCounts();
    final Promise<Void> done = Promise.promise();
    int read;
    int pages;
    long countingCpuNs;
    long pausedNs;
    long waitedNs;

    Future<Void> run() {
      next(fetch(Long.MAX_VALUE, Math.min(pageSize, maxExamples)));
      return done.future();
    }

    private Future<Page> fetch(long beforeId, int max) {
      return tickets.labelledTexts(beforeId, max).compose(rows -> choiceRepository
          .choices(pool, rows.stream().map(LabelledText::id).toArray(Long[]::new))
          .map(choices -> new Page(rows, choices, max)));
    }

    private void next(Future<Page> pending) {
      long waiting = System.nanoTime();
      pending.onFailure(done::fail).onSuccess(page -> {
        waitedNs += System.nanoTime() - waiting;
        read += page.rows().size();
        pages++;
        boolean last = page.rows().size() < page.asked() || read >= maxExamples;
        Future<Page> ahead = last ? null
            : fetch(page.rows().get(page.rows().size() - 1).id(), Math.min(pageSize, maxExamples - read));
        trainer.executeBlocking(() -> {
          long cpu0 = THREADS.getCurrentThreadCpuTime();
          for (LabelledText r : page.rows()) {
            counts.add(r.description(), TrainingLabels.label(r, page.choices().get(r.id())));
          }
          return THREADS.getCurrentThreadCpuTime() - cpu0;
        }, false).onFailure(done::fail).onSuccess(cpuNs -> {
          countingCpuNs += cpuNs;
          if (ahead == null) {
            done.complete();
            return;
          }
          long pauseMs = cpuNs * (100 - cpuPercent) / cpuPercent / 1_000_000;
          if (pauseMs < 1) {
            next(ahead);
          } else {
            pausedNs += pauseMs * 1_000_000;
            vertx.setTimer(pauseMs, id -> next(ahead));
          }
        });
      });
    }
  }

  /** Loads the newest stored model when it is not the one in force (another instance trained it). */
  public Future<Void> refresh() {
    return repository.newest(pool).compose(newest -> {
      if (newest.isEmpty() || newest.get().version().equals(holder.current().version())) {
        return Future.succeededFuture();
      }
      TextModelRepository.Stored s = newest.get();
      return repository.bytes(pool, s.version())
          .compose(bytes -> vertx.executeBlocking(() -> NaiveBayesTextModel.fromBytes(bytes, s.version()), false))
          .map(m -> {
            holder.replace(m);
            inForce = s;
            log.info("text model {} loaded ({} tickets, trained {})", s.version(), s.examples(), s.trainedAt());
            return (Void) null;
          })
          .recover(e -> {
            String why = "text model " + s.version() + " failed to load: " + e;
            holder.failed(why);
            log.error("{}; model {} stays in force", why, holder.current().version());
            return Future.succeededFuture();
          });
    });
  }
}
