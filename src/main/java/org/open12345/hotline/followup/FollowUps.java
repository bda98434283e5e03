package org.open12345.hotline.followup;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.followup.FollowUpRepository.NewTry;
import org.open12345.hotline.followup.FollowUpRepository.OpenQuestion;
import org.open12345.hotline.notify.NewMessage;
import org.open12345.hotline.notify.Outbox;
import org.open12345.hotline.notify.template.MessageTemplates;
import org.open12345.hotline.ticket.ActionRequest;
import org.open12345.hotline.ticket.PhoneNumbers;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketEventRepository;
import org.open12345.hotline.ticket.TicketNotFound;
import org.open12345.hotline.ticket.TicketService;
import org.open12345.hotline.ticket.TicketStateMachine;
import org.open12345.hotline.ticket.TicketStatus;

/**
 * 回访: after the department's reply the centre asks the citizen whether the matter is solved,
 * by phone (a person records each try) or by an SMS question (the answer comes through the SMS
 * webhook). Solved → the ticket closes; not solved → it is reopened (重办); nobody reached after
 * the configured tries → it closes as unreachable. Each try is in the ticket's log (FOLLOW_UP),
 * and the conclusions give the 解决率.
 */
public final class FollowUps {
  private static final Set<Role> CENTRE = EnumSet.of(Role.OPERATOR, Role.DISPATCHER, Role.SUPERVISOR);
  private static final Actor CITIZEN = new Actor("citizen", Role.CITIZEN, null);

  private final Pool pool;
  private final TicketService tickets;
  private final FollowUpRepository repository;
  private final FollowUpRules rules;
  private final Outbox outbox;
  private final MessageTemplates templates;
  private final Duration replyWindow;
  private final Clock clock;

  public FollowUps(Pool pool, TicketService tickets, FollowUpRepository repository, FollowUpRules rules,
      Outbox outbox, MessageTemplates templates, Duration replyWindow, Clock clock) {
    this.pool = pool;
    this.tickets = tickets;
    this.repository = repository;
    this.rules = rules;
    this.outbox = outbox;
    this.templates = templates;
    this.replyWindow = replyWindow;
    this.clock = clock;
  }

  /** A recorded try and the ticket as it is after it (closed, reopened, or still REPLIED). */
  public record Recorded(FollowUp followUp, Ticket ticket) {}

  /** A try by phone: the citizen's answer, or nobody answered. */
  public Future<Recorded> recordCall(String number, Actor actor, FollowUpResult result, String note) {
    if (!CENTRE.contains(actor.role())) {
      return Future.failedFuture(FollowUpRefused.role(actor.role()));
    }
    Instant now = clock.instant();
    return pool.withTransaction(tx -> lockDue(tx, number).compose(t -> repository.unansweredInRound(tx, t.id())
        .compose(unanswered -> {
          FollowUpConclusion conclusion = rules.conclude(result, unanswered).orElse(null);
          NewTry call = new NewTry(t.id(), t.departmentId(), "PHONE", result, conclusion, now, null, now,
              t.citizenPhone(), actor.id(), note);
          int tries = unanswered + (result == FollowUpResult.NO_ANSWER ? 1 : 0);
          return repository.insert(tx, call)
              .compose(f -> logged(tx, t, f, actor, tries, now).compose(v -> concluded(tx, t, f, actor, now)));
        })));
  }

  /** Sends the follow-up question by SMS; the answer arrives through the SMS webhook. */
  public Future<Recorded> ask(String number, Actor actor) {
    if (!CENTRE.contains(actor.role())) {
      return Future.failedFuture(FollowUpRefused.role(actor.role()));
    }
    Instant now = clock.instant();
    return pool.withTransaction(tx -> lockDue(tx, number).compose(t -> {
      if (!PhoneNumbers.isMainlandMobile(t.citizenPhone())) {
        throw FollowUpRefused.notTextable(t);
      }
      return repository.openQuestionOf(tx, t.id(), now).compose(open -> {
        if (open.isPresent()) {
          throw FollowUpRefused.questionPending(t, open.get().id());
        }
        NewTry question = new NewTry(t.id(), t.departmentId(), "SMS", null, null, now, now.plus(replyWindow), null,
            t.citizenPhone(), actor.id(), null);
        return repository.insert(tx, question).compose(f -> {
          Map<String, Object> vars = Map.of("ticketNo", t.number());
          String text = templates.render("sms/follow-up-question", vars).text();
          Future<Long> sent = outbox.enqueue(tx, new NewMessage("follow-up-question", "sms", t.citizenPhone(), null,
              text, null, "follow-up-question:" + f.id(), new JsonObject().put("follow_up_id", f.id())
                  .put("vars", new JsonObject(vars)), t.id(), true));
          Future<Void> logged = TicketEventRepository.append(tx, t.id(), now, actor, "FOLLOW_UP_ASKED", t.status(),
              t.status(), new JsonObject().put("follow_up_id", f.id()).put("method", "SMS")
                  .put("expires_at", f.expiresAt().toString()));
          return Future.all(sent, logged).map(v -> new Recorded(f, t));
        });
      });
    }));
  }

