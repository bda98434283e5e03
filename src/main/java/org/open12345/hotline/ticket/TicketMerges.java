package org.open12345.hotline.ticket;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.problem.InvalidField;

/**
 * 并案 rules: a ticket merged into a master that exists, is open (not ended, not yet replied) and
 * not merged itself; both tickets' logs show the link; a ticket that is a master cannot be merged
 * (its own tickets would follow a merged ticket). Closing the master closes its merged tickets;
 * an unmerge takes a ticket back to where the merge found it.
 */
final class TicketMerges {
  private final TicketMergeRepository links;
  private final TicketService service;

  TicketMerges(TicketMergeRepository links, TicketService service) {
    this.links = links;
    this.service = service;
  }

  Future<Ticket> merge(SqlConnection tx, String number, Actor actor, ActionRequest request, Instant at) {
    try {
      TicketStateMachine.requireRole(TicketAction.MERGE, actor.role());
    } catch (TransitionRefused refused) {
      return Future.failedFuture(refused);
    }
    String masterNumber = request.masterNumber();
    if (masterNumber == null) {
      return Future.failedFuture(new InvalidField("master_number", "is required to merge a ticket"));
    }
    if (masterNumber.equals(number)) {
      return Future.failedFuture(new InvalidField("master_number", "a ticket cannot be merged into itself"));
    }
    return links.lockByNumbers(tx, number, masterNumber).compose(locked -> {
      Ticket ticket = locked.get(number);
      if (ticket == null) {
        throw new TicketNotFound(number);
      }
      Ticket master = locked.get(masterNumber);
      // The role and the ticket's own state first: a 403/409 about the caller's ticket beats one about the master.
      TicketStateMachine.next(ticket.status(), TicketAction.MERGE, actor.role());
      if (master == null) {
        throw new InvalidField("master_number", "no ticket " + masterNumber);
      }
      if (master.status().terminal() || master.status() == TicketStatus.REPLIED) {
        throw MergeRefused.masterNotOpen(master);
      }
      return links.hasMerged(tx, ticket.id()).compose(isMaster -> {
        if (isMaster) {
          throw MergeRefused.isAMaster(ticket);
        }
        JsonObject masterDetails = new JsonObject().put("merged_number", ticket.number());
        if (request.note() != null) {
          masterDetails.put("note", request.note());
        }
        Future<Void> linked = links.link(tx, ticket.id(), master.id(), ticket.status(), at, actor.id());
        Future<Void> shown = TicketEventRepository.append(tx, master.id(), at, actor, "MERGED_IN", master.status(),
            master.status(), masterDetails);
        Future<Ticket> merged = service.change(tx, ticket, TicketAction.MERGE, TicketStatus.MERGED,
            ticket.departmentId(), actor, request, at);
        return Future.all(linked, shown, merged).map(v -> merged.result());
      });
    });
  }

  Future<Ticket> unmerge(SqlConnection tx, Ticket ticket, Actor actor, ActionRequest request, Instant at) {
    // Refuses a ticket that is not merged, or a role that may not, before anything is written.
    TicketStateMachine.next(ticket.status(), TicketAction.UNMERGE, actor.role());
    return links.unlink(tx, ticket.id()).compose(found -> {
      TicketMergeRepository.Unlinked link = found.orElseThrow(() -> new IllegalStateException(
          "ticket " + ticket.number() + " is MERGED without a merge link"));
      TicketStatus next = TicketStateMachine.unmergeTo(ticket.status(), link.mergedFrom(), actor.role());
      ActionRequest withMaster = new ActionRequest(request.note(), null, request.reason(), link.masterNumber());
      JsonObject masterDetails = new JsonObject().put("unmerged_number", ticket.number());
      Future<Void> shown = TicketEventRepository.append(tx, link.masterId(), at, actor, "UNMERGED_OUT",
          link.masterStatus(), link.masterStatus(), masterDetails);
      Future<Ticket> back = service.change(tx, ticket, TicketAction.UNMERGE, next, ticket.departmentId(), actor,
          withMaster, at);
      return Future.all(shown, back).map(v -> back.result());
    });
  }

  /** The master closed: each ticket still merged into it closes with it (their citizens are asked to rate). */
  Future<Void> closeMerged(SqlConnection tx, Ticket master, Instant at) {
    return links.lockMerged(tx, master.id()).compose(merged -> {
      Future<Void> chain = Future.succeededFuture();
      for (Ticket t : merged) {
        if (t.status() != TicketStatus.MERGED) {
          continue;
        }
        ActionRequest note = new ActionRequest("随主工单 " + master.number() + " 办结", null, null, master.number());
        chain = chain.compose(v -> service.change(tx, t, TicketAction.CLOSE, TicketStatus.CLOSED, t.departmentId(),
            Actor.SYSTEM, note, at).mapEmpty());
      }
      return chain;
    });
  }

  Future<List<Ticket>> lockMerged(SqlConnection tx, long masterId) {
    return links.lockMerged(tx, masterId);
  }

  /** The detail's links: the master a ticket is merged into, and the tickets merged into it. */
  Future<MergeLinks> linksOf(SqlClient db, long ticketId) {
    Future<Optional<String>> master = links.masterOf(db, ticketId);
    Future<List<String>> merged = links.mergedNumbers(db, ticketId);
    return Future.all(master, merged).map(v -> new MergeLinks(master.result().orElse(null), merged.result()));
  }
}
