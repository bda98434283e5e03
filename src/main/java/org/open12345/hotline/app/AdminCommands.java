package org.open12345.hotline.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.config.ConfigException;
import org.open12345.hotline.config.HotlineConfig;
import org.open12345.hotline.db.DatabaseStart;
import org.open12345.hotline.identity.IdentityFeature;
import org.open12345.hotline.identity.Issued;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.ticket.TicketRepository;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.routing.DepartmentScopes;
import org.open12345.hotline.routing.FreeTextBacktest;
import org.open12345.hotline.routing.LoadResult;
import org.open12345.hotline.routing.RuleSetHolder;
import org.open12345.hotline.routing.RuleSetLoader;

/**
 * The administration commands ({@code user add}, {@code token create}...): the same identity
 * services the server uses, over the same database and rule files, without an HTTP server.
 * Secrets go to {@code out} alone (a script can capture them); explanations go to {@code err}.
 */
final class AdminCommands {
  private AdminCommands() {}

  /** @return the exit status: 0 done, 1 refused (unknown department, name taken, no such account) */
  static int run(CommandLine cl, HotlineConfig config, Clock clock, PrintStream out, PrintStream err)
      throws Exception {
    Path rulesDir = Path.of(config.string("routing.dir"));
    LoadResult rules = RuleSetLoader.load(rulesDir);
    if (!rules.isValid()) {
      throw new ConfigException("routing rules in " + rulesDir + " are invalid; run the server for the details");
    }
    try (DatabaseStart db = DatabaseStart.open(config)) {
      Vertx vertx = Vertx.vertx();
      Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
          .connectingTo(PgConnectOptions.fromUri(db.url().uri())).using(vertx).build();
      if (cl.command().equals("routing backtest")) {
        try {
          return backtest(cl, config, clock, vertx, pool, rules, out);
        } finally {
          await(pool.close());
          await(vertx.close());
        }
      }
      IdentityFeature identity = new IdentityFeature(config, clock, vertx, pool,
          new DepartmentScopes(new RuleSetHolder(rules.orThrow())));
      try {
        return execute(cl, identity, config, out, err);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof Problem p) {
          err.println("hotline: " + p.getMessage());
          return 1;
        }
        throw e;
      } finally {
        identity.stop();
        await(pool.close());
        await(vertx.close());
      }
    }
  }

  private static int execute(CommandLine cl, IdentityFeature identity, HotlineConfig config, PrintStream out,
      PrintStream err) throws Exception {
    Actor cli = new Actor("cli:" + System.getProperty("user.name", "unknown"), Role.ADMIN, null);
    String name = cl.argument() != null ? cl.argument() : cl.options().get("name");
    String department = cl.options().get("department");
    switch (cl.command()) {
      case "user add" -> {
        Issued i = await(identity.accounts().create(name, role(cl), department, cli, null));
        err.println("account " + i.view().getString("name") + " (" + i.view().getString("role")
            + (department == null ? "" : ", " + department) + ") created. Its one-time password follows; it must "
            + "be changed at the first login at " + config.string("http.public_base_url") + "/login");
        out.println(i.secret());
      }
      case "user disable" -> {
        await(identity.accounts().disable(name, cli, null));
        err.println("account " + name + " disabled; its sessions have ended");
      }
      case "user enable" -> {
        await(identity.accounts().enable(name, cli, null));
        err.println("account " + name + " enabled");
      }
      case "user reset-password" -> {
        Issued i = await(identity.accounts().resetPassword(name, cli, null));
        err.println("account " + i.view().getString("name")
            + ": new one-time password follows; its sessions have ended");
        out.println(i.secret());
      }
      case "token create" -> {
        Issued i = await(identity.tokens().create(name, role(cl), department, expiry(cl.options().get("expires")),
            cli, null));
        err.println("token " + i.view().getString("name") + " (" + i.view().getString("role")
            + (department == null ? "" : ", " + department) + ") created. It follows and is shown only now: send it "
            + "as 'Authorization: Bearer <token>'");
        out.println(i.secret());
      }
      case "token revoke" -> {
        await(identity.tokens().revoke(name, cli, null));
        err.println("token " + name + " revoked");
      }
      default -> throw new IllegalArgumentException(cl.command());
    }
    return 0;
  }

  private static Role role(CommandLine cl) {
    String text = cl.options().get("role");
    Role r = Role.parse(text);
    if (r == null) {
      throw new ConfigException("unknown role '" + text + "' (see --help)");
    }
    return r;
  }

  private static Instant expiry(String text) {
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConfigException("--expires: an instant such as 2027-12-31T16:00:00Z, got '" + text + "'");
    }
  }

  /** {@code routing backtest}: the free-text model learned and scored on the database's history. */
  private static int backtest(CommandLine cl, HotlineConfig config, Clock clock, Vertx vertx, Pool pool,
      LoadResult rules, PrintStream out) throws Exception {
    Instant since = null;
    String date = cl.options().get("since");
    if (date != null) {
      try {
        since = java.time.LocalDate.parse(date).atStartOfDay(config.zone()).toInstant();
      } catch (DateTimeParseException e) {
        throw new ConfigException("--since: a date such as 2026-06-01, got '" + date + "'");
      }
    }
    int max = config.integer("routing.model_max_examples");
    if (cl.options().get("max") != null) {
      try {
        max = Integer.parseInt(cl.options().get("max"));
      } catch (NumberFormatException e) {
        throw new ConfigException("--max: a number of tickets, got '" + cl.options().get("max") + "'");
      }
    }
    TicketService tickets = new TicketService(pool, new TicketRepository(config.zone()), clock);
    return FreeTextBacktest.run(vertx, pool, tickets, rules.orThrow(), since, max, out)
        .toCompletionStage().toCompletableFuture().get(2, TimeUnit.HOURS);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
