package org.open12345.hotline.identity;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Actors;
import org.open12345.hotline.web.JsonBody;

/**
 * {@code GET /api/me}: who the request is authenticated as, what it sees, and (for a browser
 * session) the CSRF token its page must send with every change.
 */
final class MeRoutes {
  void mount(Router api) {
    api.get("/me").handler(ctx -> {
      Actor a = Actors.of(ctx);
      LoginPages.noStore(ctx);
      JsonBody.reply(ctx, 200, new JsonObject().put("name", a.id()).put("role", a.role().name())
          .put("role_label", a.role().label()).put("department_id", a.department())
          .put("scope", a.scope() == null ? null : new JsonArray(a.scope()))
          .put("csrf_token", Actors.csrfToken(ctx)));
    });
  }
}
