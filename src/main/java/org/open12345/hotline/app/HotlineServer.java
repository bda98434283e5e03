package org.open12345.hotline.app;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.db.DatabaseStart;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.db.IdleTransactionLimit;
import org.open12345.hotline.db.Listening;
import org.open12345.hotline.db.PoolConnectionSetup;
import org.open12345.hotline.db.ValuePlans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: database, migrations, Vert.x, the features, then the HTTP verticles (one
 * per event loop) and the background verticle. {@link #start} blocks until the server listens (or
 * fails), which is what both {@code main} and the tests want.
 */
public final class HotlineServer {
  private static final Logger log = LoggerFactory.getLogger(HotlineServer.class);

  private final HotlineConfig config;
  private final DatabaseStart database;
  private final Vertx vertx;
  private final Pool pool;
  private final Features features;
  private final int port;
  private final String httpDeployment;
  private final String backgroundDeployment;

  private HotlineServer(HotlineConfig config, DatabaseStart database, Vertx vertx, Pool pool, Features features,
      int port, String httpDeployment, String backgroundDeployment) {
    this.config = config;
    this.database = database;
    this.vertx = vertx;
    this.pool = pool;
    this.features = features;
    this.port = port;
    this.httpDeployment = httpDeployment;
    this.backgroundDeployment = backgroundDeployment;
  }

  public static HotlineServer start(HotlineConfig config, Clock clock) throws Exception {
    log.info("effective configuration:\n{}", config.describe());
    DatabaseStart database = DatabaseStart.open(config);
    try {
      return listen(config, clock, database, database.url());
    } catch (Exception e) {
      database.stop();
      throw e;
    }
  }

  private static HotlineServer listen(HotlineConfig config, Clock clock, DatabaseStart database, DatabaseUrl db)
      throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    // Linux's native transport where it loads: only its sockets take db.tcp_user_timeout (UnansweredPacketLimit).
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setPreferNativeTransport(true)
            .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    if (!vertx.isNativeTransportEnabled()) {
      log.info("no native transport ({}): db.tcp_user_timeout cannot be applied",
          vertx.unavailableNativeTransportCause());
    }
    // Pool sockets and LISTEN sockets alike (db/UnansweredPacketLimit).
    Duration unanswered = config.duration("db.tcp_user_timeout");
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(config.integer("db.pool_size")).setName("hotline"))
        // Without the cache every prepared query is parsed and planned anew, and costs a Parse
        // round trip before its Bind/Execute: a ticket's creation runs some twenty of them. The
        // few statements that need plans for their values stay out of it (ValuePlans).
        .connectingTo(IdleTransactionLimit.apply(ValuePlans.caching(PgConnectOptions.fromUri(db.uri())),
            config.duration("db.idle_in_transaction_timeout")))
        // One write for the statements sent while reading answers, and a limit on unanswered packets (see there).
        .withConnectHandler(PoolConnectionSetup.handler(unanswered))
        .using(vertx)
        .build();

    Features features;
    try {
      features = Features.build(config, clock, vertx, pool,
          new Listening(vertx, PgConnectOptions.fromUri(db.uri()), unanswered), registry);
    } catch (RuntimeException e) {
      pool.close();
      vertx.close();
      throw e;
    }
    int loops = config.integer("http.event_loops") > 0 ? config.integer("http.event_loops")
        : Runtime.getRuntime().availableProcessors();
    List<HttpVerticle> instances = new CopyOnWriteArrayList<>();
    String httpDeployment;
    String backgroundDeployment;
    try {
      httpDeployment = vertx.deployVerticle(() -> {
            HttpVerticle v = new HttpVerticle(config, features);
            instances.add(v);
            return v;
          }, new DeploymentOptions().setInstances(loops))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      log.info("12345 hotline server listening on {}:{} ({} event loops)", config.string("http.host"),
          instances.get(0).actualPort(), loops);
      backgroundDeployment = vertx.deployVerticle(new BackgroundVerticle(features))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      await(vertx.close(), 10_000);
      throw e;
    }
    return new HotlineServer(config, database, vertx, pool, features, instances.get(0).actualPort(), httpDeployment,
        backgroundDeployment);
  }

  private static void await(Future<?> f, long timeoutMs) {
    try {
      f.toCompletionStage().toCompletableFuture().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("shutdown step did not finish cleanly: {}", e.toString());
    }
  }

  public int port() {
    return port;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Pool pool() {
    return pool;
  }

  public Features features() {
    return features;
  }

  /** Stops accepting, lets in-flight requests finish (up to the grace), then closes everything. */
  public void stop() {
    long graceMs = config.duration("http.shutdown_grace").toMillis();
    // Each step is awaited from this (non-Vert.x) thread: chaining vertx.close() onto a future
    // bound to an event loop would try to deliver its result on a loop that close() just ended.
    // Undeploying the HTTP verticles shuts each server down gracefully (HttpVerticle.stop).
    await(vertx.undeploy(httpDeployment), graceMs + 5_000);
    await(vertx.undeploy(backgroundDeployment), 10_000);
    await(pool.close(), 10_000);
    await(vertx.close(), 10_000);
    database.stop();
    log.info("12345 hotline server stopped");
  }
}
