package org.open12345.hotline.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.open12345.hotline.web.ApiErrors;
import org.open12345.hotline.web.ApiException;
import org.open12345.hotline.web.ClientAddress;

/**
 * The one place where every {@code /api} request (and {@code /metrics}) is let through or not,
 * by the {@link AccessTable}: public lines pass; otherwise the caller is authenticated (bearer
 * token or session cookie), a department user's department is checked against the directory and
 * its scope resolved, session requests that change state must carry the CSRF token, and the role
 * must be on the line. The routes behind it read the caller with {@link Actors#of}.
 */
public final class AccessHandler implements Handler<RoutingContext> {
  private final AccessTable table;
  private final Authenticator authenticator;
  private final DepartmentDirectory departments;
  private final boolean secureCookies;

  public AccessHandler(AccessTable table, Authenticator authenticator, DepartmentDirectory departments,
      boolean secureCookies) {
    this.table = table;
    this.authenticator = authenticator;
    this.departments = departments;
    this.secureCookies = secureCookies;
  }

  /** Puts the handler in front of {@code /api/*} and {@code /metrics}; call before those routes exist. */
  public void install(Router root) {
    root.route("/api/*").handler(this);
    root.route("/metrics").handler(this);
  }

  @Override
  public void handle(RoutingContext ctx) {
    String method = ctx.request().method().name();
    String path = ctx.normalizedPath();
    Optional<AccessTable.Line> line = table.find(method, path);
    if (line.isPresent() && line.get().open()) {
      ctx.next();
      return;
    }
    Credentials presented = new Credentials(ctx.request().getHeader(HttpHeaders.AUTHORIZATION),
        SessionCookie.read(ctx), ClientAddress.of(ctx));
    if (presented.none()) {
      refuse(ctx, AccessRefused.unauthenticated("unauthenticated",
          "sign in (session cookie) or send 'Authorization: Bearer <token>'"));
      return;
    }
    authenticator.authenticate(presented)
        .onSuccess(found -> {
          if (found.isEmpty()) {
            refuse(ctx, AccessRefused.unauthenticated("unauthenticated", "no valid credentials"));
            return;
          }
          try {
            admit(ctx, method, path, found.get());
          } catch (AccessRefused | ApiException e) {
            refuse(ctx, e);
          }
        })
        .onFailure(e -> refuse(ctx, e));
  }

  private void admit(RoutingContext ctx, String method, String path, Authenticated who) {
    Actor actor = ActorScope.resolve(who.actor(), departments);
    AccessTable.Decision d = table.decide(method, path, actor.role());
    if (d.verdict() == AccessTable.Verdict.NO_LINE) {
      // Unknown route, or a route nobody wrote a line for: both look the same from outside.
      throw new ApiException(404, "not_found", "no route " + method + " " + path, null);
    }
    if (who.passwordChangeRequired()) {
      throw AccessRefused.forbidden("password_change_required",
          "this account still has its one-time password; set your own at /account/password first");
    }
    if (d.verdict() != AccessTable.Verdict.ALLOWED) {
      throw AccessRefused.roleNotAllowed(actor.role(), method, d.line().pattern());
    }
    if (who.via() == Authenticated.Via.SESSION && Csrf.changesState(method)
        && !Csrf.matches(who.csrfToken(), ctx.request().getHeader(Csrf.HEADER))) {
      throw Csrf.refused();
    }
    Actors.put(ctx, actor, who.csrfToken());
    ctx.next();
  }

  private void refuse(RoutingContext ctx, Throwable e) {
    if (e instanceof AccessRefused r && r.kind() == org.open12345.hotline.problem.Problem.Kind.UNAUTHENTICATED) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"hotline\"");
      if (SessionCookie.read(ctx) != null) {
        SessionCookie.clear(ctx, secureCookies);
      }
    }
    if (e instanceof ApiException a) {
      ApiErrors.send(ctx, a);
    } else {
      ctx.fail(e);
    }
  }
}
