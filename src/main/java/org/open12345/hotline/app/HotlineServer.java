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
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.open12345.hotline.auth.AccessHandler;
import org.open12345.hotline.auth.AccessRules;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.db.DatabaseSetup;
import org.open12345.hotline.db.DatabaseUrl;
import org.open12345.hotline.db.EmbeddedPostgres;
import org.open12345.hotline.ops.HealthRoutes;
import org.open12345.hotline.web.ApiErrors;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.ClientAddress;
import org.open12345.hotline.web.IpRanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: database, migrations, Vert.x, routes. {@link #start} blocks until the
 * server listens (or fails), which is what both {@code main} and the tests want.
 */
public final class HotlineServer {
  private static final Logger log = LoggerFactory.getLogger(HotlineServer.class);

  private final HotlineConfig config;
  private final EmbeddedPostgres embedded;
  private final Vertx vertx;
  private final Pool pool;
  private final Features features;
  private final HttpServer http;

  private HotlineServer(HotlineConfig config, EmbeddedPostgres embedded, Vertx vertx, Pool pool, Features features,
      HttpServer http) {
    this.config = config;
    this.embedded = embedded;
    this.vertx = vertx;
    this.pool = pool;
    this.features = features;
    this.http = http;
  }

  public static HotlineServer start(HotlineConfig config, Clock clock) throws Exception {
    log.info("effective configuration:\n{}", config.describe());
    EmbeddedPostgres embedded = null;
    DatabaseUrl db;
    if (config.string("db.url").isEmpty()) {
      embedded = new EmbeddedPostgres(Path.of(config.string("db.embedded.dir")), config.integer("db.embedded.port"),
          config.string("db.embedded.run_as"));
      db = DatabaseUrl.parse(embedded.start()).withDatabase("hotline");
      DatabaseSetup.ensureDatabase(db);
    } else {
      db = DatabaseUrl.parse(config.string("db.url"));
    }
    try {
      DatabaseSetup.migrate(db);
      return listen(config, clock, embedded, db);
    } catch (Exception e) {
      if (embedded != null) {
        embedded.stop();
      }
      throw e;
    }
  }

  private static HotlineServer listen(HotlineConfig config, Clock clock, EmbeddedPostgres embedded, DatabaseUrl db)
      throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(config.integer("db.pool_size")).setName("hotline"))
        // Without the cache every prepared query is parsed and planned anew, and costs a Parse
        // round trip before its Bind/Execute: a ticket's creation runs some twenty of them.
        .connectingTo(PgConnectOptions.fromUri(db.uri()).setCachePreparedStatements(true))
        .using(vertx)
        .build();

    Features features;
    IpRanges trustedProxies;
    try {
      trustedProxies = trustedProxies(config);
      features = Features.build(config, clock, vertx, pool, PgConnectOptions.fromUri(db.uri()));
    } catch (RuntimeException e) {
      pool.close();
      vertx.close();
      throw e;
    }
    Router router = Router.router(vertx);
    router.route().handler(new ClientAddress(trustedProxies));
    router.route().handler(BodyHandler.create(false).setBodyLimit(config.integer("http.body_limit_bytes")));
    new AccessHandler(AccessRules.table(), features.identity.authenticator(), features.departmentScopes,
        features.identity.secureCookies()).install(router);
    HealthRoutes.mount(router, pool, registry);
    router.get("/api/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8").sendFile("openapi.yaml"));

    Router api = Router.router(vertx);
    features.mount(router, api);
    router.route("/api/*").subRouter(api);

    router.route().last().handler(ctx -> ApiErrors.send(ctx,
        new ApiException(404, "not_found", "no route " + ctx.request().method() + " " + ctx.request().path(), null)));
    router.route().failureHandler(ApiErrors::handle);

    HttpServer http = vertx.createHttpServer(new HttpServerOptions()
            .setHost(config.string("http.host")).setPort(config.integer("http.port")))
        .requestHandler(router)
        .listen()
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    log.info("12345 hotline server listening on {}:{}", config.string("http.host"), http.actualPort());
    features.startBackground().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return new HotlineServer(config, embedded, vertx, pool, features, http);
  }

  private static IpRanges trustedProxies(HotlineConfig config) {
    try {
      return IpRanges.parse(config.string("http.trusted_proxies"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("configuration key http.trusted_proxies: " + e.getMessage());
    }
  }

  private static void await(Future<?> f, long timeoutMs) {
    try {
      f.toCompletionStage().toCompletableFuture().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      log.warn("shutdown step did not finish cleanly: {}", e.toString());
    }
  }

  public int port() {
    return http.actualPort();
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
    await(http.shutdown(graceMs, TimeUnit.MILLISECONDS), graceMs + 5_000);
    await(features.stopBackground(), 10_000);
    await(pool.close(), 10_000);
    await(vertx.close(), 10_000);
    if (embedded != null) {
      embedded.stop();
    }
    log.info("12345 hotline server stopped");
  }
}
