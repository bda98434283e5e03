package org.open12345.hotline.app;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.web.ApiErrors;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.BodyReading;
import org.open12345.hotline.web.MalformedPaths;
import org.open12345.hotline.web.PageHeaders;

/**
 * One HTTP server on one event loop. The server deploys {@code http.event_loops} instances; Vert.x
 * shares the listening port between them and spreads connections round-robin. Every instance
 * builds its own router over the same features (and so the same pool and services).
 */
final class HttpVerticle extends VerticleBase {
  private final HotlineConfig config;
  private final Features features;
  private HttpServer server;

  HttpVerticle(HotlineConfig config, Features features) {
    this.config = config;
    this.features = features;
  }

  @Override
  public Future<?> start() {
    Router root = Router.router(vertx);
    root.route().handler(PageHeaders::handle);
    root.route().handler(features.clientAddress);
    root.route().handler(BodyReading.upTo(config.integer("http.body_limit_bytes")));
    features.access.install(root);
    Router api = Router.router(vertx);
    features.mount(vertx, root, api);
    root.route("/api/*").subRouter(api);
    root.route().last().handler(ctx -> ApiErrors.send(ctx,
        new ApiException(404, "not_found", "no route " + ctx.request().method() + " " + ctx.request().path(), null)));
    root.route().failureHandler(ApiErrors::handle);
    return vertx.createHttpServer(new HttpServerOptions()
            .setHost(config.string("http.host")).setPort(config.integer("http.port")))
        .requestHandler(MalformedPaths.before(root))
        .listen()
        .onSuccess(s -> server = s);
  }

  /** Stops accepting and lets in-flight requests finish, up to {@code http.shutdown_grace}. */
  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture()
        : server.shutdown(config.duration("http.shutdown_grace").toMillis(), TimeUnit.MILLISECONDS);
  }

  int actualPort() {
    return server.actualPort();
  }
}
