package org.open12345.hotline.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.open12345.hotline.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the free-text model on the centre's history and keeps every instance on the newest stored
 * one. Training takes a lease row first, so two instances asked at once train once; the work runs
 * on a worker thread, never on an event loop. A model that fails to train or load leaves the one
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
  private final String instance = UUID.randomUUID().toString();
  private final TextModelRepository repository = new TextModelRepository();
  private final RoutingRepository choiceRepository = new RoutingRepository();
  private volatile TextModelRepository.Stored inForce;

  public TextModels(Vertx vertx, Pool pool, TicketService tickets, TextModelHolder holder, Clock clock, int maxExamples) {
    this.vertx = vertx;
    this.pool = pool;
    this.tickets = tickets;
    this.holder = holder;
    this.clock = clock;
    this.maxExamples = maxExamples;
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
    Future<java.util.Map<Long, RoutingRepository.Choice>> choices = choices();
    Instant reading = clock.instant();
    return choices.compose(c -> tickets.labelledTexts(maxExamples))
        .compose(rows -> {
          log.info("text model: read {} tickets and {} choices in {} ms", rows.size(), choices.result().size(),
              Duration.between(reading, clock.instant()).toMillis());
          return vertx.executeBlocking(() -> TrainingLabels.examples(rows, choices.result()), false);
        })
        .compose(examples -> {
      Instant started = clock.instant();
      // The random tail keeps two trainings of one second on the same history apart (the
      // version is the table's key; without it the second insert failed as a duplicate).
      String version = "nb-" + STAMP.format(started) + "-" + examples.size() + "-"
          + UUID.randomUUID().toString().substring(0, 8);
      java.util.concurrent.atomic.AtomicLong cpuMs = new java.util.concurrent.atomic.AtomicLong();
      return vertx.executeBlocking(() -> {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        Optional<NaiveBayesTextModel> trained = NaiveBayesTextModel.train(examples, version);
        cpuMs.set((THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
        return trained;
      }, false)
          .compose(model -> {
            if (model.isEmpty()) {
              log.info("text model: {} labelled tickets are too few to learn from; none trained", examples.size());
              return Future.succeededFuture(new Outcome("too_few_examples", null, examples.size()));
            }
            NaiveBayesTextModel m = model.get();
            long took = Duration.between(started, clock.instant()).toMillis();
            TextModelRepository.Stored s = new TextModelRepository.Stored(version, started, examples.size(),
                m.categories().size(), took);
            return vertx.executeBlocking(m::toBytes, false)
                .compose(bytes -> repository.insert(pool, s, bytes))
                .map(v -> {
                  holder.replace(m);
                  inForce = s;
                  log.info("text model {} trained on {} tickets, {} categories, in {} ms ({} ms CPU)", version,
                      examples.size(), m.categories().size(), took, cpuMs.get());
                  return new Outcome("trained", version, examples.size());
                });
          });
    }).recover(e -> {
      String why = "text model training failed: " + e;
      holder.failed(why);
      log.error("{}; model {} stays in force", why, holder.current().version());
      return Future.failedFuture(e);
    });
  }

  private Future<java.util.Map<Long, RoutingRepository.Choice>> choices() {
    return choiceRepository.choices(pool);
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
