package org.open12345.hotline.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.db.GroupCommit;
import org.open12345.hotline.problem.InvalidField;

/** Creates tickets and applies actions to them, each in one transaction with its event. */
public final class TicketService {
  private final Pool pool;
  private final TicketRepository tickets;
  private final Clock clock;
  private final List<TicketChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final TicketMerges merges;
  private final GroupCommit creations;

  public TicketService(Pool pool, TicketRepository tickets, Clock clock) {
    this(pool, tickets, clock, GroupCommit.single(pool));
  }

  /** @param creations the transactions that create tickets: shared by concurrent requests, or each alone */
  public TicketService(Pool pool, TicketRepository tickets, Clock clock, GroupCommit creations) {
    this.pool = pool;
    this.tickets = tickets;
    this.clock = clock;
    this.merges = new TicketMerges(new TicketMergeRepository(), this);
    this.creations = creations;
  }

  /**
   * A transaction that creates tickets (every intake channel's, the operator API's): with group
   * commit on, shared with the creations of concurrent requests and completed after the shared
   * COMMIT; otherwise {@link Pool#withTransaction}. {@code work} is the same code either way.
   */
  public <T> Future<T> inCreatingTransaction(Function<SqlConnection, Future<T>> work) {
    return creations.inTransaction(work);
  }

  /** True when concurrent creations share transactions (group commit is on). */
  public boolean creationsShared() {
    return creations.settings().batching();
  }

  /**
   * Lets the listeners do their CPU work on a draft before its transaction opens (routing reads
   * the free text), so no connection, and no shared batch, waits while it runs. Optional: a
   * listener not told in advance does the same work inside the transaction.
   */
  public void readAhead(NewTicket draft, Actor actor) {
    Instant at = clock.instant();
    for (TicketChangeListener l : listeners) {
      l.beforeCreate(draft, actor, at);
    }
  }

  public void addListener(TicketChangeListener l) {
    listeners.add(l);
  }

  public TicketRepository repository() {
    return tickets;
  }

  /** A ticket with its timeline, as staff read it. */
  public Future<TicketDetail> detail(String number) {
    return detail(number, null);
  }

  /**
   * A ticket with its timeline, if {@code scope} covers it.
   *
   * @param scope the caller's departments (a department user's sub-tree), or null for centre staff;
   *     another department's ticket is not found, exactly like one that does not exist
   */
  public Future<TicketDetail> detail(String number, List<String> scope) {
    return tickets.findByNumber(pool, number, scope)
        .compose(t -> t.map(this::withTimeline).orElseGet(() -> Future.failedFuture(new TicketNotFound(number))));
  }

  public Future<TicketDetail> withTimeline(Ticket t) {
    Future<List<TicketEvent>> events = TicketEventRepository.timeline(pool, t.id());
    Future<MergeLinks> links = merges.linksOf(pool, t.id());
    return Future.all(events, links).map(v -> new TicketDetail(t, events.result(), links.result()));
  }

  /**
   * A ticket this request has just created, with its timeline. Nothing is merged into or with a
   * ticket at its creation, so its 并案 links are not read: the operator's answer (every phone
   * ticket a centre records) costs one query fewer.
   */
  public Future<TicketDetail> withTimelineOfNew(Ticket t) {
    return TicketEventRepository.timeline(pool, t.id()).map(events -> new TicketDetail(t, events, MergeLinks.NONE));
  }

  /**
   * The tickets merged into {@code master} (并案), locked until the caller's transaction ends,
   * whatever their state now; e.g. to pass the master's reply on to their citizens.
   */
  public Future<List<Ticket>> lockMergedInto(SqlConnection tx, Ticket master) {
    return merges.lockMerged(tx, master.id());
  }

  /** Tickets waiting for a dispatcher (RECEIVED), the most urgent first, then the oldest. */
  public Future<List<Ticket>> dispatchQueue(int limit, long offset) {
    return tickets.queue(pool, limit, offset);
  }

  public Future<List<Ticket>> list(TicketQuery query) {
    return tickets.list(pool, query);
  }

  public Future<Ticket> create(NewTicket draft, Actor actor) {
    readAhead(draft, actor);
    return inCreatingTransaction(tx -> create(tx, draft, actor, new JsonObject()));
  }

