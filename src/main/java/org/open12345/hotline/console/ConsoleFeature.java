package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.time.Clock;
import java.time.ZoneId;
import org.open12345.hotline.auth.Authenticator;
import org.open12345.hotline.auth.DepartmentDirectory;
import org.open12345.hotline.db.Listening;
import org.open12345.hotline.deadline.Deadlines;
import org.open12345.hotline.deadline.Extensions;
import org.open12345.hotline.deadline.PauseRequests;
import org.open12345.hotline.escalation.Escalations;
import org.open12345.hotline.evaluation.RatingAppeals;
import org.open12345.hotline.evaluation.RatingCases;
import org.open12345.hotline.evaluation.RatingService;
import org.open12345.hotline.handling.CoDepartments;
import org.open12345.hotline.ticket.ContactReveals;
import org.open12345.hotline.followup.FollowUps;
import org.open12345.hotline.intake.IntakeFeature;
import org.open12345.hotline.intake.voice.CallEventListener;
import org.open12345.hotline.returns.Returns;
import org.open12345.hotline.returns.ReturnReasonCatalog;
import org.open12345.hotline.routing.DispatchQueue;
import org.open12345.hotline.routing.RuleSetHolder;
import org.open12345.hotline.stats.StatsService;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.web.Feature;

/**
 * The staff console: server-rendered pages (Pebble under {@code templates/console/<area>/}) for
 * operators, dispatchers, departments and supervisors, and the ticket page every notice links to.
 * Pages sign in through the identity feature's session and act through the same services as the
 * API. Every asset is served by this server (htmx from its WebJar, one script and one style sheet
 * of our own), so the pages work on a closed intranet and under a policy that runs no inline code.
 */
public final class ConsoleFeature implements Feature {
  /** What the console reads and acts through; the console owns one table (operator_seats). */
  public record Neighbours(TicketService tickets, Deadlines deadlines, RuleSetHolder rules,
      ReturnReasonCatalog reasons, Authenticator authenticator, DepartmentDirectory departments,
      boolean secureCookies, Listening listening, Extensions extensions, PauseRequests pauses,
      Escalations escalations, StatsService stats, DispatchQueue dispatchQueue) {}

  /**
   * What the desks' rating, appeal, 协办 and reveal forms act through (set with {@link #withDesks}
   * before the routes are mounted).
   */
  public record Desks(RatingService ratings, RatingCases cases, RatingAppeals appeals, CoDepartments co,
      ContactReveals reveals) {}

  private final Neighbours n;
  private volatile Desks desks;
  private final ConsoleView view = new ConsoleView();
  private final ConsoleTime time;
  private final DepartmentOptions departments;
  private final Clock clock;
  private final ZoneId zone;

  private final LiveFeed live;
  private AdminServices admin;
  private CentreDesks centre;

  /** What the operators' and dispatchers' desks read and act through besides tickets. */
  public record CentreDesks(Pool pool, IntakeFeature.Desk intake, Returns returns, RatingService ratings,
      FollowUps followUps) {}

  public ConsoleFeature(Vertx vertx, Clock clock, ZoneId zone, Neighbours neighbours) {
    this.n = neighbours;
    this.live = new LiveFeed(vertx, neighbours.listening());
    neighbours.tickets().addListener(new LiveTickets(new LiveRepository()));
    this.clock = clock;
    this.zone = zone;
    this.time = new ConsoleTime(zone);
    this.departments = new DepartmentOptions(neighbours.rules());
  }

  /** The evaluation, handling and reveal services the desks act through (call before mount). */
  public ConsoleFeature withDesks(Desks desks) {
    this.desks = desks;
    return this;
  }

  /** The administrator's pages act through these (call before mount); without them, none is mounted. */
  public ConsoleFeature withAdmin(AdminServices services) {
    this.admin = services;
    return this;
  }

  /** The desks' services (calls, returns, SMS, ratings); operator_seats is the console's own table. */
  public ConsoleFeature withCentreDesks(CentreDesks centre) {
    this.centre = centre;
    return this;
  }

  /** Pops a ringing call on the screen of the operator seated at its extension (any instance). */
  public CallEventListener callPops() {
    return new LiveCalls(new LiveRepository());
  }