  /**
   * The phone's SMS question still waiting for an answer, locked until the caller's transaction
   * ends; for the SMS webhook, which decides what a citizen's message is.
   */
  public Future<Optional<OpenQuestion>> openQuestionOf(SqlConnection tx, String phone) {
    return repository.lockOpenQuestionOf(tx, phone, clock.instant());
  }

  /**
   * The citizen answered the question by SMS (the webhook parsed it with
   * {@link FollowUpReplyParser}). If the ticket meanwhile left REPLIED (the centre closed or
   * reopened it), the answer is kept but decides nothing.
   */
  public Future<FollowUp> answer(SqlConnection tx, OpenQuestion question, FollowUpResult result,
      long inboundMessageId) {
    Instant now = clock.instant();
    return tickets.repository().lockByNumber(tx, question.ticketNumber()).compose(found -> {
      Ticket t = found.orElseThrow(() -> new TicketNotFound(question.ticketNumber()));
      FollowUpConclusion conclusion = t.status() == TicketStatus.REPLIED
          ? rules.conclude(result, 0).orElse(null) : null;
      return repository.answer(tx, question.id(), result, conclusion, now, inboundMessageId)
          .compose(f -> logged(tx, t, f, CITIZEN, 0, now).compose(v -> concluded(tx, t, f, CITIZEN, now)))
          .map(Recorded::followUp);
    });
  }

  /** The ticket's tries, if the reader's scope covers the ticket (else not found, like a missing one). */
  public Future<List<FollowUp>> ofTicket(String number, Actor reader) {
    return tickets.find(number, reader.scope()).compose(found -> {
      Ticket t = found.orElseThrow(() -> new TicketNotFound(number));
      return repository.ofTicket(pool, t.id());
    });
  }

  /** @param from inclusive or null; @param to exclusive or null; @param departmentId null = all */
  public Future<ResolutionFigures> figures(Instant from, Instant to, String departmentId) {
    return repository.counts(pool, from, to, departmentId)
        .map(c -> new ResolutionFigures(from, to, departmentId, c.reached(), c.solved(), c.unreachable()));
  }

  private Future<Ticket> lockDue(SqlConnection tx, String number) {
    return tickets.repository().lockByNumber(tx, number).map(found -> {
      Ticket t = found.orElseThrow(() -> new TicketNotFound(number));
      if (t.status() != TicketStatus.REPLIED) {
        throw FollowUpRefused.notDue(t);
      }
      return t;
    });
  }

  private static Future<Void> logged(SqlConnection tx, Ticket t, FollowUp f, Actor actor, int unansweredTries,
      Instant at) {
    JsonObject d = new JsonObject().put("follow_up_id", f.id()).put("method", f.method())
        .put("result", f.result().name()).put("result_label", f.result().label());
    if (f.result() == FollowUpResult.NO_ANSWER) {
      d.put("unanswered_tries", unansweredTries);
    }
    if (f.conclusion() != null) {
      d.put("conclusion", f.conclusion().name()).put("conclusion_label", f.conclusion().label());
    }
    if (f.note() != null) {
      d.put("note", f.note());
    }
    return TicketEventRepository.append(tx, t.id(), at, actor, "FOLLOW_UP", t.status(), t.status(), d);
  }

  /** The ticket after what a conclusion does to it: close, or reopen (重办) when not solved. */
  private Future<Recorded> concluded(SqlConnection tx, Ticket t, FollowUp f, Actor actor, Instant at) {
    if (f.conclusion() == null) {
      return Future.succeededFuture(new Recorded(f, t));
    }
    TicketAction action = f.conclusion() == FollowUpConclusion.NOT_SOLVED ? TicketAction.REOPEN : TicketAction.CLOSE;
    // The recorder acts in their own name when their role may; an operator's or the citizen's
    // answer is carried out by the system.
    Actor by = TicketStateMachine.allowed(t.status(), actor.role()).contains(action) ? actor : Actor.SYSTEM;
    String note = "回访" + f.conclusion().label() + (f.conclusion() == FollowUpConclusion.NOT_SOLVED ? "，重办" : "，办结");
    ActionRequest request = new ActionRequest(note, null, f.conclusion() == FollowUpConclusion.NOT_SOLVED
        ? "回访未解决" : null, null);
    Future<Void> questionsClosed = repository.closeQuestions(tx, t.id(), at);
    Future<Ticket> acted = tickets.act(tx, t, action, by, request);
    return Future.all(questionsClosed, acted).map(v -> new Recorded(f, acted.result()));
  }
}
