package org.open12345.hotline.console;

import io.vertx.ext.web.Router;
import java.util.EnumSet;
import java.util.Set;
import org.open12345.hotline.auth.Role;

/** {@code /console}: each role's own desk; the administrator's is the accounts page. */
final class ConsoleHome {
  static final String PATH = "/console";
  static final Set<Role> STAFF = EnumSet.of(Role.OPERATOR, Role.DISPATCHER, Role.DEPARTMENT, Role.SUPERVISOR);
  private final ConsoleSession session;

  ConsoleHome(ConsoleSession session) {
    this.session = session;
  }

  static String pathOf(Role role) {
    return switch (role) {
      case OPERATOR -> "/console/operator";
      case DISPATCHER -> "/console/dispatch";
      case DEPARTMENT -> "/console/department";
      case SUPERVISOR -> "/console/supervisor";
      case ADMIN -> AdminUserRoutes.PATH;
      default -> "/account";
    };
  }

  void mount(Router root) {
    root.get(PATH).handler(ctx -> session.page(ctx, EnumSet.allOf(Role.class), viewer -> {
      ConsoleSession.redirect(ctx, pathOf(viewer.role()));
      return io.vertx.core.Future.succeededFuture();
    }));
  }
}