  @Override
  public String name() {
    return "console";
  }

  /** Listens for ticket changes made through any server instance (LISTEN/NOTIFY). */
  @Override
  public Future<Void> start() {
    return live.start();
  }

  @Override
  public Future<Void> stop() {
    return live.stop();
  }

  @Override
  public void mount(Vertx vertx, Router root, Router api) {
    ConsoleSession session = new ConsoleSession(n.authenticator(), n.departments(), departments::name, view,
        n.secureCookies());
    root.route("/console/assets/*").handler(ctx -> {
      ConsoleView.headers(ctx).putHeader("Cache-Control", "public, max-age=86400");
      ctx.next();
    }).handler(StaticHandler.create("META-INF/resources/webjars").setCachingEnabled(true));
    root.route("/console/static/*").handler(ctx -> {
      ConsoleView.headers(ctx).putHeader("Cache-Control", "no-cache");
      ctx.next();
    }).handler(StaticHandler.create("console"));
    // Browsers ask for it on every page, the login page too; a 404 would be a console error.
    root.get("/favicon.ico").handler(ctx -> ctx.reroute("/console/static/favicon.svg"));
    new ConsoleHome(session).mount(root);
    TicketExtras extras = new TicketExtras(desks, new TicketExtrasModel(time, departments, clock));
    TicketPageRoutes ticketPage = new TicketPageRoutes(session, view, n.tickets(), n.deadlines(),
        new TicketPageModel(time, departments, n.reasons(), new TimelineLabels(n.reasons()::returnReasons,
            id -> policyName(n.rules(), id))), extras);
    ticketPage.mount(root);
    new ClockRequestRoutes(session, n.extensions(), n.pauses()).mount(root, ticketPage);
    new RatingFormRoutes(session, desks).mount(root, ticketPage);
    QueueReader queues = new QueueReader(n.tickets(), n.deadlines(),
        new TicketRows(n.deadlines(), departments, time, clock), departments, time);
    new DeskRoutes(session, view, queues, departments, n.escalations(), time,
        new SuggestionRows(n.dispatchQueue(), departments)).mount(root);
    new SuggestionRoutes(session, n.dispatchQueue()).mount(root, ticketPage);
    new CaseDeskRoutes(session, view, desks, n.tickets(), departments, time, clock).mount(root);
    new FiguresRoutes(session, view, n.stats(), clock, zone, departments).mount(root);
    Seats seats = new Seats(centre.pool(), new SeatRepository(), clock);
    new LiveRoutes(session, vertx, seats, view).mount(root);
    TicketRows rows = new TicketRows(n.deadlines(), departments, time, clock);
    OperatorDesk desk = new OperatorDesk(seats,
        new CallerPanel(centre.intake().callers(), centre.ratings(), rows, time),
        centre.intake().callbackTasks(), queues, time, desks.cases(), departments, clock);
    new OperatorRoutes(session, view, n.tickets(), queues, n.rules(), departments, clock, zone, desk).mount(root);
    new OperatorCallRoutes(session, view, desk, centre.followUps()).mount(root);
    CentreLists lists = new CentreLists(new CentreLists.Sources(centre.returns(), n.extensions(), n.pauses(),
        centre.intake().inbound(), centre.intake().emergencies(), n.tickets()), departments, n.rules(), time, clock);
    new CentreListsRoutes(session, view, lists, centre.returns(), centre.intake().unparsed(),
        centre.intake().emergencies()).mount(root);
    mountAdmin(root, session);
  }

  private static String policyName(org.open12345.hotline.routing.RuleSetHolder rules, String id) {
    var p = rules.current().policies().get(id);
    return p == null || p.name() == null ? id : p.name();
  }

  private void mountAdmin(Router root, ConsoleSession session) {
    if (admin == null) {
      return;
    }
    new AdminUserRoutes(session, view, admin.accounts(), departments, time).mount(root);
    new AdminTokenRoutes(session, view, admin.tokens(), departments, time, zone, clock).mount(root);
    new AdminSystemRoutes(session, view, n.rules(), admin).mount(root);
  }
}
