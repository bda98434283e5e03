package org.open12345.hotline.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.web.ClientAddress;
import org.open12345.hotline.web.JsonBody;
import org.open12345.hotline.web.JsonFields;

/** {@code /api/users}: administrators manage staff accounts. */
final class AccountRoutes {
  private final Accounts accounts;

  AccountRoutes(Accounts accounts) {
    this.accounts = accounts;
  }

  void mount(Router api) {
    api.get("/users").handler(ctx -> reply(ctx, 200, accounts.list().map(AccountRoutes::items)));
    api.post("/users").handler(this::create);
    api.post("/users/:name/disable").handler(ctx ->
        reply(ctx, 200, accounts.disable(ctx.pathParam("name"), Actors.of(ctx), ClientAddress.of(ctx))));
    api.post("/users/:name/enable").handler(ctx ->
        reply(ctx, 200, accounts.enable(ctx.pathParam("name"), Actors.of(ctx), ClientAddress.of(ctx))));
    api.post("/users/:name/role").handler(this::changeRole);
    api.post("/users/:name/password-reset").handler(ctx -> reply(ctx, 200,
        accounts.resetPassword(ctx.pathParam("name"), Actors.of(ctx), ClientAddress.of(ctx))
            .map(i -> secret(ctx, i, "one_time_password"))));
  }

  private void create(RoutingContext ctx) {
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("name", "role", "department_id"));
    Actor by = Actors.of(ctx);
    reply(ctx, 201, accounts.create(f.requiredText("name", 64), role(f, Role.FOR_USERS),
        f.optionalText("department_id", 64), by, ClientAddress.of(ctx)).map(i -> secret(ctx, i, "one_time_password")));
  }

  private void changeRole(RoutingContext ctx) {
    JsonFields f = new JsonFields(JsonBody.of(ctx)).onlyKnown(Set.of("role", "department_id"));
    reply(ctx, 200, accounts.changeRole(ctx.pathParam("name"), role(f, Role.FOR_USERS),
        f.optionalText("department_id", 64), Actors.of(ctx), ClientAddress.of(ctx)));
  }

  static Role role(JsonFields f, Set<Role> allowed) {
    return f.requiredEnum("role", allowed.toArray(Role[]::new), Role::parse);
  }

  /** The issued secret is in this one answer only; nothing may cache it. */
  static JsonObject secret(RoutingContext ctx, Issued issued, String field) {
    LoginPages.noStore(ctx);
    return issued.view().copy().put(field, issued.secret());
  }

  static JsonObject items(List<JsonObject> all) {
    return new JsonObject().put("items", new JsonArray(List.copyOf(all)));
  }

  static void reply(RoutingContext ctx, int status, Future<JsonObject> answer) {
    answer.onSuccess(json -> JsonBody.reply(ctx, status, json)).onFailure(ctx::fail);
  }
}
