package org.open12345.hotline.intake;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.open12345.hotline.web.ApiErrors;
import org.open12345.hotline.web.ApiException;

/** The answers webhooks give: the provider's acknowledgement, or the one error shape. */
public final class WebhookAnswers {
  private WebhookAnswers() {}

  public static void ack(RoutingContext ctx, Acknowledgement ack) {
    ctx.response().setStatusCode(200).putHeader("Content-Type", ack.contentType()).end(ack.body());
  }

  public static void refused(RoutingContext ctx) {
    // The reason goes to the log only: a caller probing secrets learns nothing.
    ApiErrors.send(ctx, new ApiException(403, "forbidden", "webhook call refused", null));
  }

  public static void malformed(RoutingContext ctx, PayloadException e) {
    ApiErrors.send(ctx, new ApiException(400, "invalid_payload", e.getMessage(),
        e.field() == null ? null : new JsonObject().put("field", e.field())));
  }

  public static void unknownProvider(RoutingContext ctx, String provider) {
    ApiErrors.send(ctx, new ApiException(404, "unknown_provider", "no webhook for provider '" + provider + "'", null));
  }
}
