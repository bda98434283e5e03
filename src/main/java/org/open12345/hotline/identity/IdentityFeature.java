package org.open12345.hotline.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import org.open12345.hotline.auth.Authenticator;
import org.open12345.hotline.auth.DepartmentDirectory;
import org.open12345.hotline.auth.SecurityAudit;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.web.Feature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts, browser sessions, API tokens and the security log: who is asking. The access
 * handler ({@code auth.AccessHandler}, wired in {@code app/}) asks {@link #authenticator()} on
 * every staff request; the command line ({@code user add}, {@code token create}) uses
 * {@link #accounts()} and {@link #tokens()} without starting the HTTP server.
 */
public final class IdentityFeature implements Feature {
  private static final Logger log = LoggerFactory.getLogger(IdentityFeature.class);

  private final PasswordHasher hasher;
  private final SecurityLog securityLog;
  private final Accounts accounts;
  private final ApiTokens tokens;
  private final Logins logins;
  private final IdentityAuthenticator authenticator;
  private final DepartmentDirectory departments;
  private final LoginPages pages = new LoginPages();
  private final boolean secureCookies;

  public IdentityFeature(HotlineConfig config, Clock clock, Vertx vertx, Pool pool, DepartmentDirectory departments) {
    this.departments = departments;
    this.secureCookies = config.string("http.public_base_url").trim().toLowerCase(java.util.Locale.ROOT)
        .startsWith("https://");
    this.hasher = new PasswordHasher(vertx);
    UserRepository users = new UserRepository();
    SessionRepository sessions = new SessionRepository();
    SecurityEventRepository events = new SecurityEventRepository();
    this.securityLog = new SecurityLog(pool, events, clock);
    this.accounts = new Accounts(pool, users, sessions, hasher, securityLog, departments, clock);
    this.tokens = new ApiTokens(pool, new ApiTokenRepository(), securityLog, departments, clock, config.zone());
    this.logins = new Logins(pool, users, sessions, events, hasher, securityLog,
        new LoginThrottle(config.integer("identity.login.max_failures"),
            config.duration("identity.login.failure_window")),
        new SessionSettings(config.duration("identity.session.idle_timeout"),
            config.duration("identity.session.absolute_timeout"), secureCookies),
        clock);
    this.authenticator = new IdentityAuthenticator(tokens, logins);
  }

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    new LoginRoutes(logins, pages, departments, secureCookies).mount(root);
    new MeRoutes().mount(api);
    new AccountRoutes(accounts).mount(api);
    new TokenRoutes(tokens).mount(api);
    new SecurityEventRoutes(securityLog).mount(api);
  }

  /** Tells a fresh install how to create its first administrator: there is no default account. */
  @Override
  public Future<Void> start() {
    return accounts.anyAdmin().map(any -> {
      if (!any) {
        log.warn("no ADMIN account exists yet. Create the first one with\n"
            + "  java -jar target/hotline.jar user add --name admin --role ADMIN\n"
            + "(same configuration as the server); it prints a one-time password to change at the first login "
            + "at /login.");
      }
      return null;
    });
  }

  @Override
  public Future<Void> stop() {
    hasher.close();
    return Future.succeededFuture();
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public SecurityAudit securityAudit() {
    return securityLog;
  }

  public Accounts accounts() {
    return accounts;
  }

  public ApiTokens tokens() {
    return tokens;
  }

  /** Session cookies carry the Secure flag (the server is reached over https). */
  public boolean secureCookies() {
    return secureCookies;
  }
}
