package org.open12345.hotline.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.auth.Role;
import org.open12345.hotline.evaluation.RatingService.TicketRatings;
import org.open12345.hotline.handling.CoPart;
import org.open12345.hotline.problem.Problem;
import org.open12345.hotline.ticket.Ticket;

/**
 * What the ticket page shows besides the ticket and its clock: its ratings and 差评 cases (from
 * the evaluation feature), its co-departments' parts (协办, from the handling feature), and the
 * reveal of a confidential requester's contacts. Each through its feature's service.
 */
final class TicketExtras {
  private final ConsoleFeature.Desks desks;
  private final TicketExtrasModel model;

  TicketExtras(ConsoleFeature.Desks desks, TicketExtrasModel model) {
    this.desks = desks;
    this.model = model;
  }

  /** Whether a department's staff assist on the ticket now (协办), so may read its page. */
  Future<Boolean> assists(String number, Viewer viewer) {
    if (viewer.role() != Role.DEPARTMENT) {
      return Future.succeededFuture(false);
    }
    return desks.co().ofTicket(number, viewer.actor()).map(parts -> true).recover(TicketExtras::falseIfNotFound);
  }

  Future<Map<String, Object>> of(Ticket t, Viewer viewer) {
    Actor actor = viewer.actor();
    // A co-department reads the ticket but not its ratings (they are the lead department's).
    Future<TicketRatings> ratings = actor.sees(t.departmentId())
        ? desks.ratings().ofTicket(t.number(), actor) : Future.succeededFuture(null);
    Future<List<CoPart>> parts = desks.co().ofTicket(t.number(), actor)
        .recover(e -> falseIfNotFound(e).map(no -> List.of()));
    return Future.all(ratings, parts).map(v -> model.of(t, ratings.result(), parts.result(), viewer));
  }

  Future<JsonObject> reveal(String number, Viewer viewer, String reason, String address) {
    return desks.reveals().reveal(number, viewer.actor(), reason, address);
  }

  private static Future<Boolean> falseIfNotFound(Throwable e) {
    return e instanceof Problem p && p.kind() == Problem.Kind.NOT_FOUND ? Future.succeededFuture(false)
        : Future.failedFuture(e);
  }
}