  /**
   * A ticket the operator answered on the call (直接办结): created, routed for the statistics (its
   * ROUTE event; the listeners are told it is answered, so it is not dispatched), then ANSWERED
   * with the answer in its log, in one transaction. A role that may not answer gets no ticket.
   */
  public Future<Ticket> createAnswered(NewTicket draft, Actor actor, String answer, String note) {
    if (answer == null || answer.isBlank()) {
      return Future.failedFuture(new InvalidField("answer", "is required to answer a ticket on the spot"));
    }
    try {
      TicketStateMachine.next(TicketStatus.RECEIVED, TicketAction.ANSWER_ON_SPOT, actor.role());
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
    ActionRequest answered = ActionRequest.answeredOnSpot(answer, note);
    readAhead(draft, actor);
    return inCreatingTransaction(tx -> insert(tx, draft, actor, new JsonObject().put("answered_on_spot", true),
            answered, t -> Future.succeededFuture())
        .compose(t -> act(tx, t, TicketAction.ANSWER_ON_SPOT, actor, answered)));
  }

  /** Creation inside a caller's transaction (intake channels claim their message id in it). */
  public Future<Ticket> create(SqlConnection tx, NewTicket draft, Actor actor, JsonObject details) {
    return create(tx, draft, actor, details, t -> Future.succeededFuture());
  }

  /**
   * Creation plus the caller's own writes about the new row (e.g. an intake channel's
   * acknowledgement), started as soon as the row exists and sent on the connection alongside the
   * listeners' statements (pipelined) instead of after them. {@code alongside} sees the ticket as
   * inserted, before any listener changed it; the returned ticket is the one after the listeners.
   */
  public Future<Ticket> create(SqlConnection tx, NewTicket draft, Actor actor, JsonObject details,
      Function<Ticket, Future<?>> alongside) {
    return insert(tx, draft, actor, details, null, alongside);
  }

  /** @param creation what the CREATE listeners are told besides the ticket; null for an ordinary ticket */
  private Future<Ticket> insert(SqlConnection tx, NewTicket draft, Actor actor, JsonObject details,
      ActionRequest creation, Function<Ticket, Future<?>> alongside) {
    Instant now = clock.instant();
    return tickets.insertWithCreateEvent(tx, draft, now, actor, details.copy().put("channel", draft.channel().name()))
        .compose(t -> {
          Future<Ticket> notified = notifyListeners(tx, null, t, TicketAction.CREATE, actor, now, creation);
          Future<?> written;
          try {
            written = alongside.apply(t);
          } catch (RuntimeException e) {
            written = Future.failedFuture(e);
          }
          return Future.all(notified, written).map(v -> notified.result());
        });
  }

  public Future<Ticket> act(String number, TicketAction action, Actor actor, ActionRequest request) {
    return pool.withTransaction(tx -> act(tx, number, action, actor, request));
  }

  /** An action by {@code actor}, on a ticket within its scope (another department's is not found). */
  public Future<Ticket> act(SqlConnection tx, String number, TicketAction action, Actor actor, ActionRequest request) {
    if (action == TicketAction.MERGE) {
      // Locks the master with the ticket, in id order; merging is the centre's (no department scope).
      return merges.merge(tx, number, actor, request, clock.instant());
    }
    return tickets.lockByNumber(tx, number, actor.scope())
        .compose(found -> act(tx, found.orElseThrow(() -> new TicketNotFound(number)), action,
            actor, request));
  }

  /**
   * An action on a ticket this transaction already holds locked (it created or locked it), as it
   * is now: spares reading the row back, e.g. for the dispatch that routing does on creation.
   */
  public Future<Ticket> act(SqlConnection tx, Ticket before, TicketAction action, Actor actor, ActionRequest request) {
    if (action == TicketAction.MERGE) {
      return act(tx, before.number(), action, actor, request);
    }
    try {
      return actOnLocked(tx, before, action, actor, request);
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
  }

  private Future<Ticket> actOnLocked(SqlConnection tx, Ticket before, TicketAction action, Actor actor,
      ActionRequest request) {
    Instant now = clock.instant();
    if (actor.role() == Role.DEPARTMENT && !actor.department().equals(before.departmentId())) {
      throw new NotYourTicket(before.number(), before.departmentId(), actor.department());
    }
    if (action == TicketAction.UNMERGE) {
      return merges.unmerge(tx, before, actor, request, now);
    }
    TicketStatus next = TicketStateMachine.next(before.status(), action, actor.role());
    if (action == TicketAction.ANSWER_ON_SPOT && request.answer() == null) {
      throw new InvalidField("answer", "is required to answer a ticket on the spot (the answer given on the call)");
    }
    if (!request.coDepartmentIds().isEmpty() && action != TicketAction.DISPATCH) {
      throw new InvalidField("co_department_ids", "only a dispatch names co-departments (协办)");
    }
    Future<Ticket> changed = change(tx, before, action, next, department(before, action, request), actor, request,
        now);
    // Closing a master closes the tickets merged into it (并案: they follow the master).
    return action == TicketAction.CLOSE
        ? changed.compose(after -> merges.closeMerged(tx, after, now).map(after))
        : changed;
  }

  /** A state change the rules already allowed, with its event, then the listeners. */
  Future<Ticket> change(SqlConnection tx, Ticket before, TicketAction action, TicketStatus next, String department,
      Actor actor, ActionRequest request, Instant now) {
    return tickets.updateStatusWithEvent(tx, before.id(), before.status(), next, department, now, actor, action.name(),
            request.toDetails())
        .compose(after -> notifyListeners(tx, before, after, action, actor, now, request));
  }

  /** A dispatch names its department; a reopen may name another one (重办 by another department). */
  private static String department(Ticket before, TicketAction action, ActionRequest request) {
    if (action == TicketAction.REOPEN && request.departmentId() != null) {
      return request.departmentId();
    }
    if (action != TicketAction.DISPATCH) {
      return before.departmentId();
    }
    if (request.departmentId() == null) {
      throw new InvalidField("department_id", "is required to dispatch a ticket");
    }
    return request.departmentId();
  }

  private Future<Ticket> notifyListeners(SqlConnection tx, Ticket before, Ticket after, TicketAction action,
      Actor actor, Instant at, ActionRequest request) {
    Future<Ticket> chain = Future.succeededFuture(after);
    for (TicketChangeListener l : listeners) {
      chain = chain.compose(current -> l.afterChange(tx, before, current, action, actor, at, request));
    }
    return chain;
  }

  // Reads for other features: they ask here and never query the ticket tables themselves.

  public Future<Optional<Ticket>> find(String number) {
    return tickets.findByNumber(pool, number);
  }

  /** At most {@code max} tickets whose final department is known (with their category if any), newest first. */
  public Future<List<LabelledText>> labelledTexts(int max) {
    return tickets.labelledTexts(pool, max);
  }

  /** One page of the labelled history: at most {@code max} tickets below {@code beforeId}, newest first. */
  public Future<List<LabelledText>> labelledTexts(long beforeId, int max) {
    return tickets.labelledTexts(pool, beforeId, max);
  }

  /** The ticket if {@code scope} covers it (null: any ticket). */
  public Future<Optional<Ticket>> find(String number, List<String> scope) {
    return tickets.findByNumber(pool, number, scope);
  }

  /** The tickets with these ids, in no particular order; unknown ids are skipped. */
  public Future<List<Ticket>> findAll(Collection<Long> ids) {
    return ids.isEmpty() ? Future.succeededFuture(List.of()) : tickets.findByIds(pool, ids);
  }

  /** Tickets recorded during these calls, oldest first. */
  public Future<List<Ticket>> ofCalls(Collection<String> callIds) {
    return ofCalls(pool, callIds);
  }

  /** As {@link #ofCalls(Collection)}, in the caller's transaction. */
  public Future<List<Ticket>> ofCalls(SqlClient db, Collection<String> callIds) {
    return callIds.isEmpty() ? Future.succeededFuture(List.of()) : tickets.findByCallIds(db, callIds);
  }

  public Future<List<Ticket>> list(ChannelTicketQuery q) {
    return tickets.list(pool, q);
  }

  /** Each ticket's events with one of {@code actions} (e.g. its replies), oldest first. */
  public Future<Map<Long, List<TicketEvent>>> events(Collection<Long> ticketIds, Set<String> actions) {
    return ticketIds.isEmpty() ? Future.succeededFuture(Map.of()) : TicketEventRepository.events(pool, ticketIds, actions);
  }
}
