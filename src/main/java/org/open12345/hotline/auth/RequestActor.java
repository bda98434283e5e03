package org.open12345.hotline.auth;

import io.vertx.ext.web.RoutingContext;
import org.open12345.hotline.web.ApiException;

/**
 * Who is calling, from the {@code X-Hotline-User}, {@code X-Hotline-Role} and
 * {@code X-Hotline-Department} headers. The server trusts these as set by the centre's
 * authenticating gateway until login lands in this server; the SYSTEM role is never accepted.
 */
public final class RequestActor {
  private RequestActor() {}

  public static Actor of(RoutingContext ctx, Role defaultRole) {
    String user = ctx.request().getHeader("X-Hotline-User");
    String roleText = ctx.request().getHeader("X-Hotline-Role");
    Role role = roleText == null ? defaultRole : Role.parse(roleText);
    if (role == null || role == Role.SYSTEM) {
      throw new ApiException(400, "invalid_header",
          "X-Hotline-Role: unknown role '" + roleText + "' (one of OPERATOR, DISPATCHER, DEPARTMENT, SUPERVISOR)",
          null);
    }
    String department = ctx.request().getHeader("X-Hotline-Department");
    if (role == Role.DEPARTMENT && (department == null || department.isBlank())) {
      throw new ApiException(400, "invalid_header", "X-Hotline-Department is required for role DEPARTMENT", null);
    }
    return new Actor(user == null || user.isBlank() ? role.name().toLowerCase() : user.trim(), role,
        department == null ? null : department.trim());
  }
}
