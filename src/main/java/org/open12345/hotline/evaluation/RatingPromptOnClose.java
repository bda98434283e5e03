package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketChangeListener;

/**
 * When a ticket is closed (办结), or answered on the spot (直接办结), a rating round opens and the
 * citizen is asked to rate it by SMS (一事一评), in the closing transaction: the prompt exists
 * exactly when the close committed, and the reply that follows is matched to it by the SMS webhook.
 * A phone that cannot take the SMS (a landline) or opted out still gets the round: the citizen may
 * rate on the web.
 */
public final class RatingPromptOnClose implements TicketChangeListener {
  private final RatingPromptService prompts;

  public RatingPromptOnClose(RatingPromptService prompts) {
    this.prompts = prompts;
  }

  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at) {
    boolean concluded = action == TicketAction.CLOSE || action == TicketAction.ANSWER_ON_SPOT;
    if (!concluded || after.citizenPhone() == null || after.citizenPhone().isBlank()) {
      return Future.succeededFuture(after);
    }
    return prompts.open(tx, after, after.citizenPhone()).map(after);
  }
}
