package org.open12345.hotline.deadline;

import io.vertx.ext.web.RoutingContext;
import org.open12345.hotline.web.ApiException;

/**
 * The part the request routes share: the path of a centre's decision on a department's request,
 * {@code .../{requests}/{id}/approve} or {@code .../refuse} (extensions, pause requests).
 *
 * @param approve true for {@code approve}, false for {@code refuse}
 */
record DecisionRoutes(long id, boolean approve) {

  /** @param what the request's name for "no such" answers, e.g. {@code extension} */
  static DecisionRoutes of(RoutingContext ctx, String what) {
    String decision = ctx.pathParam("decision");
    if (!decision.equals("approve") && !decision.equals("refuse")) {
      throw new ApiException(404, "unknown_action", "no decision '" + decision + "' (approve or refuse)", null);
    }
    try {
      return new DecisionRoutes(Long.parseLong(ctx.pathParam("id")), decision.equals("approve"));
    } catch (NumberFormatException e) {
      throw ApiException.notFound("no " + what + " " + ctx.pathParam("id"));
    }
  }
}
