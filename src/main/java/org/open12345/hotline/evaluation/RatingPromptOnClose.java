package org.open12345.hotline.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.regex.Pattern;
import org.open12345.hotline.auth.Actor;
import org.open12345.hotline.ticket.Ticket;
import org.open12345.hotline.ticket.TicketAction;
import org.open12345.hotline.ticket.TicketChangeListener;

/**
 * When a ticket is closed (办结), the citizen is asked to rate it by SMS (一事一评), in the closing
 * transaction: the prompt exists exactly when the close committed, and the reply that follows is
 * matched to it by the SMS webhook.
 */
public final class RatingPromptOnClose implements TicketChangeListener {
  /** Only mainland mobiles can answer an SMS prompt; landlines and withheld numbers are skipped. */
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
  private final RatingPromptService prompts;

  public RatingPromptOnClose(RatingPromptService prompts) {
    this.prompts = prompts;
  }

  @Override
  public Future<Ticket> afterChange(SqlConnection tx, Ticket before, Ticket after, TicketAction action, Actor actor,
      Instant at) {
    if (action != TicketAction.CLOSE || after.citizenPhone() == null
        || !MOBILE.matcher(after.citizenPhone()).matches()) {
      return Future.succeededFuture(after);
    }
    return prompts.open(tx, after, after.citizenPhone()).map(after);
  }
}
