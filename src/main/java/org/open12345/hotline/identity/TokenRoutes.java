package org.open12345.hotline.identity;

import static org.open12345.hotline.identity.AccountRoutes.reply;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.problem.InvalidField;
import org.open12345.hotline.web.ClientAddress;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/** {@code /api/tokens}: administrators issue and revoke machines' bearer tokens. */
final class TokenRoutes {
  private final ApiTokens tokens;

  TokenRoutes(ApiTokens tokens) {
    this.tokens = tokens;
  }

  void mount(Router api) {
    api.get("/tokens").handler(ctx -> reply(ctx, 200, tokens.list().map(AccountRoutes::items)));
    api.post("/tokens").handler(this::create);
    api.post("/tokens/:name/revoke").handler(ctx ->
        reply(ctx, 200, tokens.revoke(ctx.pathParam("name"), Actors.of(ctx), ClientAddress.of(ctx))));
  }

  private void create(RoutingContext ctx) {
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("name", "role", "department_id", "expires_at"));
    reply(ctx, 201, tokens.create(f.requiredText("name", 64), AccountRoutes.role(f, Role.FOR_TOKENS),
            f.optionalText("department_id", 64), expiry(f.optionalText("expires_at", 40)), Actors.of(ctx),
            ClientAddress.of(ctx))
        .map(i -> AccountRoutes.secret(ctx, i, "token")));
  }

  static Instant expiry(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidField("expires_at", "an ISO-8601 instant, e.g. 2027-01-31T16:00:00Z");
    }
  }
}
